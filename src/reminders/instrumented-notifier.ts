import type { Metrics, SlackCallOutcome } from '../metrics.js';
import { type Notifier, NotifierError } from './notifier.js';

/**
 * A Notifier that reports each call's latency and 429s to the metrics, under the Web API method
 * it makes. `monotonic` is a millisecond clock (performance.now in production).
 */
export function instrumentNotifier(notifier: Notifier, metrics: Metrics, monotonic: () => number): Notifier {
  async function timed<T>(method: string, call: () => Promise<T>): Promise<T> {
    const started = monotonic();
    let outcome: SlackCallOutcome = 'ok';
    try {
      return await call();
    } catch (error) {
      outcome = error instanceof NotifierError && error.kind === 'rate-limited' ? 'rate_limited' : 'error';
      throw error;
    } finally {
      metrics.slackCall(method, (monotonic() - started) / 1000, outcome);
    }
  }
  return {
    get maxItemsPerMessage() {
      return notifier.maxItemsPerMessage;
    },
    postDigest: (digest, meta) => timed('chat.postMessage', () => notifier.postDigest(digest, meta)),
    updateDigest: (posted, digest) => timed('chat.update', () => notifier.updateDigest(posted, digest)),
    findDigest: (channel, batch, oldest) =>
      timed('conversations.history', () => notifier.findDigest(channel, batch, oldest)),
    // What changed at the endpoints is said through the same Slack client, and counted the same.
    ...(notifier.postNotices && {
      postNotices: (notices) => timed('chat.postMessage', () => notifier.postNotices!(notices)),
    }),
  };
}
