import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { EventFacts } from '../../../src/core/model.js';
import { recognizeEvents } from '../../../src/core/recognize/events.js';
import type { Evidence } from '../../../src/core/recognize/evidence.js';
import { assertEventsMatch } from '../../helpers/events.js';

function corpus(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}

function assertEvents(evidence: Partial<Evidence>, want: Partial<EventFacts>[]): void {
  assertEventsMatch(evidence.events ?? [], want);
}

const TP_S01 = '3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C';
const TP_S09 = '30407DDD42DA6F21EC6C3138F68FFC0033F6AC17';
const TP_EPHEMERAL = 'B869F73A4C8814DE3733DB01440EFEAC1ED18BB5';
const TP_12017 = '4B7670E292365AC9BB92935281E6A52675C82B02';

interface CorpusRow {
  name: string;
  file: string;
  want: Partial<EventFacts>[];
  japanese?: boolean;
  hints?: string[];
  roles?: string[];
}

const CORPUS_ROWS: CorpusRow[] = [
  {
    name: 's01 Exchange 2007 Hub, Windows 2003 layout',
    file: 's01-e2007-hub-12015.txt',
    want: [
      {
        id: 12015,
        format: 'w2003',
        source: 'MSExchangeTransport',
        level: 'warning',
        computer: 'HUB01',
        thumbprint: TP_S01,
        loggedAt: '2008-07-14T08:02:11Z',
        known: true,
      },
    ],
    japanese: false,
    hints: ['2007:w2003-event-format'],
    roles: ['hub'],
  },
  {
    name: 's02 Japanese Windows 2003 layout, two events',
    file: 's02-e2007-edge-12015-12014-ja.txt',
    want: [
      {
        id: 12015,
        format: 'w2003',
        level: 'warning',
        computer: 'EDGE01',
        thumbprint: '05BF1B45BE5F0648F369A3C183013E53EAA56DFE',
        loggedAt: '2008-09-03T09:15:42Z',
      },
      {
        id: 12014,
        format: 'w2003',
        level: 'error',
        computer: 'EDGE01',
        fqdn: 'edge01.dmz.contoso.co.jp',
        connector: '組織内の SMTP 送信コネクタ',
      },
    ],
    japanese: true,
    hints: ['2007:w2003-event-format'],
    roles: ['edge'],
  },
  {
    name: 's03 12014 with a plain FQDN',
    file: 's03-e2010-edge-12014-fqdn.txt',
    want: [
      {
        id: 12014,
        format: 'w2008',
        level: 'error',
        fqdn: 'mail.contoso.com',
        connector: 'Default internal receive connector EDGE01',
        computer: 'EDGE01.dmz.contoso.com',
        loggedAt: '2026-11-26T15:41:07Z',
        tlsCertificateName: undefined,
      },
    ],
    roles: ['edge'],
  },
  {
    name: 's04 12017 with hours remaining',
    file: 's04-e2010-hub-12017-expiring.txt',
    want: [
      {
        id: 12017,
        thumbprint: TP_12017,
        hoursRemaining: 1187,
        computer: 'HUB2010.corp.contoso.com',
        level: 'warning',
        loggedAt: '2026-11-28T06:00:03Z',
        estimatedNotAfter: '2027-01-16T17:00:03Z',
      },
    ],
  },
  {
    name: 's05 12016',
    file: 's05-e2010-edge-12016-starttls-expired.txt',
    want: [{ id: 12016, fqdn: 'mail.fabrikam.com', computer: 'EDGE2010.dmz.fabrikam.com', level: 'error' }],
  },
  {
    name: 's06 12018: the subject is the FQDN',
    file: 's06-e2013-12018-starttls-expiring.txt',
    want: [
      {
        id: 12018,
        thumbprint: '323C4AC69827862C5A34F90937F81A838DBC2B87',
        fqdn: 'smtp.contoso.com',
        subject: 'smtp.contoso.com',
        hoursRemaining: 480,
        computer: 'EX2013.corp.contoso.com',
      },
    ],
  },
  {
    name: 's07 12014 naming <I>issuer<S>subject',
    file: 's07-e2016-frontend-12014-tlscertname.txt',
    want: [
      {
        id: 12014,
        source: 'MSExchangeFrontEndTransport',
        connector: 'Default Frontend EXHYB01',
        fqdn: 'mail.fabrikam.com',
        computer: 'EXHYB01.fabrikam.local',
        tlsCertificateName:
          '<I>CN=DigiCert TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.fabrikam.com, O=Fabrikam Inc, L=Seattle, S=Washington, C=US',
      },
    ],
    hints: ['2013+:frontend-transport', '2013+:tls-certificate-name'],
  },
  {
    name: 's08 Japanese Windows 2008 labels, English message',
    file: 's08-e2019-ja-labels-12014.txt',
    want: [
      {
        id: 12014,
        format: 'w2008',
        source: 'MSExchangeFrontEndTransport',
        level: 'error',
        connector: 'Default Frontend EXJP01',
        fqdn: 'mail.contoso.co.jp',
        computer: 'EXJP01.corp.contoso.co.jp',
        loggedAt: '2026-11-27T18:22:09Z',
      },
    ],
    japanese: true,
  },
  {
    name: 's09 12013 then 12024: the ephemeral thumbprint stays apart',
    file: 's09-e2019-12013-12024-internal-missing.txt',
    want: [
      { id: 12013, thumbprint: TP_S09, computer: 'EX2019A.corp.contoso.com', ephemeralThumbprint: undefined },
      {
        id: 12024,
        thumbprint: TP_S09,
        ephemeralThumbprint: TP_EPHEMERAL,
        computer: 'EX2019A.corp.contoso.com',
        level: 'warning',
      },
    ],
  },
  {
    name: 's10 12019 names the peer',
    file: 's10-e2013-12019-remote-expired.txt',
    want: [{ id: 12019, subject: 'EDGE01.dmz.contoso.com', computer: 'EX2013.corp.contoso.com' }],
  },
  {
    name: 's11 12025 is known and carries no certificate',
    file: 's11-12025-not-certificate.txt',
    want: [
      { id: 12025, known: true, computer: 'EX2019A.corp.contoso.com', thumbprint: undefined, loggedAt: undefined },
    ],
  },
  {
    name: 's12 Certificate Deployment 2009',
    file: 's12-federation-2009.txt',
    want: [
      {
        id: 2009,
        source: 'MSExchange Certificate Deployment',
        thumbprint: '9C2F0B0A0D041FD20D1F6635283511EB308A706C',
        computer: 'EX2016.corp.contoso.com',
        known: true,
      },
    ],
  },
  {
    name: 's13 1003 with single-space labels',
    file: 's13-owa-1003-auth-cert.txt',
    want: [{ id: 1003, source: 'MSExchange Front End HTTPS Proxy', known: true }],
    hints: ['2013+:frontend-https-proxy'],
  },
  { name: 's14 ASP.NET web event 3005 is no Windows event', file: 's14-owa-hmacprovider-assert.txt', want: [] },
  { name: 's15 HCW text', file: 's15-hcw-oauth-thumbprint.txt', want: [] },
  { name: 's26 queue', file: 's26-queue-454-tlscertificatename.txt', want: [] },
  { name: 's27 setup log', file: 's27-setup-certificate-expired.txt', want: [] },
];

