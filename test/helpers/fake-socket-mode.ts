import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's side of Socket Mode on loopback: greets each connection with `hello`, sends envelopes,
 * records what the app sends back (its acks) and can drop the connection as Slack does when it
 * recycles a server.
 */
export interface FakeSocketMode {
  /** The ws:// URL apps.connections.open hands out. */
  readonly url: string;
  /** Connections opened so far (a reconnection adds one). */
  readonly connections: number;
  /** Messages the app sent, parsed. */
  readonly received: Record<string, unknown>[];
  /** Resolves once `count` connections have been greeted. */
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  /** Sends an envelope on the newest connection; resolves with the app's ack for it. */
  send(envelope: {
    envelope_id: string;
    type: string;
    payload: object;
    accepts_response_payload?: boolean;
  }): Promise<Record<string, unknown>>;
  /** Cuts the newest connection without a goodbye. */
  drop(): void;
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const sockets: WebSocket[] = [];
  const received: Record<string, unknown>[] = [];
  const wake = new Set<() => void>();
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      received.push(JSON.parse(data.toString()) as Record<string, unknown>);
      for (const w of wake) w();
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }));
    for (const w of wake) w();
  });
  const until = (done: () => boolean, what: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        wake.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        wake.delete(check);
        reject(new Error(`fake Socket Mode: ${what} did not happen within ${timeoutMs} ms`));
      }, timeoutMs);
      wake.add(check);
      check();
    });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    get connections() {
      return sockets.length;
    },
    received,
    waitForConnections: (count, timeoutMs = 15_000) =>
      until(() => sockets.length >= count, `${count} connection(s)`, timeoutMs),
    async send(envelope) {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('fake Socket Mode: no connection');
      socket.send(JSON.stringify(envelope));
      const acked = () => received.find((m) => m.envelope_id === envelope.envelope_id);
      await until(() => acked() !== undefined, `the ack of ${envelope.envelope_id}`, 5000);
      return acked() ?? {};
    },
    drop() {
      sockets.at(-1)?.terminate();
    },
    async close() {
      // A closing handshake for each open connection, so the client's close timer does not linger.
      await Promise.all(
        sockets.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.readyState === s.CLOSED) return resolve();
              const timer = setTimeout(() => {
                s.terminate();
                resolve();
              }, 1000);
              s.once('close', () => {
                clearTimeout(timer);
                resolve();
              });
              if (s.readyState === s.OPEN) s.close(1000);
            }),
        ),
      );
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
