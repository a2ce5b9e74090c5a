import { createHmac } from 'node:crypto';

/**
 * Signed requests as Slack sends them: form bodies for commands and interactivity (`payload=`),
 * JSON for events. Bodies are strings with the exact content-type Bolt compares against.
 */

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackResponse {
  status: number;
  body: string;
  /** Milliseconds until the HTTP reply (the ack) arrived. */
  ms: number;
}

export interface SignOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  secret?: string;
  /** Replaces the computed signature (forgeries). */
  signature?: string;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function post(
  url: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: SignOptions = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
    },
  });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}

export interface CommandFields {
  text?: string;
  user_id?: string;
  channel_id?: string;
  response_url: string;
  trigger_id?: string;
  command?: string;
}

export function commandBody(fields: CommandFields): string {
  return formBody({
    token: 'deprecated',
    team_id: 'T0TEAM',
    team_domain: 'contoso',
    channel_id: fields.channel_id ?? 'C0OPS',
    channel_name: 'exchange-ops',
    user_id: fields.user_id ?? 'U0ADMIN',
    user_name: 'admin',
    command: fields.command ?? '/certcheck',
    text: fields.text ?? '',
    api_app_id: 'A0CERT',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? '1337.42.trigger',
  });
}

/** Hand-built `key=value&…`: a URLSearchParams body would make fetch add a charset Bolt refuses. */
export function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

export const sendCommand = (url: string, fields: CommandFields, options?: SignOptions) =>
  post(url, commandBody(fields), 'application/x-www-form-urlencoded', options);

export const sendInteraction = (url: string, payload: object, options?: SignOptions) =>
  post(url, formBody({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', options);

export const sendEvent = (url: string, event: object, options?: SignOptions) =>
  post(
    url,
    JSON.stringify({
      token: 'deprecated',
      team_id: 'T0TEAM',
      api_app_id: 'A0CERT',
      event,
      type: 'event_callback',
      event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T0TEAM', user_id: 'U0CERTBOT', is_bot: true }],
    }),
    'application/json',
    options,
  );

const user = (id = 'U0ADMIN') => ({ id, username: 'admin', name: 'admin', team_id: 'T0TEAM' });
const team = { id: 'T0TEAM', domain: 'contoso' };

/** A click on a button of a message (ephemeral when `ephemeral`). */
export function blockActionPayload(options: {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
}) {
  return {
    type: 'block_actions',
    user: user(options.userId),
    api_app_id: 'A0CERT',
    token: 'deprecated',
    container: {
      type: 'message',
      message_ts: options.messageTs ?? '1700000000.000100',
      channel_id: options.channelId ?? 'C0OPS',
      is_ephemeral: true,
      ...(options.threadTs && { thread_ts: options.threadTs }),
    },
    trigger_id: '1337.43.trigger',
    team,
    channel: { id: options.channelId ?? 'C0OPS', name: 'exchange-ops' },
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'certcheck_actions',
        value: options.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000200',
      },
    ],
  };
}

export function messageShortcutPayload(options: {
  callbackId: string;
  responseUrl: string;
  message: { ts: string; text: string; user?: string; thread_ts?: string; blocks?: unknown[] };
  userId?: string;
  channelId?: string;
}) {
  return {
    type: 'message_action',
    callback_id: options.callbackId,
    trigger_id: '1337.44.trigger',
    message_ts: options.message.ts,
    response_url: options.responseUrl,
    message: { type: 'message', user: 'U0OTHER', ...options.message },
    user: user(options.userId),
    channel: { id: options.channelId ?? 'C0OPS', name: 'exchange-ops' },
    team,
    token: 'deprecated',
    action_ts: '1700000001.000300',
  };
}

export function viewSubmissionPayload(options: {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, { type: string; value: string | null }>>;
  userId?: string;
}) {
  return {
    type: 'view_submission',
    team,
    user: user(options.userId),
    api_app_id: 'A0CERT',
    token: 'deprecated',
    trigger_id: '1337.45.trigger',
    view: {
      id: 'V0VIEW',
      team_id: 'T0TEAM',
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata,
      state: { values: options.values },
      hash: 'h',
      title: { type: 'plain_text', text: 'certcheck' },
      blocks: [],
      app_id: 'A0CERT',
      bot_id: 'B0CERT',
    },
    response_urls: [],
  };
}

export function appMentionEvent(options: {
  text: string;
  ts?: string;
  threadTs?: string;
  channel?: string;
  user?: string;
  blocks?: unknown[];
  files?: { name: string; url: string; mimetype?: string }[];
}) {
  return {
    type: 'app_mention',
    user: options.user ?? 'U0ADMIN',
    text: options.text,
    ts: options.ts ?? '1700000100.000100',
    channel: options.channel ?? 'C0OPS',
    event_ts: options.ts ?? '1700000100.000100',
    ...(options.threadTs && { thread_ts: options.threadTs }),
    ...(options.blocks && { blocks: options.blocks }),
    ...(options.files && {
      files: options.files.map((f, i) => ({
        id: `F0${i}`,
        name: f.name,
        title: f.name,
        mimetype: f.mimetype ?? 'application/octet-stream',
        filetype: f.name.split('.').pop(),
        size: 1,
        url_private: f.url,
        url_private_download: f.url,
      })),
    }),
  };
}
