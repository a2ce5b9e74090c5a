import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { slackText } from '../../i18n/slack-text.js';
import { type Answer, answerPaste, render } from '../../answer.js';
import { isNothing } from '../../blocks/diagnosis-message.js';
import { errorMessage, noticeMessage } from '../../blocks/error-message.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import type { ListenerDeps, WebClient } from '../../deps.js';
import { downloadFile, isDiagnosable } from '../../files.js';
import { messageText } from '../../paste-text.js';

/**
 * `@certcheck` in a thread (where slash commands cannot run): diagnose the mention and its files,
 * else the thread's parent, and answer in the thread. A private key is answered only to the user.
 */
export function createAppMention(deps: ListenerDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    // Slack retries an event it thinks timed out; the first delivery is still answering.
    if (context.retryNum && context.retryReason === 'http_timeout') return;
    const user = event.user ?? '';
    const channel = event.channel;
    const threadTs = event.thread_ts ?? event.ts;
    const texts = [messageText(event)].filter(Boolean);
    for (const file of (event.files ?? []).filter(isDiagnosable)) {
      const result = await downloadFile(file, deps.botToken, deps.fetch);
      if ('text' in result) texts.push(result.text);
      else {
        const t = slackText[deps.language.cached(user)].errors;
        const name = escapeMrkdwn(result.name);
        const notice = result.problem === 'tooLarge' ? t.fileTooLarge(name) : t.fileUnreadable(name);
        await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...noticeMessage(notice) });
      }
    }
    const ask = (text: string) => answerPaste(deps, { text, userId: user, client, postedInChannel: true });
    let about = texts.join('\n\n');
    let answer: Answer | undefined = texts.length ? await ask(about) : undefined;
    if ((!answer || isNothing(answer.diagnosis)) && event.thread_ts) {
      const parentText = await threadParentText(client, channel, event.thread_ts);
      if (parentText) {
        about = parentText;
        answer = await ask(parentText);
      }
    }
    // In a thread several pastes may be answered: each answer quotes the first line of its own.
    const quoted = event.thread_ts ? { about } : {};
    if (answer?.paste.privateKey) {
      const message = render(deps, answer, { tracked: answer.tracked, ...quoted });
      await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...message });
      return;
    }
    const message =
      answer && !isNothing(answer.diagnosis)
        ? render(deps, answer, { tracked: answer.tracked, ...quoted })
        : errorMessage(answer?.diagnosis.language ?? (await deps.language.forUser(client, user)), 'nothingFound');
    await client.chat.postMessage({ channel, thread_ts: threadTs, ...message });
  };
}

async function threadParentText(client: WebClient, channel: string, threadTs: string): Promise<string> {
  const replies = await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true });
  const parent = replies.messages?.find((m) => m.ts === threadTs) ?? replies.messages?.[0];
  return parent ? messageText(parent) : '';
}
