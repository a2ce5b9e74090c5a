import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildServerFacts, issuerKindOf } from '../../../src/core/facts/build-facts.js';
import type { CertificateFacts, EventFacts } from '../../../src/core/model.js';
import { type Evidence, emptyEvidence } from '../../../src/core/recognize/evidence.js';

// The facts builder reads hand-made Evidence: what a recogniser would hand it, nothing parsed here.

const SETUP: CertificateFacts = {
  thumbprint: 'EEDF204D5588B834180F8F331B8A4CA6E6BC0144',
  subject: 'CN=EXMB01',
  issuer: 'CN=EXMB01',
  domains: ['EXMB01', 'EXMB01.corp.contoso.com'],
  selfSigned: true,
  daysLeft: -46,
  services: ['IMAP', 'POP', 'IIS', 'SMTP'],
  role: 'exchange-self-signed',
  source: 'exchange-list',
};
const CA: CertificateFacts = {
  thumbprint: 'DD4DBF755BC9B865B631D71CE20ADF7085E52E9B',
  subject: 'CN=mail.contoso.com, O=Contoso Ltd, C=US',
  issuer: 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US',
  domains: ['mail.contoso.com'],
  selfSigned: false,
  daysLeft: 119,
  services: ['IIS', 'SMTP'],
  role: 'ca-issued',
  source: 'exchange-list',
};

function evidence(parts: Partial<Evidence>): Evidence {
  return { ...emptyEvidence(), ...parts };
}

