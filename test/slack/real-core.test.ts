import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import { appMentionEvent, sendEvent } from '../helpers/slack-request.js';

/**
 * The Slack app on the real diagnosis core and the corpus pastes: what an admin would see.
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
const expectOf = (name: string) =>
  JSON.parse(fixture(name.replace(/\.txt$/, '.expect.json'))) as { thumbprints?: string[]; secret?: string[] };
const json = (value: unknown) => JSON.stringify(value);

describe('Slack replies on the real core and corpus', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  afterEach(() => {
    assert.deepEqual(h.fake.violations, []);
    h.fake.reset();
  });
  after(() => h.close());

  const corpus = [
    's01-e2007-hub-12015.txt',
    's02-e2007-edge-12015-12014-ja.txt',
    'p03-pem-leaf-expiring-soon.txt',
    's17-get-exchangecertificate-table.txt',
  ];
  for (const name of corpus) {
    it(`/certcheck ${name}: the thumbprints appear, within Slack's limits`, async () => {
      const { payload } = await commandReply(h, { text: fixture(name) });
      for (const thumbprint of expectOf(name).thumbprints ?? [])
        assert.ok(json(payload).includes(thumbprint), thumbprint);
      assert.equal(payload.response_type, 'ephemeral');
    });
  }

  it('the Japanese corpus paste is answered in Japanese', async () => {
    const { payload } = await commandReply(h, { text: fixture('s02-e2007-edge-12015-12014-ja.txt') });
    assert.match(String(payload.text), /[\u3040-\u30ff]/);
  });

  it('p08 (certificate + private key) in a thread: ephemeral only, the key never echoed or logged', async () => {
    const paste = fixture('p08-pem-with-private-key.txt');
    await sendEvent(
      h.url,
      appMentionEvent({ text: `<@${FAKE_BOT.botUserId}> ${paste}`, threadTs: '1700000100.000100' }),
    );
    assert.equal(h.fake.callsTo('chat.postMessage').length, 0);
    const everything = json(h.fake.calls) + h.logs.join('\n');
    for (const line of expectOf('p08-pem-with-private-key.txt').secret ?? []) assert.ok(!everything.includes(line));
    assert.match(json(h.fake.callsTo('chat.postEphemeral')[0]?.params), /private key/);
  });
});
