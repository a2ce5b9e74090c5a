import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { daysLeft } from './core/countdown.js';
import type { RunReport } from './reminders/runner.js';
import type { TrackedCertificate } from './store/store.js';

/**
 * certcheck's Prometheus metrics (`/metrics`, text format), one registry per process. The Slack
 * adapter, the diagnosis path and the reminder runner call the functions below; nothing here
 * knows Slack or HTTP.
 *
 * Counters are per replica (sum them). The tracked-certificate gauge is read from the shared store
 * at scrape time, so every replica reports the same figures: take max, never sum.
 */

export interface Metrics {
  readonly registry: Registry;
  readonly contentType: string;
  /** A `/certcheck` command received; `subcommand` is the first word (track, list, probe…) or `diagnose`. */
  slashCommand(subcommand: string): void;
  /** An Events API event received (app_mention, app_home_opened…). */
  event(type: string): void;
  /** An interaction received: block_actions, view_submission, message_action, shortcut… with its action id. */
  interaction(type: string, actionId?: string): void;
  /** A diagnosis made, on which surface (slack, cli, sandbox), with its findings' codes. */
  diagnosis(surface: string, findingCodes: readonly string[]): void;
  /** What a reminder run did: sends, failures, claims skipped, stale claims taken over. */
  reminderRun(report: RunReport): void;
  /** One call to Slack's Web API: its latency, and whether Slack answered 429. */
  slackCall(method: string, seconds: number, outcome: SlackCallOutcome): void;
  /** The whole exposition, for the HTTP handler. */
  text(): Promise<string>;
}

export type SlackCallOutcome = 'ok' | 'error' | 'rate_limited';

/** The days-left bands of the tracked-certificate gauge; the same bands as the badges and reminders. */
export const DAYS_LEFT_BUCKETS = ['expired', '0-7', '8-30', '31-60', 'over-60'] as const;

export function daysLeftBucket(days: number): (typeof DAYS_LEFT_BUCKETS)[number] {
  if (days < 0) return 'expired';
  if (days <= 7) return '0-7';
  if (days <= 30) return '8-30';
  if (days <= 60) return '31-60';
  return 'over-60';
}

