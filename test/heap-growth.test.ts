import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const CHURN = new URL('./helpers/heap-churn.ts', import.meta.url).pathname;

/**
 * Both runs under the heap ceiling of a large machine (4 GB), where V8's own factor is at its
 * highest, whatever memory the machine running the test has.
 */
function oldGenerationPeakMb(keep: boolean): number {
  const args = ['--max-old-space-size=4096', '--import', 'tsx', CHURN, ...(keep ? ['keep'] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const { peakMb, live } = JSON.parse(out) as { peakMb: number; live: number };
  assert.equal(live, 20_000);
  return peakMb;
}

test('with the heap kept near its live size, 20 MB live and promoted garbage stay near 20 MB, not four times it', () => {
  const kept = oldGenerationPeakMb(true);
  // Control: V8's own factor lets the old generation grow to about 4× live.
  const control = oldGenerationPeakMb(false);
  assert.ok(kept < 60, `old generation peaked at ${kept.toFixed(1)} MB`);
  assert.ok(kept < control * 0.7, `kept ${kept.toFixed(1)} MB, control ${control.toFixed(1)} MB`);
});
