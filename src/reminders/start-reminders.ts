import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/store.js';
import type { Notifier } from './notifier.js';
import { type RunRemindersOptions, type RunReport, runReminders } from './runner.js';
import { type SchedulerHandle, startReminderScheduler } from './scheduler.js';

export interface ReminderLog {
  info(message: string): void;
  error(message: string): void;
}

/** The bot's reminder schedule: REMINDER_CRON in REMINDER_TZ, each tick one runner pass. */
export function startReminders(options: {
  config: Config;
  store: Store;
  notifier: Notifier;
  clock: () => Date;
  /** Names this process in the ledger (host:pid). */
  processName: string;
  log: ReminderLog;
  /** Counts each run's sends, failures, skips and takeovers. */
  metrics?: Metrics;
}): SchedulerHandle {
  const { config } = options;
  return startReminderScheduler({
    cron: config.reminders.cron,
    timeZone: config.reminders.timeZone,
    clock: options.clock,
    run: async (now, nextRun, signal) => {
      const started = performance.now();
      const report = await runReminders({
        store: options.store,
        notifier: options.notifier,
        now,
        dryRun: false,
        ...configuredRunOptions(config),
        owner: `${options.processName}:${randomUUID()}`,
        // Leases on the run's clock: the tick's now plus the time the run has taken (heartbeat).
        elapsed: () => performance.now() - started,
        signal,
        ...(nextRun && { nextRun }),
        // Tracked endpoints are looked at first; those tracked from Slack only while PROBE_ALLOW allows them.
        endpoints: { allow: config.probeAllow },
      });
      options.metrics?.reminderRun(report);
      options.log.info(summary(report));
      for (const f of report.failed)
        options.log.error(`reminders not sent to ${f.channel} (${f.thumbprints.length}): ${f.error}`);
      if (report.unrouted.length > 0) {
        options.log.error(
          `${report.unrouted.length} reminder(s) have no channel: set REMINDER_CHANNEL or track --channel`,
        );
      }
    },
    onError: (error) =>
      options.log.error(`reminder run failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}

/** What REMINDER_* and CERTCHECK_LANG decide of a run: the bot's schedule and `certcheck remind` alike. */
export function configuredRunOptions(
  config: Config,
): Pick<RunRemindersOptions, 'thresholds' | 'timeZone' | 'lang' | 'defaultChannel'> {
  return {
    thresholds: config.reminders.days,
    timeZone: config.reminders.timeZone,
    lang: config.defaultLanguage,
    ...(config.reminders.defaultChannel && { defaultChannel: config.reminders.defaultChannel }),
  };
}

function summary(report: RunReport): string {
  const sent = report.sent.reduce((n, s) => n + s.thumbprints.length, 0);
  return `reminders: ${report.due.length} due, ${sent} sent in ${report.sent.length} message(s), ${report.skipped.length} left to another process, ${report.failed.length} failed; reconciled ${report.reconciled.confirmed} confirmed, ${report.reconciled.released} released`;
}
