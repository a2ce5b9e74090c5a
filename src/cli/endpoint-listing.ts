import type { Config } from '../config.js';
import { daysLeft } from '../core/countdown.js';
import { endpointText } from '../core/i18n/endpoint-text.js';
import { trackingText } from '../core/i18n/tracking-text.js';
import type { Language } from '../core/model.js';
import type { RunReport } from '../reminders/runner.js';
import type { Store, TrackedEndpoint } from '../store/store.js';
import { endpointStatus, lookReason, noticeText, plainFormat, type Shown } from '../tracking/describe-endpoint.js';
import type { CliIo } from './io.js';
import { terminalSafe, terminalSafeJson } from './terminal-safe.js';

/**
 * Tracked endpoints as the command line shows them (`list`, `remind`, `track --json`): light
 * enough for `remind --dry-run`, which connects to nothing and loads no probe.
 */

/** One endpoint as `track --json` and `list --endpoints --json` print it. */
export function endpointJson(endpoint: TrackedEndpoint, now: Date, lang: Language, config: Config) {
  const probe = endpoint.lastProbe;
  const leaf = probe?.leaf;
  return {
    id: endpoint.id,
    target: endpoint.target,
    host: endpoint.host,
    port: endpoint.port,
    protocol: endpoint.protocol,
    channel: endpoint.channel ?? config.reminders.defaultChannel ?? null,
    owner: endpoint.owner ?? null,
    fromSlack: endpoint.guarded,
    probedAt: probe?.at ?? null,
    presented: leaf
      ? {
          thumbprint: leaf.thumbprint,
          subject: leaf.subject,
          notAfter: leaf.notAfter,
          daysLeft: daysLeft(leaf.notAfter, now),
        }
      : null,
    // Why nothing was read: the probe's finding, in the configured language.
    problem: probe && !leaf ? (probe.refusal ? 'PROBE_ALLOW' : lookReason(endpoint, probe, lang)) : null,
    alternates: probe?.alternates ?? [],
    newerTracked: probe?.newer ?? null,
  };
}

/** The endpoints part of `list` (and of `remind`): a heading, then a line each. */
export function endpointLines(heading: string, endpoints: readonly TrackedEndpoint[], shown: Shown, fallback?: string) {
  const t = trackingText[shown.lang].list;
  return [
    heading,
    ...endpoints.map((e) => {
      const channel = e.channel ?? fallback;
      const where = channel ? t.channel(channel) : t.noChannel;
      return `  ${e.id}  ${endpointStatus(e, shown).join(' · ')} · ${where}`;
    }),
  ];
}

/** `list`: the endpoints after the certificates (text), or alone with --endpoints --json. */
export async function listEndpointsCli(
  store: Store,
  config: Config,
  now: Date,
  io: CliIo,
  options: { json: boolean; timeZone?: string },
): Promise<void> {
  const endpoints = await store.listEndpoints();
  const lang = config.defaultLanguage;
  if (options.json) {
    io.stdout(`${terminalSafeJson(endpoints.map((e) => endpointJson(e, now, lang, config)))}\n`);
    return;
  }
  if (endpoints.length === 0) return;
  const shown: Shown = { now, lang, timeZone: options.timeZone ?? config.reminders.timeZone, format: plainFormat };
  const lines = endpointLines(
    endpointText[lang].list.title(endpoints.length),
    endpoints,
    shown,
    config.reminders.defaultChannel,
  );
  io.stdout(`${terminalSafe(lines.join('\n'))}\n`);
}

/**
 * What `remind` prints of endpoints: what this run's looks found and said, or in a dry run (which
 * connects to nothing) the last looks as recorded.
 */
export async function remindEndpoints(
  report: Pick<RunReport, 'endpoints'> | undefined,
  store: Store,
  config: Config,
  now: Date,
  options: { dryRun: boolean; timeZone?: string },
) {
  const listed = report?.endpoints?.listed ?? (await store.listEndpoints());
  const lang = config.defaultLanguage;
  const shown: Shown = { now, lang, timeZone: options.timeZone ?? config.reminders.timeZone, format: plainFormat };
  const t = endpointText[lang].remind;
  const notices = (report?.endpoints?.notices ?? []).map((n) => noticeText(n, shown));
  const text =
    listed.length === 0
      ? ''
      : `${[
          ...endpointLines(
            options.dryRun ? t.lastLooks(listed.length) : t.looked(listed.length),
            listed,
            shown,
            config.reminders.defaultChannel,
          ),
          ...notices.map((n) => `  ${n}`),
        ].join('\n')}\n`;
  return {
    text: terminalSafe(text),
    json: listed.map((e) => endpointJson(e, now, lang, config)),
    notices,
    unsaid: (report?.endpoints?.unsaid ?? []).map((u) => t.noticeUnsent({ channel: u.channel ?? '-', error: u.error })),
  };
}
