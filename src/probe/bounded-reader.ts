import type { Socket } from 'node:net';
import type { ProbeStage } from '../core/probe/observation.js';
import { ProbeError } from './probe-error.js';

/** Says how many of the complete lines so far make up the awaited response, or undefined if not yet. */
export type ResponseEnd = (lines: readonly string[]) => number | undefined;

/**
 * Reads the plain-text dialogue before TLS, line by line, never more than `maxBytes` in all: a
 * server that sends an endless banner ends the probe with a finding instead of filling memory.
 */
export class BoundedReader {
  private buffer = '';
  private received = 0;
  private waiter:
    | { stage: ProbeStage; end: ResponseEnd; resolve(lines: string[]): void; reject(e: Error): void }
    | undefined;
  private failure: ProbeError | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly maxBytes: number,
    /** Told where the dialogue is, so a time-out can say it. */
    private readonly onStage: (stage: ProbeStage) => void,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
  }

  /** The next response, in full. */
  response(stage: ProbeStage, end: ResponseEnd): Promise<string[]> {
    this.onStage(stage);
    if (this.failure) return Promise.reject(this.failure.at(stage));
    return new Promise((resolve, reject) => {
      this.waiter = { stage, end, resolve, reject };
      this.check();
    });
  }

  /** Lets go of the socket before TLS takes it over; anything still buffered would be a server injecting bytes. */
  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
  }

  /** A socket error, reported to whoever waits. */
  fail(error: ProbeError): void {
    this.failure ??= error;
    this.rejectWaiter();
  }

  private readonly onData = (chunk: Buffer): void => {
    this.received += chunk.length;
    if (this.received > this.maxBytes) {
      this.socket.pause();
      this.fail(new ProbeError({ kind: 'flood', stage: this.waiter?.stage ?? 'greeting' }));
      return;
    }
    // Latin-1 keeps every byte as one character: a banner in any encoding is shown, never mis-split.
    this.buffer += chunk.toString('latin1');
    this.check();
  };

  private readonly onEnd = (): void => {
    this.fail(new ProbeError({ kind: 'closed', stage: this.waiter?.stage ?? 'greeting' }));
  };

  private rejectWaiter(): void {
    const waiter = this.waiter;
    if (!waiter || !this.failure) return;
    this.waiter = undefined;
    waiter.reject(this.failure.at(waiter.stage));
  }

  private check(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const complete = this.buffer.lastIndexOf('\n');
    if (complete < 0) return;
    const lines = this.buffer
      .slice(0, complete)
      .split('\n')
      .map((line) => line.replace(/\r$/, ''));
    const count = waiter.end(lines);
    if (count === undefined) return;
    const taken = lines.slice(0, count);
    let consumed = 0;
    for (let i = 0; i < count; i++) consumed = this.buffer.indexOf('\n', consumed) + 1;
    this.buffer = this.buffer.slice(consumed);
    this.waiter = undefined;
    waiter.resolve(taken);
  }
}
