import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadExamples } from './examples.js';
import { pageScript } from './page/page-script.js';
import { pageHtml } from './page/page-html.js';
import { pageStyles } from './page/page-styles.js';
import { pageState } from './page-state.js';
import { answerResponseUrl } from './response-url.js';
import { newSigningSecret } from './signer.js';
import { type Outcome, type SandboxApp, SlackSide } from './slack-side.js';
import { answerWebApi, parseApiBody } from './web-api.js';
import { Workspace } from './workspace.js';

/**
 * The sandbox: one local server for the page, the page's own requests, the app's Web API calls
 * (`/api/…`) and response URLs (`/response/…`). It listens on the loopback addresses only and
 * answers only requests addressed to them (a page elsewhere cannot drive it through DNS tricks).
 */

export interface SandboxOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Loopback only; default both 127.0.0.1 and ::1. */
  hosts?: string[];
  /** The wall clock: message timestamps and request signatures. */
  clock: () => Date;
  /** Where the example pastes the page offers live (default: the repository's examples/). */
  examplesDir?: URL;
  /** Starts the real app with its Web API pointed at the sandbox, on a loopback port of its own. */
  startApp(slack: { apiUrl: string; botToken: string; signingSecret: string }): Promise<SandboxApp>;
}

export interface Sandbox {
  /** `http://localhost:<port>/` */
  url: string;
  port: number;
  workspace: Workspace;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);
const MAX_BODY = 4 * 1024 * 1024;
const LONG_POLL_MS = 25_000;

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const hosts = options.hosts ?? ['127.0.0.1', '::1'];
  for (const host of hosts) {
    if (!LOOPBACK.has(host)) throw new Error(`the sandbox listens on loopback addresses only, not ${host}`);
  }
  const ws = new Workspace(options.clock);
  const botToken = `xoxb-sandbox-${randomBytes(12).toString('hex')}`;
  const signingSecret = newSigningSecret();
  let side: SlackSide | undefined;
  let port = options.port;
  const allowedHosts = () => new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, 'text/plain', `sandbox error: ${error instanceof Error ? error.message : String(error)}`);
      else res.end();
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts().has(req.headers.host ?? ''))
      return send(res, 421, 'text/plain', 'The sandbox answers only on localhost.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'GET') {
      if (path === '/') return send(res, 200, 'text/html; charset=utf-8', pageHtml);
      if (path === '/sandbox.css') return send(res, 200, 'text/css; charset=utf-8', pageStyles);
      if (path === '/sandbox.js') return send(res, 200, 'text/javascript; charset=utf-8', pageScript);
      if (path === '/sandbox/state') {
        const after = Number.parseInt(url.searchParams.get('after') ?? '', 10);
        if (Number.isInteger(after)) await ws.waitForChange(after, LONG_POLL_MS);
        return sendJson(res, 200, pageState(ws, url.searchParams.get('channel') ?? ''));
      }
      if (path === '/sandbox/examples') return sendJson(res, 200, await loadExamples(options.examplesDir));
      if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
      return send(res, 404, 'text/plain', 'not found');
    }
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, 'text/plain', 'too large');
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      if (req.headers.authorization !== `Bearer ${botToken}`) {
        ws.record(method, 'error: invalid_auth', false);
        return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
      }
      return sendJson(res, 200, answerWebApi(ws, method, parseApiBody(body, req.headers['content-type'])));
    }
    if (path.startsWith('/response/')) {
      const payload = parseApiBody(body, 'application/json');
      const answer = answerResponseUrl(ws, path.slice('/response/'.length), payload);
      return send(res, answer.status, 'text/plain', answer.body);
    }
    if (path.startsWith('/sandbox/')) {
      // Only the page itself: JSON bodies need a preflight from any other origin, which never passes.
      if (!req.headers['content-type']?.startsWith('application/json'))
        return send(res, 415, 'text/plain', 'JSON only');
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^https?:\/\//, '')))
        return send(res, 403, 'text/plain', 'forbidden');
      if (!side) return sendJson(res, 503, { ok: false, error: 'certcheck is still starting.' });
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return sendJson(res, 400, { ok: false, error: 'not JSON' });
      }
      return sendJson(res, 200, await pageAction(side, path.slice('/sandbox/'.length), input));
    }
    return send(res, 404, 'text/plain', 'not found');
  }

  const servers: Server[] = [];
  for (const host of hosts) {
    const server = createServer(handler);
    try {
      await listen(server, port, host);
    } catch (error) {
      // A machine without IPv6 has no ::1: the IPv4 loopback is enough.
      const code = (error as NodeJS.ErrnoException).code;
      if (host === '::1' && servers.length > 0 && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
      await Promise.all(servers.map(closeServer));
      throw error;
    }
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  const apiHost = servers[0] && (servers[0].address() as AddressInfo).address === '::1' ? '[::1]' : '127.0.0.1';
  const base = `http://${apiHost}:${port}`;
  let app: SandboxApp;
  try {
    app = await options.startApp({ apiUrl: `${base}/api/`, botToken, signingSecret });
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }
  side = new SlackSide(ws, { url: app.eventsUrl, signingSecret, clock: options.clock }, `${base}/response/`, app);

  return {
    url: `http://localhost:${port}/`,
    port,
    workspace: ws,
    async stop() {
      ws.wakeAll();
      await app.stop();
      await Promise.all(servers.map(closeServer));
    },
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

async function pageAction(side: SlackSide, action: string, input: Record<string, unknown>): Promise<Outcome> {
  switch (action) {
    case 'send':
      return side.send(str(input.channel), str(input.text));
    case 'action':
      return side.act({
        ...(str(input.messageId) && { messageId: str(input.messageId) }),
        ...(str(input.viewId) && { viewId: str(input.viewId) }),
        blockId: str(input.blockId),
        actionId: str(input.actionId),
        ...(typeof input.value === 'string' && { value: input.value }),
      });
    case 'submit':
      return side.submit(str(input.viewId), formValues(input.values));
    case 'close':
      return side.close(str(input.viewId));
    case 'home':
      return side.openHome();
    case 'reminders':
      return side.runReminders(str(input.channel));
    default:
      return { ok: false, error: `unknown sandbox action ${action}` };
  }
}

function formValues(value: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [blockId, actions] of Object.entries(value)) {
    if (!actions || typeof actions !== 'object') continue;
    out[blockId] = Object.fromEntries(Object.entries(actions).map(([k, v]) => [k, str(v)]));
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const SECURITY_HEADERS = {
  // Everything comes from this server: no CDN, no remote image, no frame.
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS }).end(body);
}

function sendJson(res: ServerResponse, status: number, data: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, ipv6Only: host === '::1' }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
