import { slackText } from '../i18n/slack-text.js';
import type { Language } from '../../core/model.js';
import { header, type SlackBlock, type SlackMessage, section } from './kit.js';

/** The warning that opens every answer to a paste with a private key. */
export function privateKeyWarningBlocks(lang: Language, postedInChannel: boolean): SlackBlock[] {
  const t = slackText[lang].privateKey;
  return [header(t.title), section(postedInChannel ? `${t.body}\n*${t.deleteMessage}*` : t.body)];
}

/** The warning alone, when there is nothing else worth saying (or nowhere safe to say it). */
export function privateKeyWarning(lang: Language, postedInChannel: boolean): SlackMessage {
  return { text: slackText[lang].privateKey.title, blocks: privateKeyWarningBlocks(lang, postedInChannel) };
}
