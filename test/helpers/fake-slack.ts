import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblems } from './block-kit-limits.js';

/**
 * One fake Slack for every Slack test: the Web API (`apiUrl`, pass it as `slackApiUrl`), response_url
 * endpoints (`responseUrl(id)`) and file downloads (`addFile`). It records every call with its parsed
 * parameters, checks the bot token, checks every message and view against Block Kit's limits, and
 * can be told to answer 429, ok:false or slowly.
 */

export interface RecordedCall {
  /** `chat.postMessage`, `response` (a response_url POST) or `file` (a download). */
  method: string;
  path: string;
  /** Form fields, with `blocks`, `view` and `attachments` JSON-parsed; the JSON body for response_url. */
  params: Record<string, unknown>;
  authorization: string | undefined;
}

export type Failure =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'error'; error: string }
  | { kind: 'http'; status: number }
  | { kind: 'slow'; delayMs: number };

export interface ThreadMessage {
  ts: string;
  user?: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface FakeSlack {
  /** Base URL of the Web API, ending in `/api/`. */
  readonly apiUrl: string;
  readonly origin: string;
  readonly calls: RecordedCall[];
  /** Block Kit limit violations seen so far, one line each ("chat.postMessage: blocks: …"). */
  readonly violations: string[];
  callsTo(method: string): RecordedCall[];
  /** Resolves when `count` calls to `method` have been recorded (for tests without processBeforeResponse). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  responseUrl(id: string): string;
  setLocale(userId: string, locale: string): void;
  /** The parent and replies conversations.replies answers for `channel` + `ts`. */
  setThread(channel: string, messages: ThreadMessage[]): void;
  /** Serves `bytes` at a url_private_download-style URL that needs the bot token. */
  addFile(name: string, bytes: Uint8Array | string): string;
  /** What apps.connections.open answers (Socket Mode): a loopback ws:// URL. */
  setSocketUrl(url: string): void;
  /**
   * Who is who, for permission checks: admins, channel members and what certcheck can see of each
   * channel. Until this is called everyone is an admin and certcheck is in every channel, so tests
   * about other things are not refused.
   */
  setDirectory(directory: FakeDirectory): void;
  /** The next `times` calls to `method` (`response` for response_url) fail this way. */
  fail(method: string, failure: Failure, times?: number): void;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeDirectory {
  admins: string[];
  members: Record<string, string[]>;
  /** conversations.info per channel; a channel not listed answers channel_not_found. */
  channels?: Record<string, { is_private?: boolean; is_member?: boolean; is_archived?: boolean }>;
}

/** The users the tests act as; in the open world (no directory set) each is in every channel. */
const OPEN_WORLD_USERS = ['U0ADMIN', 'U0AIKO', 'U0JAPAN', 'U0JA', 'U0OTHER', 'U0KEN', 'U0NEW', 'U0FIRST', 'U0JAPASTE'];

export const FAKE_BOT = { token: 'xoxb-test-token', botId: 'B0CERT', botUserId: 'U0CERTBOT', teamId: 'T0TEAM' };
/** The app-level token Socket Mode opens its connection with. */
export const FAKE_APP_TOKEN = 'xapp-1-test-token';

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response']);
const VIEW_METHODS = new Set(['views.open', 'views.publish', 'views.update', 'views.push']);

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  const locales = new Map<string, string>();
  const threads = new Map<string, ThreadMessage[]>();
  const files = new Map<string, Buffer>();
  const failures = new Map<string, { failure: Failure; times: number }>();
  const waiters = new Set<() => void>();
  /** What chat.postMessage posted, per channel: conversations.history answers from it. */
  const channelHistory = new Map<string, { ts: string; text: unknown; metadata?: unknown }[]>();
  let tsCounter = 0;
  let socketUrl: string | undefined;
  let directory: FakeDirectory | undefined;
  const askedAbout = new Set<string>();

  const takeFailure = (method: string): Failure | undefined => {
    const entry = failures.get(method);
    if (!entry) return undefined;
    if (--entry.times <= 0) failures.delete(method);
    return entry.failure;
  };

  const record = (call: RecordedCall) => {
    calls.push(call);
    const kind = MESSAGE_METHODS.has(call.method) ? 'message' : VIEW_METHODS.has(call.method) ? 'view' : undefined;
    const payload = kind === 'view' ? call.params.view : call.params;
    if (kind && !(call.method === 'response' && call.params.delete_original === true)) {
      for (const problem of blockKitProblems(kind, payload)) violations.push(`${call.method}: ${problem}`);
    }
    for (const wake of waiters) wake();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const authorization = req.headers.authorization;
    if (url.pathname.startsWith('/files/')) {
      record({ method: 'file', path: url.pathname, params: {}, authorization });
      const bytes = files.get(url.pathname);
      if (authorization !== `Bearer ${FAKE_BOT.token}`) return void res.writeHead(403).end('forbidden');
      if (!bytes) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    }
    const isResponse = url.pathname.startsWith('/response/');
    const method = isResponse ? 'response' : url.pathname.replace(/^\/api\//, '');
    const params = isResponse ? (JSON.parse(body || '{}') as Record<string, unknown>) : parseForm(body);
    record({ method, path: url.pathname, params, authorization });

    const failure = takeFailure(method);
    if (failure?.kind === 'slow') await new Promise((r) => setTimeout(r, failure.delayMs));
    if (failure?.kind === 'rate-limited') {
      res.writeHead(429, { 'retry-after': String(failure.retryAfterSeconds), 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    if (failure?.kind === 'http') return void res.writeHead(failure.status).end('failure');
    if (isResponse) {
      if (failure?.kind === 'error') return void res.writeHead(404).end(failure.error);
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
    const send = (data: Record<string, unknown>) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    if (method === 'apps.connections.open') {
      if (authorization !== `Bearer ${FAKE_APP_TOKEN}`) return send({ ok: false, error: 'not_authed' });
      if (failure?.kind === 'error') return send({ ok: false, error: failure.error });
      return send(socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'no_socket' });
    }
    if (authorization !== `Bearer ${FAKE_BOT.token}`) return send({ ok: false, error: 'not_authed' });
    if (failure?.kind === 'error') return send({ ok: false, error: failure.error });
    send(answer(method, params));
  }

  function answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof params.channel === 'string' ? params.channel : 'C0DEFAULT';
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: FAKE_BOT.botUserId, bot_id: FAKE_BOT.botId, team_id: FAKE_BOT.teamId };
      case 'users.info': {
        const id = String(params.user);
        const locale = locales.get(id);
        askedAbout.add(id);
        const isAdmin = directory ? directory.admins.includes(id) : true;
        return {
          ok: true,
          user: { id, is_admin: isAdmin, ...(params.include_locale === 'true' && locale && { locale }) },
        };
      }
      case 'conversations.members': {
        // Without a directory every user the tests act as is in every channel.
        const members = directory ? (directory.members[channel] ?? []) : [...OPEN_WORLD_USERS, ...askedAbout];
        return { ok: true, members, response_metadata: { next_cursor: '' } };
      }
      case 'conversations.info': {
        if (!directory) return { ok: true, channel: { id: channel, is_member: true, is_private: false } };
        const info = directory.channels?.[channel];
        return info ? { ok: true, channel: { id: channel, ...info } } : { ok: false, error: 'channel_not_found' };
      }
      case 'chat.postMessage': {
        const ts = `1700000000.${String(++tsCounter).padStart(6, '0')}`;
        const posted = channelHistory.get(channel) ?? [];
        posted.push({ ts, text: params.text, ...(params.metadata !== undefined && { metadata: params.metadata }) });
        channelHistory.set(channel, posted);
        return { ok: true, channel, ts };
      }
      case 'chat.update':
        return { ok: true, channel, ts: params.ts ?? `1700000000.${String(++tsCounter).padStart(6, '0')}` };
      case 'conversations.history': {
        // The fake's ts are counters, not times: `oldest` is not applied.
        const messages = [...(channelHistory.get(channel) ?? [])].reverse().map(({ metadata, ...m }) => ({
          type: 'message',
          ...m,
          ...(params.include_all_metadata === 'true' && metadata !== undefined && { metadata }),
        }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(++tsCounter).padStart(6, '0')}` };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: 'V0VIEW', ...(params.view as object) } };
      case 'conversations.replies': {
        const messages = threads.get(`${channel}:${String(params.ts)}`);
        return messages ? { ok: true, messages, has_more: false } : { ok: false, error: 'thread_not_found' };
      }
      default:
        return { ok: true };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    violations,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(method, count = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.filter((c) => c.method === method);
          if (found.length < count) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake Slack: no ${count} call(s) to ${method} within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    responseUrl: (id) => `${origin}/response/${id}`,
    setLocale: (userId, locale) => void locales.set(userId, locale),
    setThread(channel, messages) {
      const parent = messages[0];
      if (parent) threads.set(`${channel}:${parent.ts}`, messages);
    },
    addFile(name, bytes) {
      const path = `/files/${files.size}/${encodeURIComponent(name)}`;
      files.set(path, Buffer.from(bytes));
      return `${origin}${path}`;
    },
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    setDirectory: (value) => {
      directory = value;
    },
    fail: (method, failure, times = 1) => void failures.set(method, { failure, times }),
    reset() {
      directory = undefined;
      calls.length = 0;
      channelHistory.clear();
      violations.length = 0;
      failures.clear();
      locales.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseForm(body: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
