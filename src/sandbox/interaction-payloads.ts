import { type Json, list, obj } from './json.js';
import type { SandboxView } from './workspace.js';

/**
 * What Slack puts in an interaction payload for what you did on the page: the `actions[0]` of a
 * click or a choice, and a modal's `view.state.values`, built from the element definitions the
 * app itself sent (its button values, its option texts), never from what the page claims.
 */

function options(element: Json): Json[] {
  const grouped = list(element.option_groups).flatMap((g) => list(obj(g)?.options));
  return [...list(element.options), ...grouped].map(obj).filter((o): o is Json => o !== undefined);
}

/** The `actions[0]` Slack sends for a click or a choice, built from the element the app sent. */
export function actionPayload(element: Json, blockId: string, value: string | undefined, actionTs: string): Json {
  const base = { type: element.type, action_id: element.action_id, block_id: blockId, action_ts: actionTs };
  switch (element.type) {
    case 'button':
      return {
        ...base,
        text: element.text,
        ...(element.value !== undefined && { value: element.value }),
        ...(element.style !== undefined && { style: element.style }),
      };
    case 'static_select':
    case 'external_select':
    case 'overflow':
    case 'radio_buttons':
      return { ...base, selected_option: options(element).find((o) => o.value === value) ?? null };
    case 'checkboxes': {
      const chosen = new Set((value ?? '').split('\n').filter(Boolean));
      return { ...base, selected_options: options(element).filter((o) => chosen.has(String(o.value))) };
    }
    case 'conversations_select':
      return { ...base, selected_conversation: value || null };
    case 'channels_select':
      return { ...base, selected_channel: value || null };
    case 'users_select':
      return { ...base, selected_user: value || null };
    case 'datepicker':
      return { ...base, selected_date: value || null };
    default:
      return { ...base, ...(value !== undefined && { value }) };
  }
}

/** view.state.values for the input blocks, and the required ones left empty (Slack asks for those itself). */
export function stateValues(
  view: SandboxView,
  values: Record<string, Record<string, string>>,
): { state: Record<string, Record<string, Json>>; missing: Record<string, string> } {
  const state: Record<string, Record<string, Json>> = {};
  const missing: Record<string, string> = {};
  for (const block of Array.isArray(view.view.blocks) ? view.view.blocks : []) {
    const b = obj(block);
    const element = obj(b?.element);
    if (b?.type !== 'input' || !element) continue;
    const blockId = String(b.block_id);
    const actionId = String(element.action_id);
    const raw = values[blockId]?.[actionId] ?? '';
    const action = actionPayload(element, blockId, raw, '');
    const { type } = element;
    const entry: Json =
      type === 'plain_text_input'
        ? { type, value: raw === '' ? null : raw }
        : Object.fromEntries(
            Object.entries(action).filter(([k]) => !['action_id', 'block_id', 'action_ts'].includes(k)),
          );
    state[blockId] = { [actionId]: entry };
    const minLength = typeof element.min_length === 'number' ? element.min_length : 0;
    if (!b.optional && raw.trim() === '') missing[blockId] = 'Please complete this required field.';
    else if (raw !== '' && raw.length < minLength) missing[blockId] = `Please enter at least ${minLength} characters.`;
  }
  return { state, missing };
}
