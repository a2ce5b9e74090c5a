import { formatDate } from '../../../core/countdown.js';
import { sentences, trackingText } from '../../../core/i18n/tracking-text.js';
import {
  normalizeThumbprint,
  nothingTrackedText,
  trackableCertificates,
  whyNothingTracked,
} from '../../../core/tracking.js';
import type { Store, TrackedCertificate } from '../../../store/store.js';
import { trackDiagnosis } from '../../../tracking/track-certificates.js';
import { displayName } from '../../blocks/certificate-line.js';
import { context, escapeMrkdwn, header, LIMITS, type SlackBlock, section, truncate } from '../../blocks/kit.js';
import { channelRef, userRef } from '../../blocks/mentions.js';
import type { ListenerDeps, Subcommand } from '../../deps.js';
import { permissionText } from '../../i18n/permission-text.js';
import { announceChange, refusalFor, trackIntoRefusal, visibleListing } from './permission-check.js';
import { trackedCountdown, trackedLines } from '../../blocks/tracked-lines.js';
import { publishHome } from './refresh.js';
import { endpointText } from '../../../core/i18n/endpoint-text.js';
import { NO_PROBES } from '../../../core/probe/allow-list.js';
import { ProbeRateLimiter } from '../../../core/probe/rate-limit.js';
import { endpointTargets } from '../../../tracking/track-endpoint.js';
import {
  type EndpointGuard,
  endpointListBlocks,
  trackEndpoints,
  untrackEndpoints,
  visibleEndpoints,
} from './endpoint-subcommands.js';

/** Lines per section in `/certcheck list`; sections fill up to Slack's 50 blocks. */
const LIST_LINES_PER_SECTION = 10;

/**
 * `/certcheck track <paste>`, `/certcheck list`, `/certcheck untrack <thumbprint>`.
 */
