import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITIONS } from '../../../src/core/facts/conditions.js';
import type { PlanScope } from '../../../src/core/facts/plan-scope.js';
import type { ServerCertificate, ServerFacts } from '../../../src/core/facts/server-facts.js';
import { STEP_LIBRARY } from '../../../src/core/knowledge/step-library.js';

// Each named condition over hand-made facts: true, false, or undefined when the paste does not show it.

const setup: ServerCertificate = {
  thumbprint: 'EEDF204D5588B834180F8F331B8A4CA6E6BC0144',
  subject: 'CN=EXMB01',
  issuer: 'CN=EXMB01',
  issuerKind: 'self-signed',
  daysLeft: -46,
  servicesHistory: ['IMAP', 'POP', 'IIS', 'SMTP'],
  pinnedBy: [],
  presentedOn: [],
};
const ca: ServerCertificate = {
  thumbprint: 'DD4DBF755BC9B865B631D71CE20ADF7085E52E9B',
  subject: 'CN=mail.contoso.com',
  issuer: 'CN=DigiCert',
  issuerKind: 'ca',
  daysLeft: 119,
  servicesHistory: ['IIS', 'SMTP'],
  pinnedBy: [],
  presentedOn: [],
};

function scope(facts: Partial<ServerFacts>, extra: Partial<PlanScope> = {}): PlanScope {
  return { facts: { roles: [], certificates: [], connectors: [], ...facts }, values: {}, ...extra };
}
const strong = (value: ServerFacts['roles'][number]['value']) => ({
  value,
  evidence: ['test'],
  strength: 'strong' as const,
});
const weak = (value: ServerFacts['roles'][number]['value']) => ({
  value,
  evidence: ['prose'],
  strength: 'weak' as const,
});
const test = (name: string, s: PlanScope) => CONDITIONS[name]?.test(s);

describe('named conditions', () => {
  it('every condition that branches shows its deciding fact with a step of the library', () => {
    for (const [name, condition] of Object.entries(CONDITIONS)) {
      if (condition.unknown !== 'branch') continue;
      assert.ok(condition.shownBy?.length, `${name} has no step that shows it`);
      for (const id of condition.shownBy ?? []) assert.ok(STEP_LIBRARY.has(id), `${name}: ${id}`);
    }
  });

  const cases: [string, string, PlanScope, boolean | undefined][] = [
    ['caCertServesIis', 'a valid CA certificate listing IIS', scope({ certificates: [setup, ca] }), true],
    ['caCertServesIis', 'only the Setup certificate: a CA one may exist', scope({ certificates: [setup] }), undefined],
    [
      'caCertServesIis',
      'the binding shows the Setup certificate',
      scope({
        certificates: [
          { ...setup, iisFrontEnd: true },
          { ...ca, iisFrontEnd: false },
        ],
      }),
      false,
    ],
    [
      'caCertServesIis',
      'an expired CA certificate does not count',
      scope({ certificates: [setup, { ...ca, daysLeft: -3 }] }),
      undefined,
    ],
    [
      'iisServedByExpiredSetupCert',
      'a valid CA certificate serves IIS',
      scope({ certificates: [setup, ca] }, { cert: setup }),
      false,
    ],
    [
      'iisServedByExpiredSetupCert',
      'nothing shows the binding',
      scope({ certificates: [setup] }, { cert: setup }),
      undefined,
    ],
    [
      'iisServedByExpiredSetupCert',
      'the binding shows it',
      scope({ certificates: [{ ...setup, iisFrontEnd: true }] }, { cert: { ...setup, iisFrontEnd: true } }),
      true,
    ],
    ['isEdge', 'ServerRole Edge', scope({ roles: [strong('edge')] }), true],
    ['isEdge', 'ServerRole Mailbox', scope({ roles: [strong('mailbox')] }), false],
    ['isEdge', 'the words Hub and EdgeSync in prose', scope({ roles: [weak('edge'), weak('hub')] }), undefined],
    ['isEdge', 'a certificate enabled for IIS is no Edge', scope({}, { cert: setup }), false],
    ['isEdge', 'nothing said', scope({}), undefined],
    ['version>=2013', 'Exchange 2016', scope({ version: { value: '2016', evidence: [], strength: 'strong' } }), true],
    ['version>=2013', 'Exchange 2010', scope({ version: { value: '2010', evidence: [], strength: 'strong' } }), false],
    ['version>=2013', 'unknown', scope({}), undefined],
    ['isInternalTransport', '12015 says so', scope({}, { eventId: 12015 }), true],
    ['isInternalTransport', '12016 is a STARTTLS certificate', scope({}, { eventId: 12016 }), false],
    ['isInternalTransport', 'a bare certificate', scope({}, { cert: setup }), undefined],
    [
      'isInternalTransport',
      'Get-TransportService names another',
      scope({}, { cert: { ...setup, internalTransport: false } }),
      false,
    ],
    [
      'caIssued',
      'issuer unknown is not self-signed',
      scope({}, { cert: { ...setup, issuerKind: 'unknown' } }),
      undefined,
    ],
    ['caIssued', 'a CA certificate', scope({}, { cert: ca }), true],
    ['sourceUnknown', 'no source', scope({}), true],
    ['sourceFrontEnd', 'Front End Transport', scope({}, { source: 'MSExchangeFrontEndTransport' }), true],
    [
      'hybrid',
      'an Outbound to Office 365 connector',
      scope({ connectors: [{ name: 'Outbound to Office 365 - 1', kind: 'send', namedBy: 'listing' }] }),
      true,
    ],
    ['hybrid', '451 from Exchange Online', scope({}, { hybridSymptom: true }), true],
    ['hybrid', 'nothing said', scope({}), undefined],
    ['authCurrent', 'AuthConfig names another', scope({}, { cert: { ...ca, authCurrent: false } }), false],
    ['authCurrent', 'an OWA symptom is about the current one', scope({}), true],
    [
      'removable',
      'the current Auth certificate is never removable',
      scope({}, { cert: { ...setup, authCurrent: true }, values: { thumbprint: setup.thumbprint } }),
      false,
    ],
    [
      'removable',
      'a pinned certificate is never removable',
      scope({}, { cert: { ...ca, pinnedBy: ['Partner'] }, values: { thumbprint: ca.thumbprint } }),
      false,
    ],
    [
      'removable',
      'an expired certificate nothing uses',
      scope({}, { cert: setup, values: { thumbprint: setup.thumbprint } }),
      true,
    ],
    [
      'fqdnIsOwnName',
      "the server's own name",
      scope({ name: 'HUB07' }, { values: { fqdn: 'hub07.corp.adatum.com' } }),
      true,
    ],
    ['fqdnIsOwnName', 'a public name', scope({ name: 'EX10' }, { values: { fqdn: 'mail.fabrikam.com' } }), false],
  ];
  for (const [name, what, s, expected] of cases) {
    it(`${name}: ${what}`, () => assert.equal(test(name, s), expected));
  }
});
