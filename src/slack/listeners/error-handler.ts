import { z } from 'zod';
import type { Language } from '../../core/model.js';
import { type ErrorKind, errorMessage } from '../blocks/error-message.js';
import type { ListenerDeps, WebClient } from '../deps.js';
import { describeError } from '../describe-error.js';
import { postToResponseUrl } from '../respond.js';
import { decodeModalMetadata } from './views/paste-submitted.js';

/**
 * Where a friendly apology can go, read from whatever Slack sent: a response_url (commands,
 * shortcuts, buttons, the modal's metadata), else the channel and user (events).
 */
const incoming = z.looseObject({
  response_url: z.string().optional(),
  user_id: z.string().optional(),
  channel_id: z.string().optional(),
  user: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  view: z.looseObject({ private_metadata: z.string().optional() }).optional(),
  event: z
    .looseObject({
      user: z.string().optional(),
      channel: z.string().optional(),
      thread_ts: z.string().optional(),
      ts: z.string().optional(),
    })
    .optional(),
});

export interface ErrorArgs {
  error: Error;
  body?: unknown;
}

/** The one app.error handler: log without secrets, and never leave the user in silence. */
export function createErrorHandler(deps: ListenerDeps, client: WebClient) {
  return async ({ error, body }: ErrorArgs): Promise<void> => {
    const kind = errorKind(error);
    deps.logger.error(`listener failed (${kind}): ${describeError(error)}`);
    const parsed = incoming.safeParse(body);
    if (!parsed.success) return;
    const b = parsed.data;
    const userId = b.user_id ?? (typeof b.user === 'string' ? b.user : b.user?.id) ?? b.event?.user;
    const lang: Language = deps.language.cached(userId);
    const message = errorMessage(lang, kind);
    const responseUrl = b.response_url ?? decodeModalMetadata(b.view?.private_metadata)?.responseUrl;
    if (responseUrl) {
      try {
        await postToResponseUrl(deps.fetch, responseUrl, {
          response_type: 'ephemeral',
          replace_original: false,
          ...message,
        });
        return;
      } catch (failure) {
        deps.logger.warn(`could not apologise through response_url: ${describeError(failure)}`);
      }
    }
    const channel = b.channel_id ?? b.channel?.id ?? b.event?.channel;
    if (!channel || !userId) return;
    const threadTs = b.event?.thread_ts ?? b.event?.ts;
    try {
      await client.chat.postEphemeral({ channel, user: userId, ...(threadTs && { thread_ts: threadTs }), ...message });
    } catch (failure) {
      deps.logger.warn(`could not apologise with chat.postEphemeral: ${describeError(failure)}`);
    }
  };
}

function errorKind(error: unknown): ErrorKind {
  const code = z
    .looseObject({ code: z.string().optional(), data: z.looseObject({ error: z.string().optional() }).optional() })
    .safeParse(error);
  const text = error instanceof Error ? error.message : '';
  if (code.success && code.data.code === 'slack_webapi_rate_limited_error') return 'rateLimited';
  if (/rate limit|ratelimited|\b429\b/i.test(text)) return 'rateLimited';
  const platform = code.success ? code.data.data?.error : undefined;
  if (platform && ['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action'].includes(platform))
    return 'notInChannel';
  if (isDatabaseUnreachable(code.success ? code.data.code : undefined, text)) return 'storeUnavailable';
  return 'generic';
}

/**
 * The store could not be reached (Postgres down or restarting, SQLite locked out): the network codes
 * of a refused or cut connection, the pool's connect timeout, Postgres's shutdown states (57P0x) and
 * SQLite's busy or locked database.
 */
function isDatabaseUnreachable(code: string | undefined, message: string): boolean {
  if (
    code &&
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|57P0[1-3]|SQLITE_(BUSY|LOCKED|CANTOPEN))$/.test(
      code,
    )
  )
    return true;
  return /Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i.test(
    message,
  );
}
