import type { ServerResponse } from 'node:http';
import { type Logger, ReceiverMultipleAckError } from '@slack/bolt';

/** What a listener may ack with: nothing, a text, or a message (sent as JSON). */
export type AckBody = string | Record<string, unknown> | undefined;

/** Slack waits 3 s for an ack: past that, the request is answered 404, as Bolt's own receiver does. */
export const ACK_TIMEOUT_MS = 3001;

/**
 * The ack of one request: sent at once, or (processBeforeResponse, in tests) kept until the
 * listener finished. A request nobody acks within Slack's 3 s is answered 404 and logged.
 */
export class HttpAck {
  #acknowledged = false;
  #stored: { body: AckBody } | undefined;
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    logger: Logger,
    private readonly processBeforeResponse: boolean,
    timeoutMs = ACK_TIMEOUT_MS,
  ) {
    this.#timer = setTimeout(() => {
      if (this.#acknowledged) return;
      logger.error('An incoming event was not acknowledged within 3 seconds. Ensure that ack() is called in a listener.');
      if (!res.headersSent) res.writeHead(404).end();
    }, timeoutMs);
  }

  /** Bolt's ack() for the listener. */
  readonly ack = async (body?: AckBody): Promise<void> => {
    if (this.#acknowledged) throw new ReceiverMultipleAckError();
    this.#acknowledged = true;
    clearTimeout(this.#timer);
    if (this.processBeforeResponse) this.#stored = { body };
    else send(this.res, body);
  };

  get acknowledged(): boolean {
    return this.#acknowledged;
  }

  /** Once the listener is done: the kept ack goes out now (processBeforeResponse). */
  flush(): void {
    if (this.#stored && !this.res.headersSent) send(this.res, this.#stored.body);
    this.#stored = undefined;
  }

  /** Stops the 3-second timer, for a request answered some other way (an error). */
  settle(): void {
    this.#acknowledged = true;
    clearTimeout(this.#timer);
  }
}

/** One serialisation of the ack body, written with its length. */
export function send(res: ServerResponse, body: AckBody): void {
  if (res.headersSent) return;
  if (body === undefined || body === '') return void res.writeHead(200).end();
  if (typeof body === 'string') return void res.writeHead(200).end(body);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
