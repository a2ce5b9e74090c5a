import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { answerPaste, render } from '../../answer.js';
import { isNothing } from '../../blocks/diagnosis-message.js';
import { errorMessage } from '../../blocks/error-message.js';
import type { ListenerDeps } from '../../deps.js';
import { messageText } from '../../paste-text.js';

/** "Diagnose with certcheck" on any message: an ephemeral answer, with **Post to thread**. */
export function createDiagnoseMessageShortcut(deps: ListenerDeps) {
  return async ({
    shortcut,
    ack,
    respond,
    client,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const message = shortcut.message;
    const text = messageText({ text: message.text, blocks: message.blocks });
    const user = shortcut.user.id;
    const answer = text ? await answerPaste(deps, { text, userId: user, client, postedInChannel: true }) : undefined;
    if (!answer || isNothing(answer.diagnosis)) {
      const lang = answer?.diagnosis.language ?? (await deps.language.forUser(client, user));
      await respond({ response_type: 'ephemeral', ...errorMessage(lang, 'nothingFound') });
      return;
    }
    const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
    const reply = render(deps, answer, {
      postToThread: { channel: shortcut.channel.id, threadTs },
      tracked: answer.tracked,
    });
    await respond({ response_type: 'ephemeral', ...reply });
  };
}
