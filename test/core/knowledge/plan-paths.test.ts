import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITIONS } from '../../../src/core/facts/conditions.js';
import type { PlanScope } from '../../../src/core/facts/plan-scope.js';
import type { ServerCertificate } from '../../../src/core/facts/server-facts.js';
import type { PlanDefinition, PlanEntry } from '../../../src/core/knowledge/library-model.js';
import { contradictions } from '../../../src/core/knowledge/plan-paths.js';
import { FRAGMENTS, loadPlanTable, PLAN_TABLE } from '../../../src/core/knowledge/plan-table.js';

// The plan table is refused when it puts a step under a condition and its opposite: such a step is
// never reached, or shown under a title no server can satisfy ("IsSelfSigned is False, and
// IsSelfSigned is True"), like the Back End 444 rebind that a removal under a CA renewal once had.

const row = (entries: PlanEntry[]): PlanDefinition => ({
  id: 'broken',
  reference: 'test',
  summary: { en: 'A deliberately contradictory row', ja: '意図的に矛盾させた行' },
  entries,
});

describe('plan table validation: contradictory conditions', () => {
  it('the real table has none', () => {
    for (const [id, plan] of PLAN_TABLE) assert.deepEqual(contradictions(id, plan.entries, FRAGMENTS), []);
  });

  it('a row that asks IsSelfSigned again under itself is refused at load, naming the unreachable steps', () => {
    const broken = row([{ if: 'caIssued', yes: [{ if: 'caIssued', no: ['rebind-backend-444'] }, 'remove-old'] }]);
    assert.throws(
      () => loadPlanTable([broken]),
      /contradictory conditions: rebind-backend-444 need caIssued false under caIssued true/,
    );
  });

  it('the same contradiction through a fragment is refused too', () => {
    const fragments = {
      ...Object.fromEntries(FRAGMENTS),
      'rebind-if-self-signed': [{ if: 'caIssued', no: ['rebind-backend-444'] }],
    };
    const broken = row([{ if: 'caIssued', yes: [{ use: 'rebind-if-self-signed' }] }]);
    assert.throws(() => loadPlanTable([broken], fragments), /via rebind-if-self-signed/);
  });

  it('the outcome already taken may be asked again, and version conditions may repeat', () => {
    const fine = row([
      { if: 'caIssued', yes: [{ if: 'caIssued', yes: ['ca-enable'] }] },
      {
        if: 'version>=2013',
        yes: [{ if: 'version>=2013', yes: ['list-connector-pins'], no: ['restart-transport-service'] }],
      },
    ]);
    assert.doesNotThrow(() => loadPlanTable([fine]));
  });
});

const setup = (extra: Partial<ServerCertificate>): ServerCertificate => ({
  thumbprint: '7CF84585E6B2EB311F9ED6D2F1257BDD71C2E894',
  subject: 'CN=EX19-02',
  issuer: '',
  issuerKind: 'unknown',
  daysLeft: -2,
  pinnedBy: [],
  presentedOn: [],
  ...extra,
});
const onBackEnd = (cert: ServerCertificate) =>
  CONDITIONS.oldOnBackEnd444?.test({
    facts: { roles: [], certificates: [cert], connectors: [] },
    values: {},
    cert,
  } satisfies PlanScope);

describe('oldOnBackEnd444', () => {
  it('follows netsh when the paste shows the 444 binding', () => {
    assert.equal(onBackEnd(setup({ backEnd444: true })), true);
    assert.equal(onBackEnd(setup({ backEnd444: false, issuerKind: 'self-signed' })), false);
  });
  it("without it: Setup's self-signed certificate is there, a CA one is not, an unknown issuer is shown first", () => {
    assert.equal(onBackEnd(setup({ issuerKind: 'self-signed' })), true);
    assert.equal(onBackEnd(setup({ issuerKind: 'ca' })), false);
    assert.equal(onBackEnd(setup({})), undefined);
  });
});
