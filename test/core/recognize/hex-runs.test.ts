import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hasHexRun, hexRuns } from '../../../src/core/recognize/hex-runs.js';

describe('hex runs', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'F', '0', '9', ' ', ':', 'g', '\n', 'é'), maxLength: 120 });

  it('says what the regexes say, on any text', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 45 }), (t, length) => {
        assert.equal(hasHexRun(t, length), new RegExp(`[0-9A-Fa-f]{${length}}`).test(t));
        const runs = [...t.matchAll(new RegExp(`[0-9A-Fa-f]{${length},}`, 'g'))];
        assert.deepEqual(
          hexRuns(t, length),
          runs.map((m) => ({ start: m.index, end: m.index + m[0].length })),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a thumbprint, and not one digit less', () => {
    const hex = '0123456789ABCDEF0123456789abcdef01234567';
    assert.ok(hasHexRun(`Thumbprint : ${hex}`, 40));
    assert.ok(!hasHexRun(`Thumbprint : ${hex.slice(1)}`, 40));
    assert.deepEqual(hexRuns(`x ${hex}0 ${hex}`, 40), [
      { start: 2, end: 43 },
      { start: 44, end: 84 },
    ]);
  });
});
