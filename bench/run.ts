import { benchCore } from './core-bench.js';
import { SHORT } from './mode.js';
import type { BenchResult } from './result.js';

/**
 * `npm run bench [-- SUITE]`: each costly path with its same-run baseline and its target.
 * `npm run bench -- --short` runs every suite with tiny counts and only checks that each still
 * runs and reports finite figures (exit 1 otherwise): CI's mode; the targets are judged by the full
 * run. Loopback only; every loop is bounded in count and time.
 */
const suites: [string, () => Promise<BenchResult[]>][] = [
  ['diagnosis core', benchCore],
  ['pathological shapes', async () => (await import('./shapes-bench.js')).benchShapes()],
  ['slack', async () => (await import('./slack-bench.js')).benchSlack()],
  ['load', async () => (await import('./load-bench.js')).benchLoad()],
  ['reminders', async () => (await import('./reminders-bench.js')).benchReminders()],
  ['probe', async () => (await import('./probe-bench.js')).benchProbe()],
];

const only = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const figure = (n: number) => (Math.abs(n) >= 100 ? String(Math.round(n)) : n.toFixed(2));
const broken: string[] = [];
if (SHORT) console.log('short mode: tiny counts, figures only prove that each bench runs (targets not judged)');
for (const [name, suite] of suites) {
  if (only && !name.includes(only)) continue;
  console.log(`\n## ${name}`);
  let results: BenchResult[] = [];
  try {
    results = await suite();
  } catch (error) {
    console.log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  if (results.length === 0 || results.some((r) => !Number.isFinite(r.value))) broken.push(name);
  for (const r of results) {
    const vs = r.baseline
      ? `   (baseline: ${r.baseline.name} = ${figure(r.baseline.value)}${r.ratio === undefined ? '' : `; ratio ${r.ratio.toFixed(3)}`})`
      : '';
    const target = r.target && !SHORT ? `   [target ${r.target.text}: ${r.target.met ? 'met' : 'MISSED'}]` : '';
    console.log(`${r.name}: ${figure(r.value)} ${r.unit}${vs}${target}`);
  }
}
if (broken.length > 0) {
  console.log(`\nbench: no usable figures from ${broken.join(', ')}`);
  process.exitCode = 1;
}
