import type { BlockAction } from '@slack/bolt';
import { z } from 'zod';
import { type Digest, type DigestItem, type DigestNote, digestItem } from '../../../reminders/notifier.js';
import type { Store, TrackedCertificate, TrackedEndpoint } from '../../../store/store.js';
import { visibleEndpoints } from './endpoint-subcommands.js';
import { visibleListing } from './permission-check.js';
import type { Language } from '../../../core/model.js';
import { createSlackNotifierFor } from '../../slack-notifier.js';
import { trackingHomeView } from '../../blocks/tracking-home-view.js';
import type { ListenerDeps, TrackingDeps, WebClient } from '../../deps.js';
import type { HomeView } from '../../blocks/home-view.js';

/**
 * After a button changed something: redraw the digest it was pressed on (in place, from the ledger
 * and the store, so every note shows who did what) in the digest's own language, and the acting
 * user's App Home in theirs.
 */
export async function refreshAfterChange(
  deps: ListenerDeps,
  client: WebClient,
  userId: string,
  digestLang: Language,
  where: { channel?: string; ts?: string },
): Promise<void> {
  if (where.channel && where.ts) {
    await redrawDigest(deps, client, { channel: where.channel, ts: where.ts }, digestLang);
  }
  await publishHome(deps, client, userId, await deps.language.forUser(client, userId));
}

const messageContainer = z.looseObject({ channel_id: z.string().optional(), message_ts: z.string().optional() });

/** The message a button was on (a digest, a diagnosis reply): `container` has it even for ephemerals. */
export function messageOf(body: BlockAction): { channel?: string; ts?: string } {
  const container = messageContainer.safeParse(body.container);
  const channel = body.channel?.id ?? (container.success ? container.data.channel_id : undefined);
  const ts = body.message?.ts ?? (container.success ? container.data.message_ts : undefined);
  return { ...(channel && { channel }), ...(ts && { ts }) };
}

export async function publishHome(deps: ListenerDeps, client: WebClient, userId: string, lang: Language) {
  await client.views.publish({ user_id: userId, view: await homeFor(deps, client, userId, lang) });
}

/** The user's App Home: what they may see of the tracked certificates (their channels', their own). */
export async function homeFor(deps: ListenerDeps, client: WebClient, userId: string, lang: Language) {
  const listing = await visibleListing(deps, client, userId, await deps.tracking.store.list());
  const endpoints = await visibleEndpoints(deps, client, userId);
  return trackingHome(deps.tracking, deps.now(), lang, listing.certificates, endpoints);
}

/** The tracking dashboard as it stands: App Home when opened, and after every change. */
export async function trackingHome(
  tracking: TrackingDeps,
  now: Date,
  lang: Language,
  certificates?: TrackedCertificate[],
  endpoints?: TrackedEndpoint[],
): Promise<HomeView> {
  const { store, timeZone, defaultChannel } = tracking;
  return trackingHomeView(certificates ?? (await store.list()), await store.activeSnoozes(now.toISOString()), {
    now,
    lang,
    timeZone,
    ...(defaultChannel && { defaultChannel }),
    ...(endpoints && { endpoints }),
  });
}

async function redrawDigest(
  deps: ListenerDeps,
  client: WebClient,
  posted: { channel: string; ts: string },
  lang: Language,
) {
  const { store } = deps.tracking;
  const entries = await store.entriesForMessage(posted.channel, posted.ts);
  // Not one of ours (a diagnosis reply, or a digest from another database): nothing to redraw.
  if (entries.length === 0) return;
  const now = deps.now();
  const items: DigestItem[] = [];
  for (const entry of entries) {
    const cert = await store.get(entry.thumbprint);
    if (!cert) continue;
    const note = await noteFor(store, cert.thumbprint, cert.status, cert.statusBy, now);
    items.push(digestItem(cert, entry.threshold, note));
  }
  const nextRun = deps.tracking.nextRun?.();
  // The endpoints the posted digest listed under it: redrawn with their latest look.
  const endpoints = (await store.listEndpoints()).filter(
    (e) => (e.channel ?? deps.tracking.defaultChannel) === posted.channel,
  );
  const digest: Digest = {
    channel: posted.channel,
    items,
    part: 1,
    parts: 1,
    // Only what still needs attention: a snoozed, renewed or untracked certificate has been handled.
    total: items.filter((item) => !item.note).length,
    now: now.toISOString(),
    lang,
    timeZone: deps.tracking.timeZone,
    ...(nextRun && { nextRun: nextRun.toISOString() }),
    ...(endpoints.length > 0 && { endpoints }),
  };
  await createSlackNotifierFor(client).updateDigest(posted, digest);
}

async function noteFor(
  store: Store,
  thumbprint: string,
  status: string,
  statusBy: string | undefined,
  now: Date,
): Promise<DigestNote | undefined> {
  const by = statusBy ? { by: statusBy } : {};
  if (status === 'renewed') {
    const renewal = await store.renewalOf(thumbprint);
    return { kind: 'renewed', ...by, ...(renewal && { newThumbprint: renewal.newThumbprint }) };
  }
  if (status === 'untracked') return { kind: 'untracked', ...by };
  const snooze = (await store.activeSnoozes(now.toISOString())).find((s) => s.thumbprint === thumbprint);
  return snooze ? { kind: 'snoozed', until: snooze.until, ...(snooze.by && { by: snooze.by }) } : undefined;
}
