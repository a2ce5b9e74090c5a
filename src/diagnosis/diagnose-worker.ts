import { BroadcastChannel, type MessagePort, workerData } from 'node:worker_threads';
import { diagnose } from '../core/diagnose.js';
import type { DiagnoseOptions, Diagnosis } from '../core/model.js';
import { WARM_UP_PASTE } from './warm-up-paste.js';

/** One paste to read on a pool thread; the Date in `options` survives the structured clone. */
export interface DiagnoseTask {
  text: string;
  options: DiagnoseOptions;
  /** Told when this thread starts reading the paste, which starts its budget. */
  started?: MessagePort;
}

/** What the pool gives each thread: where to say that the core is loaded and warm. */
export interface DiagnoseWorkerData {
  readyChannel?: string;
}

// Before the thread takes work (piscina waits for this module to load): see warm-up-paste.ts.
// The instant only feeds countdowns nobody reads.
for (let i = 0; i < 3; i++) diagnose(WARM_UP_PASTE, { now: new Date('2026-01-01T00:00:00Z') });

// Loading the core takes a while (much longer under tsx than from dist): the runner's ready()
// waits for this, so that start-up time is not charged to the first long pastes.
const { readyChannel } = (workerData ?? {}) as DiagnoseWorkerData;
if (readyChannel) {
  const channel = new BroadcastChannel(readyChannel);
  channel.postMessage('loaded');
  channel.close();
}

/** The pool's entry point: the core, unchanged, on a worker thread. */
export default function diagnoseTask({ text, options, started }: DiagnoseTask): Diagnosis {
  started?.postMessage('started');
  started?.close();
  return diagnose(text, options);
}
