import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { cachedReply } from './cached-reply.js';

/** **日本語 / English**: the same answer in the other language, replacing the original. */
export function createToggleLanguage(deps: ListenerDeps) {
  return async ({
    body,
    action,
    ack,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const reply = await cachedReply(deps, body, action, respond);
    if (reply) await respond({ replace_original: true, ...reply.message() });
  };
}
