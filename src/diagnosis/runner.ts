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

/** Pastes up to this many UTF-8 bytes are read inline (the pool's default): the hop to a thread costs more. */
export const INLINE_MAX_BYTES = 8192;

/**
 * Whether a paste is read on the event loop (in about a millisecond) rather than waiting for a
 * thread: only such a paste can be answered in the ack itself without risking Slack's 3 s.
 */
export const readsInline = (text: string): boolean => !longerThan(text, INLINE_MAX_BYTES);

/** UTF-8 size above `bytes`, without encoding the paste when its length already decides. */
export function longerThan(text: string, bytes: number): boolean {
  if (text.length > bytes) return true;
  if (text.length * 3 <= bytes) return false;
  return Buffer.byteLength(text) > bytes;
}
