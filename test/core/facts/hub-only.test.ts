import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITIONS } from '../../../src/core/facts/conditions.js';
import type { PlanScope } from '../../../src/core/facts/plan-scope.js';
import type { ServerCertificate, ServerFacts } from '../../../src/core/facts/server-facts.js';

// A server Get-ExchangeServer shows as Hub Transport only has no client-facing IIS: KB 953354's
// "enable the new certificate for IIS" never applies there, whatever its old certificate lists.

const setup: ServerCertificate = {
  thumbprint: '1DDC70B61FCBC354D90134BCE3405A9D90C04353',
  subject: 'CN=HUB02',
  issuer: 'CN=HUB02',
  issuerKind: 'self-signed',
  daysLeft: 16,
  servicesHistory: ['IIS', 'SMTP'],
  pinnedBy: [],
  presentedOn: [],
};
const role = (value: ServerFacts['roles'][number]['value'], strength: 'strong' | 'weak') => ({
  value,
  evidence: ['test'],
  strength,
});
const scope = (roles: ServerFacts['roles']): PlanScope => ({
  facts: { name: 'HUB02', roles, certificates: [setup], connectors: [] },
  values: { thumbprint: setup.thumbprint },
  cert: setup,
});
const test = (s: PlanScope) => CONDITIONS.iisServedByExpiredSetupCert?.test(s);

describe('iisServedByExpiredSetupCert on a Hub Transport server', () => {
  it('is false when ServerRole shows Hub Transport only', () => {
    assert.equal(test(scope([role('hub', 'strong')])), false);
  });
  it('still asks when the server also has the Client Access role, or only prose calls it a hub', () => {
    assert.equal(test(scope([role('hub', 'strong'), role('cas', 'strong')])), undefined);
    assert.equal(test(scope([role('hub', 'weak')])), undefined);
  });
});
