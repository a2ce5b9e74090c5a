import { z } from 'zod';

/**
 * Slack's Block Kit limits (as @slack/types documents them) as zod schemas. The fake Slack checks
 * every payload it records against them, so a builder that outgrows Slack fails a test instead of
 * failing in a workspace with `invalid_blocks` or `msg_blocks_too_long`.
 */

const text = (max: number) =>
  z.object({
    type: z.enum(['plain_text', 'mrkdwn']),
    text: z.string().min(1).max(max),
    emoji: z.boolean().optional(),
    verbatim: z.boolean().optional(),
  });
const plainText = (max: number) => text(max).extend({ type: z.literal('plain_text') });

const button = z.object({
  type: z.literal('button'),
  text: plainText(75),
  action_id: z.string().min(1).max(255),
  value: z.string().max(2000).optional(),
  url: z.string().max(3000).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  accessibility_label: z.string().max(75).optional(),
});

const richTextElement = z.looseObject({ type: z.string() });
const richTextChild = z.object({
  type: z.enum(['rich_text_section', 'rich_text_preformatted', 'rich_text_quote', 'rich_text_list']),
  elements: z.array(richTextElement).min(1),
  style: z.string().optional(),
  border: z.number().optional(),
});
const preformattedText = z.object({ type: z.literal('text'), text: z.string().min(1).max(3000) });

const blockId = z.string().max(255).optional();

const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), block_id: blockId, text: plainText(150) }),
  z.object({
    type: z.literal('section'),
    block_id: blockId,
    text: text(3000).optional(),
    fields: z.array(text(2000)).max(10).optional(),
    accessory: z.looseObject({ type: z.string() }).optional(),
  }),
  z.object({
    type: z.literal('context'),
    block_id: blockId,
    elements: z.array(text(3000)).min(1).max(10),
  }),
  z.object({ type: z.literal('divider'), block_id: blockId }),
  z.object({ type: z.literal('actions'), block_id: blockId, elements: z.array(button).min(1).max(25) }),
  z.object({
    type: z.literal('rich_text'),
    block_id: blockId,
    elements: z.array(richTextChild).min(1),
  }),
  z.object({
    type: z.literal('input'),
    block_id: blockId,
    label: plainText(2000),
    hint: plainText(2000).optional(),
    optional: z.boolean().optional(),
    element: z.looseObject({
      type: z.string(),
      action_id: z.string().max(255).optional(),
      max_length: z.number().int().min(1).max(3000).optional(),
      min_length: z.number().int().min(0).max(3000).optional(),
    }),
  }),
]);

/** Every text character a message carries: Slack's undocumented ~12k cap (msg_blocks_too_long). */
export function blockTextLength(value: unknown): number {
  if (typeof value === 'string') return 0;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + blockTextLength(v), 0);
  if (value && typeof value === 'object') {
    return Object.entries(value).reduce<number>(
      (sum, [key, v]) => sum + (key === 'text' && typeof v === 'string' ? v.length : blockTextLength(v)),
      0,
    );
  }
  return 0;
}

/** Well under the ~12k characters at which chat.postMessage answers msg_blocks_too_long. */
export const MAX_MESSAGE_TEXT = 11_000;

const preformattedLimit = z.array(block).superRefine((blocks, ctx) => {
  for (const b of blocks) {
    if (b.type !== 'rich_text') continue;
    for (const child of b.elements) {
      for (const el of child.elements) {
        if (el.type === 'text' && !preformattedText.safeParse(el).success && child.type === 'rich_text_preformatted') {
          ctx.addIssue({ code: 'custom', message: 'rich_text text element empty or over 3000' });
        }
      }
    }
  }
});

export const messageBlocksSchema = preformattedLimit
  .max(50)
  .refine((blocks) => blockTextLength(blocks) <= MAX_MESSAGE_TEXT, {
    message: `more than ${MAX_MESSAGE_TEXT} characters of block text (msg_blocks_too_long)`,
  });

/** chat.postMessage / postEphemeral / update and response_url bodies. */
export const messagePayloadSchema = z
  .looseObject({
    text: z.string().min(1, 'fallback text is always set').max(40_000),
    blocks: messageBlocksSchema.optional(),
  })
  .refine((m) => m.blocks === undefined || m.text.length <= 3000, { message: 'fallback text over 3000' });

export const viewSchema = z.looseObject({
  type: z.enum(['modal', 'home']),
  callback_id: z.string().max(255).optional(),
  private_metadata: z.string().max(3000).optional(),
  title: plainText(24).optional(),
  submit: plainText(24).optional(),
  close: plainText(24).optional(),
  blocks: preformattedLimit.max(100),
});

/** The problems with one recorded payload, empty when Slack would accept it. */
export function blockKitProblems(kind: 'message' | 'view', payload: unknown): string[] {
  const result = (kind === 'message' ? messagePayloadSchema : viewSchema).safeParse(payload);
  if (result.success) {
    if (kind === 'view') {
      const view = viewSchema.parse(payload);
      if (view.type === 'modal' && view.blocks.some((b) => b.type === 'input') && !view.submit) {
        return ['a modal with an input block needs a submit button'];
      }
    }
    return [];
  }
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
