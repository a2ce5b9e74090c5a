import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITIONS } from '../../../src/core/facts/conditions.js';
import type { PlanScope } from '../../../src/core/facts/plan-scope.js';
import type { ServerCertificate, ServerFacts } from '../../../src/core/facts/server-facts.js';
import { choosePlanSteps } from '../../../src/core/plan-engine.js';

// The Auth certificate is replaced only when the paste shows the current one expired (or Get-AuthConfig,
// shown first, says it is expired or gone): a symptom alone never replaces a valid one.

const auth = (daysLeft: number | undefined): ServerCertificate => ({
  thumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9011223344',
  subject: 'CN=Microsoft Exchange Server Auth Certificate',
  issuer: 'CN=Microsoft Exchange Server Auth Certificate',
  issuerKind: 'self-signed',
  role: 'auth',
  ...(daysLeft !== undefined && { daysLeft }),
  authCurrent: true,
  pinnedBy: [],
  presentedOn: [],
});

function scope(certificates: ServerCertificate[], cert?: ServerCertificate): PlanScope {
  const facts: ServerFacts = {
    name: 'EX16-01',
    version: { value: '2016', evidence: ['test'], strength: 'strong' },
    roles: [],
    certificates,
    connectors: [],
  };
  return { facts, values: {}, ...(cert && { cert }) };
}
const test = (s: PlanScope) => CONDITIONS.authNeedsReplacing?.test(s);
const chosen = (s: PlanScope) => choosePlanSteps('auth-renew', s);

describe('authNeedsReplacing', () => {
  it('is true for an expired current Auth certificate, false for a valid one', () => {
    assert.equal(test(scope([auth(-3)], auth(-3))), true);
    assert.equal(test(scope([auth(200)])), false);
  });
  it('is undecided on a symptom with no Auth certificate in the paste', () => {
    assert.equal(test(scope([])), undefined);
  });
});

describe('the Auth renewal plan', () => {
  it('on a symptom alone shows Get-AuthConfig first, then replaces only under "expired or missing"', () => {
    const steps = chosen(scope([]));
    const check = steps.findIndex((c) => c.step.id === 'check-auth');
    const replace = steps.filter((c) => c.step.id === 'new-auth' || c.step.id === 'set-auth-now');
    assert.ok(check >= 0);
    assert.equal(replace.length, 2);
    for (const c of replace) {
      assert.ok(steps.indexOf(c) > check);
      assert.deepEqual(c.undecided, [{ name: 'authNeedsReplacing', outcome: true }]);
    }
    const keep = steps.find((c) => c.step.id === 'auth-still-valid');
    assert.deepEqual(keep?.undecided, [{ name: 'authNeedsReplacing', outcome: false }]);
  });
  it('with the current one shown valid, changes nothing', () => {
    const ids = chosen(scope([auth(200)])).map((c) => c.step.id);
    assert.ok(!ids.includes('set-auth-now') && !ids.includes('new-auth'), ids.join());
    assert.ok(ids.includes('auth-still-valid'));
  });
  it('with the current one shown expired, replaces it without asking', () => {
    const steps = chosen(scope([auth(-3)], auth(-3)));
    const set = steps.find((c) => c.step.id === 'set-auth-now');
    assert.ok(set && !set.undecided);
    assert.ok(!steps.some((c) => c.step.id === 'auth-still-valid'));
  });
});
