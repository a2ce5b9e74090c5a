import { randomUUID } from 'node:crypto';
import { localCountdown } from '../core/i18n/local-time.js';
import { trackingText } from '../core/i18n/tracking-text.js';
import { byUrgency, type DueReminder, sortByUrgency } from '../core/reminders.js';
import { isUnnamedSubject, trackedLabel } from '../core/tracking.js';
import { planDue } from '../reminders/due-plan.js';
import type { RunReport } from '../reminders/runner.js';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { CliCommand } from './commands.js';
import { parseCommandArgs, parseNow, UsageError } from './io.js';
import { withTrackingStore } from './tracking-store.js';
import { terminalSafe, terminalSafeJson } from './terminal-safe.js';
import { chooseTimeZone, timeZoneOption } from './time-zone.js';

export const remindCommand: CliCommand = {
  summary: 'Send the reminders that are due (one digest per channel); --dry-run only lists them.',
  usage: 'certcheck remind [--now ISO-8601] [--dry-run] [--json] [--tz ZONE]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      now: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      ...timeZoneOption,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const now = parseNow(values.now, io);
    // The zone only shapes the text lines (--json keeps UTC instants): unless --tz is given to be
    // checked, --json does not look the system's zone up, which would load the locale data.
    const timeZone = values.json && values.tz === undefined ? 'UTC' : chooseTimeZone(values.tz, io);
    const dryRun = values['dry-run'] === true;
    return withTrackingStore(io, 'remind', async (store, config) => {
      const token = config.slack.botToken;
      if (!dryRun && !token) {
        io.stderr('certcheck remind: SLACK_BOT_TOKEN is not set (the bot token, xoxb-…); --dry-run needs none\n');
        return 1;
      }
      const report =
        token && !dryRun ? await sendDue(store, config, now, token) : await dryRunReport(store, config, now);
      const lang = config.defaultLanguage;
      const t = trackingText[lang].remind;
      // Named at display time, in the configured language (an event's certificate has no subject).
      // Only the few without a subject need their record: reading every tracked certificate again
      // doubled the cost of a run over a large store.
      const unnamed = [
        ...new Set(
          [...report.due, ...report.unrouted].filter((d) => isUnnamedSubject(d.subject)).map((d) => d.thumbprint),
        ),
      ];
      const labels = new Map<string, string>();
      for (const thumbprint of unnamed) {
        const cert = await store.get(thumbprint);
        if (cert) labels.set(thumbprint, trackedLabel(cert, lang));
      }
      const label = (d: { thumbprint: string; subject: string }) => labels.get(d.thumbprint) ?? d.subject;
      // Reminders with no channel are due all the same: listed (channel null), and reported unsent.
      // Each kind comes most urgent first: merged and sorted again only when there are both.
      const everyDue: readonly Listed[] =
        report.unrouted.length === 0
          ? report.due
          : sortByUrgency([...report.due, ...report.unrouted.map((u) => ({ ...u, channel: null }))]);
      const due = everyDue.map((d) => ({
        channel: d.channel,
        thumbprint: d.thumbprint,
        subject: label(d),
        // null: the daily reminder of an expired certificate.
        threshold: d.threshold,
        daysLeft: d.daysLeft,
      }));
      const unsent: { channel: string | null; thumbprint: string; error: string }[] = report.failed.flatMap((f) =>
        f.thumbprints.map((thumbprint) => ({ channel: f.channel, thumbprint, error: f.error })),
      );
      // The JSON's error stays in English, like Slack's error codes beside it.
      for (const { thumbprint } of report.unrouted)
        unsent.push({ channel: null, thumbprint, error: trackingText.en.remind.noChannel });
      // Endpoints: what this run's looks found and said, or in a dry run (no connection) the last looks.
      const endpointPart = await (await import('./endpoint-listing.js')).remindEndpoints(report, store, config, now, {
        dryRun,
        timeZone,
      });
      const endpointsJson = endpointPart.json.length > 0 ? { endpoints: endpointPart.json } : {};
      for (const line of endpointPart.unsaid) io.stderr(`certcheck remind: ${terminalSafe(line)}\n`);
      if (values.json) {
        const output = dryRun
          ? { due, ...endpointsJson }
          : {
              due,
              sent: report.sent,
              skipped: report.skipped.map((s) => s.thumbprint),
              unsent,
              reconciled: report.reconciled,
              ...endpointsJson,
            };
        // The newline apart: megabytes of JSON are written as they are, not copied to end them with it.
        io.stdout(terminalSafeJson(output));
        io.stdout('\n');
      } else {
        const line = (d: (typeof everyDue)[number]) =>
          terminalSafe(`  ${d.channel ?? '-'}  ${d.thumbprint}  ${label(d)} — ${localCountdown(d.notAfter, now, lang, timeZone)}`);
        const block = (heading: string, shown: typeof everyDue) =>
          `${heading}\n${shown.map(line).join('\n')}${shown.length ? '\n' : ''}`;
        if (dryRun) io.stdout(block(t.due(everyDue.length), everyDue));
        else {
          // Under "sent" only what was sent; what was due but not sent, apart.
          const sent = new Set(report.sent.flatMap((s) => s.thumbprints));
          const notSent = new Set(unsent.map((u) => u.thumbprint));
          io.stdout(
            block(
              t.sent(sent.size),
              everyDue.filter((d) => sent.has(d.thumbprint)),
            ),
          );
          const missed = everyDue.filter((d) => notSent.has(d.thumbprint) && !sent.has(d.thumbprint));
          if (missed.length > 0) io.stdout(block(t.unsent(missed.length), missed));
          // Lost the race to another run: not an error (exit 0), but said, so that no one wonders.
          const skipped = new Set(report.skipped.map((s) => `${s.thumbprint}|${s.slot}`));
          const left = report.due.filter((d) => skipped.has(`${d.thumbprint}|${d.slot}`)).sort(byUrgency);
          if (left.length > 0) io.stdout(block(t.skipped(left.length), left));
        }
        io.stdout(endpointPart.text);
      }
      // A dry run has only the reminders with no channel here: no run could send them.
      if (unsent.length === 0) return 0;
      for (const u of unsent) {
        const error = u.channel === null ? t.noChannel : u.error;
        io.stderr(`certcheck remind: ${t.notSent(u.thumbprint, u.channel, error)}\n`);
      }
      return 2;
    });
  },
};

