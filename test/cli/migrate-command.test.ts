import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { stillDue } from '../../src/core/reminders.js';
import { openStore } from '../../src/store/open-store.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../helpers/postgres.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { aCertificate } from '../store/store-contract.js';

const dir = tempDir('migrate');
const unavailable = postgresUnavailable();
let server: PostgresServer | undefined;
before(async () => {
  if (!unavailable) server = await startPostgres();
});
after(async () => {
  await server?.stop();
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  const io = captureIo({ now: REFERENCE_NOW, env });
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** A SQLite store as a team leaves it: active, untracked and renewed certificates, sent and unsent reminders, a snooze. */
async function seededSqlite(): Promise<string> {
  const url = `file:${tempDatabasePath(dir)}`;
  const store = openStore(url);
  try {
    await store.track(aCertificate());
    await store.track(
      aCertificate({ thumbprint: 'A'.repeat(40), notAfter: '2026-12-02T00:00:00.000Z', channel: 'C0WEB' }),
    );
    await store.track(aCertificate({ thumbprint: 'B'.repeat(40), subject: 'CN=old.contoso.com', owner: undefined }));
    await store.track(aCertificate({ thumbprint: 'C'.repeat(40), role: 'auth', estimated: true }));
    await store.untrack('C'.repeat(40), 'U0KEN', '2026-11-29T10:00:00.000Z');
    await store.markRenewed({
      oldThumbprint: 'B'.repeat(40),
      newThumbprint: 'D'.repeat(40),
      by: 'U0AIKO',
      at: '2026-11-29T11:00:00.000Z',
    });
    await store.snooze({
      thumbprint: 'A'.repeat(40),
      until: '2026-12-01T00:00:00.000Z',
      by: 'U0AIKO',
      at: '2026-11-30T09:05:00.000Z',
    });
    const claimed = await store.claim(
      [
        {
          thumbprint: aCertificate().thumbprint,
          slot: 'threshold:14',
          threshold: 14,
          day: '2026-11-30',
          channel: 'C0OPS',
        },
        { thumbprint: 'A'.repeat(40), slot: 'threshold:3', threshold: 3, day: '2026-11-30', channel: 'C0WEB' },
      ],
      { owner: 'cli:1', at: '2026-11-30T09:00:00.000Z', leaseUntil: '2026-11-30T09:15:00.000Z' },
      stillDue,
    );
    await store.assignBatch([claimed[0]!.id], 'batch-1', 'cli:1');
    await store.confirm([claimed[0]!.id], {
      messageTs: '1764493200.000100',
      sentAt: '2026-11-30T09:00:01.000Z',
      confirmedAt: '2026-11-30T09:00:02.000Z',
    });
  } finally {
    await store.close();
  }
  return url;
}

async function snapshotOf(url: string) {
  const store = openStore(url);
  try {
    return await store.exportAll();
  } finally {
    await store.close();
  }
}

const targets: [string, () => Promise<string>, string | false][] = [
  ['Postgres', () => server!.newDatabase(), unavailable ?? false],
  ['SQLite', async () => `file:${tempDatabasePath(dir)}`, false],
];

for (const [kind, newTarget, skip] of targets) {
  describe(`certcheck migrate to ${kind}`, { skip }, () => {
    test('copies everything, and a second run adds nothing', async () => {
      const from = await seededSqlite();
      const to = await newTarget();
      const first = await cli(['migrate', '--from', from, '--to', to, '--json']);
      assert.equal(first.code, 0, first.err);
      const report = JSON.parse(first.out) as { read: Record<string, number>; added: Record<string, number> };
      assert.deepEqual(report.read, { certificates: 4, ledger: 2, snoozes: 1, renewals: 1 });
      assert.deepEqual(report.added, report.read);
      assert.deepEqual(await snapshotOf(to), await snapshotOf(from));

      const second = await cli(['migrate', '--from', from, '--to', to]);
      assert.equal(second.code, 0, second.err);
      assert.match(second.out, /tracked certificates: 4 read, 0 new/);
      assert.match(second.out, /reminder records: 2 read, 0 new/);
      assert.deepEqual(await snapshotOf(to), await snapshotOf(from));
    });
  });
}

test('migrate says what is wrong, never creates an empty source, never shows a password', async () => {
  const missing = join(dir, 'nothing-here.db');
  const noSource = await cli(['migrate', '--from', `file:${missing}`, '--to', 'postgres://u:hunter2@127.0.0.1:1/db']);
  assert.equal(noSource.code, 1);
  assert.match(noSource.err, /does not exist/);
  assert.ok(!existsSync(missing));
  assert.doesNotMatch(noSource.err + noSource.out, /hunter2/);

  const same = await cli(['migrate', '--from', 'file:./a.db', '--to', 'file:a.db']);
  assert.equal(same.code, 1);
  assert.match(same.err, /same store/);

  const neither = await cli(['migrate', '--to', 'mysql://x']);
  assert.equal(neither.code, 1);
  assert.match(neither.err, /--from and --to/);

  const from = await seededSqlite();
  const unreachable = await cli(['migrate', '--from', from, '--to', 'postgres://u:hunter2@127.0.0.1:1/db'], {
    CERTCHECK_LANG: 'ja',
  });
  assert.equal(unreachable.code, 2);
  assert.match(unreachable.err, /コピーできませんでした/);
  assert.doesNotMatch(unreachable.err, /hunter2/);
});
