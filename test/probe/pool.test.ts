import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapBounded } from '../../src/probe/pool.js';

describe('bounded concurrency', () => {
  it('never runs more than the limit at once, and keeps the order of the items', async () => {
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const done = mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return n * 10;
    });
    // Release the tasks one by one, out of order, as each gets started.
    while (releases.length > 0 || running > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.splice(releases.length - 1, 1)[0]?.();
    }
    assert.deepEqual(await done, [10, 20, 30, 40, 50, 60, 70]);
    assert.equal(peak, 3);
  });

  it('handles no items and a limit above the count', async () => {
    assert.deepEqual(await mapBounded([], 4, async () => 1), []);
    assert.deepEqual(await mapBounded(['a'], 50, async (s) => s.toUpperCase()), ['A']);
  });
});