/** A reminder as the command lists it: channel null when it has nowhere to go. */
type Listed = Omit<DueReminder, 'channel'> & { channel: string | null };

/**
 * A dry run claims, posts and reconciles nothing, so it needs only the plan: read in one streamed
 * pass, without the runner's full records, and without loading Slack's client at all.
 */
async function dryRunReport(store: Store, config: Config, now: Date): Promise<RunReport> {
  // REMINDER_* read here as configuredRunOptions reads them: importing it would load the runner,
  // and with it everything a real run needs.
  const { days: thresholds, timeZone, defaultChannel } = config.reminders;
  const plan = await planDue(store, { thresholds, timeZone, now, ...(defaultChannel && { defaultChannel }) });
  return {
    due: plan.due,
    unrouted: plan.unrouted,
    sent: [],
    skipped: [],
    failed: [],
    reconciled: { confirmed: 0, released: 0 },
  };
}

/** A real run: the runner claims, posts through Slack and confirms. Slack's client is loaded only here. */
async function sendDue(store: Store, config: Config, now: Date, token: string): Promise<RunReport> {
  const [{ runReminders }, { nextReminderRun }, { configuredRunOptions }, { createSlackNotifier }] = await Promise.all([
    import('../reminders/runner.js'),
    import('../reminders/scheduler.js'),
    import('../reminders/start-reminders.js'),
    import('../slack/slack-notifier.js'),
  ]);
  const notifier = createSlackNotifier({ token, ...(config.slack.apiUrl && { apiUrl: config.slack.apiUrl }) });
  const nextRun = nextReminderRun(config.reminders.cron, config.reminders.timeZone, now);
  const started = performance.now();
  return runReminders({
    store,
    notifier,
    now,
    dryRun: false,
    ...configuredRunOptions(config),
    owner: `cli:${randomUUID()}`,
    // Leases run on this run's clock: --now plus the time the run has taken.
    elapsed: () => performance.now() - started,
    ...(nextRun && { nextRun }),
    // Tracked endpoints are looked at first; those tracked from Slack only while PROBE_ALLOW allows them.
    endpoints: { allow: config.probeAllow },
  });
}
