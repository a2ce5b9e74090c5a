import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { type RunRemindersOptions, runReminders } from '../../src/reminders/runner.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { at } from '../helpers/clock.js';
import { reminderOptions } from '../helpers/reminder-run.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { aCertificate } from '../store/store-contract.js';
import { createFakeNotifier, rateLimited, refused, serverError } from './fake-notifier.js';

const NOW = at('2026-11-30T09:00:00Z');
const EXPIRED = 'E'.repeat(40);
const SOON = '5'.repeat(40);
const LATER = 'A'.repeat(40);
const dir = tempDir('runner');

async function seed(store: Store) {
  await store.track(
    aCertificate({ thumbprint: LATER, subject: 'CN=mail.contoso.com', notAfter: '2026-12-20T00:00:00.000Z' }),
  );
  await store.track(aCertificate({ thumbprint: EXPIRED, subject: 'CN=EXHUB01', notAfter: '2026-10-01T08:12:00.000Z' }));
  await store.track(
    aCertificate({
      thumbprint: SOON,
      subject: 'CN=owa.northwind.example',
      notAfter: '2026-12-05T00:00:00.000Z',
      channel: 'C0WEB',
    }),
  );
  await store.track(aCertificate({ thumbprint: 'F'.repeat(40), notAfter: '2028-01-01T00:00:00.000Z' }));
}

function options(
  store: Store,
  notifier: ReturnType<typeof createFakeNotifier>,
  overrides: Partial<RunRemindersOptions> = {},
) {
  const slept: number[] = [];
  const run = reminderOptions({
    store,
    notifier,
    now: NOW,
    owner: 'test-run',
    sleep: async (ms) => void slept.push(ms),
    ...overrides,
  });
  return { run, slept };
}

describe('runReminders', () => {
  let store: Store;
  let notifier: ReturnType<typeof createFakeNotifier>;
  beforeEach(async () => {
    store = createMemoryStore();
    await seed(store);
    notifier = createFakeNotifier();
  });

  test('one digest per channel, most urgent first, recorded with its ts; a second run sends nothing', async () => {
    const report = await runReminders(options(store, notifier).run);
    assert.deepEqual(
      notifier.posted.map((p) => [p.channel, p.digest.items.map((i) => i.subject)]),
      [
        ['C0OPS', ['CN=EXHUB01', 'CN=mail.contoso.com']],
        ['C0WEB', ['CN=owa.northwind.example']],
      ],
    );
    assert.deepEqual(
      notifier.posted[0]!.digest.items.map((i) => i.threshold),
      [null, 30],
    );
    const ledger = await store.ledger();
    assert.equal(ledger.length, 3);
    assert.ok(ledger.every((e) => e.messageTs && e.sentAt && e.confirmedAt && e.batch));
    assert.equal(report.sent.length, 2);
    const again = await runReminders(options(store, notifier, { now: at('2026-11-30T17:00:00Z') }).run);
    assert.deepEqual(again.due, []);
    assert.equal(notifier.posted.length, 2);
  });

  test('dry run: reports what is due and touches nothing', async () => {
    const report = await runReminders(options(store, notifier, { dryRun: true }).run);
    assert.deepEqual(
      report.due.map((d) => [d.channel, d.thumbprint, d.threshold, d.daysLeft]),
      [
        ['C0OPS', EXPIRED, null, -61],
        ['C0WEB', SOON, 7, 4],
        ['C0OPS', LATER, 30, 19],
      ],
    );
    assert.equal(notifier.posted.length, 0);
    assert.deepEqual(await store.ledger(), []);
  });

  test('a 429 waits Retry-After (injected sleep) and the digest goes out once', async () => {
    notifier.failures.push(rateLimited(7));
    const { run, slept } = options(store, notifier);
    const report = await runReminders(run);
    assert.deepEqual(slept, [7000]);
    assert.equal(notifier.posted.length, 2);
    assert.equal(report.failed.length, 0);
  });

  test('5xx until the retries run out: released, reported, and sent by the next run', async () => {
    notifier.failures.push(serverError(), serverError(), serverError());
    const { run, slept } = options(store, notifier, { retries: 2 });
    const report = await runReminders(run);
    assert.deepEqual(slept, [1000, 2000], 'exponential backoff between attempts');
    assert.equal(report.failed.length, 1);
    assert.deepEqual(report.failed[0]!.thumbprints, [EXPIRED, LATER]);
    assert.equal(notifier.posted.length, 1, 'the other channel still got its digest');
    assert.equal((await store.ledger()).length, 1, 'failed claims released');
    const next = await runReminders(options(store, notifier, { now: at('2026-11-30T10:00:00Z') }).run);
    assert.deepEqual(
      next.sent.map((s) => s.thumbprints),
      [[EXPIRED, LATER]],
    );
  });

  test('a refusal (channel_not_found) is not retried and stays due', async () => {
    notifier.failures.push(refused('channel_not_found'));
    const { run, slept } = options(store, notifier);
    const report = await runReminders(run);
    assert.deepEqual(slept, []);
    assert.equal(report.failed[0]?.error, 'channel_not_found');
    const dry = await runReminders(options(store, notifier, { dryRun: true }).run);
    assert.ok(dry.due.some((d) => d.thumbprint === EXPIRED));
  });

  test('a timeout after Slack accepted the post: found by its batch, not posted twice', async () => {
    notifier.postThenFail.push(serverError());
    const report = await runReminders(options(store, notifier).run);
    assert.equal(notifier.posted.length, 2);
    assert.equal(report.sent.length, 2);
    assert.equal((await store.ledger()).filter((e) => e.messageTs === notifier.posted[0]!.ts).length, 2);
  });

  test('a Retry-After longer than the run can wait: released for the next run', async () => {
    notifier.failures.push(rateLimited(3600));
    const { run, slept } = options(store, notifier);
    const report = await runReminders(run);
    assert.deepEqual(slept, []);
    assert.match(report.failed[0]!.error, /retry after 3600 s/);
  });

  test('a channel with more certificates than a message holds gets several messages', async () => {
    const small = createFakeNotifier({ maxItemsPerMessage: 2 });
    for (let i = 0; i < 5; i++) {
      await store.track(
        aCertificate({ thumbprint: `${i}`.repeat(40), notAfter: `2026-12-0${i + 1}T12:00:00.000Z`, channel: 'C0BULK' }),
      );
    }
    await runReminders(options(store, small).run);
    const bulk = small.posted.filter((p) => p.channel === 'C0BULK');
    assert.deepEqual(
      bulk.map((p) => [p.digest.part, p.digest.parts, p.digest.items.length, p.digest.total]),
      [
        [1, 3, 2, 5],
        [2, 3, 2, 5],
        [3, 3, 1, 5],
      ],
    );
    assert.equal(new Set(bulk.map((p) => p.batch)).size, 3);
  });
});