/** The same paste as it arrives through other clipboards and terminals. */
const VARIANTS: { name: string; change: (text: string) => string }[] = [
  { name: 'as is', change: (text) => text },
  { name: 'CRLF', change: (text) => text.replace(/\n/g, '\r\n') },
  { name: 'indented', change: (text) => text.replace(/^/gm, '    ') },
  { name: 'tab-indented', change: (text) => text.replace(/^/gm, '\t') },
  { name: 'surrounded by prose', change: (text) => `Hi team, our server logs this:\n\n${text}\n\nAny idea?` },
];

describe('recognizeEvents: corpus samples', () => {
  for (const row of CORPUS_ROWS) {
    for (const variant of VARIANTS) {
      it(`${row.name} (${variant.name})`, () => {
        const evidence = recognizeEvents(variant.change(corpus(row.file)));
        assertEvents(evidence, row.want);
        if (row.japanese !== undefined) assert.equal(evidence.japanese ?? false, row.japanese);
        for (const hint of row.hints ?? []) {
          const hints = (evidence.versionHints ?? []).map((h) => `${h.version}:${h.reason}`);
          assert.ok(hints.includes(hint), `hint ${hint} in ${hints}`);
        }
        for (const role of row.roles ?? []) assert.ok(evidence.roles?.includes(role as 'edge'), `role ${role}`);
      });
    }
  }

  it('v15 paths hint 2013+ (s14)', () => {
    const hints = recognizeEvents(corpus('s14-owa-hmacprovider-assert.txt')).versionHints ?? [];
    assert.deepEqual(hints, [{ version: '2013+', reason: 'v15-path' }]);
  });

  it('certificate pastes carry no events', () => {
    for (const file of [
      'p01-pem-selfsigned-expired-sha1.txt',
      'p06-pem-chain-leaf-and-ca.txt',
      'p07-der-base64-leaf.txt',
      'p08-pem-with-private-key.txt',
      's16-thumbprint-invisible-mark.txt',
      's17-get-exchangecertificate-table.txt',
      's18-fl-expired-default-cert.txt',
      's19-ja-auth-cert-fl-authconfig.txt',
      's20-fl-de-revocation-check-failure.txt',
      's21-fl-pending-request.txt',
      's22-pem-ex2016-default-cert.txt',
      's23-openssl-text-expiring.txt',
      's24-certutil-dump-auth-cert.txt',
      's25-e2007-edge-fl-expired.txt',
    ]) {
      assert.deepEqual(recognizeEvents(corpus(file)).events, [], file);
    }
  });

  it('several corpus events pasted together keep their own fields', () => {
    const text = ['s01-e2007-hub-12015.txt', 's03-e2010-edge-12014-fqdn.txt', 's10-e2013-12019-remote-expired.txt']
      .map(corpus)
      .join('\n');
    assertEvents(recognizeEvents(text), [
      { id: 12015, format: 'w2003', computer: 'HUB01', thumbprint: TP_S01 },
      { id: 12014, format: 'w2008', computer: 'EDGE01.dmz.contoso.com', fqdn: 'mail.contoso.com' },
      { id: 12019, format: 'w2008', computer: 'EX2013.corp.contoso.com', subject: 'EDGE01.dmz.contoso.com' },
    ]);
  });
});
