import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ResponseSink {
  url: string;
  /** How many posts arrived so far. */
  count(): number;
  /** Resolves once `n` posts have arrived in all. */
  until(n: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Slack's side of the app's answers: response_url posts, counted and dropped. A bare server
 * rather than the test fake, whose Block Kit checks would be charged to certcheck.
 */
export async function startResponseSink(): Promise<ResponseSink> {
  let count = 0;
  let waiting: { n: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200).end('ok');
      count++;
      const done = waiting.filter((w) => count >= w.n);
      waiting = waiting.filter((w) => count < w.n);
      for (const w of done) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/response/bench`,
    count: () => count,
    until: (n) => new Promise<void>((resolve) => (count >= n ? resolve() : waiting.push({ n, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
