import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ListenOptions } from 'node:net';
import {
  type App,
  type CustomRoute,
  HTTPReceiver,
  HTTPReceiverDeferredRequestError,
  type Logger,
  type Receiver,
} from '@slack/bolt';
import { describeError } from '../describe-error.js';
import { guardSlackRequest } from './request-guard.js';

export interface GuardedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** The clock the replay window is measured against. */
  now(): Date;
  /** true in tests: the HTTP reply waits for the listener, so its calls are recorded when the request returns. */
  processBeforeResponse?: boolean;
  /** Paths served beside /slack/events (health, metrics). */
  customRoutes?: CustomRoute[];
  /** Largest body accepted, in bytes: a paste is at most 1 MiB, Slack's own cap a little more. */
  bodyLimit?: number;
}

const EVENTS_PATH = '/slack/events';
const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Bolt's HTTP receiver with a guard in front of it: every request to /slack/events is read, its
 * signature and age checked and its shape checked before Bolt parses it, and whatever a request
 * throws is answered 500 for that request alone.
 */
export class GuardedHttpReceiver implements Receiver {
  readonly #inner: HTTPReceiver;
  readonly #options: GuardedReceiverOptions;
  #server: Server | undefined;

  constructor(options: GuardedReceiverOptions) {
    this.#options = options;
    this.#inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      logger: options.logger,
      processBeforeResponse: options.processBeforeResponse ?? false,
      customRoutes: options.customRoutes ?? [],
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    });
  }

  init(app: App): void {
    this.#inner.init(app);
  }

  start(listen: ListenOptions | number = 3000): Promise<Server> {
    const server = createServer((req, res) => void this.#handle(req, res));
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
    const { logger } = this.#options;
    try {
      const path = new URL(req.url ?? '/', 'http://certcheck').pathname;
      if (req.method === 'POST' && path === EVENTS_PATH) {
        const body = await readBody(req, this.#options.bodyLimit ?? DEFAULT_BODY_LIMIT);
        if (!body) return void res.writeHead(413).end();
        const verdict = guardSlackRequest(
          {
            rawBody: body.toString('utf8'),
            contentType: header(req, 'content-type'),
            timestamp: header(req, 'x-slack-request-timestamp'),
            signature: header(req, 'x-slack-signature'),
          },
          this.#options.signingSecret,
          Math.floor(this.#options.now().getTime() / 1000),
        );
        if (!verdict.ok) {
          logger.warn(`refused a request to ${EVENTS_PATH} (${verdict.status}): ${verdict.reason}`);
          return void res.writeHead(verdict.status).end();
        }
        // Bolt reads a body already read from here instead of the spent stream.
        Object.assign(req, { rawBody: body });
      }
      this.#inner.requestListener(req, res);
    } catch (error) {
      // A path nobody serves (a scanner, a probe the deployment does not use): not an error of ours.
      if (error instanceof HTTPReceiverDeferredRequestError) {
        if (!res.headersSent) res.writeHead(404);
        return void res.end();
      }
      logger.error(`request failed before reaching a listener: ${describeError(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The whole body, or undefined when it outgrows `limit` (the connection is then answered 413). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
