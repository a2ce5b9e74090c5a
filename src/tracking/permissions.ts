import type { TrackedCertificate } from '../store/store.js';

/**
 * Who may change a tracked certificate, and who may see it. A certificate belongs to the channel its
 * reminders go to: a silent untrack by a stranger is a lost reminder and, later, an outage. Deciding is
 * pure: the Slack adapter looks up who the user is (membership, admin) and passes the answers in.
 */

/** What the adapter learned about the user; a lookup that failed is `undefined`, never a guess. */
export interface UserStanding {
  userId: string;
  /** Workspace admin or owner. */
  isAdmin: boolean | undefined;
  /** Is the user a member of `channel`? Asked only for the channels the decision needs. */
  memberOf(channel: string): boolean | undefined;
}

export type ChangeDecision =
  | { allowed: true; as: 'member' | 'owner' | 'admin' }
  | { allowed: false; reason: 'not-allowed'; channel?: string; owner?: string }
  | { allowed: false; reason: 'lookup-failed' };

/**
 * Untrack, snooze, mark renewed and moving to another channel: members of the reminder channel, the
 * certificate's owner, and workspace admins. Without a channel it belongs to its owner and admins; with
 * no owner either (tracked by the CLI), to admins and to the members of the fallback reminder channel.
 * A lookup that failed refuses: a permission check never falls open.
 */
export function decideChange(
  certificate: Pick<TrackedCertificate, 'channel' | 'owner'>,
  user: UserStanding,
  fallbackChannel?: string,
): ChangeDecision {
  if (certificate.owner && certificate.owner === user.userId) return { allowed: true, as: 'owner' };
  const channel = certificate.channel ?? (certificate.owner ? undefined : fallbackChannel);
  let failed = false;
  if (channel) {
    const member = user.memberOf(channel);
    if (member === true) return { allowed: true, as: 'member' };
    if (member === undefined) failed = true;
  }
  if (user.isAdmin === true) return { allowed: true, as: 'admin' };
  if (user.isAdmin === undefined) failed = true;
  if (failed) return { allowed: false, reason: 'lookup-failed' };
  return {
    allowed: false,
    reason: 'not-allowed',
    ...(channel && { channel }),
    ...(certificate.owner && { owner: certificate.owner }),
  };
}

export type TrackIntoDecision =
  | { allowed: true }
  | { allowed: false; reason: 'not-a-member' | 'bot-cannot-post' | 'lookup-failed'; channel: string };

/** Tracking into a channel needs the user in it and the bot able to post there. */
export function decideTrackInto(
  channel: string,
  user: UserStanding,
  botCanPost: boolean | undefined,
): TrackIntoDecision {
  const member = user.memberOf(channel);
  if (member === undefined || botCanPost === undefined) return { allowed: false, reason: 'lookup-failed', channel };
  if (!member) return { allowed: false, reason: 'not-a-member', channel };
  if (!botCanPost) return { allowed: false, reason: 'bot-cannot-post', channel };
  return { allowed: true };
}

export interface VisibleListing {
  certificates: TrackedCertificate[];
  /** How many were left out because the user is in none of their channels. */
  hidden: number;
  /** An admin sees everything, and the listing says so. */
  asAdmin: boolean;
}

/**
 * What a listing may show: the certificates of channels the user is in, plus those they own; admins
 * see all. A failed lookup shows only what the user owns, never everything.
 */
export function visibleTo(
  certificates: readonly TrackedCertificate[],
  user: UserStanding,
  fallbackChannel?: string,
): VisibleListing {
  if (user.isAdmin === true) return { certificates: [...certificates], hidden: 0, asAdmin: true };
  const shown = certificates.filter((certificate) => {
    if (certificate.owner === user.userId) return true;
    const channel = certificate.channel ?? (certificate.owner ? undefined : fallbackChannel);
    return channel !== undefined && user.memberOf(channel) === true;
  });
  return { certificates: shown, hidden: certificates.length - shown.length, asAdmin: false };
}
