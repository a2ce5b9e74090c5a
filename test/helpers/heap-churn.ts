// Run as its own process by test/heap-growth.test.ts: 20 MB kept alive while short-lived objects
// outlive a few young collections (as a paste waiting for a thread does) and are then dropped.
// Prints the old generation's peak size, in MB. `keep` as the argument: keepHeapNearLiveSize() first.
import { getHeapSpaceStatistics } from 'node:v8';
import { keepHeapNearLiveSize } from '../../src/heap-growth.js';

if (process.argv[2] === 'keep') keepHeapNearLiveSize();
const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_size ?? 0;
const live = Array.from({ length: 20_000 }, (_, i) => ({ i, text: `${i}-${Math.random()}`.repeat(20) }));
const recent: unknown[] = new Array(4000);
let peak = 0;
for (let i = 0; i < 200_000; i++) {
  recent[i % recent.length] = { i, lines: Array.from({ length: 20 }, (_, j) => `${i}:${j}:${Math.random()}`) };
  if (i % 1000 === 0) peak = Math.max(peak, oldSpace());
}
process.stdout.write(`${JSON.stringify({ peakMb: peak / 1024 / 1024, live: live.length })}\n`);
