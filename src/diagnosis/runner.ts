import { diagnose } from '../core/diagnose.js';
import type { DiagnoseOptions, Diagnosis } from '../core/model.js';

/**
 * Where a paste is diagnosed. The Slack app and the CLI ask this port, not the core, so that a
 * long paste can be read off the event loop (see pooled-runner.ts) while a short one stays inline.
 */
export interface DiagnosisRunner {
  /** Never rejects on input: a paste that cannot be read in time still gets a Diagnosis that says so. */
  diagnose(text: string, options: DiagnoseOptions): Promise<Diagnosis>;
  /** Stops every thread the runner started; diagnose() rejects afterwards. */
  close(): Promise<void>;
}

/** The core on the caller's thread: for the CLI, tests, and pastes too short to be worth a hop. */
export function createInlineRunner(): DiagnosisRunner {
  let closed = false;
  return {
    async diagnose(text, options) {
      if (closed) throw new RunnerClosedError();
      return diagnose(text, options);
    },
    async close() {
      closed = true;
    },
  };
}

export class RunnerClosedError extends Error {
  override name = 'RunnerClosedError';
  constructor() {
    super('the diagnosis runner is closed');
  }
}