describe('a run killed between send and confirm', () => {
  function crashingConfirm(store: Store): Store {
    let crashes = 1;
    return {
      ...store,
      async confirm(...args) {
        if (crashes-- > 0) throw new Error('killed');
        return store.confirm(...args);
      },
    };
  }

  test('the next run after the lease finds the message in the history and confirms it: nothing twice', async () => {
    const store = createMemoryStore();
    await seed(store);
    const notifier = createFakeNotifier();
    await assert.rejects(runReminders(options(crashingConfirm(store), notifier).run), /killed/);
    assert.equal(notifier.posted.length, 1);

    const during = await runReminders(
      options(store, notifier, { now: at('2026-11-30T09:05:00Z'), owner: 'second' }).run,
    );
    assert.equal(notifier.posted.length, 1, 'claims under a live lease are left to their owner');
    assert.deepEqual(during.reconciled, { confirmed: 0, released: 0 });

    const laterRun = await runReminders(
      options(store, notifier, { now: at('2026-11-30T09:30:00Z'), owner: 'third' }).run,
    );
    assert.deepEqual(laterRun.reconciled, { confirmed: 2, released: 1 }, 'posted batch confirmed, unposted one freed');
    assert.deepEqual(
      notifier.posted.map((p) => p.digest.items.map((i) => i.thumbprint)),
      [[EXPIRED, LATER], [SOON]],
      'no second copy of the first digest; the second channel gets its own',
    );
    const ledger = await store.ledger();
    assert.ok(ledger.every((e) => e.messageTs !== undefined));
    assert.equal(ledger.filter((e) => e.messageTs === notifier.posted[0]!.ts).length, 2);
  });

  test('when Slack has no trace of it, it is released and sent again by the same run', async () => {
    const store = createMemoryStore();
    await seed(store);
    const notifier = createFakeNotifier();
    await assert.rejects(runReminders(options(crashingConfirm(store), notifier).run), /killed/);
    notifier.forget();
    const report = await runReminders(options(store, notifier, { now: at('2026-11-30T09:30:00Z') }).run);
    assert.deepEqual(report.reconciled, { confirmed: 0, released: 3 });
    assert.deepEqual(
      notifier.posted.map((p) => p.digest.items.map((i) => i.thumbprint)),
      [[EXPIRED, LATER], [SOON]],
    );
  });
});

