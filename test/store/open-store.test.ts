import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseLocation, redactedDatabaseUrl } from '../../src/store/open-store.js';

test('DATABASE_URL chooses the store: file: is SQLite, postgres:// and postgresql:// are Postgres', () => {
  assert.deepEqual(databaseLocation('file:./data/certcheck.db'), { kind: 'sqlite', path: './data/certcheck.db' });
  assert.deepEqual(databaseLocation('file:///var/lib/c.db'), { kind: 'sqlite', path: '/var/lib/c.db' });
  assert.deepEqual(databaseLocation('/tmp/bare.db'), { kind: 'sqlite', path: '/tmp/bare.db' });
  const pgUrl = 'postgresql://certcheck:s3cret@db:5432/certcheck?sslmode=verify-full&sslrootcert=/etc/ca.pem';
  assert.deepEqual(databaseLocation(pgUrl), { kind: 'postgres', url: pgUrl });
  assert.equal(databaseLocation('postgres://db/certcheck').kind, 'postgres');
});

test('a Postgres password never reaches a message', () => {
  assert.equal(
    redactedDatabaseUrl('postgres://certcheck:s3cret@db:5432/certcheck?sslmode=require'),
    'postgres://certcheck:***@db:5432/certcheck?sslmode=require',
  );
  assert.equal(redactedDatabaseUrl('file:./data/certcheck.db'), 'file:./data/certcheck.db');
});
