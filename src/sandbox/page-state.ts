import { type RenderContext, renderBlocks } from './render/block-kit.js';
import { escapeHtml } from './render/html.js';
import { renderMrkdwn } from './render/mrkdwn.js';
import {
  SANDBOX_BOT,
  SANDBOX_DM,
  SANDBOX_USER,
  type SandboxMessage,
  type SandboxView,
  type Workspace,
} from './workspace.js';

/**
 * What the page draws, rendered here so the page script stays a thin shell: each message of the
 * current channel (its replies inside it) as an <article>, the open modal, Home, the call log.
 * `key` changes when the message or one of its replies changed, so the page replaces exactly that.
 */

export interface PageState {
  version: number;
  notice: string;
  channel: { id: string; name: string };
  channels: { id: string; name: string }[];
  messages: { id: string; key: string; html: string }[];
  modal: { id: string; key: string; html: string } | null;
  home: { key: string; html: string } | null;
  calls: { n: number; method: string; summary: string; ok: boolean }[];
}

const BUILDER = 'https://app.slack.com/block-kit-builder/#';

/** Slack's Block Kit Builder opened on these blocks (a link only: the sandbox loads nothing from it). */
export function builderUrl(payload: Record<string, unknown>): string {
  return `${BUILDER}${encodeURIComponent(JSON.stringify(payload))}`;
}

export function pageState(ws: Workspace, channelId: string): PageState {
  const channel = ws.conversation(channelId) ?? ws.channels[0]!.id;
  const inChannel = ws.messages.filter((m) => m.channel === channel);
  const replies = (ts: string) => inChannel.filter((m) => m.threadTs === ts);
  const top = inChannel.filter((m) => !m.threadTs || !inChannel.some((p) => p.ts === m.threadTs && !p.threadTs));
  const ctx = (
    surface: RenderContext['surface'],
    idPrefix: string,
    errors?: Record<string, string>,
  ): RenderContext => ({
    surface,
    channels: ws.channels,
    users: [SANDBOX_USER, { id: SANDBOX_BOT.userId, name: SANDBOX_BOT.name }],
    channelName: (id) => ws.channelName(id),
    userName: (id) => ws.userName(id),
    idPrefix,
    ...(errors && { errors }),
  });
  const modal = ws.modalStack.at(-1);
  const home = ws.homes.get(SANDBOX_USER.id);
  return {
    version: ws.version,
    notice: ws.notice,
    channel: { id: channel, name: ws.channelName(channel) ?? channel },
    channels: [...ws.channels, SANDBOX_DM],
    messages: top.map((m) => {
      const thread = replies(m.ts);
      return {
        id: m.id,
        key: [m, ...thread].map((r) => `${r.id}.${r.version}`).join(','),
        html: messageHtml(m, thread, (id) => ctx('message', id)),
      };
    }),
    modal: modal
      ? {
          id: modal.id,
          key: `${modal.id}.${modal.hash}.${JSON.stringify(modal.errors ?? {})}`,
          html: modalHtml(modal, ctx('modal', modal.id, modal.errors), ws.modalStack.length),
        }
      : null,
    home: home ? { key: home.hash, html: homeHtml(home, ctx('home', 'home')) } : null,
    calls: ws.calls.slice(-60).reverse(),
  };
}

function time(ts: string): string {
  const seconds = Number.parseFloat(ts);
  if (!Number.isFinite(seconds)) return '';
  const iso = new Date(seconds * 1000).toISOString();
  return `<time datetime="${iso}">${iso.slice(11, 16)} UTC</time>`;
}

function messageHtml(m: SandboxMessage, thread: SandboxMessage[], ctx: (id: string) => RenderContext): string {
  const who = m.author === 'app' ? SANDBOX_BOT.name : m.author === 'user' ? SANDBOX_USER.name : 'Slackbot';
  const badge = m.author === 'app' ? ' <span class="badge">APP</span>' : '';
  const ephemeral = m.ephemeral ? ' <span class="only-you">Only visible to you</span>' : '';
  const edited = m.edited ? ' <span class="edited">(edited)</span>' : '';
  const body = m.command
    ? `<p class="command"><code>${escapeHtml(m.text)}</code></p>`
    : m.blocks?.length
      ? renderBlocks(m.blocks, ctx(m.id))
      : `<div class="bk-text">${renderMrkdwn(m.text, ctx(m.id))}</div>`;
  const links =
    m.author === 'app' && m.blocks?.length
      ? `<footer class="msg-tools"><a href="${escapeHtml(builderUrl({ blocks: m.blocks }))}" target="_blank" rel="noopener noreferrer">Open in Block Kit Builder<span class="visually-hidden"> (message from ${who} at ${escapeHtml(shortTime(m.ts))})</span></a></footer>`
      : '';
  const replies = thread.length
    ? `<section class="thread" aria-label="Thread: ${thread.length} ${thread.length === 1 ? 'reply' : 'replies'}"><h4 class="thread-title">${thread.length} ${thread.length === 1 ? 'reply' : 'replies'}</h4>${thread.map((r) => messageHtml(r, [], ctx)).join('')}</section>`
    : '';
  const label = `${who}${m.ephemeral ? ', only visible to you' : ''}`;
  return `<article class="msg msg-${m.author}${m.ephemeral ? ' ephemeral' : ''}" id="msg-${m.id}" data-message-id="${m.id}" aria-label="${escapeHtml(label)}" tabindex="-1"><header class="msg-head"><span class="who">${escapeHtml(who)}</span>${badge} ${time(m.ts)}${ephemeral}${edited}</header><div class="msg-body">${body}</div>${links}${replies}</article>`;
}

function shortTime(ts: string): string {
  const seconds = Number.parseFloat(ts);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().slice(11, 19) : ts;
}

const plain = (v: unknown): string =>
  v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string' ? (v as { text: string }).text : '';

function modalHtml(v: SandboxView, ctx: RenderContext, depth: number): string {
  const title = plain(v.view.title) || 'Dialog';
  const submit = plain(v.view.submit);
  const close = plain(v.view.close) || (submit ? 'Cancel' : 'Close');
  const viewError = v.errors?.[''];
  return `<form class="modal-form" data-view-id="${escapeHtml(v.id)}" novalidate><header class="modal-head"><h2 id="modal-title">${escapeHtml(title)}</h2>${depth > 1 ? `<span class="modal-depth">${depth} of ${depth}</span>` : ''}</header><div class="modal-body">${renderBlocks(v.view.blocks, ctx)}${viewError ? `<div class="bk-error" role="alert">${escapeHtml(viewError)}</div>` : ''}</div><footer class="modal-foot"><a class="builder-link" href="${escapeHtml(builderUrl(v.view))}" target="_blank" rel="noopener noreferrer">Open in Block Kit Builder</a><button type="button" class="bk-button" data-close>${escapeHtml(close)}</button>${submit ? `<button type="submit" class="bk-button bk-primary">${escapeHtml(submit)}</button>` : ''}</footer></form>`;
}

function homeHtml(v: SandboxView, ctx: RenderContext): string {
  return `<div class="home-view" data-view-id="${escapeHtml(v.id)}">${renderBlocks(v.view.blocks, ctx)}<p class="msg-tools"><a href="${escapeHtml(builderUrl(v.view))}" target="_blank" rel="noopener noreferrer">Open Home in Block Kit Builder</a></p></div>`;
}