describe('two processes at once on the same SQLite file', () => {
  test('every reminder is posted exactly once, whoever wins each claim', async () => {
    const path = tempDatabasePath(dir);
    const first = openSqliteStore(path);
    const second = openSqliteStore(path);
    try {
      await seed(first);
      const notifier = createFakeNotifier();
      const [a, b] = await Promise.all([
        runReminders(options(first, notifier, { owner: 'replica-a' }).run),
        runReminders(options(second, notifier, { owner: 'replica-b' }).run),
      ]);
      const postedThumbprints = notifier.posted.flatMap((p) => p.digest.items.map((i) => i.thumbprint)).sort();
      assert.deepEqual(postedThumbprints, [EXPIRED, SOON, LATER].sort());
      assert.equal(a.skipped.length + b.skipped.length, 3, 'each due reminder was skipped by the loser');
      const ledger = await first.ledger();
      assert.equal(ledger.length, 3);
      assert.ok(ledger.every((e) => e.messageTs));
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('a live run waiting on Slack keeps its claims', () => {
  test('the heartbeat renews the lease through a long Retry-After: a later run takes nothing over and nothing goes twice', async () => {
    const store = createMemoryStore();
    await seed(store);
    const notifier = createFakeNotifier();
    notifier.failures.push(rateLimited(100));
    let elapsed = 0;
    let during: Awaited<ReturnType<typeof runReminders>> | undefined;
    const first = options(store, notifier, {
      owner: 'waiting',
      leaseMs: 60_000,
      elapsed: () => elapsed,
      sleep: async (ms) => {
        // While this run waits out Retry-After, another run starts after the first lease would have ended.
        during = await runReminders(
          options(store, notifier, { owner: 'later', now: at('2026-11-30T09:01:30Z'), leaseMs: 60_000 }).run,
        );
        elapsed += ms;
      },
    });
    const report = await runReminders(first.run);
    assert.deepEqual(during?.reconciled, { confirmed: 0, released: 0 }, 'the renewed lease was still running');
    assert.deepEqual(during?.sent, []);
    assert.equal(report.sent.length, 2);
    assert.deepEqual(
      notifier.posted.map((p) => p.channel),
      ['C0OPS', 'C0WEB'],
      'one digest per channel',
    );
  });

  test('a run that hung past its lease and was taken over posts nothing of what it lost', async () => {
    const store = createMemoryStore();
    await seed(store);
    const notifier = createFakeNotifier();
    notifier.failures.push(rateLimited(100));
    let later: Awaited<ReturnType<typeof runReminders>> | undefined;
    const hung = options(store, notifier, {
      owner: 'hung',
      leaseMs: 60_000,
      sleep: async () => {
        // The sleep outlasts every lease (a suspended process): a run an hour later takes over and sends.
        later = await runReminders(
          options(store, notifier, { owner: 'later', now: at('2026-11-30T10:00:00Z'), leaseMs: 60_000 }).run,
        );
      },
    });
    const report = await runReminders(hung.run);
    assert.equal(later?.reconciled.released, 3, 'the later run took every unsent claim over');
    assert.deepEqual(
      notifier.posted.map((p) => p.channel).sort(),
      ['C0OPS', 'C0WEB'],
      'each channel got exactly one digest',
    );
    assert.deepEqual(report.sent, []);
    assert.equal(report.skipped.length, 3, 'the hung run reports them as left to another run');
    assert.ok((await store.ledger()).every((e) => e.messageTs !== undefined && e.claimOwner === 'later'));
  });
});

describe('a run asked to stop (SIGTERM drain)', () => {
  test('the post in flight is recorded, nothing more is posted, the rest is given back for the next run', async () => {
    const store = createMemoryStore();
    await seed(store);
    const notifier = createFakeNotifier();
    const draining = new AbortController();
    const stopping: Store = {
      ...store,
      async confirm(...args) {
        // SIGTERM arrives while the first digest is being recorded.
        draining.abort();
        return store.confirm(...args);
      },
    };
    const report = await runReminders(options(stopping, notifier, { signal: draining.signal }).run);
    assert.equal(notifier.posted.length, 1, 'the digest in flight went out, no second one was started');
    assert.equal(report.sent.length, 1);
    assert.equal(report.failed.length, 1);
    assert.match(report.failed[0]!.error, /stopping/);
    const ledger = await store.ledger();
    assert.ok(
      ledger.every((e) => e.messageTs !== undefined),
      'unsent claims were released, not left to a lease',
    );
    const next = await runReminders(options(store, notifier, { now: at('2026-11-30T09:01:00Z'), owner: 'other' }).run);
    assert.equal(next.sent.length, 1, 'another replica sends the rest at once');
    assert.equal(notifier.posted.length, 2);
  });

  test('a Retry-After wait is cut short: released, not posted', async () => {
    const store = createMemoryStore();
    await seed(store);
    const notifier = createFakeNotifier();
    notifier.failures.push(rateLimited(60));
    const draining = new AbortController();
    const report = await runReminders(
      options(store, notifier, {
        signal: draining.signal,
        // The wait never ends on its own: only the drain ends it.
        sleep: () => {
          draining.abort();
          return new Promise(() => {});
        },
      }).run,
    );
    assert.equal(notifier.posted.length, 0);
    assert.equal(
      report.failed.reduce((n, f) => n + f.thumbprints.length, 0),
      3,
    );
    assert.deepEqual(await store.ledger(), []);
  });
});
