import { setFlagsFromString } from 'node:v8';

/**
 * How far the event loop's old generation may grow past what the last full collection kept, in
 * percent. V8 scales this with the heap's ceiling: under the default ceiling of a large machine it
 * lets the old generation reach four times the live size before collecting it again, so requests
 * that outlive a young collection (a 100 KiB paste waiting for a thread, its diagnosis, its reply)
 * pile up as garbage: 25 MB live made 90 MB of heap under the load bench. 30 is the factor V8
 * itself picks for a small heap such as a diagnosis thread's.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Keeps the process's heaps (the event loop's and the diagnosis threads') near their live size.
 * V8 reads this setting at every full collection, so setting it at start-up takes effect at the
 * next one. `npm start` calls it once, before taking requests.
 */
export function keepHeapNearLiveSize(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
