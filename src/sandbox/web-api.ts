import { withBlockIds, withViewBlockIds } from './block-ids.js';
import type { Workspace } from './workspace.js';
import { SANDBOX_BOT, SANDBOX_TEAM, SANDBOX_USER } from './workspace.js';

/**
 * The sandbox's Slack Web API: the app's client is pointed here (SLACK_API_URL), so every call it
 * makes lands in the workspace the page shows, and is listed in the page's call log. Answers have
 * the shapes Slack gives, including its errors (channel_not_found, message_not_found…), so the
 * app's own error handling is what runs.
 */

export type Params = Record<string, unknown>;
export type ApiAnswer = Record<string, unknown> & { ok: boolean };

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

/** Slack's Web API takes form bodies (JSON-encoded objects inside fields) or JSON. */
export function parseApiBody(body: string, contentType: string | undefined): Params {
  if (contentType?.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body || '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Params) : {};
    } catch {
      return {};
    }
  }
  const params: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] = JSON_FIELDS.has(key) ? parseJson(value) : value;
  }
  return params;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const blocksOf = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const flag = (v: unknown) => v === true || v === 'true' || v === '1';

export function answerWebApi(ws: Workspace, method: string, params: Params): ApiAnswer {
  const result = dispatch(ws, method, params);
  ws.record(method, summarize(params, result), result.ok);
  return result;
}

function dispatch(ws: Workspace, method: string, params: Params): ApiAnswer {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: `https://${SANDBOX_TEAM.domain}.slack.com/`,
        team: 'certcheck sandbox',
        user: SANDBOX_BOT.name,
        team_id: SANDBOX_TEAM.id,
        user_id: SANDBOX_BOT.userId,
        bot_id: SANDBOX_BOT.botId,
        is_enterprise_install: false,
      };
    case 'chat.postMessage':
      return postMessage(ws, params, false);
    case 'chat.postEphemeral':
      return postMessage(ws, params, true);
    case 'chat.update':
      return updateMessage(ws, params);
    case 'chat.delete': {
      const channel = ws.conversation(str(params.channel) ?? '');
      const message = channel && ws.find(channel, str(params.ts) ?? '');
      if (!message) return { ok: false, error: 'message_not_found' };
      ws.remove(message);
      return { ok: true, channel, ts: message.ts };
    }
    case 'chat.getPermalink': {
      const channel = str(params.channel) ?? '';
      return {
        ok: true,
        channel,
        permalink: `https://${SANDBOX_TEAM.domain}.slack.com/archives/${channel}/p${(str(params.message_ts) ?? '').replace('.', '')}`,
      };
    }
    case 'views.open':
    case 'views.push':
      return openView(ws, method, params);
    case 'views.update':
      return updateView(ws, params);
    case 'views.publish': {
      const user = str(params.user_id);
      const view = asView(params.view);
      if (!user || !view) return { ok: false, error: user ? 'invalid_arguments' : 'user_not_found' };
      const existing = ws.homes.get(user);
      const published = existing ? { ...existing, view, hash: ws.nextId('h') } : ws.newView(view);
      ws.homes.set(user, published);
      ws.changed();
      return { ok: true, view: viewAnswer(published) };
    }
    case 'users.info': {
      const id = str(params.user) ?? '';
      const name = ws.userName(id);
      if (!name) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: {
          id,
          team_id: SANDBOX_TEAM.id,
          name,
          real_name: name,
          is_bot: id === SANDBOX_BOT.userId,
          tz: 'UTC',
          tz_label: 'Coordinated Universal Time',
          tz_offset: 0,
          ...(flag(params.include_locale) && { locale: 'en-US' }),
        },
      };
    }
    case 'conversations.info': {
      const id = ws.conversation(str(params.channel) ?? '');
      if (!id) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: channelAnswer(ws, id) };
    }
    case 'conversations.members':
      if (!ws.conversation(str(params.channel) ?? '')) return { ok: false, error: 'channel_not_found' };
      return { ok: true, members: [SANDBOX_USER.id, SANDBOX_BOT.userId], response_metadata: { next_cursor: '' } };
    case 'conversations.list':
    case 'users.conversations':
      return {
        ok: true,
        channels: ws.channels.map((c) => channelAnswer(ws, c.id)),
        response_metadata: { next_cursor: '' },
      };
    case 'conversations.history':
      return history(ws, params);
    case 'conversations.replies':
      return replies(ws, params);
    case 'files.info':
      return { ok: false, error: 'file_not_found' };
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

function postMessage(ws: Workspace, params: Params, ephemeral: boolean): ApiAnswer {
  const channel = ws.conversation(str(params.channel) ?? '');
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const text = str(params.text) ?? '';
  const blocks = withBlockIds(blocksOf(params.blocks));
  if (!text && !blocks?.length) return { ok: false, error: 'no_text' };
  if (ephemeral && str(params.user) !== SANDBOX_USER.id) return { ok: false, error: 'user_not_in_channel' };
  const threadTs = str(params.thread_ts);
  if (threadTs && !ws.find(channel, threadTs)) return { ok: false, error: 'thread_not_found' };
  const message = ws.post({
    channel,
    author: 'app',
    text,
    ...(blocks && { blocks }),
    ephemeral,
    ...(threadTs && { threadTs }),
    ...(params.metadata !== undefined && { metadata: params.metadata }),
  });
  if (ephemeral) return { ok: true, message_ts: message.ts };
  return { ok: true, channel, ts: message.ts, message: messageAnswer(message) };
}

