import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ListenOptions } from 'node:net';
import { type App, AuthorizationError, type CustomRoute, type Logger, type Receiver } from '@slack/bolt';
import { describeError } from '../describe-error.js';
import { type AckBody, HttpAck, send } from './http-ack.js';
import { readBody } from './read-body.js';
import { guardSlackRequest, type SlackBody } from './request-guard.js';

export interface GuardedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** The clock the replay window is measured against. */
  now(): Date;
  /** true in tests: the HTTP reply waits for the listener, so its calls are recorded when the request returns. */
  processBeforeResponse?: boolean;
  /** Paths served beside /slack/events (health, metrics), matched exactly. */
  customRoutes?: CustomRoute[];
  /** Largest body accepted, in bytes: a paste is at most 1 MiB, Slack's own cap a little more. */
  bodyLimit?: number;
  /**
   * Bytes of request bodies handed to listeners at once, from their dispatch until the listener is
   * done (its paste diagnosed and its answer posted). Beyond it, a long request (a long paste) is
   * answered at once with `busy` instead of reaching a listener; anything is, once four times as
   * much is held in all (bodies still arriving included). Memory stays bounded whatever Slack or
   * the diagnosis pool does meanwhile.
   */
  heldBytesLimit?: number;
  /** The ack for a request refused while too much is held: a message for a command, else 503 (Slack retries events). */
  busy?: (body: SlackBody) => AckBody;
}

const EVENTS_PATH = '/slack/events';
const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;
/**
 * About eighteen 100 KiB pastes (as a form body): what the diagnosis pool's two threads and their
 * queue take. Beyond it, a long paste is told in its ack to come back rather than told so later.
 */
const DEFAULT_HELD_BYTES = 3 * 1024 * 1024;
/** A body this short is a command, a click or a short paste, answered inline in a few milliseconds. */
const SHORT_BODY_BYTES = 16 * 1024;
const KEEP_ALIVE_MS = 65_000;

/**
 * certcheck's HTTP receiver: every request to /slack/events is read once (with a byte cap), its
 * signature and age checked once over the raw bytes, parsed once and its shape checked, and the
 * parsed body handed to Bolt (`app.processEvent`), which runs the listeners. Bolt's own
 * HTTPReceiver would read, verify and parse the same body again. Whatever a request throws is
 * answered 500 for that request alone.
 */
export class GuardedHttpReceiver implements Receiver {
  readonly #options: GuardedReceiverOptions;
  readonly #routes = new Map<string, CustomRoute['handler']>();
  #app: App | undefined;
  #server: Server | undefined;
  /** Bytes of bodies being read or whose listener is not done yet. */
  #held = 0;
  /** Of those, the bytes of requests handed to a listener (past their ack, for long pastes). */
  #dispatched = 0;

