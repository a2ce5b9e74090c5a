import type { Language } from '../../../core/model.js';
import type { TrackedCertificate } from '../../../store/store.js';
import { decideChange, visibleTo, type VisibleListing } from '../../../tracking/permissions.js';
import { displayName } from '../../blocks/certificate-line.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { channelRef, userRef } from '../../blocks/mentions.js';
import type { ListenerDeps, WebClient } from '../../deps.js';
import { createDirectory, type Directory } from '../../directory.js';
import { decideTrackInto } from '../../../tracking/permissions.js';
import { type PermissionText, permissionText } from '../../i18n/permission-text.js';

export type ChangeAction = keyof PermissionText['actions'];

const fallbackDirectories = new WeakMap<ListenerDeps['tracking'], Directory>();

/** The directory main.ts built; one made on first use when a caller (a test) gave none. */
export function directoryOf(deps: ListenerDeps): Directory {
  if (deps.tracking.directory) return deps.tracking.directory;
  let made = fallbackDirectories.get(deps.tracking);
  if (!made) {
    made = createDirectory({ now: deps.now });
    fallbackDirectories.set(deps.tracking, made);
  }
  return made;
}

/**
 * May this user change this certificate? When not, the refusal (who can, or that Slack could not be
 * asked) is returned in the user's language for the caller to say privately; undefined means allowed.
 */
export async function refusalFor(
  deps: ListenerDeps,
  client: WebClient,
  userId: string,
  certificate: TrackedCertificate,
  action: ChangeAction,
  lang: Language,
): Promise<string | undefined> {
  return changeRefusal(deps, client, userId, certificate, escapeMrkdwn(displayName(certificate, lang)), action, lang);
}

/**
 * The same rule for anything tracked into a channel (a certificate, an endpoint): its channel's
 * members, its owner and admins may change it. `shownName` is already Slack-safe mrkdwn.
 */
export async function changeRefusal(
  deps: ListenerDeps,
  client: WebClient,
  userId: string,
  tracked: Pick<TrackedCertificate, 'channel' | 'owner'>,
  shownName: string,
  action: ChangeAction,
  lang: Language,
): Promise<string | undefined> {
  const fallback = deps.tracking.defaultChannel;
  const channel = tracked.channel ?? (tracked.owner ? undefined : fallback);
  const standing = await directoryOf(deps).standing(client, userId, channel ? [channel] : []);
  const decision = decideChange(tracked, standing, fallback);
  if (decision.allowed) return undefined;
  const t = permissionText[lang];
  if (decision.reason === 'lookup-failed') return t.lookupFailed(t.actions[action]);
  const who = [
    ...(decision.channel ? [t.members(channelRef(decision.channel))] : []),
    ...(decision.owner ? [t.owner(userRef(decision.owner))] : []),
    t.admins,
  ].join(t.or);
  return t.refused(t.actions[action], shownName, who);
}

/** What a listing may show this user: their channels' certificates and their own; admins everything. */
export async function visibleListing(
  deps: ListenerDeps,
  client: WebClient,
  userId: string,
  certificates: readonly TrackedCertificate[],
): Promise<VisibleListing> {
  const fallback = deps.tracking.defaultChannel;
  const channels = certificates.flatMap((c) => {
    const channel = c.channel ?? (c.owner ? undefined : fallback);
    return channel && c.owner !== userId ? [channel] : [];
  });
  const standing = await directoryOf(deps).standing(client, userId, channels);
  return visibleTo(certificates, standing, fallback);
}

/**
 * Says a change in the certificate's reminder channel, so nothing disappears silently — unless the
 * click came from a message in that channel, which is redrawn in place and says it already.
 */
export async function announceChange(
  deps: ListenerDeps,
  client: WebClient,
  certificate: TrackedCertificate,
  text: (t: PermissionText, name: string) => string,
  origin: { channel?: string } = {},
): Promise<void> {
  const channel = certificate.channel ?? deps.tracking.defaultChannel;
  if (!channel || channel === origin.channel) return;
  const lang = deps.defaultLanguage;
  const message = text(permissionText[lang], escapeMrkdwn(displayName(certificate, lang)));
  try {
    await client.chat.postMessage({ channel, text: message });
  } catch (error) {
    // The change is made and kept with who and when; a channel that refuses the note costs only the note.
    deps.logger.warn(`could not tell ${channel} about a tracking change: ${String(error)}`);
  }
}

/** A modal's error line is plain text: mentions and emphasis read as their names there. */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([@#])([A-Z0-9]+)>/g, '$1$2')
    .replace(/[*_`]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Tracking into `channel`: the user must be in it and certcheck able to post there; a certificate
 * already reminding in another channel is moved only by those who may change it.
 */
export async function trackIntoRefusal(
  deps: ListenerDeps,
  client: WebClient,
  userId: string,
  channel: string,
  lang: Language,
  existing: readonly TrackedCertificate[] = [],
): Promise<string | undefined> {
  const directory = directoryOf(deps);
  const [standing, botCanPost] = await Promise.all([
    directory.standing(client, userId, [channel]),
    directory.botCanPost(client, channel),
  ]);
  const decision = decideTrackInto(channel, standing, botCanPost);
  const t = permissionText[lang].trackInto;
  if (!decision.allowed) {
    const ref = channelRef(channel);
    if (decision.reason === 'not-a-member') return t.notAMember(ref);
    if (decision.reason === 'bot-cannot-post') return t.botCannotPost(ref);
    return t.lookupFailed(ref);
  }
  for (const certificate of existing) {
    if (certificate.status !== 'active' || !certificate.channel || certificate.channel === channel) continue;
    const refused = await refusalFor(deps, client, userId, certificate, 'move', lang);
    if (refused) return refused;
  }
  return undefined;
}
