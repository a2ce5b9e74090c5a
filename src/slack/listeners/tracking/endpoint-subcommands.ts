import type { RespondFn } from '@slack/bolt';
import { formatDate } from '../../../core/countdown.js';
import { endpointText } from '../../../core/i18n/endpoint-text.js';
import { sentences, trackingText } from '../../../core/i18n/tracking-text.js';
import type { Language } from '../../../core/model.js';
import { checkProbeTarget, type ProbeAllowList, type Resolve } from '../../../core/probe/allow-list.js';
import type { ProbeRateLimiter } from '../../../core/probe/rate-limit.js';
import { refusalText } from '../../../core/probe/refusal-text.js';
import type { ProbeTarget } from '../../../core/probe/target.js';
import { MAX_GUARDED_TARGETS, systemResolve } from '../../../probe/guarded-probe.js';
import type { TrackedEndpoint } from '../../../store/store.js';
import { lookReason } from '../../../tracking/describe-endpoint.js';
import { endpointId } from '../../../tracking/endpoint-target.js';
import { trackEndpoint } from '../../../tracking/track-endpoint.js';
import { endpointBlocks, endpointLine, slackFormat } from '../../blocks/endpoint-blocks.js';
import { escapeMrkdwn, LIMITS, type SlackBlock, section, truncate } from '../../blocks/kit.js';
import { channelRef, userRef } from '../../blocks/mentions.js';
import type { ListenerDeps, WebClient } from '../../deps.js';
import { type PermissionText, permissionText } from '../../i18n/permission-text.js';
import { type ChangeAction, changeRefusal, directoryOf, trackIntoRefusal } from './permission-check.js';
import { publishHome } from './refresh.js';
import { refusalLine } from '../commands/probe.js';

/**
 * `/certcheck track smtp://…`, and endpoints in `/certcheck list` and `/certcheck untrack`. Tracking
 * an endpoint from Slack connects to it, so it is held to what `/certcheck probe` is: only what
 * PROBE_ALLOW allows (refused before any lookup or connection otherwise), each name resolved and
 * checked, within the per-person rate; and to what tracking a certificate is: the channel's
 * members, and the right to change it where it already reminds.
 */

export interface EndpointGuard {
  allow: ProbeAllowList;
  limiter: ProbeRateLimiter;
  resolve?: Resolve;
  timeoutMs?: number;
}

interface Ask {
  user: string;
  channel: string;
  respond: RespondFn;
  client: WebClient;
  lang: Language;
}

export async function trackEndpoints(
  deps: ListenerDeps,
  ask: Ask,
  targets: readonly ProbeTarget[],
  guard: EndpointGuard,
): Promise<void> {
  const { lang, respond } = ask;
  const say = (text: string) => respond({ response_type: 'ephemeral', text });
  const refusal = refusalText[lang];
  if (targets.length > MAX_GUARDED_TARGETS) return void (await say(refusal.tooMany({ max: MAX_GUARDED_TARGETS })));
  const now = deps.now();
  const disabled = guard.allow.names.length === 0 && guard.allow.networks.length === 0;
  if (disabled) {
    const lines = targets.map((target) => refusalLine(target, { reason: 'disabled' }, refusal));
    return void (await say([...new Set(lines)].join('\n')));
  }
  const taken = guard.limiter.take(ask.user, targets.length, now.getTime());
  if (!taken.allowed) {
    return void (await say(
      refusal.rateLimited({ limit: guard.limiter.limit, seconds: Math.ceil(taken.retryAfterMs / 1000) }),
    ));
  }
  const resolve = guard.resolve ?? systemResolve;
  const refused: string[] = [];
  const allowed: ProbeTarget[] = [];
  for (const target of targets) {
    const decision = await checkProbeTarget(guard.allow, target, resolve);
    if (decision.allowed) allowed.push(target);
    else {
      const { allowed: _, ...why } = decision;
      refused.push(refusalLine(target, why, refusal));
    }
  }
  if (allowed.length === 0) return void (await say([...new Set(refused)].join('\n')));
  // A DM (D…) is no place for reminders: the bot cannot post in a DM between two people.
  const inDm = ask.channel.startsWith('D');
  if (!inDm) {
    const existing = await Promise.all(allowed.map((t) => deps.tracking.store.getEndpoint(endpointId(t))));
    const intoRefused = await trackIntoRefusal(deps, ask.client, ask.user, ask.channel, lang);
    if (intoRefused) return void (await say(intoRefused));
    for (const endpoint of existing) {
      if (endpoint?.status !== 'active' || !endpoint.channel || endpoint.channel === ask.channel) continue;
      const moveRefused = await endpointRefusal(deps, ask.client, ask.user, endpoint, 'move', lang);
      if (moveRefused) return void (await say(moveRefused));
    }
  }
  const t = endpointText[lang];
  const shown = { now, lang, timeZone: deps.tracking.timeZone };
  const lines: string[] = [...refused];
  for (const target of allowed) {
    const before = await deps.tracking.store.getEndpoint(endpointId(target));
    const outcome = await trackEndpoint(deps.tracking.store, {
      target,
      addedBy: ask.user,
      guarded: true,
      now,
      look: { allow: guard.allow, resolve, ...(guard.timeoutMs !== undefined && { timeoutMs: guard.timeoutMs }) },
      ...(!inDm && { channel: ask.channel }),
      ...(!before?.owner && { owner: ask.user }),
    });
    const { endpoint, probe } = outcome;
    lines.push(t.track.tracked({ endpoint: slackFormat.code(endpoint.id), created: outcome.created }));
    if (!probe.leaf && !probe.refusal) {
      lines.push(t.track.unreachable({ reason: escapeMrkdwn(lookReason(endpoint, probe, lang)) }));
    } else lines.push(endpointLine(endpoint, shown));
    if (outcome.certificateTracked) {
      lines.push(t.track.certificateTracked({ thumbprint: slackFormat.code(outcome.certificateTracked) }));
    }
  }
  const channel = inDm ? deps.tracking.defaultChannel : ask.channel;
  const tt = trackingText[lang].track;
  const where = channel ? tt.remindIn(channelRef(channel)) : tt.dmNoChannel;
  const text = sentences(lines[0] ?? '', where);
  await respond({
    response_type: 'ephemeral',
    text: truncate(text, LIMITS.fallback),
    blocks: [section(truncate([...lines, where].join('\n'), LIMITS.section))],
  });
  await publishHome(deps, ask.client, ask.user, lang);
}

