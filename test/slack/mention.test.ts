import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { ids } from '../../src/slack/ids.js';
import { fakeDiagnose, KEY_BODY, PASTE_12015, PASTE_WITH_KEY, TRANSPORT_THUMBPRINT } from '../helpers/diagnoses.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { type Harness, startHarness } from '../helpers/slack-app.js';
import { appMentionEvent, sendEvent } from '../helpers/slack-request.js';

const json = (value: unknown) => JSON.stringify(value);
const mention = `<@${FAKE_BOT.botUserId}>`;
const richText = (code: string) => [
  {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_section',
        elements: [
          { type: 'user', user_id: FAKE_BOT.botUserId },
          { type: 'text', text: ' check this ' },
        ],
      },
      { type: 'rich_text_preformatted', elements: [{ type: 'text', text: code }] },
    ],
  },
];

describe('@certcheck mentions', () => {
  let h: Harness;
  const seen: string[] = [];
  before(async () => {
    const diagnose = fakeDiagnose();
    h = await startHarness({
      diagnose: (text, options) => {
        seen.push(text);
        return diagnose(text, options);
      },
    });
  });
  afterEach(() => {
    assert.deepEqual(h.fake.violations, []);
    h.fake.reset();
    seen.length = 0;
  });
  after(() => h.close());

  it('answers in the thread, with thread_ts the parent as a string', async () => {
    const res = await sendEvent(
      h.url,
      appMentionEvent({ text: `${mention} ${PASTE_12015}`, ts: '1700000200.000200', threadTs: '1700000100.000100' }),
    );
    assert.equal(res.status, 200);
    const [post] = h.fake.callsTo('chat.postMessage');
    assert.equal(post?.params.thread_ts, '1700000100.000100');
    assert.equal(post?.params.channel, 'C0OPS');
    assert.match(json(post?.params), new RegExp(TRANSPORT_THUMBPRINT));
    assert.doesNotMatch(json(post?.params), new RegExp(ids.actions.shareInChannel), 'already public');
  });

  it('a thread answer quotes the first line of the paste it is about; a root mention needs no quote', async () => {
    await sendEvent(
      h.url,
      appMentionEvent({ text: `${mention} ${PASTE_12015}`, ts: '1700000200.000200', threadTs: '1700000100.000100' }),
    );
    const firstLine = PASTE_12015.split('\n')[0] ?? '';
    assert.ok(
      json(h.fake.callsTo('chat.postMessage')[0]?.params.blocks).includes(json(`💬 About: ${firstLine}`).slice(1, -1)),
    );
    h.fake.reset();
    await sendEvent(h.url, appMentionEvent({ text: `${mention} ${PASTE_12015}`, ts: '1700000300.000300' }));
    assert.doesNotMatch(json(h.fake.callsTo('chat.postMessage')[0]?.params.blocks), /💬/);
  });

  it('starts a thread under a mention in the channel root', async () => {
    await sendEvent(h.url, appMentionEvent({ text: `${mention} ${PASTE_12015}`, ts: '1700000300.000300' }));
    assert.equal(h.fake.callsTo('chat.postMessage')[0]?.params.thread_ts, '1700000300.000300');
  });

  it('prefers the rich_text blocks, which keep a pasted code block intact', async () => {
    await sendEvent(
      h.url,
      appMentionEvent({ text: `${mention} check this &lt;garbled&gt;`, blocks: richText(PASTE_12015) }),
    );
    assert.ok(seen[0]?.includes('Event ID:\t12015'));
    assert.ok(!seen[0]?.includes(FAKE_BOT.botUserId));
    assert.equal(h.fake.callsTo('chat.postMessage').length, 1);
  });

  it("diagnoses the thread's parent when the mention has nothing to diagnose", async () => {
    h.fake.setThread('C0OPS', [
      { ts: '1700000100.000100', user: 'U0OTHER', text: PASTE_12015 },
      { ts: '1700000150.000150', user: 'U0ADMIN', text: 'any idea?' },
    ]);
    await sendEvent(
      h.url,
      appMentionEvent({ text: `${mention} what is this?`, ts: '1700000200.000200', threadTs: '1700000100.000100' }),
    );
    const [replies] = h.fake.callsTo('conversations.replies');
    assert.equal(replies?.params.ts, '1700000100.000100');
    const [post] = h.fake.callsTo('chat.postMessage');
    assert.equal(post?.params.thread_ts, '1700000100.000100');
    assert.match(json(post?.params), new RegExp(TRANSPORT_THUMBPRINT));
  });

  it('says what it needs when there is nothing to diagnose anywhere', async () => {
    await sendEvent(h.url, appMentionEvent({ text: `${mention} hello` }));
    assert.match(json(h.fake.callsTo('chat.postMessage')[0]?.params), /found nothing to diagnose/);
  });

  it('downloads a shared certificate file with the bot token, DER included', async () => {
    const der = Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00, 0xff, 0x12, 0x01, 0x05]);
    const pemUrl = h.fake.addFile('event.txt', PASTE_12015);
    const derUrl = h.fake.addFile('server.der', der);
    await sendEvent(
      h.url,
      appMentionEvent({
        text: mention,
        files: [
          { name: 'event.txt', url: pemUrl },
          { name: 'server.der', url: derUrl },
          { name: 'photo.png', url: derUrl },
        ],
      }),
    );
    const downloads = h.fake.callsTo('file');
    assert.equal(downloads.length, 2, 'only certificate-like files are fetched');
    for (const d of downloads) assert.equal(d.authorization, `Bearer ${FAKE_BOT.token}`);
    assert.ok(seen[0]?.includes('Event ID:\t12015'));
    // Binary files reach the core as bare base64, which its recognisers classify (DER, PKCS#7, PKCS#12).
    assert.ok(seen[0]?.includes(der.toString('base64')));
    assert.equal(h.fake.callsTo('chat.postMessage').length, 1);
  });

  it('answers a private key only to the user, with delete advice, and posts nothing public', async () => {
    await sendEvent(h.url, appMentionEvent({ text: `${mention} ${PASTE_WITH_KEY}`, threadTs: '1700000100.000100' }));
    assert.equal(h.fake.callsTo('chat.postMessage').length, 0);
    const [ephemeral] = h.fake.callsTo('chat.postEphemeral');
    assert.equal(ephemeral?.params.user, 'U0ADMIN');
    const body = json(ephemeral?.params);
    assert.match(body, /delete that message/);
    assert.ok(!body.includes(KEY_BODY));
    assert.ok(!h.logs.join('\n').includes(KEY_BODY));
  });

  it('publishes the App Home in the user locale', async () => {
    h.fake.setLocale('U0JA', 'ja-JP');
    await sendEvent(h.url, { type: 'app_home_opened', user: 'U0JA', channel: 'D0', tab: 'home', event_ts: '1.2' });
    const [publish] = h.fake.callsTo('views.publish');
    assert.equal(publish?.params.user_id, 'U0JA');
    assert.match(json(publish?.params.view), /スレッド/);
  });
});
