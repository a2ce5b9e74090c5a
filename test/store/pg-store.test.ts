import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { pgMigrations } from '../../src/store/pg-migrations.js';
import { openPgStore } from '../../src/store/pg-store.js';
import { openStore } from '../../src/store/open-store.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../helpers/postgres.js';
import { storeContract } from './store-contract.js';

const unavailable = postgresUnavailable();
let server: PostgresServer | undefined;
before(async () => {
  if (!unavailable) server = await startPostgres();
});
after(async () => {
  await server?.stop();
});

storeContract('Postgres', async () => openStore(await server!.newDatabase()), { skip: unavailable ?? false });

describe('Postgres schema', { skip: unavailable ?? false }, () => {
  test('created on first use, migrated once even when replicas start together', async () => {
    const url = await server!.newDatabase();
    const replicas = Array.from({ length: 4 }, () => openPgStore(url));
    try {
      const versions = await Promise.all(replicas.map((r) => r.ready()));
      assert.deepEqual(
        versions,
        replicas.map(() => pgMigrations.at(-1)!.version),
      );
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM schema_version');
        assert.equal(Number(rows[0]!.n), pgMigrations.length, 'each migration recorded once');
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
  });

  test('a store opened while the database is down starts, fails its queries, and recovers without reopening', async () => {
    const url = await server!.newDatabase();
    const store = openPgStore(url);
    try {
      await store.ping();
      await server!.pause();
      await assert.rejects(store.ping());
      await server!.resume();
      await store.ping();
      assert.deepEqual(await store.list(), []);
    } finally {
      await store.close();
    }
  });
});
