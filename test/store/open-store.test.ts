import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
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

test('the configuration accepts a Postgres DATABASE_URL and METRICS_PORT, and names a bad one without echoing it', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgresql://certcheck:s3cret@db:5432/certcheck?sslmode=verify-full',
    METRICS_PORT: '9464',
  });
  assert.equal(config.databaseUrl, 'postgresql://certcheck:s3cret@db:5432/certcheck?sslmode=verify-full');
  assert.equal(config.databasePath, '', 'no SQLite file on Postgres');
  assert.equal(config.metricsPort, 9464);
  assert.equal(loadConfig({}).metricsPort, undefined);
  assert.equal(loadConfig({}).databaseUrl, 'file:./data/certcheck.db');
  try {
    loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/certcheck', METRICS_PORT: 'metrics' });
    assert.fail('should throw');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /DATABASE_URL: a file: URL .* or postgres:\/\//);
    assert.match(error.message, /METRICS_PORT: a port number/);
    assert.doesNotMatch(error.message, /hunter2/);
  }
});
