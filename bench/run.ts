import { benchCore } from './core-bench.js';
import type { BenchResult } from './result.js';

/**
 * `npm run bench`: each costly path with its same-run baseline. Loopback only; every loop is
 * bounded in count and time.
 */
const suites: [string, () => Promise<BenchResult[]>][] = [
  ['diagnosis core', benchCore],
  ['slack', async () => (await import('./slack-bench.js')).benchSlack()],
  ['reminders', async () => (await import('./reminders-bench.js')).benchReminders()],
  ['probe', async () => (await import('./probe-bench.js')).benchProbe()],
];

const only = process.argv[2];
for (const [name, suite] of suites) {
  if (only && !name.includes(only)) continue;
  console.log(`\n## ${name}`);
  for (const r of await suite()) {
    const figure = `${r.value >= 100 ? Math.round(r.value) : r.value.toFixed(2)} ${r.unit}`;
    const vs = r.baseline
      ? `   (baseline: ${r.baseline.name} = ${r.baseline.value >= 100 ? Math.round(r.baseline.value) : r.baseline.value.toFixed(2)}; ratio ${r.ratio?.toFixed(3)})`
      : '';
    console.log(`${r.name}: ${figure}${vs}`);
  }
}
