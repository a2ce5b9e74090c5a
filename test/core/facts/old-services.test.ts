import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanScope } from '../../../src/core/facts/plan-scope.js';
import type { ServerCertificate } from '../../../src/core/facts/server-facts.js';
import { choosePlanSteps } from '../../../src/core/plan-engine.js';

// A CA certificate renewed without a list of its services (certutil -store shows none): the new one
// is enabled for the services Get-ExchangeCertificate reads from the old one on the server, never a
// guess; a certificate the paste does not show in a store keeps the visible placeholder.

const old: ServerCertificate = {
  thumbprint: '65364A2E628AD6A0A0BCB117C8D4FD69063B17D0',
  subject: 'CN=mail.adatum.com',
  issuer: 'CN=Adatum Issuing CA',
  issuerKind: 'ca',
  daysLeft: -3,
  pinnedBy: [],
  presentedOn: [],
};
const scope = (inStore: boolean): PlanScope => ({
  facts: {
    name: 'EX13-01',
    version: { value: '2013', evidence: ['test'], strength: 'strong' },
    roles: [],
    certificates: [old],
    connectors: [],
  },
  values: { thumbprint: old.thumbprint, subject: old.subject, ...(inStore && { inStore: 'yes' as const }) },
  cert: old,
});
const ids = (s: PlanScope) => choosePlanSteps('ca-renew', s).map((c) => c.step.id);

describe('enabling a renewed CA certificate whose services the paste does not list', () => {
  it('reads them from the old certificate when the paste shows it in the store', () => {
    const chosen = ids(scope(true));
    assert.ok(chosen.includes('ca-enable-as-old'), chosen.join());
    assert.ok(!chosen.includes('ca-enable'), chosen.join());
  });
  it('keeps the placeholder step otherwise', () => {
    assert.ok(ids(scope(false)).includes('ca-enable'));
  });
  it('restarts IIS and probes 443 for a CA certificate of a name clients use', () => {
    const chosen = ids(scope(true));
    assert.ok(chosen.includes('restart-iis') && chosen.includes('verify-https-probe'), chosen.join());
  });
});