export interface MetricsOptions {
  /** The active tracked certificates, from the shared store; read at each scrape. */
  trackedCertificates?: () => Promise<TrackedCertificate[]>;
  now: () => Date;
  /** process_cpu_seconds_total, process_resident_memory_bytes, nodejs_* (off in tests that count lines). */
  defaultMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const slashCommands = new Counter({
    name: 'certcheck_slash_commands_total',
    help: '/certcheck commands received, by subcommand.',
    labelNames: ['subcommand'],
    registers,
  });
  const events = new Counter({
    name: 'certcheck_events_total',
    help: 'Events API events received, by type.',
    labelNames: ['type'],
    registers,
  });
  const interactions = new Counter({
    name: 'certcheck_interactions_total',
    help: 'Interactions received (buttons, modals, shortcuts), by type and action id.',
    labelNames: ['type', 'action_id'],
    registers,
  });
  const diagnoses = new Counter({
    name: 'certcheck_diagnoses_total',
    help: 'Diagnoses made, by surface.',
    labelNames: ['surface'],
    registers,
  });
  const findings = new Counter({
    name: 'certcheck_diagnosis_findings_total',
    help: 'Findings in diagnoses, by finding code.',
    labelNames: ['code'],
    registers,
  });
  const remindersSent = new Counter({
    name: 'certcheck_reminders_sent_total',
    help: 'Reminders delivered (one per certificate and tier) by this replica.',
    registers,
  });
  const reminderFailures = new Counter({
    name: 'certcheck_reminder_failures_total',
    help: 'Reminders that stayed unsent after retries (due again on the next run).',
    registers,
  });
  const reminderSkipped = new Counter({
    name: 'certcheck_reminders_skipped_total',
    help: 'Due reminders another replica or run claimed first (it sends them).',
    registers,
  });
  const takeovers = new Counter({
    name: 'certcheck_reminder_takeovers_total',
    help: 'Stale claims of a dead run taken over, by what Slack showed: confirmed (it was posted) or released (sent again).',
    labelNames: ['result'],
    registers,
  });
  const slackLatency = new Histogram({
    name: 'certcheck_slack_api_duration_seconds',
    help: "Latency of calls to Slack's Web API, by method and outcome.",
    labelNames: ['method', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const rateLimited = new Counter({
    name: 'certcheck_slack_api_rate_limited_total',
    help: 'Calls Slack answered 429 (rate limited), by method.',
    labelNames: ['method'],
    registers,
  });
  const tracked = options.trackedCertificates;
  // One read of the store per scrape, shared by the two gauges below: prom-client collects the
  // families at once, in the order they were registered, so the count starts the read first.
  let storeRead: Promise<boolean> = Promise.resolve(true);
  new Gauge({
    name: 'certcheck_tracked_certificates',
    help: 'Active tracked certificates by days left, read from the shared store: the same on every replica (take max, not sum).',
    labelNames: ['days_left'],
    registers,
    async collect() {
      this.reset();
      if (!tracked) return;
      const read = (async () => {
        try {
          const now = options.now();
          const counts = new Map<string, number>(DAYS_LEFT_BUCKETS.map((b) => [b, 0]));
          for (const c of await tracked()) {
            const bucket = daysLeftBucket(daysLeft(c.notAfter, now));
            counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
          }
          for (const [bucket, count] of counts) this.set({ days_left: bucket }, count);
          return true;
        } catch {
          // The database is down: the scrape still answers, and says so.
          return false;
        }
      })();
      storeRead = read;
      await read;
    },
  });
  if (tracked) {
    new Gauge({
      name: 'certcheck_store_up',
      help: '1 when this scrape could read the tracking store, 0 when it could not.',
      registers,
      async collect() {
        this.set((await storeRead) ? 1 : 0);
      },
    });
  }

  return {
    registry,
    contentType: registry.contentType,
    slashCommand: (subcommand) => slashCommands.inc({ subcommand: subcommand || 'diagnose' }),
    event: (type) => events.inc({ type }),
    interaction: (type, actionId) => interactions.inc({ type, action_id: actionId ?? '' }),
    diagnosis(surface, codes) {
      diagnoses.inc({ surface });
      for (const code of codes) findings.inc({ code });
    },
    reminderRun(report) {
      remindersSent.inc(report.sent.reduce((n, s) => n + s.thumbprints.length, 0));
      reminderFailures.inc(report.failed.reduce((n, f) => n + f.thumbprints.length, 0));
      reminderSkipped.inc(report.skipped.length);
      takeovers.inc({ result: 'confirmed' }, report.reconciled.confirmed);
      takeovers.inc({ result: 'released' }, report.reconciled.released);
    },
    slackCall(method, seconds, outcome) {
      slackLatency.observe({ method, outcome }, seconds);
      if (outcome === 'rate_limited') rateLimited.inc({ method });
    },
    text: () => registry.metrics(),
  };
}

/**
 * `fetch` that times each call to Slack's Web API for the metrics (`…/api/chat.postMessage` is
 * method `chat.postMessage`; anything else, such as a response_url, is `response_url`), and counts
 * 429 answers. Given to the Bolt app's client, it covers every reply, view and lookup the app makes.
 */
export function timedFetch(inner: typeof fetch, metrics: Metrics, monotonic: () => number): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = /\/api\/([\w.]+)(?:\?|$)/.exec(url)?.[1] ?? 'response_url';
    const started = monotonic();
    try {
      const response = await inner(input, init);
      const outcome = response.status === 429 ? 'rate_limited' : response.ok ? 'ok' : 'error';
      metrics.slackCall(method, (monotonic() - started) / 1000, outcome);
      return response;
    } catch (error) {
      metrics.slackCall(method, (monotonic() - started) / 1000, 'error');
      throw error;
    }
  };
}

type Diagnoser = { diagnose(...args: never[]): Promise<{ findings: readonly { code: string }[] }> };

/** The same diagnosis runner, counting each diagnosis and its findings' codes on `surface`. */
export function countDiagnoses<R extends Diagnoser>(runner: R, metrics: Metrics, surface: string): R {
  const counted: Diagnoser = {
    async diagnose(...args) {
      const diagnosis = await runner.diagnose(...args);
      metrics.diagnosis(
        surface,
        diagnosis.findings.map((f) => f.code),
      );
      return diagnosis;
    },
  };
  // Everything else the runner has (a pool's close, its readiness) is the runner's own, called on it.
  return new Proxy(runner, {
    get(target, property) {
      if (property === 'diagnose') return counted.diagnose;
      const member: unknown = Reflect.get(target, property, target);
      return typeof member === 'function' ? member.bind(target) : member;
    },
  });
}
