import { type Json, list, obj, str } from '../json.js';
import { attrs, escapeHtml, safeUrl } from './html.js';
import { type NameResolver, renderMrkdwn } from './mrkdwn.js';

/**
 * Block Kit → HTML, as Slack would draw the app's blocks. Interactive elements are real controls
 * carrying their action_id / block_id in data attributes; the page turns a click into the same
 * block_actions payload Slack sends. A block type this renderer does not know is shown as a
 * visible placeholder naming it, never dropped.
 */

export interface Channel {
  id: string;
  name: string;
}

export interface RenderContext extends NameResolver {
  surface: 'message' | 'modal' | 'home';
  /** What conversation and channel selects offer. */
  channels: readonly Channel[];
  users: readonly { id: string; name: string }[];
  /** Errors from a view_submission's `response_action: errors`, by block_id. */
  errors?: Readonly<Record<string, string>>;
  /** Prefix of the ids given to labels and choices (one per message or view on the page). */
  idPrefix?: string;
}

/** Element ids unique within one render (labels point at them), the same on every redraw. */
const counters = new WeakMap<RenderContext, number>();
function nextId(ctx: RenderContext, kind: string): string {
  const n = (counters.get(ctx) ?? 0) + 1;
  counters.set(ctx, n);
  return `${ctx.idPrefix ?? 'bk'}-${kind}-${n}`;
}

export function renderBlocks(blocks: unknown, ctx: RenderContext): string {
  return list(blocks)
    .map((block) => renderBlock(block, ctx))
    .join('');
}

