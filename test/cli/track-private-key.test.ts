import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { corpusText } from '../helpers/cert-fixtures.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';

const dir = tempDir('track-key');
const WITH_KEY = corpusText('p08-pem-with-private-key.txt');
const THUMBPRINT = '410825C0258EA95C7E868B454F9A06DC56550B05';
/** Lines of the key body: none may reach standard output, standard error or the database. */
const KEY_LINES =
  WITH_KEY.split('-----BEGIN PRIVATE KEY-----')[1]
    ?.split('\n')
    .filter((l) => l.length > 40) ?? [];

async function track(argv: string[], stdin: string, dbPath: string) {
  const io = captureIo({ now: REFERENCE_NOW, stdin, env: { DATABASE_URL: `file:${dbPath}`, CERTCHECK_LANG: 'en' } });
  const code = await runCli(['track', ...argv], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** Every byte SQLite wrote for the store (the database and any journal beside it). */
function storedBytes(dbPath: string): string {
  const folder = join(dbPath, '..');
  return readdirSync(folder)
    .filter((f) => f.startsWith(dbPath.slice(folder.length + 1)))
    .map((f) => readFileSync(join(folder, f)).toString('latin1'))
    .join('');
}

test('track warns on standard error when the paste held a private key, and says so in --json; the key is not stored', async () => {
  assert.ok(KEY_LINES.length > 10, 'the fixture holds a key body');
  const dbPath = tempDatabasePath(join(dir, 'data'));
  const text = await track([], WITH_KEY, dbPath);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, new RegExp(THUMBPRINT));
  assert.match(
    text.err,
    /^certcheck track: The paste contains a private key\. certcheck did not store, log or show it\./,
  );
  assert.match(text.err, /Treat it as exposed/);
  const json = await track(['--json'], WITH_KEY, dbPath);
  assert.equal(json.code, 0, json.err);
  const parsed = JSON.parse(json.out) as { privateKeyIgnored: boolean; tracked: { thumbprint: string }[] };
  assert.equal(parsed.privateKeyIgnored, true);
  assert.deepEqual(
    parsed.tracked.map((t) => t.thumbprint),
    [THUMBPRINT],
  );
  assert.match(json.err, /private key/);
  assert.ok(existsSync(dbPath));
  const stored = storedBytes(dbPath);
  assert.match(stored, new RegExp(THUMBPRINT), 'the control: the certificate itself is stored');
  for (const line of KEY_LINES) {
    assert.ok(!stored.includes(line), 'no line of the key in the database');
    assert.ok(!(text.out + text.err + json.out + json.err).includes(line), 'no line of the key in the output');
  }
});

test('without a key: no warning, and privateKeyIgnored is false', async () => {
  const certificateOnly = WITH_KEY.split('-----BEGIN PRIVATE KEY-----')[0] ?? '';
  const dbPath = tempDatabasePath(join(dir, 'data'));
  const json = await track(['--json'], certificateOnly, dbPath);
  assert.equal(json.code, 0, json.err);
  assert.equal((JSON.parse(json.out) as { privateKeyIgnored: boolean }).privateKeyIgnored, false);
  assert.equal(json.err, '');
});
