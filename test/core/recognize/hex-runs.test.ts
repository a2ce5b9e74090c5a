import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hasHexPairs, hasHexRun, hexRuns } from '../../../src/core/recognize/hex-runs.js';

describe('hex runs', () => {
  const pairs = /(?:[0-9A-Fa-f]{2}[ :]){19}[0-9A-Fa-f]{2}/;
  const text = fc.string({ unit: fc.constantFrom('a', 'F', '0', '9', ' ', ':', 'g', '\n', 'é'), maxLength: 120 });

  it('says what the regexes say, on any text', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 45 }), (t, length) => {
        assert.equal(hasHexRun(t, length), new RegExp(`[0-9A-Fa-f]{${length}}`).test(t));
        assert.equal(hasHexPairs(t), pairs.test(t));
        const runs = [...t.matchAll(new RegExp(`[0-9A-Fa-f]{${length},}`, 'g'))];
        assert.deepEqual(
          hexRuns(t, length),
          runs.map((m) => ({ start: m.index, end: m.index + m[0].length })),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the shapes thumbprints are pasted in, and not one digit less', () => {
    const hex = '0123456789ABCDEF0123456789abcdef01234567';
    const spaced = hex.match(/../g)!.join(' ');
    const colons = hex.match(/../g)!.join(':');
    assert.ok(hasHexRun(`Thumbprint : ${hex}`, 40));
    assert.ok(!hasHexRun(`Thumbprint : ${hex.slice(1)}`, 40));
    for (const shape of [spaced, colons, `x${spaced}x`, spaced.replace(' ', ':')]) assert.ok(hasHexPairs(shape), shape);
    assert.ok(!hasHexPairs(spaced.slice(3)));
    assert.ok(!hasHexPairs(spaced.replace(/ /g, '  ')));
  });
});
