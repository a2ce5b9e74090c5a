import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp-db.js';

/** TLS to Postgres set in DATABASE_URL alone: sslmode and the CA file (sslrootcert) reach the driver. */

const unavailable = postgresUnavailable();
const dir = tempDir('pg-tls');

function openssl(args: string[]) {
  const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args[0]}: ${result.stderr}`);
}

/** A CA, a server certificate it signs for 127.0.0.1, and a second CA that signed nothing. */
function certificates() {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const ca of ['ca', 'other-ca']) {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.crt`,
      '-days',
      '2',
      '-subj',
      `/CN=certcheck test ${ca}`,
    ]);
  }
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1',
  ]);
  openssl([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  ]);
  return {
    cert: readFileSync(join(dir, 'server.crt'), 'utf8'),
    key: readFileSync(join(dir, 'server.key'), 'utf8'),
    ca: join(dir, 'ca.crt'),
    otherCa: join(dir, 'other-ca.crt'),
  };
}

describe('Postgres over TLS', { skip: unavailable ?? false }, () => {
  let server: PostgresServer;
  let files: ReturnType<typeof certificates>;
  before(async () => {
    files = certificates();
    server = await startPostgres({ tls: { cert: files.cert, key: files.key } });
  });
  after(async () => {
    await server?.stop();
  });

  test('sslmode=verify-full with sslrootcert: the store connects encrypted, verifying the server', async () => {
    const url = `${await server.newDatabase()}?sslmode=verify-full&sslrootcert=${encodeURIComponent(files.ca)}`;
    const store = openStore(url);
    try {
      await store.ping();
      assert.deepEqual(await store.list(), []);
    } finally {
      await store.close();
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      assert.equal(rows[0]?.ssl, true);
    } finally {
      await client.end();
    }
  });

  test('a CA that did not sign the server is refused', async () => {
    const url = `${await server.newDatabase()}?sslmode=verify-full&sslrootcert=${encodeURIComponent(files.otherCa)}`;
    const store = openStore(url);
    try {
      await assert.rejects(store.ping(), /certificate/i);
    } finally {
      await store.close();
    }
  });
});
