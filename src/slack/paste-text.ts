import { z } from 'zod';

/**
 * The text of a message as the admin pasted it. Slack's `text` field is HTML-escaped and
 * auto-linked; the `rich_text` blocks keep a pasted code block verbatim, so they win when present.
 */

const leaf = z.looseObject({ type: z.string(), text: z.string().optional(), url: z.string().optional() });
const container = z.looseObject({ type: z.string(), elements: z.array(z.unknown()).optional() });
const block = z.looseObject({ type: z.string(), elements: z.array(z.unknown()).optional() });

function richTextOf(blocks: unknown): string | undefined {
  const parsed = z.array(block).safeParse(blocks);
  if (!parsed.success) return undefined;
  const parts: string[] = [];
  for (const b of parsed.data) {
    if (b.type !== 'rich_text') continue;
    for (const child of b.elements ?? []) parts.push(containerText(child));
  }
  const text = parts.join('').trim();
  return text || undefined;
}

function containerText(value: unknown): string {
  const parsed = container.safeParse(value);
  if (!parsed.success) return '';
  const { type, elements = [] } = parsed.data;
  if (type === 'rich_text_list') return elements.map((e) => `${containerText(e)}\n`).join('');
  const inner = elements.map(leafText).join('');
  return type === 'rich_text_preformatted' ? `\n${inner}\n` : type === 'rich_text_section' ? inner : `${inner}\n`;
}

/** Mentions, emoji and channel links are not part of a paste; text and links are. */
function leafText(value: unknown): string {
  const parsed = leaf.safeParse(value);
  if (!parsed.success) return '';
  const { type, text, url } = parsed.data;
  if (type === 'text') return text ?? '';
  if (type === 'link') return text ?? url ?? '';
  return '';
}

/** The mention's own text without the bot's `<@U…>` (and any other user mention). */
function withoutMentions(text: string): string {
  return text.replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, '').trim();
}

/** What a message (mention, shortcut target, thread parent) offers to diagnose. */
export function messageText(message: { text?: string | undefined; blocks?: unknown }): string {
  return withoutMentions(richTextOf(message.blocks) ?? message.text ?? '');
}
