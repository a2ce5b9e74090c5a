import { Piscina } from 'piscina';
import { PATHOLOGICAL_SHAPES } from '../test/helpers/pathological-pastes.js';
import { EXTRA_SHAPES } from './extra-shapes.js';
import { scaled } from './mode.js';
import type { BenchResult } from './result.js';
import type { ShapeRequest } from './shape-worker.js';

/**
 * Every pathological paste shape at 256 KiB and 1 MiB: the time of a full diagnosis, and the
 * ratio between the two (about 4 when the cost is linear in size; 16 when quadratic). Each shape
 * runs on a pool thread that is terminated when it takes longer than LIMIT_MS, so one shape
 * that never finishes is reported as such instead of stalling the bench.
 */

const SMALL = scaled(256 * 1024, 4 * 1024);
const LARGE = scaled(1024 * 1024, 16 * 1024);
const RUNS = scaled(5, 1);
const LIMIT_MS = scaled(20_000, 10_000);
const TARGET_MS = 200;

/** One pool thread; piscina terminates it when a measurement is aborted, and starts another. */
function shapeThread() {
  const pool = new Piscina<ShapeRequest, number>({
    filename: new URL('./shape-worker.ts', import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
  });
  return {
    /** Fastest milliseconds, or undefined when the shape did not finish within LIMIT_MS. */
    async measure(request: ShapeRequest): Promise<number | undefined> {
      try {
        return await pool.run(request, { signal: AbortSignal.timeout(LIMIT_MS) });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return undefined;
        throw error;
      }
    },
    close: () => pool.destroy(),
  };
}

export async function benchShapes(): Promise<BenchResult[]> {
  const thread = shapeThread();
  const results: BenchResult[] = [];
  try {
    for (const shape of [...PATHOLOGICAL_SHAPES, ...EXTRA_SHAPES]) {
      await thread.measure({ shape: shape.name, bytes: SMALL / 4, runs: 1 }); // warm-up
      const small = await thread.measure({ shape: shape.name, bytes: SMALL, runs: RUNS });
      const large =
        small === undefined ? undefined : await thread.measure({ shape: shape.name, bytes: LARGE, runs: RUNS });
      const value = large ?? LIMIT_MS;
      const ratio = small !== undefined && large !== undefined ? large / Math.max(small, 0.01) : undefined;
      results.push({
        name: `shape "${shape.name}" ${kib(LARGE)}${large === undefined ? ` (did not finish in ${LIMIT_MS / 1000} s)` : ''}`,
        value,
        unit: 'ms',
        baseline: { name: `the same shape at ${kib(SMALL)}`, value: small ?? LIMIT_MS },
        ...(ratio !== undefined && { ratio }),
        target: {
          text: `≤ ${TARGET_MS} ms, ratio ≈ ${LARGE / SMALL} (linear)`,
          met: large !== undefined && large <= TARGET_MS && ratio !== undefined && ratio < (LARGE / SMALL) * 1.5,
        },
      });
    }
  } finally {
    await thread.close();
  }
  return results;
}

const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`);
