import { slackText } from '../i18n/slack-text.js';
import type { Language } from '../../core/model.js';
import { type SlackMessage, section } from './kit.js';

export type ErrorKind = 'generic' | 'rateLimited' | 'notInChannel' | 'expired' | 'nothingFound' | 'storeUnavailable';

/** A friendly sentence instead of silence, whatever went wrong. */
export function errorMessage(lang: Language, kind: ErrorKind): SlackMessage {
  const text = slackText[lang].errors[kind];
  return { text, blocks: [section(`${kind === 'expired' || kind === 'nothingFound' ? 'ℹ️' : '⚠️'} ${text}`)] };
}

/** A one-line notice (posted to thread, file problems). */
export function noticeMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
