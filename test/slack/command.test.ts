import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { countdownText } from '../../src/core/countdown.js';
import { ids } from '../../src/slack/ids.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import {
  fakeDiagnose,
  KEY_BODY,
  PASTE_12015,
  PASTE_JA,
  PASTE_WITH_KEY,
  TRANSPORT_THUMBPRINT,
} from '../helpers/diagnoses.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import { commandBody, post, sendCommand, sendInteraction, viewSubmissionPayload } from '../helpers/slack-request.js';

const json = (value: unknown) => JSON.stringify(value);

describe('/certcheck', () => {
  let h: Harness;
  const subcommandCalls: string[] = [];
  before(async () => {
    h = await startHarness({
      diagnose: fakeDiagnose(),
      subcommands: {
        list: async ({ rest, respond }) => {
          subcommandCalls.push(rest);
          await respond({ text: 'tracked: none' });
        },
      },
    });
  });
  afterEach(() => {
    assert.deepEqual(h.fake.violations, [], 'every payload stays within Block Kit limits');
    h.fake.reset();
  });
  after(() => h.close());

  it('answers a paste ephemerally with the verdict, the countdown, each command in its own block and the buttons', async () => {
    const first = await commandReply(h, { text: PASTE_12015, user_id: 'U0FIRST' });
    assert.equal(first.via, 'response_url', 'the locale lookup comes after the ack');
    const again = await commandReply(h, { text: PASTE_12015, user_id: 'U0FIRST' });
    assert.equal(again.via, 'ack', 'with the locale known, the answer is the ack itself');
    const reply = again.payload;
    const body = json(reply);
    assert.equal(reply.response_type, 'ephemeral');
    assert.match(String(reply.text), /Transport certificate expired on HUB01/);
    assert.match(body, /"type":"header"/);
    const countdown = countdownText('2026-10-01T08:12:00.000Z', REFERENCE_NOW, 'en');
    // The header and the notification cannot show a date token: they say the instant in UTC.
    assert.ok(body.includes(countdown.replace('(1 Oct 2026)', '(1 Oct 2026 08:12 UTC)')), 'the countdown line');
    assert.match(body, /expired \d+ days ago \(1 Oct 2026 08:12 UTC\)/);
    // In the blocks the date is a Slack date token, read in each reader's own time zone.
    assert.match(
      json(reply.blocks),
      /⏱ expired \d+ days ago \(<!date\^1790842320\^\{date_short_pretty\} \{time\}\|1 Oct 2026 08:12 UTC>\)/,
    );
    assert.match(body, new RegExp(TRANSPORT_THUMBPRINT));
    assert.match(body, /"type":"rich_text_preformatted","elements":\[\{"type":"text","text":"New-ExchangeCertificate/);
    assert.match(body, /KB 953354/);
    for (const action of [ids.actions.shareInChannel, ids.actions.toggleLanguage, ids.actions.trackCertificate]) {
      assert.match(body, new RegExp(`"action_id":"${action}"`));
    }
  });

  it('answers a paste with nothing recognised without offering to share or track it', async () => {
    const { payload } = await commandReply(h, { text: 'hello there' });
    const body = json(payload);
    assert.match(body, /Nothing recognised/);
    assert.doesNotMatch(body, new RegExp(`${ids.actions.shareInChannel}|${ids.actions.trackCertificate}`));
  });

  it('shows usage with the thread rule for `help`', async () => {
    await sendCommand(h.url, { text: 'help', response_url: h.fake.responseUrl('c2') });
    const body = json(h.fake.callsTo('response')[0]?.params);
    assert.match(body, /Slash commands do not work in threads/);
    assert.match(body, /mention @certcheck/);
    assert.match(body, /\/certcheck list/, 'lists the subcommands registered by others');
  });

  it('opens the paste modal for a bare /certcheck, remembering where to answer', async () => {
    await sendCommand(h.url, { text: '', response_url: h.fake.responseUrl('c3'), trigger_id: 'T-3' });
    const [open] = h.fake.callsTo('views.open');
    assert.ok(open);
    assert.equal(open.params.trigger_id, 'T-3');
    const view = open.params.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { element?: { max_length?: number; multiline?: boolean } }[];
    };
    assert.equal(view.callback_id, ids.views.paste);
    assert.equal(view.blocks[0]?.element?.max_length, 3000);
    assert.equal(view.blocks[0]?.element?.multiline, true);
    assert.match(view.private_metadata, /response\/c3/);
  });

  it('answers the modal in the channel it was opened from (modal round-trip)', async () => {
    await sendCommand(h.url, { text: '', response_url: h.fake.responseUrl('c4') });
    const view = h.fake.callsTo('views.open')[0]?.params.view as { private_metadata: string };
    const res = await sendInteraction(
      h.url,
      viewSubmissionPayload({
        callbackId: ids.views.paste,
        privateMetadata: view.private_metadata,
        values: { [ids.blocks.pasteInput]: { [ids.inputs.paste]: { type: 'plain_text_input', value: PASTE_12015 } } },
      }),
    );
    assert.equal(res.status, 200);
    assert.equal(res.body, '', 'the modal closes');
    const [reply] = h.fake.callsTo('response');
    assert.equal(reply?.path, '/response/c4');
    assert.match(json(reply?.params), new RegExp(TRANSPORT_THUMBPRINT));
  });

  it('keeps the modal open with an error for an empty paste', async () => {
    const res = await sendInteraction(
      h.url,
      viewSubmissionPayload({
        callbackId: ids.views.paste,
        privateMetadata: json({ channel: 'C0OPS' }),
        values: { [ids.blocks.pasteInput]: { [ids.inputs.paste]: { type: 'plain_text_input', value: '   ' } } },
      }),
    );
    assert.equal(JSON.parse(res.body).response_action, 'errors');
  });

  it('routes subcommands it does not own to their handler', async () => {
    await sendCommand(h.url, { text: 'list  expiring', response_url: h.fake.responseUrl('c5') });
    assert.deepEqual(subcommandCalls, ['expiring']);
    assert.equal(h.fake.callsTo('response')[0]?.params.text, 'tracked: none');
  });

  it('answers a Japanese paste in Japanese without asking for the locale', async () => {
    const body = json((await commandReply(h, { text: PASTE_JA, user_id: 'U0JAPASTE' })).payload);
    assert.match(body, /期限切れ/);
    assert.match(body, /"text":"English"/, 'offers the other language');
    assert.equal(h.fake.callsTo('users.info').length, 0);
  });

  it("answers in the user's Slack locale when the paste does not decide", async () => {
    h.fake.setLocale('U0JA', 'ja-JP');
    for (let i = 0; i < 2; i++) {
      const reply = await commandReply(h, { text: PASTE_12015, user_id: 'U0JA' });
      assert.match(json(reply.payload), /HUB01 のトランスポート証明書/);
    }
    const lookups = h.fake.callsTo('users.info');
    assert.equal(lookups.length, 1, 'the locale is cached per user');
    assert.equal(lookups[0]?.params.include_locale, 'true');
  });

  it('answers a private key only to the user, with the warning and no Share button, and never echoes the key', async () => {
    const { payload } = await commandReply(h, { text: PASTE_WITH_KEY });
    const body = json(payload);
    assert.equal(payload.response_type, 'ephemeral');
    assert.match(body, /contains a private key/);
    assert.match(body, /revoke/);
    assert.doesNotMatch(body, new RegExp(ids.actions.shareInChannel));
    assert.ok(!body.includes(KEY_BODY));
    assert.ok(!h.logs.join('\n').includes(KEY_BODY));
  });

  it('refuses forged signatures and stale timestamps with 401, and runs nothing', async () => {
    const body = commandBody({ text: PASTE_12015, response_url: h.fake.responseUrl('x') });
    const forged = await post(h.url, body, 'application/x-www-form-urlencoded', { signature: 'v0=deadbeef' });
    const wrongSecret = await post(h.url, body, 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    const stale = await post(h.url, body, 'application/x-www-form-urlencoded', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    assert.deepEqual([forged.status, wrongSecret.status, stale.status], [401, 401, 401]);
    assert.equal(h.fake.calls.length, 0);
  });

  it('serves /healthz', async () => {
    const res = await fetch(`${h.origin}/healthz`);
    assert.equal(res.status, 200);
  });
});

describe('/certcheck when Slack is slow', () => {
  it('acks well within 3 s and answers afterwards', async () => {
    const h = await startHarness({ diagnose: fakeDiagnose(), processBeforeResponse: false });
    try {
      h.fake.fail('users.info', { kind: 'slow', delayMs: 1500 });
      const res = await sendCommand(h.url, { text: PASTE_12015, response_url: h.fake.responseUrl('s1') });
      assert.equal(res.status, 200);
      assert.ok(res.ms < 1000, `acked after ${Math.round(res.ms)} ms`);
      const [reply] = await h.fake.waitFor('response');
      assert.match(json(reply?.params), /HUB01/);
    } finally {
      await h.close();
    }
  });
});
