import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { cachedReply } from './cached-reply.js';

/** **Show all steps**: the answer again with every step that fits in a Slack message. */
export function createShowAllSteps(deps: ListenerDeps) {
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
