import { slackText } from '../i18n/slack-text.js';
import type { Language } from '../../core/model.js';
import { context, header, type SlackMessage, section } from './kit.js';

/** Usage, including the thread rule: slash commands cannot run in threads, mentions can. */
export function helpMessage(lang: Language, subcommands: string[] = []): SlackMessage {
  const t = slackText[lang].help;
  const usage = t.usage.map((line) => `• ${line}`).join('\n');
  const tracking = subcommands.length
    ? [context(`${t.subcommands} ${subcommands.map((s) => `\`/certcheck ${s}\``).join(' · ')}`)]
    : [];
  return {
    text: t.title,
    blocks: [
      header(t.title),
      section(t.intro),
      section(usage),
      section(`🧵 ${t.threads}`),
      context(`📎 ${t.files}`),
      ...tracking,
    ],
  };
}
