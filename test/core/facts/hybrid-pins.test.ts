import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITIONS } from '../../../src/core/facts/conditions.js';
import { sameTlsCertificateName } from '../../../src/core/facts/hybrid-pins.js';
import { type HybridServersSaid, hybridServersSaid } from '../../../src/core/facts/hybrid-said.js';
import type { PlanScope } from '../../../src/core/facts/plan-scope.js';
import type { ServerConnector, ServerFacts } from '../../../src/core/facts/server-facts.js';
import { choosePlanSteps } from '../../../src/core/plan-engine.js';

// Only the hybrid connectors that pin the certificate in question are changed: a partner TLS
// connector's 12014 leaves a healthy Outbound to Office 365 connector as it is.

const PARTNER_OLD =
  '<I>CN=SECOM Passport for Web SR 3.0 CA, O="SECOM Trust Systems CO.,LTD.", C=JP<S>CN=smtp.hokuto-kikai.co.jp, O="Hokuto Kikai Co., Ltd.", C=JP';
const HYBRID_PIN =
  '<I>CN=Cybertrust Japan SureServer CA G4, O="Cybertrust Japan Co., Ltd.", C=JP<S>CN=mail.hokuto-kikai.co.jp, O="Hokuto Kikai Co., Ltd.", C=JP';

const partner: ServerConnector = {
  name: '南銀行 TLS 送信',
  kind: 'send',
  tlsCertificateName: PARTNER_OLD,
  namedBy: 'event',
};
const outbound = (tlsCertificateName?: string): ServerConnector => ({
  name: 'Outbound to Office 365 - 2f8c1e4a',
  kind: 'send',
  ...(tlsCertificateName && { tlsCertificateName }),
  namedBy: 'listing',
});

function scope(connectors: ServerConnector[], values: PlanScope['values'], extra: Partial<PlanScope> = {}): PlanScope {
  const facts: ServerFacts = {
    name: 'EXJ-HUB01',
    version: { value: '2013', evidence: ['test'], strength: 'strong' },
    roles: [],
    certificates: [],
    connectors,
  };
  return { facts, values, ...extra };
}
const test = (s: PlanScope) => CONDITIONS.hybridPinsThis?.test(s);
const gone = {
  pinned: PARTNER_OLD,
  connector: '南銀行 TLS 送信',
  newThumbprint: 'FEF403959FF6B242304527EE062DC6F8A427F5B7',
};

describe('hybridPinsThis', () => {
  it('is false when the Office 365 connector is shown pinning another certificate', () => {
    assert.equal(test(scope([partner, outbound(HYBRID_PIN)], gone)), false);
  });
  it('is true when the Office 365 connector pins the certificate the event cannot find', () => {
    assert.equal(test(scope([outbound(PARTNER_OLD)], { pinned: PARTNER_OLD })), true);
  });
  it('is undecided when the Office 365 connector is listed without what it pins', () => {
    assert.equal(test(scope([partner, outbound()], gone)), undefined);
  });
  it('is false when a send connector listing shows no Office 365 connector', () => {
    assert.equal(test(scope([{ ...partner, namedBy: 'listing' }], gone)), false);
  });
  it('is true for a symptom from Exchange Online, or when the event names a hybrid connector', () => {
    assert.equal(test(scope([], {}, { hybridSymptom: true })), true);
    assert.equal(
      test(scope([], { connector: 'EX01\\Default Frontend EX01', pinned: HYBRID_PIN, hybridSaid: 'yes' })),
      true,
    );
    assert.equal(test(scope([outbound()], { connector: 'EX01\\Default Frontend EX01', pinned: HYBRID_PIN })), true);
  });
  it('is undecided for a Default Frontend pin with no other sign of a hybrid (a partner pin set by hand)', () => {
    assert.equal(test(scope([], { connector: 'EX01\\Default Frontend EX01', pinned: HYBRID_PIN })), undefined);
  });
  it('compares pins whatever the spacing and order of the names', () => {
    assert.ok(
      sameTlsCertificateName(PARTNER_OLD, PARTNER_OLD.replaceAll(', C=JP', ',C=JP').replace('<S>CN', '<S> cn')),
    );
    assert.ok(!sameTlsCertificateName(PARTNER_OLD, HYBRID_PIN));
  });
});