export async function untrackEndpoints(deps: ListenerDeps, ask: Ask, targets: readonly ProbeTarget[]): Promise<void> {
  const t = endpointText[ask.lang].untrack;
  const { store } = deps.tracking;
  const lines: string[] = [];
  for (const target of targets) {
    const id = endpointId(target);
    const shownId = slackFormat.code(id);
    const endpoint = await store.getEndpoint(id);
    if (!endpoint) {
      lines.push(t.notTracked({ endpoint: shownId }));
      continue;
    }
    if (endpoint.status !== 'active') {
      const by = endpoint.statusBy ? userRef(endpoint.statusBy) : trackingText[ask.lang].notes.someone;
      const when = endpoint.statusAt ? formatDate(endpoint.statusAt, ask.lang, deps.tracking.timeZone) : '?';
      lines.push(t.alreadyUntracked({ endpoint: shownId, by, when }));
      continue;
    }
    const refused = await endpointRefusal(deps, ask.client, ask.user, endpoint, 'untrack', ask.lang);
    if (refused) {
      lines.push(refused);
      continue;
    }
    const done = await store.untrackEndpoint(id, ask.user, deps.now().toISOString());
    lines.push(done ? t.done({ endpoint: shownId }) : t.notTracked({ endpoint: shownId }));
    if (done) await announce(deps, ask, endpoint, (p) => p.announce.untracked(shownId, userRef(ask.user)));
  }
  await ask.respond({ response_type: 'ephemeral', text: truncate(lines.join('\n'), LIMITS.section) });
  await publishHome(deps, ask.client, ask.user, ask.lang);
}

/** May this user change this endpoint? As for a certificate: its channel's members, its owner, admins. */
function endpointRefusal(
  deps: ListenerDeps,
  client: WebClient,
  userId: string,
  endpoint: TrackedEndpoint,
  action: ChangeAction,
  lang: Language,
): Promise<string | undefined> {
  return changeRefusal(deps, client, userId, endpoint, slackFormat.code(endpoint.id), action, lang);
}

/** Said in the endpoint's channel (unless typed there), so nothing disappears silently. */
async function announce(
  deps: ListenerDeps,
  ask: Ask,
  endpoint: TrackedEndpoint,
  text: (t: PermissionText) => string,
): Promise<void> {
  const channel = endpoint.channel ?? deps.tracking.defaultChannel;
  if (!channel || channel === ask.channel) return;
  try {
    await ask.client.chat.postMessage({ channel, text: text(permissionText[deps.defaultLanguage]) });
  } catch (error) {
    deps.logger.warn(`could not tell ${channel} about an endpoint change: ${String(error)}`);
  }
}

/** The endpoints a user may see: of their channels, their own; admins all (as for certificates). */
export async function visibleEndpoints(
  deps: ListenerDeps,
  client: WebClient,
  userId: string,
): Promise<TrackedEndpoint[]> {
  const endpoints = await deps.tracking.store.listEndpoints();
  if (endpoints.length === 0) return [];
  const fallback = deps.tracking.defaultChannel;
  const channelOf = (e: TrackedEndpoint) => e.channel ?? (e.owner ? undefined : fallback);
  const channels = endpoints.flatMap((e) => {
    const channel = channelOf(e);
    return channel && e.owner !== userId ? [channel] : [];
  });
  const standing = await directoryOf(deps).standing(client, userId, [...new Set(channels)]);
  if (standing.isAdmin === true) return endpoints;
  return endpoints.filter((e) => {
    if (e.owner === userId) return true;
    const channel = channelOf(e);
    return channel !== undefined && standing.memberOf(channel) === true;
  });
}

/** The endpoints part of `/certcheck list` and App Home, within `maxBlocks`. */
export function endpointListBlocks(
  deps: ListenerDeps,
  endpoints: readonly TrackedEndpoint[],
  lang: Language,
  title: string,
  maxBlocks: number,
): SlackBlock[] {
  if (maxBlocks < 1) return [];
  return endpointBlocks(
    title,
    endpoints,
    { now: deps.now(), lang, timeZone: deps.tracking.timeZone },
    {
      maxBlocks,
      withChannel: true,
      ...(deps.tracking.defaultChannel && { defaultChannel: deps.tracking.defaultChannel }),
    },
  );
}