export function renderBlock(block: unknown, ctx: RenderContext): string {
  const b = obj(block);
  const type = str(b?.type) ?? '(no type)';
  if (!b) return unknownBlock(type);
  const blockId = str(b.block_id);
  switch (type) {
    case 'header':
      return `<h3 class="bk-header">${plainText(b.text)}</h3>`;
    case 'section':
      return section(b, blockId, ctx);
    case 'context':
      return `<div class="bk-context">${list(b.elements)
        .map((e) => contextElement(e, ctx))
        .join('')}</div>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'actions':
      return `<div class="bk-actions" role="group"${attrs({ 'data-block-id': blockId })}>${list(b.elements)
        .map((e) => element(e, blockId, ctx))
        .join('')}</div>`;
    case 'rich_text':
      return `<div class="bk-rich">${list(b.elements)
        .map((e) => richContainer(e, ctx))
        .join('')}</div>`;
    case 'image':
      return imageBlock(b);
    case 'input':
      return inputBlock(b, blockId, ctx);
    case 'markdown':
      return `<div class="bk-markdown">${renderMrkdwn(standardMarkdownToMrkdwn(str(b.text) ?? ''), ctx)}</div>`;
    default:
      return unknownBlock(type);
  }
}

function unknownBlock(type: string): string {
  return `<div class="bk-unknown" role="note">Block type “${escapeHtml(type)}” is not shown by the sandbox</div>`;
}

/** plain_text: no formatting, emoji shortcodes left as typed. */
export function plainText(value: unknown): string {
  const t = obj(value);
  return escapeHtml(str(t?.text) ?? '');
}

function textObject(value: unknown, ctx: RenderContext): string {
  const t = obj(value);
  if (!t) return '';
  return t.type === 'mrkdwn' ? renderMrkdwn(str(t.text) ?? '', ctx) : plainText(t);
}

function section(b: Json, blockId: string | undefined, ctx: RenderContext): string {
  const text = b.text ? `<div class="bk-text">${textObject(b.text, ctx)}</div>` : '';
  const fields = list(b.fields).length
    ? `<div class="bk-fields">${list(b.fields)
        .map((f) => `<div class="bk-field">${textObject(f, ctx)}</div>`)
        .join('')}</div>`
    : '';
  const accessory = b.accessory ? `<div class="bk-accessory">${element(b.accessory, blockId, ctx)}</div>` : '';
  return `<div class="bk-section">${`<div class="bk-section-main">${text}${fields}</div>`}${accessory}</div>`;
}

function contextElement(value: unknown, ctx: RenderContext): string {
  const e = obj(value);
  if (e?.type === 'image') return imageElement(e, 'bk-context-image');
  return `<span class="bk-context-text">${textObject(e, ctx)}</span>`;
}

/**
 * Images live on other machines; the sandbox loads nothing from beyond this one, so an image is
 * drawn as its alt text with a link to open it.
 */
function imageElement(e: Json, cls: string): string {
  const alt = str(e.alt_text) ?? '';
  const url = safeUrl(str(e.image_url) ?? '');
  const label = `<span class="${cls}" role="img" aria-label="${escapeHtml(alt || 'image')}">🖼 ${escapeHtml(alt)}</span>`;
  return url
    ? `${label} <a class="bk-image-link" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">open image</a>`
    : label;
}

function imageBlock(b: Json): string {
  const title = b.title ? `<figcaption>${plainText(b.title)}</figcaption>` : '';
  return `<figure class="bk-image">${imageElement(b, 'bk-image-box')}${title}</figure>`;
}

function optionLabel(option: unknown): string {
  return plainText(obj(option)?.text);
}

function dataFor(e: Json, blockId: string | undefined) {
  return {
    'data-action-id': str(e.action_id),
    'data-block-id': blockId,
    'data-type': str(e.type),
  };
}

/** Interactive elements (actions blocks, section accessories, input blocks). */
function element(value: unknown, blockId: string | undefined, ctx: RenderContext, labelId?: string): string {
  const e = obj(value);
  const type = str(e?.type) ?? '(no type)';
  if (!e) return unknownElement(type);
  const labelled = labelId ? { 'aria-labelledby': labelId } : { 'aria-label': placeholderText(e) };
  switch (type) {
    case 'button': {
      const url = safeUrl(str(e.url) ?? '');
      const cls = `bk-button${e.style === 'primary' ? ' bk-primary' : e.style === 'danger' ? ' bk-danger' : ''}`;
      const label = str(obj(e.accessibility_label)?.text) ?? str(e.accessibility_label);
      if (url) {
        return `<a${attrs({ class: cls, href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label })}>${plainText(e.text)}</a>`;
      }
      return `<button type="button"${attrs({ class: cls, ...dataFor(e, blockId), 'data-value': str(e.value), 'aria-label': label })}>${plainText(e.text)}</button>`;
    }
    case 'static_select':
    case 'external_select':
    case 'overflow': {
      const initial = str(obj(e.initial_option)?.value);
      const groups = list(e.option_groups);
      const options = (opts: unknown[]) =>
        opts
          .map((o) => {
            const v = str(obj(o)?.value) ?? '';
            return `<option${attrs({ value: v, selected: v === initial })}>${optionLabel(o)}</option>`;
          })
          .join('');
      const body = groups.length
        ? groups
            .map((g) => `<optgroup label="${plainText(obj(g)?.label)}">${options(list(obj(g)?.options))}</optgroup>`)
            .join('')
        : options(list(e.options));
      const prompt = type === 'overflow' ? 'More actions' : placeholderText(e);
      return `<select${attrs({ class: 'bk-select', ...dataFor(e, blockId), ...labelled, ...(type === 'overflow' && { 'aria-label': 'More actions' }) })}><option value=""${initial ? '' : ' selected'}>${escapeHtml(prompt)}</option>${body}</select>`;
    }
    case 'conversations_select':
    case 'channels_select': {
      const initial = str(e.initial_conversation) ?? str(e.initial_channel);
      const options = ctx.channels
        .map((c) => `<option${attrs({ value: c.id, selected: c.id === initial })}>#${escapeHtml(c.name)}</option>`)
        .join('');
      return `<select${attrs({ class: 'bk-select', ...dataFor(e, blockId), ...labelled })}><option value=""${initial ? '' : ' selected'}>${escapeHtml(placeholderText(e))}</option>${options}</select>`;
    }
    case 'users_select': {
      const initial = str(e.initial_user);
      const options = ctx.users
        .map((u) => `<option${attrs({ value: u.id, selected: u.id === initial })}>@${escapeHtml(u.name)}</option>`)
        .join('');
      return `<select${attrs({ class: 'bk-select', ...dataFor(e, blockId), ...labelled })}><option value="">${escapeHtml(placeholderText(e))}</option>${options}</select>`;
    }
    case 'plain_text_input': {
      const common = {
        class: 'bk-input',
        ...dataFor(e, blockId),
        ...(labelId ? { 'aria-labelledby': labelId } : { 'aria-label': placeholderText(e) }),
        maxlength: typeof e.max_length === 'number' ? e.max_length : undefined,
        minlength: typeof e.min_length === 'number' ? e.min_length : undefined,
        placeholder: str(obj(e.placeholder)?.text),
      };
      const initial = str(e.initial_value) ?? '';
      return e.multiline
        ? `<textarea rows="6"${attrs(common)}>${escapeHtml(initial)}</textarea>`
        : `<input type="text"${attrs({ ...common, value: initial || undefined })}>`;
    }
    case 'datepicker':
      return `<input type="date"${attrs({ class: 'bk-input', ...dataFor(e, blockId), ...labelled, value: str(e.initial_date) })}>`;
    case 'checkboxes':
    case 'radio_buttons': {
      const name = nextId(ctx, 'choice');
      const inputType = type === 'checkboxes' ? 'checkbox' : 'radio';
      const initial = new Set(
        [...list(e.initial_options), e.initial_option].map((o) => str(obj(o)?.value)).filter(Boolean),
      );
      return `<div class="bk-choices" role="group"${attrs({ ...dataFor(e, blockId), ...labelled })}>${list(e.options)
        .map((o) => {
          const v = str(obj(o)?.value) ?? '';
          return `<label><input${attrs({ type: inputType, name, value: v, checked: initial.has(v) })}> ${optionLabel(o)}</label>`;
        })
        .join('')}</div>`;
    }
    case 'image':
      return imageElement(e, 'bk-context-image');
    default:
      return unknownElement(type);
  }
}

function unknownElement(type: string): string {
  return `<span class="bk-unknown" role="note">Element “${escapeHtml(type)}” is not shown by the sandbox</span>`;
}

function placeholderText(e: Json): string {
  return str(obj(e.placeholder)?.text) ?? 'Choose';
}

function inputBlock(b: Json, blockId: string | undefined, ctx: RenderContext): string {
  const labelId = nextId(ctx, 'label');
  const label = `<label class="bk-label" id="${labelId}">${plainText(b.label)}${b.optional ? ' <span class="bk-optional">(optional)</span>' : ''}</label>`;
  const hint = b.hint ? `<div class="bk-hint">${plainText(b.hint)}</div>` : '';
  const error = blockId && ctx.errors?.[blockId];
  const errorHtml = error ? `<div class="bk-error" role="alert">${escapeHtml(error)}</div>` : '';
  return `<div class="bk-input-block"${attrs({ 'data-input-block': blockId })}>${label}${element(b.element, blockId, ctx, labelId)}${hint}${errorHtml}</div>`;
}

/** rich_text: sections, lists, quotes and preformatted code (shown as <pre>, copied exactly). */
function richContainer(value: unknown, ctx: RenderContext): string {
  const c = obj(value);
  const type = str(c?.type) ?? '(no type)';
  if (!c) return unknownElement(type);
  const inner = () =>
    list(c.elements)
      .map((e) => richLeaf(e, ctx))
      .join('');
  switch (type) {
    case 'rich_text_section':
      return `<p class="bk-rich-section">${inner()}</p>`;
    case 'rich_text_preformatted':
      return `<pre class="bk-pre">${inner()}</pre>`;
    case 'rich_text_quote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'rich_text_list': {
      const tag = c.style === 'ordered' ? 'ol' : 'ul';
      const indent = typeof c.indent === 'number' ? c.indent : 0;
      return `<${tag} class="bk-rich-list bk-indent-${Math.min(Math.max(indent, 0), 6)}">${list(c.elements)
        .map(
          (item) =>
            `<li>${list(obj(item)?.elements)
              .map((e) => richLeaf(e, ctx))
              .join('')}</li>`,
        )
        .join('')}</${tag}>`;
    }
    default:
      return unknownElement(type);
  }
}