describe('buildServerFacts', () => {
  it('weak hints never override a strong one; the strong release is kept with its evidence', () => {
    const [facts] = buildServerFacts({
      evidence: evidence({
        versionHints: [
          { version: '2010', reason: 'services-6' },
          {
            version: '2013+',
            reason: 'admin-display-version',
            strength: 'strong',
            release: '2016',
            quote: 'Version 15.1 (Build 2507.6)',
          },
        ],
      }),
      events: [],
      certificates: [SETUP],
    });
    assert.equal(facts?.version?.value, '2016');
    assert.equal(facts?.version?.strength, 'strong');
    assert.deepEqual(facts?.version?.evidence, ['admin-display-version: Version 15.1 (Build 2507.6)']);
  });

  it('says conflicting strong signals instead of choosing one', () => {
    const [facts] = buildServerFacts({
      evidence: evidence({
        versionHints: [
          { version: '2007', reason: 'w2003-event-format' },
          { version: '2013+', reason: 'frontend-transport' },
        ],
      }),
      events: [],
      certificates: [],
    });
    assert.equal(facts?.version, undefined);
    assert.equal(facts?.versionConflict?.length, 2);
  });

  it('one entry per server: EX01 and EX01.contoso.com are one, each event and listing goes to its own', () => {
    const events: EventFacts[] = [
      { id: 12015, computer: 'HUB01.contoso.com', thumbprint: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      {
        id: 12014,
        computer: 'EDGE01.dmz.contoso.com',
        fqdn: 'edge01.dmz.contoso.com',
        connector: 'Default internal receive connector EDGE01',
      },
    ];
    const servers = buildServerFacts({
      evidence: evidence({ servers: ['HUB01'] }),
      events,
      certificates: [{ ...SETUP, servers: ['HUB01'] }],
    });
    assert.deepEqual(
      servers.map((s) => [s.name, s.fqdn]),
      [
        ['HUB01', 'HUB01.contoso.com'],
        ['EDGE01', 'EDGE01.dmz.contoso.com'],
      ],
    );
    assert.equal(servers[0]?.certificates.length, 2, 'the listed certificate and the one 12015 names');
    assert.equal(servers[0]?.certificates.find((c) => c.thumbprint?.startsWith('AAAA'))?.internalTransport, true);
    assert.deepEqual(
      servers[1]?.connectors.map((c) => c.name),
      ['Default internal receive connector EDGE01'],
    );
    assert.equal(servers[1]?.roles[0]?.value, 'edge');
  });

  it('Services is history: a Setup certificate listing IIS has no known IIS use without a binding', () => {
    const [facts] = buildServerFacts({ evidence: evidence({}), events: [], certificates: [SETUP, CA] });
    const setup = facts?.certificates.find((c) => c.thumbprint === SETUP.thumbprint);
    assert.deepEqual(setup?.servicesHistory, ['IMAP', 'POP', 'IIS', 'SMTP']);
    assert.equal(setup?.iisFrontEnd, undefined);
  });

  it('a known use names one certificate and rules out the others', () => {
    const [facts] = buildServerFacts({
      evidence: evidence({
        servers: ['EXMB01'],
        certificateUses: [
          { thumbprint: CA.thumbprint as string, use: 'iisFrontEnd', port: 443, source: 'netsh-sslcert' },
          { thumbprint: SETUP.thumbprint as string, use: 'backEnd444', port: 444, source: 'netsh-sslcert' },
          {
            thumbprint: SETUP.thumbprint as string,
            use: 'internalTransport',
            server: 'EXMB01',
            source: 'get-transportservice',
          },
        ],
        authConfig: { currentThumbprint: 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' },
      }),
      events: [],
      certificates: [SETUP, CA],
    });
    const setup = facts?.certificates.find((c) => c.thumbprint === SETUP.thumbprint);
    const ca = facts?.certificates.find((c) => c.thumbprint === CA.thumbprint);
    assert.deepEqual([setup?.iisFrontEnd, ca?.iisFrontEnd], [false, true]);
    assert.deepEqual([setup?.backEnd444, ca?.backEnd444], [true, false]);
    assert.deepEqual([setup?.internalTransport, ca?.internalTransport], [true, false]);
    assert.deepEqual([setup?.authCurrent, ca?.authCurrent], [false, false]);
  });

  it('a connector pins a certificate by issuer and subject, whatever the DN order or spacing', () => {
    const [facts] = buildServerFacts({
      evidence: evidence({
        connectors: [
          {
            name: 'Outbound to Office 365 - 4c7d',
            kind: 'send',
            namedBy: 'listing',
            tlsCertificateName:
              '<I>C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1<S>C=US,O=Contoso Ltd,CN=mail.contoso.com',
          },
        ],
      }),
      events: [],
      certificates: [CA],
    });
    assert.deepEqual(facts?.certificates[0]?.pinnedBy, ['Outbound to Office 365 - 4c7d']);
  });

  it('the word Edge in prose is weak; ServerRole is strong', () => {
    const [weak] = buildServerFacts({ evidence: evidence({ roles: ['edge', 'hub'] }), events: [], certificates: [CA] });
    assert.deepEqual(
      weak?.roles.map((r) => [r.value, r.strength]),
      [
        ['edge', 'weak'],
        ['hub', 'weak'],
      ],
    );
    const [strong] = buildServerFacts({
      evidence: evidence({
        roles: ['edge'],
        roleEvidence: [{ role: 'mailbox', strength: 'strong', reason: 'server-role-field', quote: 'Mailbox' }],
      }),
      events: [],
      certificates: [CA],
    });
    assert.deepEqual(
      strong?.roles.map((r) => r.value),
      ['mailbox'],
      'prose yields to ServerRole',
    );
  });

  it('an empty paste has no servers', () => {
    assert.deepEqual(buildServerFacts({ evidence: evidence({}), events: [], certificates: [] }), []);
  });
});

describe('issuer kind', () => {
  const cases: [string, Pick<CertificateFacts, 'subject' | 'issuer' | 'selfSigned'>, string][] = [
    ['IsSelfSigned True, issuer = subject', { subject: 'CN=EX01', issuer: 'CN=EX01', selfSigned: true }, 'self-signed'],
    ['issuer differs from subject', { subject: 'CN=mail.contoso.com', issuer: 'CN=Contoso CA' }, 'ca'],
    ['IsSelfSigned False', { subject: 'CN=mail.contoso.com', issuer: '', selfSigned: false }, 'ca'],
    ['a table row without issuer or IsSelfSigned', { subject: 'CN=EX01', issuer: '' }, 'unknown'],
    ['issuer = subject but the paste does not say self-signed', { subject: 'CN=EX01', issuer: 'CN=EX01' }, 'unknown'],
  ];
  for (const [name, cert, kind] of cases) it(name, () => assert.equal(issuerKindOf(cert), kind));
});