export function createTrackSubcommands(
  deps: ListenerDeps,
  probing: Partial<Omit<EndpointGuard, 'limiter'>> = {},
): Record<string, Subcommand> {
  // Tracking an endpoint connects to it: the same opt-in and per-person rate as /certcheck probe.
  const guard: EndpointGuard = { allow: NO_PROBES, ...probing, limiter: new ProbeRateLimiter() };
  return {
    async track({ command, rest, respond, client }) {
      const lang = await deps.language.forUser(client, command.user_id);
      const t = trackingText[lang].track;
      if (rest === '') return void (await respond({ response_type: 'ephemeral', text: t.usage }));
      const endpoints = endpointTargets(rest.split(/\s+/));
      if (endpoints !== undefined) {
        const ask = { user: command.user_id, channel: command.channel_id, respond, client, lang };
        if ('problem' in endpoints) {
          const usage = endpointText[lang].track.usage;
          return void (await respond({
            response_type: 'ephemeral',
            text: `${escapeMrkdwn(endpoints.problem)}. ${usage}`,
          }));
        }
        return trackEndpoints(deps, ask, endpoints, guard);
      }
      const now = deps.now();
      const diagnosis = await deps.runner.diagnose(rest, { now, defaultLanguage: lang });
      // A DM (D…) is no place for reminders: the bot cannot post in a DM between two people.
      const inDm = command.channel_id.startsWith('D');
      if (!inDm) {
        const thumbprints = trackableCertificates(diagnosis, {}).certificates.map((c) => c.thumbprint);
        const existing = await Promise.all(thumbprints.map((tp) => deps.tracking.store.get(tp)));
        const refused = await trackIntoRefusal(
          deps,
          client,
          command.user_id,
          command.channel_id,
          lang,
          existing.filter((c) => c !== undefined),
        );
        if (refused) return void (await respond({ response_type: 'ephemeral', text: refused }));
      }
      const outcome = await trackDiagnosis(deps.tracking.store, diagnosis, {
        addedBy: command.user_id,
        ownerIfNew: command.user_id,
        now,
        ...(!inDm && { channel: command.channel_id }),
      });
      if (outcome.tracked.length === 0) {
        const text = nothingTrackedText(whyNothingTracked(diagnosis, outcome.skipped), t);
        return void (await respond({ response_type: 'ephemeral', text }));
      }
      const lines = trackedLines(outcome, now, lang, deps.tracking.timeZone);
      const channel = inDm ? deps.tracking.defaultChannel : command.channel_id;
      const text = sentences(
        t.tracked(outcome.tracked.length),
        channel ? t.remindIn(channelRef(channel)) : t.dmNoChannel,
      );
      await respond({ response_type: 'ephemeral', text, blocks: [section(`${text}\n${lines.join('\n')}`)] });
      await publishHome(deps, client, command.user_id, lang);
    },

    async list({ command, respond, client }) {
      const lang = await deps.language.forUser(client, command.user_id);
      const t = trackingText[lang].list;
      const listing = await visibleListing(deps, client, command.user_id, await deps.tracking.store.list());
      const certificates = listing.certificates;
      const p = permissionText[lang];
      const endpoints = await visibleEndpoints(deps, client, command.user_id);
      const endpointTitle = endpointText[lang].list.title(endpoints.length);
      if (certificates.length === 0) {
        const text = listing.hidden > 0 ? `${t.empty} ${p.hidden(listing.hidden)}` : t.empty;
        if (endpoints.length === 0) return void (await respond({ response_type: 'ephemeral', text }));
        const blocks = [section(text), ...endpointListBlocks(deps, endpoints, lang, endpointTitle, 40)];
        return void (await respond({ response_type: 'ephemeral', text, blocks }));
      }
      const now = deps.now();
      const lines = certificates.map((c) => {
        const channel = c.channel ?? deps.tracking.defaultChannel;
        const where = [
          // Two servers' certificates of one name are told apart by where they are.
          ...(c.servers.length ? [`📍 ${escapeMrkdwn(c.servers.slice(0, 5).join(', '))}`] : []),
          channel ? t.channel(channelRef(channel)) : t.noChannel,
          ...(c.owner ? [t.owner(userRef(c.owner))] : []),
        ];
        const estimated = c.estimated ? ` (${trackingText[lang].digest.estimated})` : '';
        return `• *${escapeMrkdwn(displayName(c, lang))}* — ${trackedCountdown(c, now, lang, deps.tracking.timeZone)}${estimated} · \`${c.thumbprint}\` · ${where.join(' · ')}`;
      });
      const blocks: SlackBlock[] = [header(t.title(certificates.length))];
      if (listing.asAdmin) blocks.push(context(p.adminView));
      else if (listing.hidden > 0) blocks.push(context(p.hidden(listing.hidden)));
      let shown = 0;
      let textUsed = 0;
      // Sections of ten lines until Slack's limits (50 blocks, ~12k characters) would be reached.
      while (shown < lines.length && blocks.length < 48) {
        const chunk = truncate(lines.slice(shown, shown + LIST_LINES_PER_SECTION).join('\n'), LIMITS.section);
        if (textUsed + chunk.length > LIMITS.messageText - 500) break;
        textUsed += chunk.length;
        blocks.push(section(chunk));
        shown += LIST_LINES_PER_SECTION;
      }
      if (shown < lines.length) blocks.push(context(trackingText[lang].home.more(lines.length - shown)));
      blocks.push(...endpointListBlocks(deps, endpoints, lang, endpointTitle, Math.min(8, 50 - blocks.length)));
      await respond({ response_type: 'ephemeral', text: t.title(certificates.length), blocks });
    },

    async untrack({ command, rest, respond, client }) {
      const lang = await deps.language.forUser(client, command.user_id);
      const t = trackingText[lang].untrack;
      const reply = (text: string) => respond({ response_type: 'ephemeral', text });
      const endpoints = endpointTargets(rest.trim().split(/\s+/));
      if (endpoints !== undefined) {
        if ('problem' in endpoints) return void (await reply(`${escapeMrkdwn(endpoints.problem)}. ${t.usage}`));
        const ask = { user: command.user_id, channel: command.channel_id, respond, client, lang };
        return untrackEndpoints(deps, ask, endpoints);
      }
      const target = parseUntrackTarget(rest);
      if (!target) return void (await reply(t.usage));
      if (target.kind === 'tooShort') return void (await reply(t.tooShort(target.prefix)));
      const { store } = deps.tracking;
      const found = await findForUntrack(store, target);
      if (found.kind === 'ambiguous') {
        const now = deps.now();
        const lines = found.matches.map(
          (c) =>
            `• *${escapeMrkdwn(displayName(c, lang))}* — ${trackedCountdown(c, now, lang, deps.tracking.timeZone)} · \`${c.thumbprint}\``,
        );
        return void (await reply(truncate(`${t.ambiguous(target.shown)}\n${lines.join('\n')}`, LIMITS.section)));
      }
      const cert = found.certificate;
      if (!cert) return void (await reply(t.notTracked(target.shown)));
      if (cert.status !== 'active') {
        const by = cert.statusBy ? userRef(cert.statusBy) : trackingText[lang].notes.someone;
        const when = cert.statusAt ? formatDate(cert.statusAt, lang, deps.tracking.timeZone) : '?';
        const name = escapeMrkdwn(displayName(cert, lang));
        return void (await reply(
          cert.status === 'renewed' ? t.alreadyRenewed(name, by, when) : t.alreadyUntracked(name, by, when),
        ));
      }
      const refused = await refusalFor(deps, client, command.user_id, cert, 'untrack', lang);
      if (refused) return void (await reply(refused));
      const done = await store.untrack(cert.thumbprint, command.user_id, deps.now().toISOString());
      await reply(done ? t.done(escapeMrkdwn(displayName(cert, lang))) : t.notTracked(target.shown));
      if (!done) return;
      await publishHome(deps, client, command.user_id, lang);
      await announceChange(deps, client, cert, (w, name) => w.announce.untracked(name, userRef(command.user_id)), {
        channel: command.channel_id,
      });
    },
  };
}

