import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { decodeReplyValue } from '../../src/slack/blocks/button-values.js';
import { ids } from '../../src/slack/ids.js';
import { fakeDiagnose, PASTE_12015, PASTE_WITH_KEY, TRANSPORT_THUMBPRINT } from '../helpers/diagnoses.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import { blockActionPayload, messageShortcutPayload, sendInteraction } from '../helpers/slack-request.js';

const json = (value: unknown) => JSON.stringify(value);

/** The value of the button `actionId` in a recorded message. */
function buttonValue(message: Record<string, unknown> | undefined, actionId: string): string {
  const match = json(message?.blocks).match(new RegExp(`"action_id":"${actionId}","value":"((?:[^"\\\\]|\\\\.)*)"`));
  assert.ok(match?.[1], `no ${actionId} button`);
  return JSON.parse(`"${match[1]}"`) as string;
}

describe('message shortcut and buttons', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ diagnose: fakeDiagnose(9) });
  });
  afterEach(() => {
    assert.deepEqual(h.fake.violations, []);
    h.fake.reset();
  });
  after(() => h.close());

  const command = async (text: string) => (await commandReply(h, { text })).payload;
  const click = (actionId: string, value: string, responseId = 'btn') =>
    sendInteraction(h.url, blockActionPayload({ actionId, value, responseUrl: h.fake.responseUrl(responseId) }));
  const shortcut = (message: Parameters<typeof messageShortcutPayload>[0]['message'], responseId: string) =>
    sendInteraction(
      h.url,
      messageShortcutPayload({
        callbackId: ids.shortcuts.diagnoseMessage,
        responseUrl: h.fake.responseUrl(responseId),
        message,
      }),
    );

  it('"Diagnose with certcheck" answers ephemerally with Post to thread, which posts in the thread', async () => {
    await shortcut({ ts: '1700000500.000500', thread_ts: '1700000400.000400', text: PASTE_12015 }, 'sc');
    const [answer] = h.fake.callsTo('response');
    assert.equal(answer?.params.response_type, 'ephemeral');
    assert.match(json(answer?.params), new RegExp(TRANSPORT_THUMBPRINT));
    const value = buttonValue(answer?.params, ids.actions.postToThread);
    await click(ids.actions.postToThread, value);
    const [post] = h.fake.callsTo('chat.postMessage');
    assert.equal(post?.params.channel, 'C0OPS');
    assert.equal(post?.params.thread_ts, '1700000400.000400');
    assert.match(json(post?.params), /Shared by <@U0ADMIN>/);
  });

  it('the shortcut on a message with a private key warns, without Post to thread', async () => {
    await shortcut({ ts: '1700000500.000500', text: PASTE_WITH_KEY }, 'sc2');
    const body = json(h.fake.callsTo('response')[0]?.params);
    assert.match(body, /delete that message/);
    assert.doesNotMatch(body, new RegExp(ids.actions.postToThread));
  });

  it('Share in channel re-posts in_channel, saying who shared it', async () => {
    const reply = await command(PASTE_12015);
    await click(ids.actions.shareInChannel, buttonValue(reply, ids.actions.shareInChannel));
    const shared = h.fake.callsTo('response').at(-1);
    assert.equal(shared?.params.response_type, 'in_channel');
    assert.match(json(shared?.params), /Shared by <@U0ADMIN>/);
    assert.doesNotMatch(json(shared?.params.blocks), new RegExp(ids.actions.shareInChannel));
  });

  it('日本語 re-renders in Japanese, replacing the original, and English switches back', async () => {
    const reply = await command(PASTE_12015);
    await click(ids.actions.toggleLanguage, buttonValue(reply, ids.actions.toggleLanguage));
    const ja = h.fake.callsTo('response').at(-1);
    assert.equal(ja?.params.replace_original, true);
    assert.match(json(ja?.params), /HUB01 のトランスポート証明書が期限切れです/);
    await click(ids.actions.toggleLanguage, buttonValue(ja?.params, ids.actions.toggleLanguage));
    assert.match(json(h.fake.callsTo('response').at(-1)?.params), /Transport certificate expired on HUB01/);
  });

  it('a long plan is shortened with Show all steps, which shows them all', async () => {
    const reply = await command(PASTE_12015);
    assert.match(json(reply), /Showing 4 of 9 steps/);
    assert.doesNotMatch(json(reply), /# 5"/);
    await click(ids.actions.showAllSteps, buttonValue(reply, ids.actions.showAllSteps));
    const all = h.fake.callsTo('response').at(-1);
    assert.equal(all?.params.replace_original, true);
    assert.match(json(all?.params), /# 9"/);
    assert.doesNotMatch(json(all?.params), new RegExp(ids.actions.showAllSteps));
    assert.equal(
      decodeReplyValue(buttonValue(all?.params, ids.actions.toggleLanguage))?.a,
      true,
      'the toggle keeps all steps',
    );
  });

  it('an unknown or expired paste id says the 30 minutes to use the answer are over', async () => {
    await click(ids.actions.toggleLanguage, json({ p: 'gone', l: 'en' }));
    const reply = h.fake.callsTo('response').at(-1);
    assert.match(json(reply?.params), /30 minutes/);
    assert.match(json(reply?.params), /\/certcheck/);
  });
});

describe('paste cache expiry', () => {
  it('after 30 minutes the buttons say to run /certcheck again', async () => {
    let now = new Date('2026-11-28T12:00:00Z');
    const h = await startHarness({ diagnose: fakeDiagnose(), now: () => now });
    try {
      const value = buttonValue((await commandReply(h, { text: PASTE_12015 })).payload, ids.actions.toggleLanguage);
      now = new Date('2026-11-28T12:31:00Z');
      await sendInteraction(
        h.url,
        blockActionPayload({ actionId: ids.actions.toggleLanguage, value, responseUrl: h.fake.responseUrl('b') }),
      );
      const reply = json(h.fake.callsTo('response').at(-1)?.params);
      assert.match(reply, /can only be used for 30 minutes/);
      assert.doesNotMatch(reply, /expired/, 'not to be confused with an expired certificate');
    } finally {
      await h.close();
    }
  });
});
