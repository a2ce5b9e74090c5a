import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.js';
import type { Store } from './store/store.js';
import { withinTime } from './within-time.js';

/**
 * The operations endpoints, as routes any HTTP server can mount (Bolt's customRoutes take them as
 * they are; METRICS_PORT serves them on a port of their own):
 * - `/livez`: the process answers (liveness: restart it when this fails);
 * - `/readyz`: it can take Slack traffic, even with the database down, since diagnoses need none;
 *   503 once it drains (readiness: send it no new requests);
 * - `/healthz`: full health for monitoring: 503 with the reason when the database does not answer
 *   within a few seconds, never hanging;
 * - `/metrics`: Prometheus text format.
 */

export interface OpsRoute {
  path: string;
  method: 'GET';
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export const PROBE_PATHS = {
  liveness: '/livez',
  readiness: '/readyz',
  health: '/healthz',
  metrics: '/metrics',
} as const;

export interface HealthOptions {
  store: Pick<Store, 'ping'>;
  /** The longest /healthz waits for the database; under 5 s so a monitor's 5 s timeout sees the 503. */
  timeoutMs?: number;
  /** True once SIGTERM arrived: /readyz says 503 so the load balancer stops sending requests. */
  draining?: () => boolean;
}

const DEFAULT_TIMEOUT_MS = 4000;

export function healthRoutes(options: HealthOptions): OpsRoute[] {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return [
    { path: PROBE_PATHS.liveness, method: 'GET', handler: (_req, res) => send(res, 200, { status: 'ok' }) },
    {
      path: PROBE_PATHS.readiness,
      method: 'GET',
      handler: (_req, res) =>
        options.draining?.() ? send(res, 503, { status: 'draining' }) : send(res, 200, { status: 'ok' }),
    },
    {
      path: PROBE_PATHS.health,
      method: 'GET',
      handler: (_req, res) => {
        void databaseHealth(options.store, timeoutMs).then((database) =>
          send(res, database === 'ok' ? 200 : 503, {
            status: database === 'ok' ? (options.draining?.() ? 'draining' : 'ok') : 'degraded',
            database,
          }),
        );
      },
    },
  ];
}

export function metricsRoute(metrics: Metrics): OpsRoute {
  return {
    path: PROBE_PATHS.metrics,
    method: 'GET',
    handler: (_req, res) => {
      metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
      );
    },
  };
}

/** 'ok', or why the database is not usable: the pool's error, or that it did not answer in time. */
async function databaseHealth(store: Pick<Store, 'ping'>, timeoutMs: number): Promise<string> {
  return withinTime(
    store.ping().then(
      () => 'ok',
      (error: unknown) => `unreachable: ${error instanceof Error ? error.message : String(error)}`,
    ),
    timeoutMs,
    () => `unreachable: no answer within ${timeoutMs} ms`,
  );
}

function send(res: ServerResponse, status: number, body: Record<string, string>) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `routes` alone on `port` (METRICS_PORT: metrics and probes off the port Slack reaches). */
export async function startOpsServer(port: number, routes: OpsRoute[], host?: string): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
