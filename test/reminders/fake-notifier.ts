import type { Digest, Notifier, PostedDigest } from '../../src/reminders/notifier.js';
import { NotifierError } from '../../src/reminders/notifier.js';

export interface PostedMessage {
  channel: string;
  ts: string;
  batch: string;
  claimIds: number[];
  digest: Digest;
}

/**
 * A Notifier as a plain object: what it "posted" is the channel history `findDigest` searches.
 * `failures` are thrown, one per call, before anything is posted; `postThenFail` posts and then
 * throws (a timeout whose request did reach Slack).
 */
export function createFakeNotifier(options: { maxItemsPerMessage?: number } = {}) {
  const posted: PostedMessage[] = [];
  const updates: { posted: PostedDigest; digest: Digest }[] = [];
  const failures: NotifierError[] = [];
  const postThenFail: NotifierError[] = [];
  let lookups = 0;
  let counter = 0;
  const notifier: Notifier & {
    posted: PostedMessage[];
    updates: typeof updates;
    failures: NotifierError[];
    postThenFail: NotifierError[];
    forget(): void;
    lookups(): number;
  } = {
    maxItemsPerMessage: options.maxItemsPerMessage ?? 20,
    posted,
    updates,
    failures,
    postThenFail,
    async postDigest(digest, meta) {
      // Yields like a network call, so concurrent runs interleave here.
      await new Promise((resolve) => setImmediate(resolve));
      const failure = failures.shift();
      if (failure) throw failure;
      const ts = `1764493200.${String(++counter).padStart(6, '0')}`;
      posted.push({ channel: digest.channel, ts, batch: meta.batch, claimIds: meta.claimIds, digest });
      const late = postThenFail.shift();
      if (late) throw late;
      return { channel: digest.channel, ts };
    },
    async updateDigest(where, digest) {
      updates.push({ posted: where, digest });
    },
    async findDigest(channel, batch) {
      lookups++;
      const found = posted.find((p) => p.channel === channel && p.batch === batch);
      return found && { channel, ts: found.ts };
    },
    /** Slack lost the history (or the lookup sees nothing): reconciliation must resend. */
    forget() {
      posted.length = 0;
    },
    lookups: () => lookups,
  };
  return notifier;
}

export const rateLimited = (seconds: number) =>
  new NotifierError('ratelimited', 'rate-limited', { retryAfterMs: seconds * 1000 });
export const serverError = () => new NotifierError('HTTP 503', 'transient', { outcomeUnknown: true });
export const refused = (error: string) => new NotifierError(error, 'permanent');
