import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { diagnose } from '../../src/core/diagnose.js';
import { diagnosisSchema } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { pasteLike } from '../helpers/paste-like.js';

const corpusDir = new URL('../fixtures/corpus/', import.meta.url);
const samples = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, corpusDir), 'utf8'));

describe('diagnose on any input', () => {
  it('never throws and always returns a diagnosis that fits the contract', () => {
    fc.assert(
      fc.property(pasteLike(samples), fc.constantFrom<'en' | 'ja' | undefined>('en', 'ja', undefined), (text, lang) => {
        const d = diagnose(text, { now: REFERENCE_NOW, ...(lang && { lang }) });
        diagnosisSchema.parse(d);
        assert.ok(d.summary.length > 0, 'a summary');
        assert.ok(d.findings.length > 0 || d.certificates.length > 0 || d.events.length > 0, 'says something');
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic for the same text and now', () => {
    fc.assert(
      fc.property(pasteLike(samples), (text) => {
        assert.deepEqual(diagnose(text, { now: REFERENCE_NOW }), diagnose(text, { now: REFERENCE_NOW }));
      }),
      { numRuns: 50 },
    );
  });
});
