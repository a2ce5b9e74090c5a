import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { RunRemindersOptions } from '../../src/reminders/runner.js';
import { DIGEST_EVENT_TYPE } from '../../src/slack/slack-notifier.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { at } from '../helpers/clock.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { runThroughSlack } from '../helpers/reminder-run.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { aCertificate } from '../store/store-contract.js';

const NOW = at('2026-11-30T09:00:00Z');
const EXPIRED = 'E'.repeat(40);
const SOON = '5'.repeat(40);
const dir = tempDir('slack-notifier');

describe('reminders through the Slack Web API (fake)', () => {
  let slack: FakeSlack;
  let store: Store;
  before(async () => {
    slack = await startFakeSlack();
  });
  after(async () => {
    await slack.close();
  });
  // Closed after every test, passed or failed: an open SQLite handle would keep the file busy.
  afterEach(() => store.close());
  beforeEach(async () => {
    slack.reset();
    store = openSqliteStore(tempDatabasePath(dir));
    await store.track(
      aCertificate({
        thumbprint: EXPIRED,
        subject: 'CN=EXHUB01',
        services: ['SMTP', 'IMAP', 'POP'],
        notAfter: '2026-10-01T08:12:00.000Z',
      }),
    );
    await store.track(
      aCertificate({ thumbprint: SOON, subject: 'CN=owa.northwind.example', notAfter: '2026-12-05T00:00:00.000Z' }),
    );
  });

  const run = (s: Store, overrides: Partial<RunRemindersOptions> = {}) => {
    const slept: number[] = [];
    return {
      slept,
      result: runThroughSlack(s, slack.apiUrl, NOW, {
        timeZone: 'Asia/Tokyo',
        nextRun: at('2026-12-01T00:00:00Z'),
        sleep: async (ms) => void slept.push(ms),
        ...overrides,
      }),
    };
  };

  test('a 429 with Retry-After: waits that long, then one digest, within Block Kit limits, with metadata', async () => {
    slack.fail('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 2 });
    const { slept, result } = run(store);
    const report = await result;
    assert.deepEqual(slept, [2000]);
    const posts = slack.callsTo('chat.postMessage');
    assert.equal(posts.length, 2, 'the rate-limited attempt and the one that went through');
    const sent = posts[1]!.params;
    assert.equal(sent.channel, 'C0OPS');
    assert.match(String(sent.text), /2 need attention\. Most urgent: EXHUB01 — expired 61 days ago/);
    const blocks = sent.blocks as { type: string; text?: { text: string } }[];
    assert.equal(blocks[0]!.text!.text, 'Certificate reminders — 2 need attention');
    assert.match(blocks[1]!.text!.text, /🔴 \*EXHUB01\* \(SMTP, IMAP, POP\) — expired 61 days ago .* · `EEEE…EEEE`/);
    assert.match(blocks[3]!.text!.text, /🟠 \*owa\.northwind\.example\* .* expires in 4 days/);
    assert.match(
      blocks.at(-1)!.text?.text ?? JSON.stringify(blocks.at(-1)),
      /Next reminder for these: 1 Dec 2026 09:00 \(Asia\/Tokyo\)/,
    );
    assert.deepEqual((sent.metadata as { event_type: string }).event_type, DIGEST_EVENT_TYPE);
    assert.deepEqual(slack.violations, []);
    assert.equal(report.sent[0]!.ts, '1700000000.000001');
  });

  test('killed between send and confirm: the next run finds the digest in conversations.history and sends nothing twice', async () => {
    // The real store, except that recording the sent message dies (the process killed there).
    const crashing: Store = Object.create(store);
    crashing.confirm = async () => {
      throw new Error('killed');
    };
    await assert.rejects(run(crashing).result, /killed/);
    assert.equal(slack.callsTo('chat.postMessage').length, 1);
    const next = await run(store, { now: at('2026-11-30T09:20:00Z') }).result;
    const ledger = await store.ledger();
    assert.deepEqual(next.reconciled, { confirmed: 2, released: 0 });
    assert.equal(slack.callsTo('conversations.history').length, 1);
    assert.equal(slack.callsTo('conversations.history')[0]!.params.include_all_metadata, 'true');
    assert.equal(slack.callsTo('chat.postMessage').length, 1, 'not posted again');
    assert.equal(ledger.length, 2);
    assert.ok(
      ledger.every((e) => e.messageTs !== undefined && e.messageTs === ledger[0]!.messageTs),
      'both on the one digest',
    );
  });

  test('5xx three times then refused for good: released, and the run says so', async () => {
    slack.fail('chat.postMessage', { kind: 'http', status: 503 }, 3);
    const { slept, result } = run(store, { retries: 2 });
    const report = await result;
    const ledger = await store.ledger();
    assert.deepEqual(slept, [1000, 2000]);
    assert.equal(slack.callsTo('conversations.history').length, 2, 'looked for a lost post before each retry');
    assert.equal(report.failed.length, 1);
    assert.deepEqual(ledger, []);
  });

  test('two replicas on one SQLite file post each reminder once', async () => {
    const path = tempDatabasePath(dir);
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    try {
      await a.track(aCertificate({ thumbprint: EXPIRED, notAfter: '2026-10-01T08:12:00.000Z' }));
      await a.track(aCertificate({ thumbprint: SOON, notAfter: '2026-12-05T00:00:00.000Z', channel: 'C0WEB' }));
      await Promise.all([run(a, { owner: 'a' }).result, run(b, { owner: 'b' }).result]);
      const posted = slack
        .callsTo('chat.postMessage')
        .map((c) => c.params.channel)
        .sort();
      assert.deepEqual(posted, ['C0OPS', 'C0WEB']);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