describe('a pinned connector plan on a partner connector', () => {
  const ids = (s: PlanScope) => choosePlanSteps('starttls-pinned', s).map((c) => c.step.id);
  it('changes only the named connector when the hybrid one pins another certificate', () => {
    const chosen = ids(scope([partner, outbound(HYBRID_PIN)], gone));
    assert.ok(chosen.includes('set-named-send-pin'));
    for (const id of ['set-o365-send-pin', 'set-o365-send-pin-named', 'rerun-hcw', 'set-receive-pin'])
      assert.ok(!chosen.includes(id), id);
  });
  it('shows the hybrid pins first and branches when the paste does not show them', () => {
    const chosen = choosePlanSteps('starttls-pinned', scope([partner, outbound()], gone));
    const show = chosen.findIndex((c) => c.step.id === 'show-hybrid-connectors');
    const pin = chosen.findIndex((c) => c.step.id === 'set-o365-send-pin-named');
    assert.ok(show >= 0 && pin > show);
    assert.deepEqual(chosen[pin]?.undecided, [{ name: 'hybridPinsThis', outcome: true }]);
  });
});

describe('failingConnectorHybrid: the connector a failing queue names decides', () => {
  const test = (s: PlanScope) => CONDITIONS.failingConnectorHybrid?.test(s);
  it('is false for a partner connector, even beside a listed Office 365 connector', () => {
    assert.equal(test(scope([partner, outbound(HYBRID_PIN)], { connector: '南銀行 TLS 送信' })), false);
    assert.equal(test(scope([], { nextHopDomain: 'to fabrikam (forced tls)' })), false);
    assert.equal(
      test(scope([], { connector: '6f1a0c3e-8d2b-4e57-a9c4-2b7e1d0f9a36', nextHopDomain: 'fabrikam.com' })),
      false,
    );
  });
  it('is true for the Office 365 connector or the tenant routing domain', () => {
    assert.equal(test(scope([], { connector: 'Outbound to Office 365 - 2f8c1e4a' })), true);
    assert.equal(test(scope([], { nextHopDomain: 'outbound to office 365 - 5e1c6c2a' })), true);
    assert.equal(test(scope([], { connector: '7d2a1b3c', nextHopDomain: 'contoso.mail.onmicrosoft.com' })), true);
  });
  it('is undecided when nothing names the connector, whatever connectors are listed', () => {
    assert.equal(test(scope([outbound(HYBRID_PIN)], {})), undefined);
    assert.equal(test(scope([], {}, { hybridSymptom: true })), true);
  });
});

describe('hybridServersSaid: servers the admin puts in or outside the hybrid', () => {
  const cases: [string, HybridServersSaid][] = [
    ['two mailbox servers EX16-01 / EX16-02 (only EX16-01 is in the HCW inbound/outbound)', { only: ['EX16-01'] }],
    ['HCW only uses EX19-01 for mail flow.', { only: ['EX19-01'] }],
    ['EX16-02 is not part of the hybrid.', { outside: ['EX16-02'] }],
    ['HCW の対象は EX16-01 だけです。', { only: ['EX16-01'] }],
    ['EX16-02 はハイブリッドの対象外です。', { outside: ['EX16-02'] }],
    ['ハイブリッド構成ウィザードでは EXJ01 のみ選択しました', { only: ['EXJ01'] }],
    ['hybrid mail is not flowing from EX01 since Tuesday', {}],
    ['Exchange 2019 CU14 のハイブリッド (EX19-01 / EX19-02) です。', {}],
  ];
  for (const [text, said] of cases) it(text, () => assert.deepEqual(hybridServersSaid(text), said));
});
