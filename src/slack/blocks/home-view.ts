import { slackText } from '../i18n/slack-text.js';
import type { Language } from '../../core/model.js';
import { context, type SlackBlock, section } from './kit.js';

export type { HomeView } from '@slack/types';

/** How to use certcheck, under App Home's dashboard: where to ask, and the thread rule. */
export function howToBlocks(lang: Language): SlackBlock[] {
  const t = slackText[lang];
  return [section(`${t.home.body}\n🧵 ${t.help.threads}`), context(`📎 ${t.help.files}`)];
}
