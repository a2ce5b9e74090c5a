import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITIONS } from '../../src/core/facts/conditions.js';
import { diagnosisMessage } from '../../src/slack/blocks/diagnosis-message.js';
import { replyModel } from '../../src/slack/view/reply-model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { transportDiagnosis } from '../helpers/diagnoses.js';

const json = (value: unknown) => JSON.stringify(value);

describe('the reply model', () => {
  it('reads each certificate date once, as an instant', () => {
    const model = replyModel(transportDiagnosis('en', REFERENCE_NOW), { now: REFERENCE_NOW });
    const countdown = model.certificates[0]?.countdown;
    assert.equal(countdown?.kind, 'expires');
    assert.equal(countdown?.at.toISOString(), '2026-10-01T08:12:00.000Z');
    assert.match(countdown?.text ?? '', /expired .* ago/);
  });

  it("shows a step's condition and its check readably, in either language, and never a bare condition name", () => {
    const [name, condition] = Object.entries(CONDITIONS).find(([, c]) => !c.version) ?? [];
    assert.ok(name && condition);
    for (const lang of ['en', 'ja'] as const) {
      const d = transportDiagnosis(lang, REFERENCE_NOW, 0);
      d.steps = [
        { title: 'Enable it', role: 'hub', when: name, verify: 'Get-ExchangeCertificate shows SMTP' },
        { title: 'Other way', role: 'hub', when: `!${name}` },
        { title: 'Mystery', role: 'hub', when: 'notAConditionTheCoreKnows' },
        { title: `${condition.ifTrue[lang]}: already said`, role: 'hub', when: name },
      ];
      const blocks = diagnosisMessage(d, { now: REFERENCE_NOW }).blocks.map(json);
      const step = (title: string) => blocks.find((b) => b.includes(`. ${title}`)) ?? '';
      assert.ok(step('Enable it').includes(condition.ifTrue[lang]), lang);
      assert.match(
        step('Enable it'),
        new RegExp(`✅ ${lang === 'en' ? 'Check' : '確認'}: Get-ExchangeCertificate shows SMTP`),
      );
      assert.ok(step('Other way').includes(condition.ifFalse[lang]), lang);
      assert.doesNotMatch(step('Mystery'), /notAConditionTheCoreKnows|↳/);
      assert.equal(
        step(`${condition.ifTrue[lang]}: already said`).split(condition.ifTrue[lang]).length,
        2,
        'said once',
      );
    }
  });

  it('never shows a condition with a blank left to fill, in any condition the core has', () => {
    for (const lang of ['en', 'ja'] as const) {
      const d = transportDiagnosis(lang, REFERENCE_NOW, 0);
      d.steps = Object.keys(CONDITIONS).flatMap((name, i) => [
        { title: `T${i}`, role: 'hub' as const, when: name },
        { title: `F${i}`, role: 'hub' as const, when: `!${name}` },
      ]);
      const text = json(diagnosisMessage(d, { now: REFERENCE_NOW, allSteps: true }).blocks);
      assert.doesNotMatch(text, /↳[^"]*\{\w+\}/, lang);
    }
  });

  it('renders as before without conditions or checks', () => {
    const blocks = json(diagnosisMessage(transportDiagnosis('en', REFERENCE_NOW, 3), { now: REFERENCE_NOW }).blocks);
    assert.doesNotMatch(blocks, /↳|✅ Check/);
  });
});

describe('the first screen', () => {
  it("the notification tells the verdict's certificate's countdown, never another certificate's", () => {
    const d = transportDiagnosis('en', REFERENCE_NOW);
    const healthy = {
      ...d.certificates[0]!,
      thumbprint: 'A'.repeat(40),
      subject: 'CN=fine.contoso.com',
      domains: ['fine.contoso.com'],
      notAfter: '2027-06-01T00:00:00.000Z',
    };
    d.certificates = [healthy, ...d.certificates];
    const text = diagnosisMessage(d, { now: REFERENCE_NOW }).text;
    assert.match(text, /Transport certificate expired on HUB01 — ⏱ expired \d+ days ago/);
    assert.doesNotMatch(text, /expires in/);
    // Two certificates and no finding naming one: no countdown rather than the wrong one.
    const unnamed = { ...d, findings: d.findings.map(({ thumbprint: _, ...f }) => f) };
    assert.doesNotMatch(diagnosisMessage(unnamed, { now: REFERENCE_NOW }).text, /⏱/);
  });

  it('a thread answer quotes the first line of the paste it is about; a private key is never quoted', () => {
    const d = transportDiagnosis('en', REFERENCE_NOW);
    const about = '\n  Event Type:\tWarning\nEvent Source:\tMSExchangeTransport';
    const blocks = json(diagnosisMessage(d, { now: REFERENCE_NOW, about }).blocks);
    assert.match(blocks, /💬 About: Event Type:\\tWarning"/);
    assert.doesNotMatch(json(diagnosisMessage(d, { now: REFERENCE_NOW }).blocks), /💬/);
  });
});
