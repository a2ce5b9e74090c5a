import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { NEAR_MIDNIGHT_PEM, NEAR_MIDNIGHT_THUMBPRINT, NOT_AFTER_UNIX } from '../helpers/near-midnight.js';
import { runThroughSlack } from '../helpers/reminder-run.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import { sendCommand, sendEvent } from '../helpers/slack-request.js';

/**
 * One certificate that expires at 23:30 UTC on 14 June 2026 (08:30 on the 15th in Tokyo), seen on
 * every surface by a team whose reminder zone is Asia/Tokyo: the diagnosis, the track confirmation,
 * `/certcheck list`, App Home, the reminder digest and the CLI. Slack shows it as one date token
 * carrying that instant; where no token renders (a header, a notification) the instant is written
 * in UTC with its time; the CLI shows 15 Jun 08:30 JST. Nowhere a bare "14 Jun" or "15 Jun".
 */

const TEAM_ZONE = 'Asia/Tokyo';

interface Shown {
  /** The unix times of every date token. */
  tokens: number[];
  /** The dates of June 2026 written outside tokens, with what follows them. */
  written: string[];
}

/** What a reader sees of the expiry in a message or view: its date tokens and its written dates. */
function expiryIn(payload: unknown): Shown {
  const text = JSON.stringify(payload);
  const tokens = [...text.matchAll(/<!date\^(\d+)\^\{date_short_pretty\} \{time\}\|([^>]*)>/g)];
  for (const token of tokens) {
    assert.match(
      token[2] ?? '',
      /^(14 Jun 2026 23:30 UTC|2026\/06\/14 23:30 UTC)$/,
      'the token’s fallback is the UTC instant',
    );
  }
  const outside = text.replace(/<!date\^[^>]*>/g, '');
  const written = [...outside.matchAll(/(?:\d{1,2} Jun 2026|2026\/06\/\d\d)(?: \d\d:\d\d \S{3})?/g)].map((m) => m[0]);
  return { tokens: tokens.map((t) => Number(t[1])), written };
}

/** The surface shows the expiry, and only as the instant: tokens of NOT_AFTER, or its UTC time. */
function assertOneInstant(surface: string, payload: unknown): void {
  const { tokens, written } = expiryIn(payload);
  assert.ok(tokens.length + written.length > 0, `${surface}: the expiry is shown`);
  for (const unix of tokens) assert.equal(unix, NOT_AFTER_UNIX, `${surface}: the token carries 23:30 UTC`);
  for (const date of written) {
    assert.match(
      date,
      /^(14 Jun 2026|2026\/06\/14) 23:30 UTC$/,
      `${surface}: a written date says the UTC instant, not '${date}'`,
    );
  }
}

const sendDigests = (store: Store, harness: Harness, lang: 'en' | 'ja') =>
  runThroughSlack(store, harness.fake.apiUrl, REFERENCE_NOW, {
    timeZone: TEAM_ZONE,
    lang,
  });

for (const lang of ['en', 'ja'] as const) {
  describe(`one instant, one date on every surface (${lang}, team zone ${TEAM_ZONE})`, () => {
    const user = lang === 'ja' ? 'U0JA' : 'U0ADMIN';
    let harness: Harness;
    let store: Store;
    before(async () => {
      store = createMemoryStore();
      harness = await startHarness({ tracking: { store, timeZone: TEAM_ZONE } }, { CERTCHECK_LANG: lang });
      if (lang === 'ja') harness.fake.setLocale(user, 'ja-JP');
    });
    after(() => harness.close());

    it('the diagnosis: the countdown, the findings, the header and the notification', async () => {
      const { payload } = await commandReply(harness, { text: NEAR_MIDNIGHT_PEM, user_id: user });
      assertOneInstant('diagnosis', payload);
      const blocks = payload.blocks as { type: string; text?: { text: string }; elements?: { text?: string }[] }[];
      const countdown = blocks.find((b) => b.type === 'context' && b.elements?.[0]?.text?.startsWith('⏱'));
      assert.match(String(countdown?.elements?.[0]?.text), new RegExp(`<!date\\^${NOT_AFTER_UNIX}\\^`));
      // The header is plain text: the instant in UTC, never a bare date a Tokyo reader would misread.
      const header = String(blocks[0]?.text?.text);
      assert.match(header, lang === 'en' ? /\(14 Jun 2026 23:30 UTC\)/ : /2026\/06\/14 23:30 UTC/);
      assert.ok(String(payload.text).includes(header), 'the notification says what the header says');
      const findings = blocks.find(
        (b) => b.type === 'section' && /^\*(What is wrong|何が起きているか)\*/.test(b.text?.text ?? ''),
      );
      assert.match(String(findings?.text?.text), new RegExp(`<!date\\^${NOT_AFTER_UNIX}\\^`));
      assert.deepEqual(harness.fake.violations, []);
    });

    it('the track confirmation, /certcheck list and App Home', async () => {
      harness.fake.reset();
      await sendCommand(harness.url, {
        text: `track ${NEAR_MIDNIGHT_PEM}`,
        channel_id: 'C0OPS',
        user_id: user,
        response_url: harness.fake.responseUrl('track'),
      });
      const tracked = harness.fake.callsTo('response')[0]?.params;
      assert.ok((await store.get(NEAR_MIDNIGHT_THUMBPRINT))?.channel === 'C0OPS', 'tracked');
      assertOneInstant('track', tracked);

      await sendCommand(harness.url, { text: 'list', user_id: user, response_url: harness.fake.responseUrl('list') });
      const list = harness.fake.callsTo('response')[1]?.params;
      assert.match(JSON.stringify(list?.blocks), /mail\.tailspintoys\.com/);
      assertOneInstant('/certcheck list', list?.blocks);

      await sendEvent(harness.url, { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.2' });
      const home = harness.fake.callsTo('views.publish').at(-1)?.params.view;
      assert.match(JSON.stringify(home), /mail\.tailspintoys\.com/);
      assertOneInstant('App Home', home);
      assert.deepEqual(harness.fake.violations, []);
    });

    it('the reminder digest and its notification', async () => {
      harness.fake.reset();
      const report = await sendDigests(store, harness, lang);
      assert.equal(report.sent.length, 1);
      const digest = harness.fake.callsTo('chat.postMessage')[0]?.params;
      assertOneInstant('digest', digest?.blocks);
      assertOneInstant('digest notification', digest?.text);
      assert.deepEqual(harness.fake.violations, []);
    });
  });
}

describe('the command line shows the same instant in the reader’s zone', () => {
  it('--tz Asia/Tokyo: the next day, 08:30 JST; UTC: the 14th, 23:30 UTC (en, ja)', async () => {
    const run = async (argv: string[]) => {
      const io = captureIo({ now: REFERENCE_NOW, stdin: NEAR_MIDNIGHT_PEM });
      assert.equal(await runCli(['diagnose', '-', ...argv], io), 0);
      return io.out.join('');
    };
    assert.match(await run(['--tz', TEAM_ZONE]), /expired 167 days ago \(15 Jun 2026 08:30 JST\)/);
    assert.match(await run(['--tz', TEAM_ZONE, '--lang', 'ja']), /2026\/06\/15 08:30 JST に期限切れ \(167 日経過\)/);
    assert.match(await run(['--tz', 'UTC']), /expired 167 days ago \(14 Jun 2026 23:30 UTC\)/);
    // 08:30 JST on the 15th is 23:30 UTC on the 14th: the unix time Slack's token carries.
    assert.equal(Date.UTC(2026, 5, 15, 8, 30) / 1000 - 9 * 3600, NOT_AFTER_UNIX);
  });
});
