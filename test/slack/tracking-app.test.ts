import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ids } from '../../src/slack/ids.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { runThroughSlack } from '../helpers/reminder-run.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import {
  blockActionPayload,
  sendCommand,
  sendEvent,
  sendInteraction,
  viewSubmissionPayload,
} from '../helpers/slack-request.js';

import { aCertificate } from '../store/store-contract.js';

/** One real reminder run through the Slack notifier against the harness's fake Slack. */
function sendDigests(store: Store, harness: Harness, now: Date, timeZone: string) {
  return runThroughSlack(store, harness.fake.apiUrl, now, {
    timeZone,
  });
}

const EXPIRED = 'E'.repeat(40);
const SOON = '5'.repeat(40);
const OWA = '896777B6CA9D0066DB7463DB76DA36DD6241D5D5';
const pem = readFileSync(join('test', 'fixtures', 'corpus', 'p03-pem-leaf-expiring-soon.txt'), 'utf8');
const value = (thumbprint: string) => JSON.stringify({ t: thumbprint, l: 'en' });
const texts = (blocks: unknown) => JSON.stringify(blocks);

describe('tracking through the real Bolt app (signed requests, fake Slack)', () => {
  let harness: Harness;
  let store: Store;
  let digestTs: string;

  before(async () => {
    store = createMemoryStore();
    harness = await startHarness({
      tracking: { store, timeZone: 'UTC', nextRun: () => new Date('2026-11-30T09:00:00Z') },
    });
    await store.track(
      aCertificate({ thumbprint: EXPIRED, subject: 'CN=EXHUB01', notAfter: '2026-10-01T08:12:00.000Z' }),
    );
    await store.track(
      aCertificate({ thumbprint: SOON, subject: 'CN=owa.northwind.example', notAfter: '2026-12-03T00:00:00.000Z' }),
    );
    const report = await sendDigests(store, harness, REFERENCE_NOW, 'UTC');
    digestTs = report.sent[0]!.ts;
  });
  after(async () => {
    await harness.close();
  });

  const click = (actionId: string, thumbprint: string) =>
    sendInteraction(
      harness.url,
      blockActionPayload({
        actionId,
        value: value(thumbprint),
        responseUrl: harness.fake.responseUrl('digest'),
        messageTs: digestTs,
      }),
    );

  test('Snooze 1 week: the digest is updated in place with who snoozed it until when', async () => {
    harness.fake.reset();
    const response = await click(ids.actions.snooze1w, SOON);
    assert.equal(response.status, 200);
    const [update] = harness.fake.callsTo('chat.update');
    assert.equal(update?.params.ts, digestTs);
    assert.equal(update?.params.channel, 'C0OPS');
    assert.match(texts(update?.params.blocks), /snoozed until 5 Dec 2026 by <@U0ADMIN>/);
    assert.match(texts(update?.params.blocks), /EXHUB01/, 'the other certificate stays in the digest');
    // Until the start of the team's day a week later, not 7 × 24 h after the click.
    assert.equal((await store.activeSnoozes(REFERENCE_NOW.toISOString()))[0]?.until, '2026-12-05T00:00:00.000Z');
    assert.equal(harness.fake.callsTo('views.publish')[0]?.params.user_id, 'U0ADMIN', 'Home refreshed');
    assert.deepEqual(harness.fake.violations, []);
  });

  test('Untrack: closed in the store and shown as untracked by whom', async () => {
    harness.fake.reset();
    await click(ids.actions.untrack, EXPIRED);
    assert.equal((await store.get(EXPIRED))?.status, 'untracked');
    assert.match(texts(harness.fake.callsTo('chat.update')[0]?.params.blocks), /untracked by <@U0ADMIN>/);
  });

  test('Mark renewed: a modal; pasting the new certificate tracks it in the same channel and closes the old one', async () => {
    harness.fake.reset();
    await click(ids.actions.markRenewed, SOON);
    const opened = harness.fake.callsTo('views.open')[0]?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    assert.equal(opened.callback_id, ids.views.markRenewed);
    const empty = await sendInteraction(
      harness.url,
      viewSubmissionPayload({
        callbackId: ids.views.markRenewed,
        privateMetadata: opened.private_metadata,
        values: { [ids.blocks.renewal]: { [ids.inputs.renewal]: { type: 'plain_text_input', value: 'nothing here' } } },
      }),
    );
    assert.match(empty.body, /"response_action":"errors"/);
    await sendInteraction(
      harness.url,
      viewSubmissionPayload({
        callbackId: ids.views.markRenewed,
        privateMetadata: opened.private_metadata,
        values: { [ids.blocks.renewal]: { [ids.inputs.renewal]: { type: 'plain_text_input', value: pem } } },
      }),
    );
    assert.equal((await store.get(SOON))?.status, 'renewed');
    assert.equal((await store.renewalOf(SOON))?.newThumbprint, OWA);
    const renewed = await store.get(OWA);
    assert.equal(renewed?.channel, 'C0OPS');
    assert.equal(renewed?.status, 'active');
    assert.match(
      texts(harness.fake.callsTo('chat.update')[0]?.params.blocks),
      /marked renewed by <@U0ADMIN> → `896777B6CA9D0066DB7463DB76DA36DD6241D5D5`/,
    );
  });

  test('Show steps: the commands pre-filled for this certificate, ephemeral', async () => {
    harness.fake.reset();
    await click(ids.actions.showSteps, OWA);
    const [reply] = harness.fake.callsTo('response');
    assert.equal(reply?.params.response_type, 'ephemeral');
    assert.match(
      texts(reply?.params.blocks),
      /Enable-ExchangeCertificate -Thumbprint <imported thumbprint> -Services IIS,SMTP/,
    );
    // A CA-issued certificate is renewed by a request to the CA, not by a new self-signed one.
    assert.match(texts(reply?.params.blocks), /New-ExchangeCertificate -GenerateRequest/);
    assert.match(texts(reply?.params.blocks), /-DomainName owa\.contoso\.com/);
    assert.doesNotMatch(texts(reply?.params.blocks), /New-ExchangeCertificate -DomainName/);
    const commands = ((reply?.params.blocks ?? []) as { type: string; elements?: { type: string }[] }[]).filter(
      (b) => b.type === 'rich_text',
    );
    assert.ok(commands.length >= 3, 'each command in its own block');
    for (const block of commands) assert.equal(block.elements?.[0]?.type, 'rich_text_preformatted');
    assert.deepEqual(harness.fake.violations, []);
  });

  test('/certcheck list: ephemeral, soonest first, with countdowns', async () => {
    harness.fake.reset();
    await sendCommand(harness.url, { text: 'list', response_url: harness.fake.responseUrl('list') });
    const [reply] = harness.fake.callsTo('response');
    assert.equal(reply?.params.response_type, 'ephemeral');
    assert.match(texts(reply?.params.blocks), /Tracked certificates \(1\)/);
    assert.match(texts(reply?.params.blocks), /owa\.contoso\.com\* — expires in 11 days/);
  });

  test('/certcheck untrack and /certcheck track <paste>', async () => {
    harness.fake.reset();
    await sendCommand(harness.url, { text: `untrack ${OWA}`, response_url: harness.fake.responseUrl('u') });
    assert.match(String(harness.fake.callsTo('response')[0]?.params.text), /No longer tracking owa\.contoso\.com/);
    await sendCommand(harness.url, {
      text: `track ${pem}`,
      channel_id: 'C0WEB',
      response_url: harness.fake.responseUrl('t'),
    });
    assert.match(
      String(harness.fake.callsTo('response')[1]?.params.text),
      /Tracking 1 certificate\. Reminders go to <#C0WEB>/,
    );
    assert.equal((await store.get(OWA))?.channel, 'C0WEB');
  });

  test('App Home: the dashboard sorted by expiry with badges and the same buttons', async () => {
    harness.fake.reset();
    await sendEvent(harness.url, {
      type: 'app_home_opened',
      user: 'U0ADMIN',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: '1.2',
    });
    const view = harness.fake.callsTo('views.publish')[0]?.params.view as { blocks: { type: string }[] };
    assert.match(texts(view.blocks), /Tracked certificates/);
    assert.match(texts(view.blocks), /\*≤ 30 days\*/);
    assert.ok(view.blocks.some((b) => b.type === 'actions'));
    assert.deepEqual(harness.fake.violations, []);
  });

  test('Track on a diagnosis: choose the channel, then tracked there', async () => {
    harness.fake.reset();
    const trackValue = JSON.stringify({
      l: 'en',
      certs: [
        {
          thumbprint: 'C'.repeat(40),
          subject: 'CN=mail.contoso.com',
          notAfter: '2027-01-01T00:00:00Z',
          domains: ['mail.contoso.com'],
        },
      ],
    });
    await sendInteraction(
      harness.url,
      blockActionPayload({
        actionId: ids.actions.trackCertificate,
        value: trackValue,
        responseUrl: harness.fake.responseUrl('d'),
      }),
    );
    const opened = harness.fake.callsTo('views.open')[0]?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    assert.equal(opened.callback_id, ids.views.track);
    assert.match(texts(opened), /"initial_conversation":"C0OPS"/);
    const submission = viewSubmissionPayload({
      callbackId: ids.views.track,
      privateMetadata: opened.private_metadata,
      values: {},
    });
    const withChannel = {
      ...submission,
      view: {
        ...submission.view,
        state: {
          values: {
            [ids.blocks.trackChannel]: {
              [ids.inputs.trackChannel]: { type: 'conversations_select', selected_conversation: 'C0CERTS' },
            },
          },
        },
      },
    };
    await sendInteraction(harness.url, withChannel);
    const tracked = await store.get('C'.repeat(40));
    assert.equal(tracked?.channel, 'C0CERTS');
    assert.equal(tracked?.addedBy, 'U0ADMIN');
    assert.match(
      String(harness.fake.callsTo('chat.postEphemeral')[0]?.params.text),
      /Tracking 1 certificate\. Reminders go to <#C0CERTS>/,
    );
    // It says what it tracked, as `/certcheck track` does.
    assert.match(
      texts(harness.fake.callsTo('chat.postEphemeral')[0]?.params.blocks),
      /• \*mail\.contoso\.com\* — expires in/,
    );
  });

  test('a pasted thumbprint that is tracked is answered with what certcheck knows of it', async () => {
    harness.fake.reset();
    const reply = await commandReply(harness, { text: SOON.toLowerCase().replace(/(..)/g, '$1 ').trim() });
    const shown = texts(reply.payload.blocks);
    assert.match(shown, /owa\.northwind\.example/);
    // Renewed by the Mark renewed test above: the answer says so and names the new certificate;
    // no reminder channel, as none go there any more.
    assert.doesNotMatch(shown, /Reminders: <#C0OPS>/);
    assert.match(shown, /Marked renewed by <@U0ADMIN> on 28 Nov 2026/);
    assert.match(shown, /renewed/i);
    assert.match(shown, new RegExp(OWA));
    assert.deepEqual(harness.fake.violations, []);
  });

  test('tracking buttons on a certificate that is not tracked (any more) say so, and how to track it', async () => {
    harness.fake.reset();
    const answers = async (actionId: string, thumbprint: string, userId = 'U0ADMIN') => {
      const before = harness.fake.callsTo('response').length;
      await sendInteraction(
        harness.url,
        blockActionPayload({
          actionId,
          value: value(thumbprint),
          responseUrl: harness.fake.responseUrl('stale'),
          messageTs: digestTs,
          userId,
        }),
      );
      const reply = harness.fake.callsTo('response')[before];
      assert.equal(reply?.params.response_type, 'ephemeral', actionId);
      assert.equal(reply?.params.replace_original, false, 'the digest stays');
      return String(reply?.params.text);
    };
    const never = 'A'.repeat(40);
    assert.match(
      await answers(ids.actions.showSteps, never),
      new RegExp(`${never}\` is not tracked.*/certcheck track`),
    );
    // Untracked by the Untrack test above: nothing is snoozed, the digest is not redrawn.
    assert.match(await answers(ids.actions.snooze1d, EXPIRED), /EXHUB01 is no longer tracked: it was untracked/);
    assert.ok(!(await store.activeSnoozes(REFERENCE_NOW.toISOString())).some((s) => s.thumbprint === EXPIRED));
    // Renewed by the Mark renewed test above: no modal for it.
    assert.match(await answers(ids.actions.markRenewed, SOON), /no longer tracked: it was marked renewed/);
    assert.match(await answers(ids.actions.untrack, never), /Track this certificate/);
    assert.equal(harness.fake.callsTo('views.open').length, 0);
    assert.equal(harness.fake.callsTo('chat.update').length, 0);
    harness.fake.setLocale('U0JAPAN', 'ja-JP');
    assert.match(await answers(ids.actions.showSteps, never, 'U0JAPAN'), /追跡されていません.*\/certcheck track/);
    assert.deepEqual(harness.fake.violations, []);
  });

  test('a paste whose certificate is tracked: no Track button, the same colour as its reminder, no repeats', async () => {
    harness.fake.reset();
    // Tracked again by `/certcheck track` above.
    const reply = await commandReply(harness, { text: pem });
    const shown = texts(reply.payload.blocks);
    assert.match(shown, /\*Tracked by certcheck\*\\n/);
    assert.doesNotMatch(shown, /\(tracked\)/, 'an active one needs no status word');
    assert.doesNotMatch(shown, new RegExp(ids.actions.trackCertificate));
    assert.doesNotMatch(shown, /version not stated/);
    const text = String(reply.payload.text);
    assert.match(text, /^🟠 owa\.contoso\.com expires in 11 days \(10 Dec 2026 00:00 UTC\)/);
    assert.doesNotMatch(text, /⏱/, 'the verdict already has the countdown');
    await sendEvent(harness.url, {
      type: 'app_home_opened',
      user: 'U0ADMIN',
      channel: 'D0',
      tab: 'home',
      event_ts: '1.3',
    });
    assert.match(texts(harness.fake.callsTo('views.publish').at(-1)?.params.view), /🟠 \*owa\.contoso\.com\*/);
    assert.deepEqual(harness.fake.violations, []);
  });

  test('a paste with a private key is never offered for tracking, and says so once', async () => {
    harness.fake.reset();
    const reply = await commandReply(harness, {
      text: readFileSync(join('test', 'fixtures', 'corpus', 'p08-pem-with-private-key.txt'), 'utf8'),
    });
    const shown = texts(reply.payload.blocks);
    assert.doesNotMatch(shown, new RegExp(ids.actions.trackCertificate));
    assert.equal(shown.split('contains a private key').length - 1, 1);
  });

  test('an untracked thumbprint gets no tracking lines', async () => {
    const reply = await commandReply(harness, { text: 'A'.repeat(40) });
    assert.doesNotMatch(texts(reply.payload.blocks), /northwind|EXHUB01/);
  });
});

describe('tracking with a clock that moves (REMINDER_TZ Asia/Tokyo)', () => {
  let harness: Harness;
  let store: Store;
  let clock: Date;
  const JST = 'Asia/Tokyo';

  before(async () => {
    store = createMemoryStore();
    clock = REFERENCE_NOW;
    harness = await startHarness({
      tracking: { store, timeZone: JST },
      now: () => clock,
    });
  });
  after(async () => {
    await harness.close();
  });

  const run = (now: Date) => sendDigests(store, harness, now, JST);
  const click = (actionId: string, thumbprint: string, messageTs: string, userId = 'U0ADMIN') =>
    sendInteraction(
      harness.url,
      blockActionPayload({
        actionId,
        value: value(thumbprint),
        responseUrl: harness.fake.responseUrl('digest'),
        messageTs,
        userId,
      }),
    );

  test('Snooze 1 day at 09:05 on Monday: the 09:00 run on Tuesday reminds again', async () => {
    const thumbprint = '1'.repeat(40);
    await store.track(aCertificate({ thumbprint, subject: 'CN=EXHUB02', notAfter: '2026-10-01T00:00:00.000Z' }));
    const monday = await run(new Date('2026-11-30T00:00:00Z')); // 09:00 JST
    assert.ok(monday.sent.some((s) => s.thumbprints.includes(thumbprint)));
    clock = new Date('2026-11-30T00:05:00Z'); // 09:05 JST
    await click(ids.actions.snooze1d, thumbprint, monday.sent[0]!.ts);
    assert.equal((await store.activeSnoozes(clock.toISOString()))[0]?.until, '2026-11-30T15:00:00.000Z');
    const tuesday = await run(new Date('2026-12-01T00:00:00Z')); // 09:00 JST
    assert.ok(
      tuesday.sent.some((s) => s.thumbprints.includes(thumbprint)),
      'Tuesday reminds',
    );
    await store.untrack(thumbprint, 'test', clock.toISOString());
  });

  test('/certcheck track in a DM: tracked, but reminders need a channel (en, ja)', async () => {
    harness.fake.reset();
    await sendCommand(harness.url, {
      text: `track ${pem}`,
      channel_id: 'D0DM',
      response_url: harness.fake.responseUrl('dm'),
    });
    const en = String(harness.fake.callsTo('response')[0]?.params.text);
    assert.match(
      en,
      /^Tracking 1 certificate\. Reminders need a channel: track it from a channel, or set REMINDER_CHANNEL\./,
    );
    assert.doesNotMatch(en, /<#D0DM>/);
    const tracked = await store.get(OWA);
    assert.equal(tracked?.status, 'active');
    assert.equal(tracked?.channel, undefined, 'no DM stored as the reminder channel');
    harness.fake.setLocale('U0JAPAN', 'ja-JP');
    await sendCommand(harness.url, {
      text: `track ${pem}`,
      channel_id: 'D0DM',
      user_id: 'U0JAPAN',
      response_url: harness.fake.responseUrl('dm-ja'),
    });
    // No ASCII space after 「。」.
    assert.match(
      String(harness.fake.callsTo('response')[1]?.params.text),
      /^1 件の証明書を追跡します。リマインダーにはチャンネルが必要です。チャンネルから追跡するか、REMINDER_CHANNEL を設定してください。$/,
    );
  });

  test('Mark renewed: the old certificate itself is refused; a thumbprint records the renewal only; never twice', async () => {
    await store.track(aCertificate({ thumbprint: OWA, subject: 'CN=owa.contoso.com', channel: 'C0OPS' }));
    harness.fake.reset();
    await click(ids.actions.markRenewed, OWA, '1700000000.000100');
    const opened = harness.fake.callsTo('views.open')[0]?.params.view as { private_metadata: string };
    const submit = (text: string, userId = 'U0ADMIN') =>
      sendInteraction(
        harness.url,
        viewSubmissionPayload({
          callbackId: ids.views.markRenewed,
          privateMetadata: opened.private_metadata,
          values: { [ids.blocks.renewal]: { [ids.inputs.renewal]: { type: 'plain_text_input', value: text } } },
          userId,
        }),
      );
    for (const same of [OWA, OWA.toLowerCase().replace(/(..)/g, '$1 ').trim(), pem]) {
      const refused = await submit(same);
      assert.match(refused.body, /"response_action":"errors"/);
      assert.match(refused.body, /That is the same certificate — paste the new one/);
    }
    assert.equal((await store.get(OWA))?.status, 'active', 'not renewed into itself');
    const NEW = 'B'.repeat(40);
    await submit(NEW);
    assert.equal((await store.renewalOf(OWA))?.newThumbprint, NEW);
    assert.equal(await store.get(NEW), undefined, 'a thumbprint alone tracks nothing');
    const recorded = String(harness.fake.callsTo('chat.postEphemeral').at(-1)?.params.text);
    assert.match(recorded, /renewal recorded; paste the new certificate to have it reminded/);
    assert.doesNotMatch(recorded, /now tracking/);
    // A second admin, with the modal still open.
    await submit('C'.repeat(40), 'U0AIKO');
    assert.equal((await store.renewalOf(OWA))?.newThumbprint, NEW, 'the first renewal stays');
    assert.equal(await store.get('C'.repeat(40)), undefined);
    assert.match(
      String(harness.fake.callsTo('chat.postEphemeral').at(-1)?.params.text),
      /Already marked renewed by <@U0ADMIN> → `BBBB…BBBB`/,
    );
    // An old button: the replacement is not tracked, so it does not say it is.
    harness.fake.reset();
    await click(ids.actions.showSteps, OWA, '1700000000.000100');
    const stale = String(harness.fake.callsTo('response')[0]?.params.text);
    assert.match(stale, /it was marked renewed, and its replacement is not tracked/);
    assert.doesNotMatch(stale, /tracked instead/);
  });

  test("buttons answer in the clicker's language; the digest is redrawn in its own", async () => {
    const thumbprint = '2'.repeat(40);
    await store.track(aCertificate({ thumbprint, subject: 'CN=EXHUB03', notAfter: '2026-10-01T00:00:00.000Z' }));
    const digest = await run(clock);
    const ts = digest.sent.find((s) => s.thumbprints.includes(thumbprint))?.ts;
    assert.ok(ts);
    harness.fake.reset();
    harness.fake.setLocale('U0JAPAN', 'ja-JP');
    await click(ids.actions.showSteps, thumbprint, ts, 'U0JAPAN');
    assert.match(texts(harness.fake.callsTo('response')[0]?.params.blocks), /EXHUB03 の更新/);
    await click(ids.actions.snooze1w, thumbprint, ts, 'U0JAPAN');
    const [update] = harness.fake.callsTo('chat.update');
    assert.match(texts(update?.params.blocks), /snoozed until 7 Dec 2026 by <@U0JAPAN>/, 'the digest stays English');
    const home = harness.fake.callsTo('views.publish').at(-1);
    assert.equal(home?.params.user_id, 'U0JAPAN');
    assert.match(texts(home?.params.view), /2026\/12\/07 まで再通知を一時停止 \(<@U0JAPAN>\)/);
    assert.match(texts(home?.params.view), /1 日後に再通知/);
    await store.untrack(thumbprint, 'test', clock.toISOString());
  });

  test("a 12017 certificate is named in the reader's language, and its expiry marked as estimated", async () => {
    harness.fake.reset();
    const event = readFileSync(join('test', 'fixtures', 'corpus', 's04-e2010-hub-12017-expiring.txt'), 'utf8');
    await sendCommand(harness.url, {
      text: `track ${event}`,
      user_id: 'U0JAPAN',
      response_url: harness.fake.responseUrl('t17'),
    });
    const [tracked] = (await store.list()).filter((c) => c.servers.includes('HUB2010.corp.contoso.com'));
    assert.ok(tracked);
    assert.equal(tracked.subject, '', "nothing in the tracker's language is stored");
    assert.match(texts(harness.fake.callsTo('response')[0]?.params), /内部トランスポート証明書 \(HUB2010\)/);
    await sendCommand(harness.url, { text: 'list', response_url: harness.fake.responseUrl('l-en') });
    const en = texts(harness.fake.callsTo('response')[1]?.params.blocks);
    assert.match(en, /\*Internal transport certificate \(HUB2010\)\* — [^·]*\(estimated from an event\)/);
    assert.doesNotMatch(en, /内部トランスポート/);
    await sendCommand(harness.url, {
      text: 'list',
      user_id: 'U0JAPAN',
      response_url: harness.fake.responseUrl('l-ja'),
    });
    const ja = texts(harness.fake.callsTo('response')[2]?.params.blocks);
    assert.match(ja, /\*内部トランスポート証明書 \(HUB2010\)\* — [^·]*\(イベントからの推定\)/);
    await sendEvent(harness.url, {
      type: 'app_home_opened',
      user: 'U0ADMIN',
      channel: 'D0',
      tab: 'home',
      event_ts: '1.4',
    });
    assert.match(
      texts(harness.fake.callsTo('views.publish').at(-1)?.params.view),
      /Internal transport certificate \(HUB2010\)/,
    );
  });
});

describe('tracking answers: tracked thumbprint verdict, handled digests, untrack by prefix', () => {
  let harness: Harness;
  let store: Store;
  const EX2007 = '4108AA00BB11CC22DD33EE44FF5566778899' + '0B05';
  const TWIN_A = `ABCDEF12${'0'.repeat(32)}`;
  const TWIN_B = `ABCDEF12${'1'.repeat(32)}`;

  before(async () => {
    store = createMemoryStore();
    harness = await startHarness({ tracking: { store, timeZone: 'UTC' } });
    await store.track(
      aCertificate({ thumbprint: EX2007, subject: 'CN=EX2007', domains: [], notAfter: '2026-06-10T00:00:00.000Z' }),
    );
    await store.track(aCertificate({ thumbprint: TWIN_A, subject: 'CN=twin-a.example', domains: [] }));
    await store.track(aCertificate({ thumbprint: TWIN_B, subject: 'CN=twin-b.example', domains: [] }));
    await store.track(aCertificate());
  });
  after(async () => {
    await harness.close();
  });

  const untrack = async (rest: string) => {
    harness.fake.reset();
    await sendCommand(harness.url, { text: `untrack ${rest}`, response_url: harness.fake.responseUrl('u') });
    return String(harness.fake.callsTo('response')[0]?.params.text);
  };

  test('a pasted tracked thumbprint: the header and fallback say what certcheck knows, in its colour (en, ja)', async () => {
    harness.fake.reset();
    const reply = await commandReply(harness, { text: EX2007 });
    const blocks = reply.payload.blocks as { type: string; text?: { text: string } }[];
    const headline = /^🔴 EX2007 expired 1\d\d days ago \(10 Jun 2026 00:00 UTC\) — tracked by certcheck$/;
    assert.equal(blocks[0]?.type, 'header');
    assert.match(String(blocks[0]?.text?.text), headline);
    assert.match(String(reply.payload.text), headline);
    assert.doesNotMatch(texts(blocks), /paste more to diagnose it/);
    assert.match(texts(blocks), /Tracked by certcheck/, 'the tracked facts stay below');

    harness.fake.setLocale('U0JAPAN', 'ja-JP');
    const ja = await commandReply(harness, { text: EX2007, user_id: 'U0JAPAN' });
    const jaHeader = (ja.payload.blocks as { text?: { text: string } }[])[0]?.text?.text;
    assert.match(String(jaHeader), /^🔴 EX2007: .*期限切れ.* — certcheck で追跡中$/);
    assert.deepEqual(harness.fake.violations, []);
  });

  test('an untracked bare thumbprint keeps "paste more to diagnose it"', async () => {
    const reply = await commandReply(harness, { text: 'C'.repeat(40) });
    assert.match(String((reply.payload.blocks as { text?: { text: string } }[])[0]?.text?.text), /paste more/);
  });

  test('/certcheck untrack by prefix: too short, ambiguous (listed), unique, short form, already untracked', async () => {
    assert.match(await untrack('8967'), /too short.*paste the full thumbprint/);
    const ambiguous = await untrack('abcdef12');
    assert.match(ambiguous, /Several tracked certificates start with `ABCDEF12…`/);
    assert.ok(ambiguous.includes(TWIN_A) && ambiguous.includes(TWIN_B), ambiguous);
    assert.equal((await store.get(TWIN_A))?.status, 'active', 'nothing untracked when ambiguous');

    assert.match(await untrack('896777B6'), /No longer tracking owa\.contoso\.com/);
    assert.equal((await store.get(OWA))?.status, 'untracked');
    assert.match(await untrack('ABCD…0000'), /No longer tracking twin-a\.example/);
    assert.equal((await store.get(TWIN_B))?.status, 'active');

    assert.match(await untrack(OWA), /owa\.contoso\.com is already untracked by <@U0ADMIN> on 28 Nov 2026/);
    assert.match(await untrack('ABCDEF1200'), /twin-a\.example is already untracked by <@U0ADMIN>/);
    assert.match(await untrack('D'.repeat(40)), /is not tracked/);
    assert.match(await untrack('not-a-thumbprint'), /Usage/);
  });

  test('a digest redrawn after every item was handled: "all handled"; a snoozed line keeps Mark renewed and Untrack', async () => {
    // Only these two in the digest.
    for (const other of [EX2007, TWIN_B]) await store.untrack(other, 'test', REFERENCE_NOW.toISOString());
    const first = `F1${'2'.repeat(38)}`;
    const second = `F2${'3'.repeat(38)}`;
    await store.track(aCertificate({ thumbprint: first, subject: 'CN=EXHUB07', notAfter: '2026-10-01T00:00:00.000Z' }));
    await store.track(
      aCertificate({ thumbprint: second, subject: 'CN=EXHUB08', notAfter: '2026-10-02T00:00:00.000Z' }),
    );
    const report = await sendDigests(store, harness, REFERENCE_NOW, 'UTC');
    const ts = report.sent.find((s) => s.thumbprints.includes(first))!.ts;
    const click = (actionId: string, thumbprint: string) =>
      sendInteraction(
        harness.url,
        blockActionPayload({
          actionId,
          value: value(thumbprint),
          responseUrl: harness.fake.responseUrl('d'),
          messageTs: ts,
        }),
      );
    harness.fake.reset();
    await click(ids.actions.snooze1d, first);
    const afterSnooze = harness.fake.callsTo('chat.update')[0]?.params;
    assert.match(texts(afterSnooze?.blocks), /Certificate reminders — 1 needs attention/);
    await click(ids.actions.untrack, second);
    const update = harness.fake.callsTo('chat.update')[1]?.params;
    const blocks = update?.blocks as { type: string; block_id?: string; text?: { text: string } }[];
    assert.equal(blocks[0]?.text?.text, 'Certificate reminders — all handled');
    assert.equal(update?.text, 'Certificate reminders — all handled');
    const snoozedLine = blocks.find((b) => b.block_id === `digest:${first}`)?.text?.text ?? '';
    assert.doesNotMatch(snoozedLine, /~/, 'a snoozed line is not struck through');
    assert.match(snoozedLine, /snoozed until/);
    const buttons = texts(blocks.find((b) => b.block_id === `cert:${first}`));
    assert.match(buttons, /Mark renewed/);
    assert.match(buttons, /Untrack/);
    assert.doesNotMatch(buttons, /Snooze/);
    const untrackedLine = blocks.find((b) => b.block_id === `digest:${second}`)?.text?.text ?? '';
    assert.match(untrackedLine, /^~.*~\n🚫 untracked by <@U0ADMIN>$/s);
    assert.equal(
      blocks.find((b) => b.block_id === `cert:${second}`),
      undefined,
    );
    assert.deepEqual(harness.fake.violations, []);
  });
});
