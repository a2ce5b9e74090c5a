import type { Language } from '../core/model.js';
import type { TrackedCertificate, TrackedEndpoint } from '../store/store.js';
import type { EndpointNotice } from '../tracking/describe-endpoint.js';

/**
 * The reminder runner's port to the chat: one digest message per channel (or a few, when the
 * surface's limits require), updated in place after someone acts on it. The Slack adapter is
 * src/slack/slack-notifier.ts; tests use plain objects.
 */

export interface DigestItem
  extends Pick<TrackedCertificate, 'thumbprint' | 'subject' | 'domains' | 'services' | 'notAfter' | 'estimated'>,
    Partial<Pick<TrackedCertificate, 'servers'>> {
  /** The threshold crossed, or null for the daily reminder after expiry. */
  threshold: number | null;
  /** Set when the digest is redrawn after an action: what happened to this certificate. */
  note?: DigestNote;
}

/** A tracked certificate as its digest shows it (a run posting it, or a button redrawing it). */
export function digestItem(cert: TrackedCertificate, threshold: number | null, note?: DigestNote): DigestItem {
  return {
    thumbprint: cert.thumbprint,
    subject: cert.subject,
    domains: cert.domains,
    servers: cert.servers,
    services: cert.services,
    notAfter: cert.notAfter,
    estimated: cert.estimated,
    threshold,
    ...(note && { note }),
  };
}

export type DigestNote =
  | { kind: 'snoozed'; until: string; by?: string }
  | { kind: 'renewed'; by?: string; newThumbprint?: string }
  | { kind: 'untracked'; by?: string };

export interface Digest {
  channel: string;
  /** Most urgent first. */
  items: DigestItem[];
  /** This message's place when a channel's digest needs several: 1-based. */
  part: number;
  parts: number;
  /** Certificates needing attention in the channel across all parts. */
  total: number;
  now: string;
  lang: Language;
  timeZone: string;
  /** When the scheduler runs next, for the context line. */
  nextRun?: string;
  /** The endpoints reminding in this channel, with what they last presented (on the last part only). */
  endpoints?: TrackedEndpoint[];
}

/** What changed at the tracked endpoints of one channel, said there by a reminder run. */
export interface EndpointNotices {
  channel: string;
  notices: EndpointNotice[];
  now: string;
  lang: Language;
  timeZone: string;
}

export interface PostedDigest {
  channel: string;
  ts: string;
}

export interface Notifier {
  /** How many certificates fit in one message; the runner splits a channel's digest by it. */
  readonly maxItemsPerMessage: number;
  /**
   * Posts one digest message carrying `batch` (and the claim ids) as message metadata, so that a
   * post whose confirmation was lost can be recognised later by `findDigest`.
   */
  postDigest(digest: Digest, meta: { batch: string; claimIds: number[] }): Promise<PostedDigest>;
  updateDigest(posted: PostedDigest, digest: Digest): Promise<void>;
  /** The digest posted with `batch` in `channel` since `oldest` (ISO), if Slack has it. */
  findDigest(channel: string, batch: string, oldest: string): Promise<PostedDigest | undefined>;
  /** Says what changed at a channel's endpoints (a renewal seen, a balancer, unreachable). */
  postNotices?(notices: EndpointNotices): Promise<PostedDigest>;
}

/**
 * A delivery failure, classified for the runner's retry policy:
 * - `rate-limited`: not delivered; retry after `retryAfterMs`;
 * - `transient`: 5xx, timeout, connection: maybe delivered (`outcomeUnknown`), retry;
 * - `permanent`: refused (channel_not_found, not_in_channel, invalid_blocks…); retrying will not help.
 */
export class NotifierError extends Error {
  override name = 'NotifierError';
  constructor(
    message: string,
    readonly kind: 'rate-limited' | 'transient' | 'permanent',
    readonly options: { retryAfterMs?: number; outcomeUnknown?: boolean } = {},
  ) {
    super(message);
  }
}
