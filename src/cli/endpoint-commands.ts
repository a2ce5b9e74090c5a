import type { Config } from '../config.js';
import { endpointText } from '../core/i18n/endpoint-text.js';
import { trackingText } from '../core/i18n/tracking-text.js';
import type { ProbeTarget } from '../core/probe/target.js';
import type { RunRemindersOptions } from '../reminders/runner.js';
import { endpointStatus, lookReason, plainFormat, type Shown } from '../tracking/describe-endpoint.js';
import { endpointJson } from './endpoint-listing.js';
import { endpointId } from '../tracking/endpoint-look.js';
import { endpointTargets, trackEndpoint } from '../tracking/track-endpoint.js';
import type { CliIo, ExitCode } from './io.js';
import { UsageError } from './io.js';
import { terminalSafe, terminalSafeJson } from './terminal-safe.js';
import { withTrackingStore } from './tracking-store.js';

/**
 * The command line's side of tracked endpoints: `track smtp://…`, the endpoints under `list`,
 * `untrack smtp://…`, and what `remind` looked at. The CLI is the operator's tool: it probes what
 * it is given, without PROBE_ALLOW.
 */

/** The endpoints `track` was given, or undefined when its argument is a paste (a FILE or -). */
export function endpointsToTrack(positionals: readonly string[]): ProbeTarget[] | undefined {
  const targets = endpointTargets(positionals);
  if (targets === undefined) return undefined;
  if ('problem' in targets) throw new UsageError(targets.problem);
  return targets;
}

/** How the bot and `remind` look at endpoints: PROBE_ALLOW for those tracked from Slack. */
export function endpointWatch(config: Config): NonNullable<RunRemindersOptions['endpoints']> {
  return { allow: config.probeAllow };
}

export async function trackEndpointsCli(
  targets: readonly ProbeTarget[],
  options: { channel?: string; owner?: string; json?: boolean },
  io: CliIo,
): Promise<ExitCode> {
  return withTrackingStore(io, 'track', async (store, config) => {
    const now = io.now();
    const lang = config.defaultLanguage;
    const shown: Shown = { now, lang, timeZone: config.reminders.timeZone, format: plainFormat };
    const outcomes = [];
    for (const target of targets) {
      outcomes.push(
        await trackEndpoint(store, {
          target,
          addedBy: 'cli',
          guarded: false,
          now,
          look: endpointWatch(config),
          ...(options.channel !== undefined && { channel: options.channel }),
          ...(options.owner !== undefined && { owner: options.owner }),
        }),
      );
    }
    if (options.json) {
      const endpoints = outcomes.map((o) => ({
        ...endpointJson(o.endpoint, now, lang, config),
        created: o.created,
        certificateTracked: o.certificateTracked ?? null,
      }));
      io.stdout(`${terminalSafeJson({ endpoints })}\n`);
      return 0;
    }
    const t = endpointText[lang];
    const lines: string[] = [];
    for (const { endpoint, created, probe, certificateTracked } of outcomes) {
      lines.push(t.track.tracked({ endpoint: endpoint.id, created }));
      if (!probe.leaf && !probe.refusal)
        lines.push(`  ${t.track.unreachable({ reason: lookReason(endpoint, probe, lang) })}`);
      else lines.push(`  ${endpointStatus(endpoint, shown).join(' · ')}`);
      if (certificateTracked) lines.push(`  ${t.track.certificateTracked({ thumbprint: certificateTracked })}`);
    }
    const channel = options.channel ?? config.reminders.defaultChannel;
    const tt = trackingText[lang].track;
    lines.push(channel ? tt.remindIn(channel) : tt.noChannel);
    io.stdout(`${terminalSafe(lines.join('\n'))}\n`);
    return 0;
  });
}

/** `untrack smtp://…`: undefined when the argument is not an endpoint (a thumbprint). */
export async function untrackEndpointCli(args: readonly string[], io: CliIo): Promise<ExitCode | undefined> {
  const targets = endpointTargets(args);
  if (targets === undefined) return undefined;
  if ('problem' in targets) throw new UsageError(targets.problem);
  return withTrackingStore(io, 'untrack', async (store, config) => {
    const t = endpointText[config.defaultLanguage].untrack;
    let code: ExitCode = 0;
    for (const target of targets) {
      const id = endpointId(target);
      if (await store.untrackEndpoint(id, 'cli', io.now().toISOString()))
        io.stdout(`${terminalSafe(t.done({ endpoint: id }))}\n`);
      else {
        io.stderr(`certcheck untrack: ${terminalSafe(t.notTracked({ endpoint: id }))}\n`);
        code = 1;
      }
    }
    return code;
  });
}
