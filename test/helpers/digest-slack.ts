import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_BOT } from './fake-slack.js';

/**
 * A small fake of the Web API methods a reminder run calls (chat.postMessage, conversations.history),
 * for `certcheck remind` child processes: it keeps each channel's messages with their metadata and
 * can answer slowly, deliver a post and hold the answer (the run is killed with its post in flight),
 * or lose a post (hold it, then answer 500, never delivered).
 */

export interface PostedDigestMessage {
  channel: string;
  ts: string;
  batch: string | undefined;
  text: string;
}

export interface DigestSlack {
  readonly apiUrl: string;
  /** Every delivered chat.postMessage, in order. */
  readonly delivered: PostedDigestMessage[];
  /** How many chat.postMessage requests arrived (delivered or not). */
  posts(): number;
  /** Every post waits this long before it is delivered and answered. */
  setDelay(ms: number): void;
  /** The next `times` posts are delivered, then their answer is held until the server closes. */
  deliverAndHold(times?: number): void;
  /** The next `times` posts are held, never delivered, and answered 500 when the server closes. */
  loseAndHold(times?: number): void;
  /** Resolves when `count` posts have arrived (delivered or not). */
  waitForPosts(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startDigestSlack(): Promise<DigestSlack> {
  const delivered: PostedDigestMessage[] = [];
  const history = new Map<string, { ts: string; text: string; metadata?: unknown }[]>();
  const held: ServerResponse[] = [];
  const waiters = new Set<() => void>();
  let delayMs = 0;
  let deliverHold = 0;
  let loseHold = 0;
  let posts = 0;
  let counter = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  const send = (res: ServerResponse, data: Record<string, unknown>) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data));

  async function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const method = new URL(req.url ?? '/', 'http://fake').pathname.replace(/^\/api\//, '');
    const params = Object.fromEntries(new URLSearchParams(body));
    if (req.headers.authorization !== `Bearer ${FAKE_BOT.token}`) return send(res, { ok: false, error: 'not_authed' });
    const channel = params.channel ?? '';
    if (method === 'conversations.history') {
      const messages = [...(history.get(channel) ?? [])].reverse().map((m) => ({ type: 'message', ...m }));
      return send(res, { ok: true, messages, has_more: false });
    }
    if (method !== 'chat.postMessage') return send(res, { ok: true });
    posts++;
    for (const wake of waiters) wake();
    if (loseHold > 0) {
      loseHold--;
      held.push(res);
      return;
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const ts = `1764493200.${String(++counter).padStart(6, '0')}`;
    const metadata = params.metadata
      ? (JSON.parse(params.metadata) as { event_payload?: { batch?: string } })
      : undefined;
    const text = params.text ?? '';
    history.set(channel, [...(history.get(channel) ?? []), { ts, text, ...(metadata && { metadata }) }]);
    delivered.push({ channel, ts, batch: metadata?.event_payload?.batch, text });
    if (deliverHold > 0) {
      deliverHold--;
      held.push(res);
      return;
    }
    send(res, { ok: true, channel, ts });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}/api/`,
    delivered,
    posts: () => posts,
    setDelay: (ms) => {
      delayMs = ms;
    },
    deliverAndHold: (times = 1) => {
      deliverHold += times;
    },
    loseAndHold: (times = 1) => {
      loseHold += times;
    },
    waitForPosts(count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (posts < count) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`fake Slack: ${posts} of ${count} posts within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) if (!res.writableEnded && !res.destroyed) res.writeHead(500).end('failure');
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
