import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EVENT_CATALOGUE,
  EVENT_SOURCES,
  findCatalogueEntry,
  findEventSource,
} from '../../../src/core/knowledge/event-catalogue.js';

describe('event catalogue: lookup', () => {
  const ROWS: { name: string; id: number; source?: string; want: { kind: string; family: string } | undefined }[] = [
    { name: '12015 alone', id: 12015, want: { kind: 'internal-cert-expired', family: 'transport' } },
    {
      name: '12014 from the front end',
      id: 12014,
      source: 'MSExchangeFrontEndTransport',
      want: { kind: 'starttls-cert-missing', family: 'transport' },
    },
    { name: '12025 is not a certificate event', id: 12025, want: { kind: 'not-certificate', family: 'transport' } },
    {
      name: '1003 from the front-end proxy',
      id: 1003,
      source: 'MSExchange Front End HTTPS Proxy',
      want: { kind: 'auth-cert-problem', family: 'front-end-https-proxy' },
    },
    {
      name: '1003 from Message Security',
      id: 1003,
      source: 'MSExchange Message Security',
      want: { kind: 'edge-credential-cert-missing', family: 'message-security' },
    },
    {
      name: '1003 alone means the proxy',
      id: 1003,
      want: { kind: 'auth-cert-problem', family: 'front-end-https-proxy' },
    },
    { name: '1003 from an unknown source', id: 1003, source: 'Application Error', want: undefined },
    {
      name: '2004 from OAuth',
      id: 2004,
      source: 'MSExchange OAuth',
      want: { kind: 'auth-cert-problem', family: 'oauth' },
    },
    {
      name: '2004 from Certificate Deployment',
      id: 2004,
      source: 'MSExchange Certificate Deployment',
      want: { kind: 'informational', family: 'certificate-deployment' },
    },
    {
      name: '2009 with source spelt loosely',
      id: 2009,
      source: 'msexchange certificate  deployment',
      want: { kind: 'federation-expiring', family: 'certificate-deployment' },
    },
    {
      name: '24 from the OAB handler',
      id: 24,
      source: 'MSExchange OABRequestHandler',
      want: { kind: 'cert-expired-generic', family: 'web-services' },
    },
    { name: 'Schannel 36888', id: 36888, source: 'Schannel', want: { kind: 'schannel', family: 'schannel' } },
    { name: 'an unknown ID', id: 4242, want: undefined },
    { name: 'a transport ID under another source', id: 12015, source: 'MSExchange OAuth', want: undefined },
  ];
  for (const row of ROWS) {
    it(row.name, () => {
      const entry = findCatalogueEntry(row.id, row.source);
      assert.deepEqual(entry && { kind: entry.kind, family: entry.family }, row.want);
    });
  }

  it('truncated source names resolve when only one fits', () => {
    assert.equal(findEventSource('MSExchangeFrontEndTr...')?.name, 'MSExchangeFrontEndTransport');
    assert.equal(findEventSource('MSExchangeFrontEn...'), undefined, 'front-end transport or HTTPS proxy');
    assert.equal(findEventSource('MSExchange Certifi...')?.name, 'MSExchange Certificate Deployment');
    assert.equal(findEventSource('MSExchange...'), undefined);
    assert.equal(findEventSource('MSExchangeTrans'), undefined);
  });
});

describe('event catalogue: data', () => {
  it('covers every MSExchangeTransport certificate event 12012–12025', () => {
    for (let id = 12012; id <= 12025; id++) assert.ok(findCatalogueEntry(id, 'MSExchangeTransport'), String(id));
  });

  it('lists the other certificate events of the brief', () => {
    const wanted: [number, string][] = [
      [2009, 'MSExchange Certificate Deployment'],
      [2010, 'MSExchange Certificate Deployment'],
      [1003, 'MSExchange Front End HTTPS Proxy'],
      [24, 'MSExchange Web Services'],
      [25, 'MSExchange Web Services'],
      [26, 'MSExchange OABRequestHandler'],
      [1120, 'MSExchange Unified Messaging'],
      [1643, 'MSExchange Unified Messaging'],
      [2004, 'MSExchange OAuth'],
      [2005, 'MSExchange OAuth'],
      [2011, 'MSExchange AuthAdmin'],
      [2012, 'MSExchange AuthAdmin'],
      [2014, 'MSExchange AuthAdmin'],
      [1035, 'MSExchange EdgeSync'],
      [1003, 'MSExchange Message Security'],
      ...[36870, 36871, 36881, 36882, 36886, 36887, 36888].map((id): [number, string] => [id, 'Schannel']),
    ];
    for (const [id, source] of wanted) assert.ok(findCatalogueEntry(id, source), `${source} ${id}`);
  });

  it('has one entry per ID and source family', () => {
    const keys = EVENT_CATALOGUE.map((entry) => `${entry.id}/${entry.family}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('names, references and sources are filled, and every source is a known one', () => {
    for (const entry of EVENT_CATALOGUE) {
      assert.ok(entry.symbolicName && entry.reference && entry.title, String(entry.id));
      assert.ok(entry.sources.length > 0);
      for (const source of entry.sources) assert.equal(findEventSource(source)?.family, entry.family, source);
    }
    assert.ok(EVENT_SOURCES.length > 0);
  });

  it('Schannel events are corroborating only; 12025 and 12021 are not certificate events', () => {
    for (const entry of EVENT_CATALOGUE.filter((e) => e.family === 'schannel')) assert.equal(entry.corroborating, true);
    assert.equal(findCatalogueEntry(12025)?.certificateRelated, false);
    assert.equal(findCatalogueEntry(12021)?.certificateRelated, false);
  });

  it('only the distinctive 120xx IDs may be read from a bare number', () => {
    const bare = EVENT_CATALOGUE.filter((entry) => entry.bareId).map((entry) => entry.id);
    assert.ok(bare.every((id) => id >= 12012 && id <= 12025));
  });

  it('no message template matches an empty string or plain prose', () => {
    for (const entry of EVENT_CATALOGUE) {
      for (const message of entry.messages) {
        assert.equal(message.regex.test(''), false, `${entry.id} ${message.regex}`);
        assert.equal(message.regex.test('The certificate is fine. Nothing to see here.'), false);
      }
    }
  });

  const TEMPLATE_ROWS: { id: number; text: string; groups: Record<string, string> }[] = [
    {
      id: 12015,
      text: 'An internal transport certificate expired. Thumbprint:3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C',
      groups: { thumbprint: '3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C' },
    },
    {
      id: 12017,
      text: 'An internal transport certificate will expire soon. Thumbprint:4B7670E292365AC9BB92935281E6A52675C82B02, hours remaining: 1187',
      groups: { thumbprint: '4B7670E292365AC9BB92935281E6A52675C82B02', hoursRemaining: '1187' },
    },
    {
      id: 12016,
      text: 'There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.fabrikam.com. The existing certificate',
      groups: { fqdn: 'mail.fabrikam.com' },
    },
    {
      id: 2009,
      text: 'The federation certificate 9C2F0B0A0D041FD20D1F6635283511EB308A706C will expire in less than 15 days.',
      groups: { thumbprint: '9C2F0B0A0D041FD20D1F6635283511EB308A706C' },
    },
  ];
  for (const row of TEMPLATE_ROWS) {
    it(`the first template of ${row.id} captures its parameters`, () => {
      const regex = findCatalogueEntry(row.id)!.messages[0]!.regex;
      const groups = regex.exec(row.text)?.groups ?? {};
      for (const [name, value] of Object.entries(row.groups)) assert.equal(groups[name], value, name);
    });
  }
});
