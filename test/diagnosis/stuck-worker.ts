import diagnoseTask, { type DiagnoseTask } from '../../src/diagnosis/diagnose-worker.js';

/** Ends a paste that this worker must get stuck on. */
export const HANG_MARKER = '\n[certcheck test: hang here]';

/**
 * A pool worker that reads pastes with the real core, but gets stuck for good in a catastrophically
 * backtracking regular expression on a paste that ends with HANG_MARKER: the shape of a recogniser
 * bug that only termination of the thread can stop.
 */
export default function stuckOnMarkedPastes(task: DiagnoseTask) {
  if (task.text.endsWith(HANG_MARKER)) {
    task.started?.postMessage('started'); // as the real worker does: the budget starts now
    const stuck = /^(a+)+$/.test(`${'a'.repeat(64)}!`);
    throw new Error(`the stuck expression returned (${stuck})`);
  }
  return diagnoseTask(task);
}
