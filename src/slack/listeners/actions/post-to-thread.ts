import { slackText } from '../../i18n/slack-text.js';
import { errorMessage, noticeMessage } from '../../blocks/error-message.js';
import { privateKeyWarning } from '../../blocks/private-key-warning.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';
import { storedReply } from './stored-reply.js';

/** **Post to thread** (the shortcut's answer): the answer in the message's thread, for everyone. */
export function createPostToThread(deps: ListenerDeps) {
  return async ({ body, action, ack, respond, client }: ButtonArgs) => {
    await ack();
    const reply = await storedReply(deps, body, action, respond);
    if (!reply) return;
    const { value, paste } = reply;
    if (paste.privateKey) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...privateKeyWarning(value.l, paste.postedInChannel),
      });
      return;
    }
    if (!value.c || !value.t) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage(value.l, 'expired') });
      return;
    }
    const message = await reply.message({ sharedBy: body.user.id, inThread: true });
    await client.chat.postMessage({ channel: value.c, thread_ts: value.t, ...message });
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...noticeMessage(`✅ ${slackText[value.l].postedToThread}`),
    });
  };
}
