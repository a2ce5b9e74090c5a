import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { PATHOLOGICAL_SHAPES } from '../../helpers/pathological-pastes.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const SMALL = 64 * 1024;
const LARGE = 256 * 1024;
/** Below this a measurement is mostly noise: the ratio is not asked of it. */
const NOISE_MS = 90;
/** Generous: the machine running the tests may be busy; a quadratic shape takes tens of seconds. */
const CEILING_MS = 4000;

/**
 * CPU time, not wall time: on a busy machine a run waits for a core, and that wait says nothing about
 * the paste.
 */
function timed(text: string): number {
  const start = process.cpuUsage();
  diagnose(text, { now: NOW });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The fastest of a few runs of each size, the sizes taken in turn: a busy moment on a shared machine
 * then slows both alike instead of only one.
 */
function fastest(small: string, large: string, rounds: number): { small: number; large: number } {
  let best = { small: Number.POSITIVE_INFINITY, large: Number.POSITIVE_INFINITY };
  for (let i = 0; i < rounds; i++) {
    best = { small: Math.min(best.small, timed(small)), large: Math.min(best.large, timed(large)) };
    if (best.large < NOISE_MS) break;
  }
  return best;
}

describe('a paste costs time in proportion to its size', () => {
  for (const shape of PATHOLOGICAL_SHAPES) {
    it(`${shape.name}: 256 KiB takes less than 6 times as long as 64 KiB`, () => {
      const { small, large } = fastest(shape.make(SMALL), shape.make(LARGE), 5);
      assert.ok(large < CEILING_MS, `${shape.name}: 256 KiB took ${large.toFixed(0)} ms`);
      if (large < NOISE_MS) return;
      const ratio = large / Math.max(small, NOISE_MS / 3);
      assert.ok(
        ratio < 6,
        `${shape.name}: 64 KiB ${small.toFixed(1)} ms, 256 KiB ${large.toFixed(1)} ms (×${ratio.toFixed(1)})`,
      );
    });
  }

  it('every shape is exactly the size asked for', () => {
    for (const shape of PATHOLOGICAL_SHAPES) assert.equal(shape.make(1000).length, 1000, shape.name);
  });
});