function richLeaf(value: unknown, ctx: RenderContext): string {
  const e = obj(value);
  if (!e) return '';
  const style = obj(e.style) ?? {};
  const styled = (html: string) => {
    let out = html;
    if (style.code) out = `<code>${out}</code>`;
    if (style.bold) out = `<strong>${out}</strong>`;
    if (style.italic) out = `<em>${out}</em>`;
    if (style.strike) out = `<s>${out}</s>`;
    return out;
  };
  switch (e.type) {
    case 'text':
      return styled(escapeHtml(str(e.text) ?? ''));
    case 'link': {
      const url = safeUrl(str(e.url) ?? '');
      const text = escapeHtml(str(e.text) ?? str(e.url) ?? '');
      return styled(url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text);
    }
    case 'user': {
      const id = str(e.user_id) ?? '';
      return `<span class="bk-mention">@${escapeHtml(ctx.userName(id) ?? id)}</span>`;
    }
    case 'channel': {
      const id = str(e.channel_id) ?? '';
      return `<span class="bk-mention">#${escapeHtml(ctx.channelName(id) ?? id)}</span>`;
    }
    case 'broadcast':
      return `<span class="bk-mention">@${escapeHtml(str(e.range) ?? 'here')}</span>`;
    case 'emoji':
      return escapeHtml(emoji(str(e.unicode), str(e.name) ?? ''));
    case 'date':
      return escapeHtml(str(e.fallback) ?? String(e.timestamp ?? ''));
    default:
      return unknownElement(str(e.type) ?? '(no type)');
  }
}

/** The `markdown` block takes standard Markdown: bold `**x**` is mrkdwn's `*x*`. */
function standardMarkdownToMrkdwn(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '*$1*').replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<$2|$1>');
}

function emoji(unicode: string | undefined, name: string): string {
  const points = (unicode ?? '').split('-').map((h) => Number.parseInt(h, 16));
  if (!unicode || points.some((p) => !Number.isInteger(p) || p < 0 || p > 0x10ffff)) return `:${name}:`;
  return String.fromCodePoint(...points);
}
