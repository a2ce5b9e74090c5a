import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { diagnose } from '../../src/core/diagnose.js';
import { diagnosisSchema } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

const corpusDir = new URL('../fixtures/corpus/', import.meta.url);
const samples = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, corpusDir), 'utf8'));

/** Text that looks like what admins paste, cut and spliced at random places. */
const pasteLike = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 50 })).map(([s, a, b, junk]) => {
    const i = a % (s.length + 1);
    const j = b % (s.length + 1);
    return s.slice(0, Math.min(i, j)) + junk + s.slice(Math.max(i, j));
  }),
  fc.array(fc.constantFrom(...samples), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n\n')),
);

describe('diagnose on any input', () => {
  it('never throws and always returns a diagnosis that fits the contract', () => {
    fc.assert(
      fc.property(pasteLike, fc.constantFrom<'en' | 'ja' | undefined>('en', 'ja', undefined), (text, lang) => {
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
      fc.property(pasteLike, (text) => {
        assert.deepEqual(diagnose(text, { now: REFERENCE_NOW }), diagnose(text, { now: REFERENCE_NOW }));
      }),
      { numRuns: 50 },
    );
  });
});
