import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { BroadcastChannel, MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { diagnose } from '../core/diagnose.js';
import type { DiagnoseOptions, Diagnosis } from '../core/model.js';
import type { DiagnoseTask, DiagnoseWorkerData } from './diagnose-worker.js';
import { type DiagnosisRunner, INLINE_MAX_BYTES, longerThan, RunnerClosedError } from './runner.js';
import { timedOutDiagnosis } from './timed-out.js';

export interface PooledRunnerOptions {
  /** Pastes up to this many UTF-8 bytes are diagnosed inline: the hop to a thread costs more. */
  inlineMaxBytes?: number;
  /** How long a thread may spend on one paste (waiting for a free thread not counted). */
  budgetMs?: number;
  maxThreads?: number;
  /** The worker module; tests point it at one that hangs on purpose. */
  workerUrl?: URL;
  /**
   * Long pastes waiting for a thread, at most: beyond, a paste is answered at once that certcheck
   * is busy. Each waiting paste is held in memory, so this bounds memory when pastes arrive faster
   * than they can be read. Default: 8 per thread.
   */
  maxQueue?: number;
  /**
   * How much lower than the event loop the threads run (a Linux nice increment; 0 unless told).
   * Keep it small: on a machine other processes load too, a thread far below them misses its budget.
   */
  niceIncrement?: number;
  /** Called once per paste that was not read in full (for the log line and metrics). */
  onTimedOut?: (info: { bytes: number; ms: number; reason: Unread }) => void;
}

export interface PooledRunner extends DiagnosisRunner {
  /**
   * Resolves once every thread has loaded the core (again, after a stopped thread was replaced).
   * Long pastes sent earlier wait for a thread: start serving after this.
   */
  ready(): Promise<void>;
  /** Threads alive now (0 once closed). */
  threadCount(): number;
}

/**
 * What `npm start` runs its threads at: a little below the event loop, so that under load acks
 * and short pastes get the CPU first while long pastes still get most of it.
 */
export const SERVING_NICE_INCREMENT = 5;

/** Why a paste was not read in full: over its budget, its thread failed, or too many were waiting. */
type Unread = 'timeout' | 'failed' | 'busy';

/**
 * Share of the budget kept for reading the paste's beginning once the whole could not be read:
 * the answer then still says what was understood, within the same budget.
 */
const PARTIAL_SHARE = 0.25;

/**
 * Long pastes (and attached files) on a small worker_threads pool, short ones inline. A paste over
 * budget has its task aborted; piscina then terminates the thread that was reading it (a regular
 * expression stuck on a hostile paste cannot be interrupted any other way) and starts a fresh one.
 */
export function createPooledRunner(options: PooledRunnerOptions = {}): PooledRunner {
  const inlineMaxBytes = options.inlineMaxBytes ?? INLINE_MAX_BYTES;
  const budgetMs = options.budgetMs ?? 2000;
  // At least two threads, so that one hostile paste leaves a thread for everyone else's.
  const threads = options.maxThreads ?? Math.min(4, Math.max(2, availableParallelism() - 1));
  const readyChannel = `certcheck-diagnosis-${randomUUID()}`;
  const loaded = new BroadcastChannel(readyChannel);
  loaded.unref();
  // Threads that loaded (and warmed) the core and are still alive: stopped threads are replaced.
  let loadedThreads = 0;
  let waiting: (() => void)[] = [];
  loaded.onmessage = () => {
    if (++loadedThreads < threads) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  const workerData: DiagnoseWorkerData = { readyChannel };
  const maxQueue = options.maxQueue ?? threads * 8;
  const pool = new Piscina<DiagnoseTask, Diagnosis>({
    workerData,
    filename: (options.workerUrl ?? defaultWorkerUrl()).href,
    minThreads: threads,
    maxThreads: threads,
    recordTiming: false,
    // Reading pastes can yield the CPU to the event loop, so that acks, /healthz and short pastes
    // come first when the cores are busy (Linux, through piscina's optional native helper).
    niceIncrement: options.niceIncrement ?? 0,
    // A 1 MiB paste needs about 35 MB of heap: a thread that needs more is broken, not busy. A small
    // young generation keeps each thread's memory near what it uses, not what V8 would reserve: 2 MB
    // reads a 100 KiB paste as fast as 8 MB did, with a heap of 30 MB instead of 38.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 2 },
  });
  pool.on('workerDestroy', () => {
    loadedThreads--;
  });
  let closed = false;

  /**
   * The task's result, or why there is none. The budget runs from the moment a thread starts
   * reading the paste: time spent waiting for a free thread is the pool's load, not the paste's
   * fault, and charging it would answer "took too long" for ordinary pastes exactly when many
   * arrive at once. A task queued when the pool closes is rejected by piscina.
   */
  async function within(text: string, diagnoseOptions: DiagnoseOptions, ms: number): Promise<Diagnosis | Unread> {
    if (pool.queueSize >= maxQueue) return 'busy';
    const { port1: startedHere, port2: started } = new MessageChannel();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    startedHere.once('message', () => {
      timer = setTimeout(() => abort.abort(), ms);
    });
    try {
      return await pool.run(
        { text, options: diagnoseOptions, started },
        { signal: abort.signal, transferList: [started] },
      );
    } catch {
      if (closed) throw new RunnerClosedError();
      // Anything else (a thread out of memory, a crash) is answered like a paste over budget.
      return abort.signal.aborted ? 'timeout' : 'failed';
    } finally {
      clearTimeout(timer);
      startedHere.close();
    }
  }

  return {
    async diagnose(text: string, diagnoseOptions: DiagnoseOptions): Promise<Diagnosis> {
      if (closed) throw new RunnerClosedError();
      if (!longerThan(text, inlineMaxBytes)) return diagnose(text, diagnoseOptions);
      const started = performance.now();
      const whole = await within(text, diagnoseOptions, budgetMs * (1 - PARTIAL_SHARE));
      if (typeof whole !== 'string') return whole;
      const beginning = beginningOf(text, inlineMaxBytes);
      // When busy, reading even the beginning would only make the queue longer.
      const partial = whole === 'busy' ? whole : await within(beginning, diagnoseOptions, budgetMs * PARTIAL_SHARE);
      options.onTimedOut?.({
        bytes: Buffer.byteLength(text),
        ms: Math.round(performance.now() - started),
        reason: whole,
      });
      return timedOutDiagnosis({
        text,
        options: diagnoseOptions,
        budgetMs,
        busy: whole === 'busy',
        ...(typeof partial !== 'string' && { partial: { diagnosis: partial, bytes: Buffer.byteLength(beginning) } }),
      });
    },
    ready: () => (loadedThreads >= threads ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    threadCount: () => pool.threads.length,
    async close() {
      if (closed) return;
      closed = true;
      loaded.close();
      await pool.destroy();
    },
  };
}

/**
 * Under tsx (development, tests, the bench) this module is the .ts source; after `npm run build`
 * it is dist/diagnosis/pooled-runner.js, with the compiled worker beside it.
 */
function defaultWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './diagnose-worker.ts' : './diagnose-worker.js', import.meta.url);
}

/** The first `bytes` (about) of the paste, cut after a line when one ends in the second half. */
function beginningOf(text: string, bytes: number): string {
  let head = text.slice(0, bytes);
  while (Buffer.byteLength(head) > bytes) head = head.slice(0, Math.floor(head.length * 0.9));
  const lineEnd = head.lastIndexOf('\n');
  return lineEnd > head.length / 2 ? head.slice(0, lineEnd + 1) : head;
}