/** Digits a thumbprint prefix needs before `untrack` acts on it: fewer could name the wrong certificate. */
const MIN_PREFIX = 8;

type UntrackTarget =
  | { kind: 'full'; thumbprint: string; shown: string }
  | { kind: 'prefix'; prefix: string; suffix?: string; shown: string }
  | { kind: 'tooShort'; prefix: string };

/**
 * What `/certcheck untrack` was given: a whole thumbprint, a prefix of at least 8 hex digits, or
 * the short form digests and Home show (`8967…4269`, or with `...`).
 */
export function parseUntrackTarget(rest: string): UntrackTarget | undefined {
  const text = rest.trim().replace(/^`+|`+$/g, '');
  if (text === '') return undefined;
  const thumbprint = normalizeThumbprint(text);
  if (thumbprint) return { kind: 'full', thumbprint, shown: thumbprint };
  const short = /^([0-9a-f]{4,39})\s*(?:…|\.\.\.)\s*([0-9a-f]{4,36})$/i.exec(text);
  if (short?.[1] && short[2]) {
    const prefix = short[1].toUpperCase();
    const suffix = short[2].toUpperCase();
    return { kind: 'prefix', prefix, suffix, shown: `${prefix}…${suffix}` };
  }
  const hex = text.replace(/[\s:]/g, '');
  if (!/^[0-9a-f]{1,39}$/i.test(hex)) return undefined;
  const prefix = hex.toUpperCase();
  return prefix.length < MIN_PREFIX ? { kind: 'tooShort', prefix } : { kind: 'prefix', prefix, shown: `${prefix}…` };
}

/**
 * The certificate a target names: among the tracked ones first; failing that, a single closed
 * record (to say who closed it). Several tracked matches are for the user to choose from.
 */
async function findForUntrack(
  store: Store,
  target: Exclude<UntrackTarget, { kind: 'tooShort' }>,
): Promise<{ kind: 'one'; certificate?: TrackedCertificate } | { kind: 'ambiguous'; matches: TrackedCertificate[] }> {
  if (target.kind === 'full') {
    const certificate = await store.get(target.thumbprint);
    return { kind: 'one', ...(certificate && { certificate }) };
  }
  const matches = (c: TrackedCertificate) =>
    c.thumbprint.startsWith(target.prefix) &&
    (target.suffix === undefined || c.thumbprint.endsWith(target.suffix)) &&
    c.thumbprint.length >= target.prefix.length + (target.suffix?.length ?? 0);
  const active = (await store.list()).filter(matches);
  if (active.length > 1) return { kind: 'ambiguous', matches: active };
  if (active[0]) return { kind: 'one', certificate: active[0] };
  const closed = (await store.list({ all: true })).filter(matches);
  return { kind: 'one', ...(closed.length === 1 && closed[0] && { certificate: closed[0] }) };
}
