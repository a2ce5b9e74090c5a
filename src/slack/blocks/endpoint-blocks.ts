import { endpointText } from '../../core/i18n/endpoint-text.js';
import type { Language } from '../../core/model.js';
import type { EndpointNotices } from '../../reminders/notifier.js';
import type { TrackedEndpoint } from '../../store/store.js';
import { endpointStatus, type Format, noticeText, type Shown } from '../../tracking/describe-endpoint.js';
import { context, escapeMrkdwn, header, LIMITS, type SlackBlock, type SlackMessage, section, truncate } from './kit.js';
import { channelRef } from './mentions.js';

/**
 * Tracked endpoints in Slack: a line each (what it presents, what is wrong, when it was last looked
 * at) for digests, App Home and `/certcheck list`, and the message a reminder run posts when what
 * an endpoint presents changed. What a server sent (a subject, a refusal line) is escaped, and
 * thumbprints and endpoints are code, so nothing renders as a link or a mention.
 */
export const slackFormat: Format = {
  code: (text) => `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``,
  text: escapeMrkdwn,
};

/** Endpoint lines per section: a line can run to ~400 characters with a stale and a balancer note. */
const LINES_PER_SECTION = 6;

export function endpointLine(
  endpoint: TrackedEndpoint,
  shown: Omit<Shown, 'format'>,
  options: { defaultChannel?: string; withChannel?: boolean } = {},
): string {
  const parts = endpointStatus(endpoint, { ...shown, format: slackFormat });
  const channel = endpoint.channel ?? options.defaultChannel;
  const where = options.withChannel && channel ? ` · ${channelRef(channel)}` : '';
  return `• ${slackFormat.code(endpoint.id)} — ${parts.join(' · ')}${where}`;
}

/** A titled list of endpoints, at most `maxBlocks` blocks, saying how many more there are. */
export function endpointBlocks(
  title: string,
  endpoints: readonly TrackedEndpoint[],
  shown: Omit<Shown, 'format'>,
  options: { maxBlocks: number; defaultChannel?: string; withChannel?: boolean },
): SlackBlock[] {
  if (endpoints.length === 0) return [];
  const lines = endpoints.map((e) => truncate(endpointLine(e, shown, options), 480));
  const blocks: SlackBlock[] = [];
  let shownCount = 0;
  while (shownCount < lines.length && blocks.length < options.maxBlocks - 1) {
    const chunk = lines.slice(shownCount, shownCount + LINES_PER_SECTION);
    const text = `${blocks.length === 0 ? `*${escapeMrkdwn(title)}*\n` : ''}${chunk.join('\n')}`;
    blocks.push(section(truncate(text, LIMITS.section)));
    shownCount += chunk.length;
  }
  if (shownCount < lines.length) blocks.push(context(endpointText[shown.lang].home.more(lines.length - shownCount)));
  return blocks;
}

/** What a reminder run says in a channel when its endpoints changed: a header and a line per change. */
export function endpointNoticeMessage(message: EndpointNotices): SlackMessage {
  const shown: Shown = {
    now: new Date(message.now),
    lang: message.lang,
    timeZone: message.timeZone,
    format: slackFormat,
  };
  const t = endpointText[message.lang].notice;
  const lines = message.notices.map((n) => truncate(noticeText(n, shown), 900));
  const blocks: SlackBlock[] = [header(t.header)];
  for (let i = 0; i < lines.length && blocks.length < LIMITS.blocks - 1; i += 3) {
    blocks.push(section(lines.slice(i, i + 3).join('\n')));
  }
  return { text: truncate(`${t.header}: ${lines[0] ?? ''}`, LIMITS.fallback), blocks };
}

export function endpointTitle(lang: Language, where: 'home' | 'digest' | 'list', count: number): string {
  const t = endpointText[lang];
  if (where === 'home') return t.home.title;
  if (where === 'digest') return t.digest.title;
  return t.list.title(count);
}
