import type { Button, KnownBlock, MrkdwnElement, PlainTextElement, RichTextBlock } from '@slack/types';

/**
 * The Block Kit pieces certcheck renders, typed by @slack/types, with Slack's limits applied where
 * the text is made so that no builder can produce a payload Slack rejects.
 */
export type PlainText = PlainTextElement;
export type Mrkdwn = MrkdwnElement;
export type TextObject = PlainText | Mrkdwn;
export type ButtonElement = Button;
export type SlackBlock = KnownBlock;

/** What every builder returns: Slack wants `text` as the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export const LIMITS = {
  blocks: 50,
  section: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  fallback: 3000,
  /** Slack's undocumented msg_blocks_too_long sits near 12k; stay well under it. */
  messageText: 10_000,
} as const;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/**
 * The one door from anything a user pasted or typed into mrkdwn (a message's `text`, a section, a
 * context, a modal's mrkdwn): `&`, `<` and `>` are Slack's control characters, so escaped a
 * `<!channel>`, `<@U…>`, `<#C…>` or `<https://…|disguised>` in a certificate subject is shown as
 * written instead of pinging a channel or hiding a link, and `<I>issuer<S>subject` survives.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const plain = (text: string, max: number = LIMITS.section): PlainText => ({
  type: 'plain_text',
  text: truncate(text || ' ', max),
  emoji: true,
});

/** Verbatim: Slack does not turn a pasted bare URL or #channel into a link; our own `<…>` still work. */
export const mrkdwn = (text: string): Mrkdwn => ({
  type: 'mrkdwn',
  text: truncate(text || ' ', LIMITS.section),
  verbatim: true,
});

export const header = (text: string): SlackBlock => ({ type: 'header', text: plain(text, LIMITS.header) });
export const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });
export const context = (...texts: string[]): SlackBlock => ({
  type: 'context',
  elements: texts.slice(0, 10).map(mrkdwn),
});

/** A command in its own preformatted block so it copies alone, exactly as written. */
export const codeBlock = (code: string): RichTextBlock => ({
  type: 'rich_text',
  elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: truncate(code, LIMITS.section) }] }],
});

export const button = (
  text: string,
  actionId: string,
  value?: string,
  style?: 'primary' | 'danger',
): ButtonElement => ({
  type: 'button',
  text: plain(text, LIMITS.buttonText),
  action_id: actionId,
  ...(value !== undefined && { value: value.slice(0, LIMITS.buttonValue) }),
  ...(style && { style }),
});

/** Characters of text the blocks carry, as Slack counts them toward msg_blocks_too_long. */
export function blocksTextLength(blocks: SlackBlock[]): number {
  return textLengthOf(blocks);
}

/** Walked without building an entry array per object: a reply is measured on every request. */
function textLengthOf(value: unknown): number {
  if (Array.isArray(value)) {
    let total = 0;
    for (const item of value) total += textLengthOf(item);
    return total;
  }
  if (!value || typeof value !== 'object') return 0;
  let total = 0;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    total += key === 'text' && typeof v === 'string' ? v.length : textLengthOf(v);
  }
  return total;
}
