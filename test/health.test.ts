import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { healthRoutes, metricsRoute, PROBE_PATHS, startOpsServer } from '../src/health.js';
import { createMetrics } from '../src/metrics.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from './helpers/postgres.js';
import { at } from './helpers/clock.js';
import { tempDatabasePath, tempDir } from './helpers/temp-db.js';

const unavailable = postgresUnavailable();
const dir = tempDir('health');

async function get(port: number, path: string) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.text(), ms: performance.now() - started };
}

test('on SQLite: live, ready, healthy; /metrics in Prometheus text; ready turns 503 while draining', async () => {
  const store = openStore(`file:${tempDatabasePath(dir)}`);
  let draining = false;
  const metrics = createMetrics({ now: () => at('2026-11-30T09:00:00Z'), trackedCertificates: () => store.list() });
  const ops = await startOpsServer(
    0,
    [...healthRoutes({ store, draining: () => draining }), metricsRoute(metrics)],
    '127.0.0.1',
  );
  try {
    for (const path of [PROBE_PATHS.liveness, PROBE_PATHS.readiness, PROBE_PATHS.health]) {
      assert.equal((await get(ops.port, path)).status, 200, path);
    }
    assert.deepEqual(JSON.parse((await get(ops.port, PROBE_PATHS.health)).body), { status: 'ok', database: 'ok' });
    metrics.slashCommand('list');
    const scraped = await get(ops.port, PROBE_PATHS.metrics);
    assert.equal(scraped.status, 200);
    assert.match(scraped.body, /^certcheck_slash_commands_total\{subcommand="list"\} 1$/m);
    assert.match(scraped.body, /^certcheck_store_up 1$/m);
    draining = true;
    assert.equal((await get(ops.port, PROBE_PATHS.readiness)).status, 503);
    assert.equal((await get(ops.port, PROBE_PATHS.liveness)).status, 200, 'still alive while it drains');
    assert.equal((await get(ops.port, '/nothing')).status, 404);
  } finally {
    await ops.close();
    await store.close();
  }
});

test('a database that hangs: /healthz answers 503 within its timeout, never hangs', async () => {
  const hanging: Pick<Store, 'ping'> = { ping: () => new Promise(() => {}) };
  const ops = await startOpsServer(0, healthRoutes({ store: hanging, timeoutMs: 300 }), '127.0.0.1');
  try {
    const health = await get(ops.port, PROBE_PATHS.health);
    assert.equal(health.status, 503);
    assert.match(JSON.parse(health.body).database, /no answer within 300 ms/);
    assert.equal((await get(ops.port, PROBE_PATHS.readiness)).status, 200);
  } finally {
    await ops.close();
  }
});

describe('on Postgres', { skip: unavailable ?? false }, () => {
  let server: PostgresServer;
  before(async () => {
    server = await startPostgres();
  });
  after(async () => {
    await server.stop();
  });

  test('Postgres stopped: /healthz 503 within 5 s while /readyz stays 200; restarted: 200 again, same process', async () => {
    const store = openStore(await server.newDatabase());
    const ops = await startOpsServer(0, healthRoutes({ store }), '127.0.0.1');
    try {
      assert.equal((await get(ops.port, PROBE_PATHS.health)).status, 200);
      await server.pause();
      const down = await get(ops.port, PROBE_PATHS.health);
      assert.equal(down.status, 503);
      assert.ok(down.ms < 5000, `answered in ${Math.round(down.ms)} ms`);
      assert.equal(JSON.parse(down.body).status, 'degraded');
      assert.match(JSON.parse(down.body).database, /^unreachable: /);
      assert.equal((await get(ops.port, PROBE_PATHS.readiness)).status, 200, 'diagnoses still work');
      await server.resume();
      assert.equal((await get(ops.port, PROBE_PATHS.health)).status, 200);
      assert.deepEqual(await store.list(), []);
    } finally {
      await ops.close();
      await store.close();
    }
  });
});
