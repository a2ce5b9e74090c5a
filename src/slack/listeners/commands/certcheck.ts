import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { helpMessage } from '../../blocks/help-message.js';
import { pasteModal } from '../../blocks/paste-modal.js';
import { looksJapanese } from '../../../core/normalize.js';
import { readsInline } from '../../../diagnosis/runner.js';
import { answerNow, answerPaste, render } from '../../answer.js';
import type { ListenerDeps, Subcommand } from '../../deps.js';
import { encodeModalMetadata } from '../views/paste-submitted.js';

const HELP_WORDS = new Set(['help', '-h', '--help', '?', 'ヘルプ']);

/**
 * `/certcheck [help | <subcommand> … | <paste>]`: ack first, always. A paste whose language is
 * settled is answered in the ack itself; otherwise the answer follows through response_url.
 */
export function createCertcheckCommand(deps: ListenerDeps, subcommands: Readonly<Record<string, Subcommand>>) {
  return async ({ command, ack, respond, client, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const text = command.text.trim();
    const word = text.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
    const user = command.user_id;
    const isPaste = text !== '' && !HELP_WORDS.has(word) && !subcommands[word];
    // Only a paste read inline is answered in the ack: a longer one may wait for a thread.
    const inline = isPaste && readsInline(text);
    const japanese = inline && looksJapanese(text);
    if (inline && (japanese || deps.language.known(user))) {
      // Nothing to wait for: the diagnosis is the ack (one round trip, no response_url use).
      const defaultLanguage = japanese ? 'ja' : deps.language.cached(user);
      const answer = await answerNow(deps, { text, userId: user, client, postedInChannel: false, defaultLanguage });
      await ack({ response_type: 'ephemeral', ...render(deps, answer, { share: true, tracked: answer.tracked }) });
      return;
    }
    await ack();

    if (text === '') {
      // trigger_id expires 3 s after the command: open the modal before any other lookup.
      const metadata = encodeModalMetadata({ channel: command.channel_id, responseUrl: command.response_url });
      await client.views.open({
        trigger_id: command.trigger_id,
        view: pasteModal(deps.language.cached(command.user_id), metadata),
      });
      return;
    }
    if (HELP_WORDS.has(word)) {
      const lang = await deps.language.forUser(client, command.user_id);
      await respond({ response_type: 'ephemeral', ...helpMessage(lang, Object.keys(subcommands)) });
      return;
    }
    const subcommand = subcommands[word];
    if (subcommand) {
      await subcommand({ command, rest: text.slice(word.length).trim(), respond, client, logger });
      return;
    }
    const answer = await answerPaste(deps, { text, userId: user, client, postedInChannel: false });
    await respond({ response_type: 'ephemeral', ...render(deps, answer, { share: true, tracked: answer.tracked }) });
  };
}
