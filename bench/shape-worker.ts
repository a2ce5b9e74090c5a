import { diagnose } from '../src/core/diagnose.js';
import { PATHOLOGICAL_SHAPES } from '../test/helpers/pathological-pastes.js';
import { EXTRA_SHAPES } from './extra-shapes.js';

/** One shape at one size, diagnosed `runs` times on a pool thread. */
export interface ShapeRequest {
  shape: string;
  bytes: number;
  runs: number;
}

const NOW = new Date('2026-11-28T12:00:00Z');
const shapes = new Map([...PATHOLOGICAL_SHAPES, ...EXTRA_SHAPES].map((s) => [s.name, s]));

/**
 * The fastest of the timings, in CPU milliseconds (the process's: the bench's main thread only
 * waits meanwhile), so that other processes on a shared machine do not count; the paste is built
 * on the thread (no 1 MiB copy).
 */
export default function measureShape({ shape, bytes, runs }: ShapeRequest): number {
  const make = shapes.get(shape)?.make;
  if (!make) throw new Error(`unknown shape ${shape}`);
  const paste = make(bytes);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    diagnose(paste, { now: NOW });
    const { user, system } = process.cpuUsage(started);
    times.push((user + system) / 1000);
  }
  // The median, not the fastest: a paste of many tiny lines allocates enough that one run of three
  // at 256 KiB can miss a garbage collection the others pay, and the fastest alone then makes the
  // 1 MiB run look superlinear.
  return times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? Number.NaN;
}
