import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrations } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { storeContract } from './store-contract.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';

const dir = tempDir('store');

storeContract('SQLite', async () => openSqliteStore(tempDatabasePath(dir)));

test('creates the database and its folder on first run, in WAL mode, at the latest schema version', async () => {
  const path = join(dir, 'nested', 'deeper', 'certcheck.db');
  const store = openSqliteStore(path);
  try {
    assert.ok(existsSync(path));
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    const version = store.db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number };
    assert.equal(version.v, migrations.at(-1)!.version);
  } finally {
    await store.close();
  }
  const reopened = openSqliteStore(path);
  try {
    const rows = reopened.db.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number };
    assert.equal(rows.n, migrations.length, 'migrations run once');
  } finally {
    await reopened.close();
  }
});
