import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../../src/store/open-store.js';
import { type DigestSlack, startDigestSlack } from '../helpers/digest-slack.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../helpers/postgres.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { aCertificate } from '../store/store-contract.js';

/**
 * `certcheck remind` as separate processes on one database, as replicas and cron jobs run it:
 * one digest per channel whatever the races, kills and lost posts.
 */

const NOW = '2026-11-30T09:00:00.000Z';
const LATER = '2026-11-30T09:16:00.000Z';
const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli.ts');
const unavailable = postgresUnavailable();
const dir = tempDir('remind-processes');

let server: PostgresServer | undefined;
before(async () => {
  if (!unavailable) server = await startPostgres();
});
after(async () => {
  await server?.stop();
});

const CHANNELS = ['C0OPS', 'C0WEB', 'C0MAIL'];

/** Six certificates due today across three channels. */
async function seed(url: string): Promise<void> {
  const store = openStore(url);
  try {
    for (let i = 0; i < 6; i++) {
      await store.track(
        aCertificate({
          thumbprint: `${i + 1}`.repeat(40),
          subject: `CN=host${i}.contoso.com`,
          notAfter: `2026-12-0${i + 1}T00:00:00.000Z`,
          channel: CHANNELS[i % CHANNELS.length]!,
        }),
      );
    }
  } finally {
    await store.close();
  }
}

interface RemindResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function remind(
  url: string,
  slack: DigestSlack,
  now: string,
  extra: string[] = [],
): { child: ChildProcess; done: Promise<RemindResult> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'remind', '--now', now, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      SLACK_BOT_TOKEN: FAKE_BOT.token,
      SLACK_API_URL: slack.apiUrl,
      REMINDER_CHANNEL: '',
      REMINDER_DAYS: '',
      REMINDER_TZ: 'UTC',
      CERTCHECK_LANG: 'en',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const done = new Promise<RemindResult>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

function digestsPerChannel(slack: DigestSlack): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of slack.delivered) counts[m.channel] = (counts[m.channel] ?? 0) + 1;
  return counts;
}

async function assertEverythingConfirmedOnce(url: string, slack: DigestSlack) {
  assert.deepEqual(digestsPerChannel(slack), { C0OPS: 1, C0WEB: 1, C0MAIL: 1 }, 'one digest per channel');
  const store = openStore(url);
  try {
    const ledger = await store.ledger();
    assert.equal(ledger.length, 6, 'one reminder per certificate');
    const delivered = new Set(slack.delivered.map((m) => m.ts));
    assert.ok(
      ledger.every((e) => e.messageTs !== undefined && delivered.has(e.messageTs)),
      'each confirmed with the ts of the digest Slack shows',
    );
  } finally {
    await store.close();
  }
}

const databases: [string, () => Promise<string>, string | false][] = [
  ['Postgres', () => server!.newDatabase(), unavailable ?? false],
  ['SQLite', async () => `file:${tempDatabasePath(dir)}`, false],
];

for (const [kind, newDatabase, skip] of databases) {
  describe(`certcheck remind processes on ${kind}`, { skip }, () => {
    test('four runs at the same instant against a slow Slack: one digest per channel, the losers say they skipped and exit 0', async () => {
      const url = await newDatabase();
      await seed(url);
      const slack = await startDigestSlack();
      try {
        slack.setDelay(400);
        const runs = await Promise.all(Array.from({ length: 4 }, () => remind(url, slack, NOW, ['--json']).done));
        for (const r of runs) assert.equal(r.code, 0, r.stderr);
        await assertEverythingConfirmedOnce(url, slack);
        const reports = runs.map(
          (r) => JSON.parse(r.stdout) as { due: unknown[]; sent: { thumbprints: string[] }[]; skipped: string[] },
        );
        const sent = reports.flatMap((r) => r.sent.flatMap((s) => s.thumbprints));
        assert.equal(sent.length, 6, 'every reminder sent by exactly one run');
        assert.equal(new Set(sent).size, 6);
        for (const r of reports) {
          // A run that started after the winner committed finds nothing due; one that raced it skips.
          assert.equal(r.sent.flatMap((s) => s.thumbprints).length + r.skipped.length, r.due.length, 'sent or skipped');
        }
        const rerun = await remind(url, slack, LATER).done;
        assert.equal(rerun.code, 0, rerun.stderr);
        assert.equal(slack.delivered.length, 3, 'a later run sends nothing more');
      } finally {
        await slack.close();
      }
    });
  });
}

describe('certcheck remind killed with its post in flight (Postgres)', { skip: unavailable ?? false }, () => {
  test('delivered but unanswered: the rerun finds it in the channel history and sends no second copy', async () => {
    const url = await newPgDatabase();
    await seed(url);
    const slack = await startDigestSlack();
    try {
      slack.deliverAndHold();
      const killed = remind(url, slack, NOW);
      await slack.waitForPosts(1);
      killed.child.kill('SIGKILL');
      assert.equal((await killed.done).signal, 'SIGKILL');
      assert.equal(slack.delivered.length, 1);

      const early = await remind(url, slack, '2026-11-30T09:05:00.000Z').done;
      assert.equal(early.code, 0, early.stderr);
      assert.equal(slack.delivered.length, 1, 'claims under a live lease are left alone');

      const rerun = await remind(url, slack, LATER, ['--json']).done;
      assert.equal(rerun.code, 0, rerun.stderr);
      const report = JSON.parse(rerun.stdout) as { reconciled: { confirmed: number; released: number } };
      assert.deepEqual(
        report.reconciled,
        { confirmed: 2, released: 4 },
        'the delivered digest confirmed, the rest freed',
      );
      await assertEverythingConfirmedOnce(url, slack);
    } finally {
      await slack.close();
    }
  });

  test('lost (never delivered, answered 500): the rerun delivers exactly one', async () => {
    const url = await newPgDatabase();
    await seed(url);
    const slack = await startDigestSlack();
    try {
      slack.loseAndHold();
      const killed = remind(url, slack, NOW);
      await slack.waitForPosts(1);
      killed.child.kill('SIGKILL');
      await killed.done;
      assert.equal(slack.delivered.length, 0);

      const rerun = await remind(url, slack, LATER, ['--json']).done;
      assert.equal(rerun.code, 0, rerun.stderr);
      const report = JSON.parse(rerun.stdout) as { reconciled: { confirmed: number; released: number } };
      assert.deepEqual(report.reconciled, { confirmed: 0, released: 6 });
      await assertEverythingConfirmedOnce(url, slack);
    } finally {
      await slack.close();
    }
  });
});

function newPgDatabase(): Promise<string> {
  return server!.newDatabase();
}