  constructor(options: GuardedReceiverOptions) {
    this.#options = options;
    for (const route of options.customRoutes ?? []) {
      for (const method of [route.method].flat())
        this.#routes.set(`${method.toUpperCase()} ${route.path}`, route.handler);
    }
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Bytes held now (for tests and metrics). */
  heldBytes(): number {
    return this.#held;
  }

  start(listen: ListenOptions | number = 3000): Promise<Server> {
    const server = createServer((req, res) => void this.#handle(req, res));
    // Longer than any client keeps an idle connection: a request sent on a connection this side just
    // closed would be reset, and that is a lost ack (the default 5 s loses that race under load).
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      const path = query === -1 ? url : url.slice(0, query);
      const method = req.method ?? 'GET';
      if (method === 'POST' && path === EVENTS_PATH) return await this.#event(req, res);
      const route = this.#routes.get(`${method} ${path}`);
      // A path nobody serves (a scanner, a probe the deployment does not use): not an error of ours.
      if (!route) return void res.writeHead(404).end();
      route(Object.assign(req, { params: {} }), res);
    } catch (error) {
      this.#options.logger.error(`request failed before reaching a listener: ${describeError(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  }

  async #event(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let held = 0;
    const hold = (bytes: number) => {
      held += bytes;
      this.#held += bytes;
    };
    try {
      const body = await this.#admit(req, res, hold);
      if (!body) return;
      this.#dispatched += held;
      try {
        await this.#dispatch(req, res, body);
      } finally {
        this.#dispatched -= held;
      }
    } finally {
      this.#held -= held;
    }
  }

  /**
   * The parsed body of a request a listener should see; undefined once the request was answered
   * here (refused, Slack's checks, or busy). The raw bytes live only in here: while the listener
   * runs, the request holds its parsed form alone. Whether it is busy is known before parsing, so
   * a busy command's paste is never decoded.
   */
  async #admit(
    req: IncomingMessage,
    res: ServerResponse,
    hold: (bytes: number) => void,
  ): Promise<SlackBody | undefined> {
    const { logger } = this.#options;
    const limit = this.#options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    const raw = await readBody(req, limit, hold);
    if (!raw) {
      logger.warn(`refused a request to ${EVENTS_PATH} (413): body over ${limit} bytes`);
      return void res.writeHead(413, { connection: 'close' }).end();
    }
    const busy = this.#tooMuchHeld(raw.length);
    const verdict = guardSlackRequest(
      {
        rawBody: raw,
        contentType: header(req, 'content-type'),
        timestamp: header(req, 'x-slack-request-timestamp'),
        signature: header(req, 'x-slack-signature'),
      },
      this.#options.signingSecret,
      Math.floor(this.#options.now().getTime() / 1000),
      { withoutPaste: busy },
    );
    if (!verdict.ok) {
      logger.warn(`refused a request to ${EVENTS_PATH} (${verdict.status}): ${verdict.reason}`);
      return void res.writeHead(verdict.status).end();
    }
    if (verdict.kind === 'ssl_check') return void res.writeHead(200).end();
    if (verdict.kind === 'url_verification') return void send(res, { challenge: verdict.challenge });
    if (busy) {
      logger.warn(`answered busy: ${this.#held - raw.length} bytes of other requests are still being answered`);
      const answer = this.#options.busy?.(verdict.body);
      return void (answer === undefined ? res.writeHead(503, { 'retry-after': '60' }).end() : send(res, answer));
    }
    return verdict.body;
  }

  /**
   * Whether a request of `own` bytes must wait for others to finish. A long one waits while the
   * requests handed to listeners hold more than the budget (bodies still arriving pass through in
   * milliseconds and do not count); anything waits once four times the budget is held in all. A
   * request alone is always read, however long.
   */
  #tooMuchHeld(own: number): boolean {
    const limit = this.#options.heldBytesLimit ?? DEFAULT_HELD_BYTES;
    if (this.#held - own > 4 * limit) return true;
    return own > SHORT_BODY_BYTES && this.#dispatched > limit;
  }

  /** Bolt's part: the listeners run with the parsed body and this request's ack. */
  async #dispatch(req: IncomingMessage, res: ServerResponse, body: SlackBody): Promise<void> {
    const app = this.#app;
    if (!app) throw new Error('the receiver was started before the app was built');
    const { logger } = this.#options;
    const ack = new HttpAck(res, logger, this.#options.processBeforeResponse ?? false);
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const retryReason = header(req, 'x-slack-retry-reason');
    try {
      await app.processEvent({
        body,
        ack: ack.ack,
        ...(Number.isInteger(retryNum) && { retryNum }),
        ...(retryReason !== undefined && { retryReason }),
      });
      ack.flush();
    } catch (error) {
      // What Bolt's own receiver does with an error no listener handled.
      ack.settle();
      if (res.headersSent) return void logger.error(`a listener failed after its ack: ${describeError(error)}`);
      if (error instanceof AuthorizationError) return void res.writeHead(401).end();
      logger.error(`a request failed in Bolt: ${describeError(error)}`);
      res.writeHead(500).end();
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
