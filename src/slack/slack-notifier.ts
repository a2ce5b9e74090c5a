import {
  type ChatPostMessageArguments,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from '@slack/web-api';
import { z } from 'zod';
import type { Digest, Notifier, PostedDigest } from '../reminders/notifier.js';
import { NotifierError } from '../reminders/notifier.js';
import { DIGEST_ITEMS_PER_MESSAGE, digestMessage } from './blocks/digest-message.js';
import { endpointNoticeMessage } from './blocks/endpoint-blocks.js';

export const DIGEST_EVENT_TYPE = 'certcheck_digest';

/** What postDigest puts in the message metadata, as conversations.history gives it back. */
const digestMetadata = z.looseObject({
  event_type: z.literal(DIGEST_EVENT_TYPE),
  event_payload: z.looseObject({ batch: z.string() }),
});

export interface SlackNotifierOptions {
  token: string;
  /** SLACK_API_URL: GovSlack, a proxy, or the fake in tests. */
  apiUrl?: string;
  /** Per request; a timeout is retried by the runner after looking the message up. */
  timeoutMs?: number;
  /** Pages of conversations.history read when looking a digest up (15 messages each). */
  lookupPages?: number;
}

/**
 * The Notifier on Slack's Web API. Retries are the runner's (with its injected sleep), so the
 * client itself never retries and rejects 429s at once with their Retry-After.
 */
export function createSlackNotifier(options: SlackNotifierOptions): Notifier {
  const client = new WebClient(options.token, {
    ...(options.apiUrl && { slackApiUrl: options.apiUrl }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 30_000,
  });
  return createSlackNotifierFor(client, options.lookupPages);
}

/** Same, on a client the caller owns (Bolt's, in the bot). */
export function createSlackNotifierFor(client: WebClient, lookupPages = 4): Notifier {
  return {
    maxItemsPerMessage: DIGEST_ITEMS_PER_MESSAGE,
    async postDigest(digest, meta) {
      const message = digestMessage(digest);
      const args: ChatPostMessageArguments = {
        channel: digest.channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        metadata: {
          event_type: DIGEST_EVENT_TYPE,
          event_payload: { batch: meta.batch, claims: meta.claimIds.join(',') },
        },
      };
      const result = await call(() => client.chat.postMessage(args));
      if (!result.ts) throw new NotifierError('chat.postMessage returned no ts', 'transient', { outcomeUnknown: true });
      return { channel: result.channel ?? digest.channel, ts: result.ts };
    },
    async updateDigest(posted: PostedDigest, digest: Digest) {
      const message = digestMessage(digest);
      await call(() =>
        client.chat.update({ channel: posted.channel, ts: posted.ts, text: message.text, blocks: message.blocks }),
      );
    },
    async postNotices(notices) {
      const message = endpointNoticeMessage(notices);
      const result = await call(() =>
        client.chat.postMessage({
          channel: notices.channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
        }),
      );
      return { channel: result.channel ?? notices.channel, ts: result.ts ?? '' };
    },
    async findDigest(channel, batch, oldest) {
      let cursor: string | undefined;
      for (let page = 0; page < lookupPages; page++) {
        const result = await call(() =>
          client.conversations.history({
            channel,
            oldest: String(Math.floor(Date.parse(oldest) / 1000) - 60),
            include_all_metadata: true,
            limit: 15,
            ...(cursor && { cursor }),
          }),
        );
        for (const message of result.messages ?? []) {
          const metadata = digestMetadata.safeParse(message.metadata);
          if (metadata.success && metadata.data.event_payload.batch === batch && message.ts) {
            return { channel, ts: message.ts };
          }
        }
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      return undefined;
    },
  };
}

/** Classifies @slack/web-api's errors for the runner's retry policy. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof WebAPIRateLimitedError) {
      throw new NotifierError('Slack rate limit (429)', 'rate-limited', { retryAfterMs: error.retryAfter * 1000 });
    }
    if (error instanceof WebAPIHTTPError) {
      const kind = error.statusCode >= 500 || error.statusCode === 408 ? 'transient' : 'permanent';
      throw new NotifierError(`Slack answered HTTP ${error.statusCode}`, kind, {
        outcomeUnknown: kind === 'transient',
      });
    }
    if (error instanceof WebAPIRequestError) {
      throw new NotifierError(`Slack unreachable: ${error.original.message}`, 'transient', { outcomeUnknown: true });
    }
    if (error instanceof WebAPIPlatformError) {
      const transient = ['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'].includes(
        error.data.error,
      );
      throw new NotifierError(error.data.error, transient ? 'transient' : 'permanent', { outcomeUnknown: transient });
    }
    throw error;
  }
}
