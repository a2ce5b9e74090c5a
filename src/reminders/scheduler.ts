import { Cron } from 'croner';

export interface SchedulerOptions {
  /** REMINDER_CRON, e.g. `0 9 * * 1-5`. */
  cron: string;
  /** REMINDER_TZ: the cron is read in this zone. */
  timeZone: string;
  /** One reminder run; receives the clock's now, when the next run is due, and the drain signal. */
  run: (now: Date, nextRun: Date | undefined, signal: AbortSignal) => Promise<unknown>;
  clock: () => Date;
  onError?: (error: unknown) => void;
}

export interface SchedulerHandle {
  /** The next scheduled run, for the digest's footer. */
  nextRun(): Date | undefined;
  /** Runs now (the same guard as the schedule): resolves false when a run was already going. */
  trigger(): Promise<boolean>;
  stop(): void;
  /**
   * SIGTERM: no new runs; the current one finishes the post in flight, gives back the rest, and
   * this resolves when it has.
   */
  drain(): Promise<void>;
}

/**
 * Runs reminders on REMINDER_CRON in REMINDER_TZ. Runs never overlap in this process (a slow run
 * makes the next tick a no-op); across processes the ledger's claims keep them apart.
 */
export function startReminderScheduler(options: SchedulerOptions): SchedulerHandle {
  let running: Promise<unknown> | undefined;
  const draining = new AbortController();
  const job = new Cron(options.cron, { timezone: options.timeZone, paused: true }, () => {
    void guarded();
  });
  const nextRun = () => job.nextRun(options.clock()) ?? undefined;

  async function guarded(): Promise<boolean> {
    if (running || draining.signal.aborted) return false;
    const now = options.clock();
    running = options.run(now, job.nextRun(now) ?? undefined, draining.signal);
    try {
      await running;
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = undefined;
    }
    return true;
  }

  job.resume();
  return {
    nextRun,
    trigger: guarded,
    stop: () => job.stop(),
    async drain() {
      job.stop();
      draining.abort();
      await running?.catch(() => undefined);
    },
  };
}

/** The next run after `from` without starting anything (the CLI's digest footer). */
export function nextReminderRun(cron: string, timeZone: string, from: Date): Date | undefined {
  const job = new Cron(cron, { timezone: timeZone, paused: true });
  try {
    return job.nextRun(from) ?? undefined;
  } finally {
    job.stop();
  }
}
