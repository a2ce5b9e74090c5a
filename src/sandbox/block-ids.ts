import { type Json, obj } from './json.js';

/**
 * Slack gives every block without a block_id (and every element without an action_id) one of its
 * own when a message or view is stored, and sends those back in block_actions. The sandbox does
 * the same, so a click can always name the element it came from.
 */

export function withBlockIds(blocks: unknown[] | undefined): unknown[] | undefined {
  if (!blocks) return blocks;
  return blocks.map((block, i) => {
    const b = obj(block);
    if (!b) return block;
    const blockId = typeof b.block_id === 'string' && b.block_id ? b.block_id : `sbx${i}`;
    const withIds = (el: unknown, j: number) => {
      const e = obj(el);
      if (!e || typeof e.type !== 'string' || e.type === 'image' || e.type === 'mrkdwn' || e.type === 'plain_text') {
        return el;
      }
      return typeof e.action_id === 'string' && e.action_id ? e : { ...e, action_id: `sbx${i}_${j}` };
    };
    const copy: Json = { ...b, block_id: blockId };
    if (b.type === 'actions' && Array.isArray(b.elements)) copy.elements = b.elements.map(withIds);
    if (b.accessory) copy.accessory = withIds(b.accessory, 0);
    if (b.type === 'input' && b.element) copy.element = withIds(b.element, 0);
    return copy;
  });
}

export function withViewBlockIds(view: Json): Json {
  return Array.isArray(view.blocks) ? { ...view, blocks: withBlockIds(view.blocks) } : view;
}

/** The element a click names, looked up in the blocks the app sent (its text, options, value). */
export function findElement(blocks: unknown, blockId: string, actionId: string): Json | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks) {
    const b = obj(block);
    if (!b || b.block_id !== blockId) continue;
    const candidates = [...(Array.isArray(b.elements) ? b.elements : []), b.accessory, b.element];
    for (const el of candidates) {
      const e = obj(el);
      if (e?.action_id === actionId) return e;
    }
  }
  return undefined;
}
