import { BroadcastChannel, workerData } from 'node:worker_threads';
import { diagnose } from '../core/diagnose.js';
import type { DiagnoseOptions, Diagnosis } from '../core/model.js';

/** One paste to read on a pool thread; the Date in `options` survives the structured clone. */
export interface DiagnoseTask {
  text: string;
  options: DiagnoseOptions;
}

/** What the pool gives each thread: where to say that the core is loaded. */
export interface DiagnoseWorkerData {
  readyChannel?: string;
}

// Loading the core takes a while (much longer under tsx than from dist): the runner's ready()
// waits for this, so that start-up time is not charged to the budget of the first long pastes.
const { readyChannel } = (workerData ?? {}) as DiagnoseWorkerData;
if (readyChannel) {
  const channel = new BroadcastChannel(readyChannel);
  channel.postMessage('loaded');
  channel.close();
}

/** The pool's entry point: the core, unchanged, on a worker thread. */
export default function diagnoseTask({ text, options }: DiagnoseTask): Diagnosis {
  return diagnose(text, options);
}