function updateMessage(ws: Workspace, params: Params): ApiAnswer {
  const channel = ws.conversation(str(params.channel) ?? '');
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const message = ws.find(channel, str(params.ts) ?? '');
  if (!message || message.ephemeral) return { ok: false, error: 'message_not_found' };
  if (message.author !== 'app') return { ok: false, error: 'cant_update_message' };
  const blocks = withBlockIds(blocksOf(params.blocks)) ?? message.blocks;
  ws.replace(message, {
    text: str(params.text) ?? message.text,
    ...(blocks && { blocks }),
    ...(params.metadata !== undefined && { metadata: params.metadata }),
  });
  return { ok: true, channel, ts: message.ts, text: message.text, message: messageAnswer(message) };
}

function asView(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? withViewBlockIds(value as Record<string, unknown>)
    : undefined;
}

function openView(ws: Workspace, method: string, params: Params): ApiAnswer {
  const view = asView(params.view);
  if (!str(params.trigger_id) && !str(params.interactivity_pointer)) return { ok: false, error: 'invalid_trigger_id' };
  if (view?.type !== 'modal') return { ok: false, error: 'invalid_arguments' };
  if (method === 'views.push' && ws.modalStack.length === 0) return { ok: false, error: 'not_found' };
  if (method === 'views.push' && ws.modalStack.length >= 3) return { ok: false, error: 'push_limit_reached' };
  const opened = ws.newView(view);
  ws.modalStack = method === 'views.open' ? [opened] : [...ws.modalStack, opened];
  ws.changed();
  return { ok: true, view: viewAnswer(opened) };
}

function updateView(ws: Workspace, params: Params): ApiAnswer {
  const view = asView(params.view);
  if (!view) return { ok: false, error: 'invalid_arguments' };
  const target = ws.findView(str(params.view_id), str(params.external_id));
  if (!target) return { ok: false, error: 'not_found' };
  if (str(params.hash) && params.hash !== target.hash) return { ok: false, error: 'hash_conflict' };
  target.view = view;
  target.hash = ws.nextId('h');
  delete target.errors;
  ws.changed();
  return { ok: true, view: viewAnswer(target) };
}

export function viewAnswer(v: { id: string; view: Record<string, unknown>; hash: string }) {
  return {
    id: v.id,
    team_id: SANDBOX_TEAM.id,
    state: { values: {} },
    hash: v.hash,
    app_id: SANDBOX_BOT.appId,
    bot_id: SANDBOX_BOT.botId,
    private_metadata: '',
    callback_id: '',
    ...v.view,
  };
}

function channelAnswer(ws: Workspace, id: string) {
  return {
    id,
    name: ws.channelName(id) ?? id,
    is_channel: id.startsWith('C'),
    is_im: id.startsWith('D'),
    is_private: false,
    is_member: true,
    is_archived: false,
  };
}

function messageAnswer(m: {
  ts: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  author: string;
  metadata?: unknown;
}) {
  return {
    type: 'message',
    ts: m.ts,
    text: m.text,
    ...(m.blocks && { blocks: m.blocks }),
    ...(m.threadTs && { thread_ts: m.threadTs }),
    ...(m.author === 'app' ? { bot_id: SANDBOX_BOT.botId, user: SANDBOX_BOT.userId } : { user: SANDBOX_USER.id }),
  };
}

function history(ws: Workspace, params: Params): ApiAnswer {
  const channel = ws.conversation(str(params.channel) ?? '');
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const oldest = Number.parseFloat(str(params.oldest) ?? '0') || 0;
  const limit = Number.parseInt(str(params.limit) ?? '100', 10) || 100;
  const withMetadata = flag(params.include_all_metadata);
  const messages = ws.messages
    .filter((m) => m.channel === channel && !m.ephemeral && !m.threadTs && Number.parseFloat(m.ts) >= oldest)
    .reverse()
    .slice(0, limit)
    .map((m) => ({ ...messageAnswer(m), ...(withMetadata && m.metadata !== undefined && { metadata: m.metadata }) }));
  return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
}

function replies(ws: Workspace, params: Params): ApiAnswer {
  const channel = ws.conversation(str(params.channel) ?? '');
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const ts = str(params.ts) ?? '';
  const parent = ws.find(channel, ts);
  if (!parent) return { ok: false, error: 'thread_not_found' };
  const thread = ws.messages.filter((m) => m.channel === channel && !m.ephemeral && m.threadTs === ts);
  return { ok: true, messages: [parent, ...thread].map(messageAnswer), has_more: false };
}

/** The call log's line: never the text itself (it may quote a paste), only where and how much. */
function summarize(params: Params, result: ApiAnswer): string {
  const parts: string[] = [];
  const channel = str(params.channel);
  if (channel) parts.push(`channel ${channel}`);
  if (str(params.thread_ts)) parts.push('in a thread');
  const blocks = blocksOf(params.blocks);
  if (blocks) parts.push(`${blocks.length} block${blocks.length === 1 ? '' : 's'}`);
  const view = asView(params.view);
  if (view) parts.push(`${String(view.type)} view, ${blocksOf(view.blocks)?.length ?? 0} blocks`);
  if (str(params.user_id)) parts.push(`user ${String(params.user_id)}`);
  parts.push(result.ok ? 'ok' : `error: ${String(result.error)}`);
  return parts.join(' · ');
}
