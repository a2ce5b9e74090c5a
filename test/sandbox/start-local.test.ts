import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SANDBOX_DATABASE_PATH, wantsSandbox } from '../../src/sandbox/guard.js';
import { startLocalSandbox } from '../../src/sandbox/start-local.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';

const dir = tempDir('sandbox');

function lines() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l: string) => void out.push(l), error: (l: string) => void err.push(l) };
}

function get(host: string, port: number, path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers: { host: `localhost:${port}` } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm start without Slack tokens', () => {
  test('the sandbox is wanted only with no SLACK_* variable and no .env', () => {
    assert.equal(wantsSandbox({ PORT: '3000', PATH: '/usr/bin' }, false), true);
    assert.equal(wantsSandbox({ SLACK_BOT_TOKEN: '' }, false), true);
    assert.equal(wantsSandbox({ SLACK_BOT_TOKEN: 'xoxb-1' }, false), false);
    assert.equal(wantsSandbox({ SLACK_SIGNING_SECRET: 's' }, false), false);
    assert.equal(wantsSandbox({}, true), false);
  });

  for (const [name, env] of [
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['a Postgres DATABASE_URL', { DATABASE_URL: 'postgres://certcheck:pw@db:5432/certcheck' }],
    ['a postgresql: DATABASE_URL', { DATABASE_URL: 'postgresql://db/certcheck' }],
  ] as const) {
    test(`refuses to serve the page with ${name}`, async () => {
      const out = lines();
      const databasePath = tempDatabasePath(dir);
      const result = await startLocalSandbox({
        env: { ...env, PORT: '0' },
        clock: () => new Date(),
        databasePath,
        ...out,
      });
      assert.deepEqual(result, { ok: false, code: 1 });
      assert.match(out.err.join('\n'), /will not start.*(production|Postgres)/);
      assert.equal(existsSync(databasePath), false, 'no database was opened');
    });
  }

  test('serves the page on both loopback addresses, prints one line with the URL, stops cleanly', async () => {
    const out = lines();
    const databasePath = join(dir, 'sandbox.db');
    const result = await startLocalSandbox({ env: { PORT: '0' }, clock: () => new Date(), databasePath, ...out });
    assert.ok(result.ok);
    try {
      const { port, url } = result.sandbox;
      assert.equal(url, `http://localhost:${port}/`);
      assert.deepEqual(out.err, []);
      assert.equal(out.out.filter((l) => l.includes(url)).length, 1);
      for (const host of ['127.0.0.1', '::1']) {
        const page = await get(host, port);
        assert.equal(page.status, 200, host);
        assert.match(page.body, /<textarea id="composer-input"/);
      }
      // Not on any other address this machine has: connecting there is refused.
      const outside = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && !i.internal && i.family === 'IPv4');
      if (outside) {
        await assert.rejects(get(outside.address, port), /ECONNREFUSED/, `reachable on ${outside.address}`);
      }
      assert.ok(existsSync(databasePath), 'its own SQLite file');
      assert.notEqual(SANDBOX_DATABASE_PATH, './data/certcheck.db');
    } finally {
      await result.stop();
    }
  });
});
