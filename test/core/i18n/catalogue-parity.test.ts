import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITIONS } from '../../../src/core/facts/conditions.js';
import { diagnosisText } from '../../../src/core/i18n/diagnosis-text.js';
import { tidyJapanese } from '../../../src/core/i18n/ja-spacing.js';
import type { Wording } from '../../../src/core/knowledge/library-model.js';
import { PLAN_TABLE } from '../../../src/core/knowledge/plan-table.js';
import { STEP_LIBRARY } from '../../../src/core/knowledge/step-library.js';

// The core words everything in English and Japanese from the same keys: a key or a value slot that
// exists in one language exists in the other, and the Japanese follows Microsoft's terms.

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function wordings(): [string, Wording][] {
  const out: [string, Wording][] = [];
  for (const step of STEP_LIBRARY.values()) {
    out.push([`${step.id}.title`, step.title], [`${step.id}.why`, step.why]);
    if (step.verify) out.push([`${step.id}.verify`, step.verify]);
    if (step.unknownNote) out.push([`${step.id}.unknownNote`, step.unknownNote]);
  }
  for (const [name, condition] of Object.entries(CONDITIONS))
    out.push([`${name}.ifTrue`, condition.ifTrue], [`${name}.ifFalse`, condition.ifFalse]);
  for (const plan of PLAN_TABLE.values()) out.push([`${plan.id}.summary`, plan.summary]);
  return out;
}

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('core catalogues, English and Japanese', () => {
  it('the diagnosis catalogue has the same keys in both languages', () => {
    assert.deepEqual(keys(diagnosisText.ja).sort(), keys(diagnosisText.en).sort());
  });

  it('every step, condition and plan fills the same value slots in both languages', () => {
    const mismatched = wordings()
      .filter(([, w]) => JSON.stringify(slots(w.en)) !== JSON.stringify(slots(w.ja)))
      .map(([key, w]) => `${key}: en ${slots(w.en).join(',')} / ja ${slots(w.ja).join(',')}`);
    assert.deepEqual(mismatched, []);
  });

  it('Japanese uses インポート, never 取り込み, and no space before a particle', () => {
    const problems = wordings().flatMap(([key, w]) => [
      ...(/取り込/.test(w.ja) ? [`${key}: 取り込み`] : []),
      ...(tidyJapanese(w.ja.replace(/\{\w+\}/g, 'EX01')) !== w.ja.replace(/\{\w+\}/g, 'EX01')
        ? [`${key}: stray space`]
        : []),
    ]);
    assert.deepEqual(problems, []);
  });

  it('a space between a Japanese word and its particle is removed, Latin names and katakana terms keep theirs', () => {
    assert.equal(tidyJapanese('サーバー に 証明書'), 'サーバーに 証明書');
    assert.equal(tidyJapanese('2013 以降 と 2010'), '2013 以降と 2010');
    assert.equal(tidyJapanese('EX01 で: エッジ トランスポート サーバー'), 'EX01 で: エッジ トランスポート サーバー');
  });
});
