import { setTimeout as wait } from 'node:timers/promises';
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { rediagnose, render, trackedOf } from '../../answer.js';
import { decodeReplyValue, type ReplyValue } from '../../blocks/button-values.js';
import { errorMessage } from '../../blocks/error-message.js';
import type { SlackMessage } from '../../blocks/kit.js';
import type { ListenerDeps } from '../../deps.js';
import type { StoredPaste } from '../../pastes/paste-store.js';

export interface StoredReply {
  value: ReplyValue;
  paste: StoredPaste;
  /**
   * The answer again, rendered as the button asks (language, all steps), with what tracking knows;
   * `inThread`: it goes into a thread, where it quotes the paste it answers.
   */
  message(extra?: { sharedBy?: string; inThread?: boolean }): Promise<SlackMessage>;
}

/** How long a click looks again for a paste that is not there yet, and how often. */
const WRITE_LAG_MS = 1_000;
const LOOK_AGAIN_MS = 100;

/**
 * The stored paste, looked for again for up to a second when it is not there: the process that
 * answered writes it just after its ack, so a click that reaches another replica at once can come
 * before the write. A paste that really expired is said a second later, after the click's ack.
 */
async function pasteSoon(deps: ListenerDeps, id: string) {
  const found = await deps.pastes.get(id, deps.now());
  if (found || id === '') return found;
  for (let waited = 0; waited < WRITE_LAG_MS; waited += LOOK_AGAIN_MS) {
    await wait(LOOK_AGAIN_MS);
    const later = await deps.pastes.get(id, deps.now());
    if (later) return later;
  }
  return undefined;
}

/**
 * The paste behind a button, from the paste store (whichever process answered the reply), or
 * undefined after telling the user the answer expired: the paste lives as long as response_url,
 * so a miss means running /certcheck again.
 */
export async function storedReply(
  deps: ListenerDeps,
  body: BlockAction,
  action: ButtonAction,
  respond: RespondFn,
): Promise<StoredReply | undefined> {
  const value = decodeReplyValue(action.value);
  const paste = value && (await pasteSoon(deps, value.p));
  if (!value || !paste) {
    // value.l is the language asked for (the toggle's target), not the one the user reads.
    const lang = deps.language.cached(body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage(lang, 'expired') });
    return undefined;
  }
  const ephemeral = body.container.is_ephemeral === true;
  const postToThread = value.c && value.t ? { channel: value.c, threadTs: value.t } : undefined;
  // A thread may hold several pastes: an answer redrawn there still says which one it is about.
  const container: { thread_ts?: unknown } = body.container;
  const redrawnInThread = typeof container.thread_ts === 'string';
  return {
    value,
    paste,
    message: async (extra = {}) => {
      const diagnosis = await rediagnose(deps, paste, value.l);
      return render(
        deps,
        { diagnosis, paste, pasteId: value.p },
        {
          ...(value.a && { allSteps: true }),
          ...(postToThread && { postToThread }),
          share: ephemeral && !postToThread && !extra.sharedBy,
          ...(extra.sharedBy && { sharedBy: extra.sharedBy }),
          ...((extra.inThread || redrawnInThread) && { about: paste.text }),
          tracked: await trackedOf(deps, diagnosis),
        },
      );
    },
  };
}
