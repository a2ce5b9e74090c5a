import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { rediagnose, render, trackedOf } from '../../answer.js';
import { decodeReplyValue, type ReplyValue } from '../../blocks/button-values.js';
import { errorMessage } from '../../blocks/error-message.js';
import type { SlackMessage } from '../../blocks/kit.js';
import type { ListenerDeps } from '../../deps.js';
import type { CachedPaste } from '../../paste-cache.js';

export interface CachedReply {
  value: ReplyValue;
  paste: CachedPaste;
  /** The answer again, rendered as the button asks (language, all steps), with what tracking knows. */
  message(extra?: { sharedBy?: string }): Promise<SlackMessage>;
}

/**
 * The paste behind a button, or undefined after telling the user the answer expired (the cache
 * outlives response_url, so a miss means running /certcheck again).
 */
export async function cachedReply(
  deps: ListenerDeps,
  body: BlockAction,
  action: ButtonAction,
  respond: RespondFn,
): Promise<CachedReply | undefined> {
  const value = decodeReplyValue(action.value);
  const paste = value && deps.cache.get(value.p);
  if (!value || !paste) {
    // value.l is the language asked for (the toggle's target), not the one the user reads.
    const lang = deps.language.cached(body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage(lang, 'expired') });
    return undefined;
  }
  const ephemeral = body.container.is_ephemeral === true;
  const postToThread = value.c && value.t ? { channel: value.c, threadTs: value.t } : undefined;
  return {
    value,
    paste,
    message: async (extra = {}) => {
      const diagnosis = rediagnose(deps, paste, value.l);
      return render(deps, diagnosis, paste, value.p, {
        ...(value.a && { allSteps: true }),
        ...(postToThread && { postToThread }),
        share: ephemeral && !postToThread && !extra.sharedBy,
        ...(extra.sharedBy && { sharedBy: extra.sharedBy }),
        tracked: await trackedOf(deps, diagnosis),
      });
    },
  };
}
