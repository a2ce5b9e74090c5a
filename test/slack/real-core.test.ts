import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { certFacts, certText } from '../helpers/cert-fixtures.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { commandReply, harnessPerSuite } from '../helpers/slack-app.js';
import { appMentionEvent, sendEvent } from '../helpers/slack-request.js';

/**
 * The Slack app on the real diagnosis core and the corpus pastes: what an admin would see.
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
const expectOf = (name: string) =>
  JSON.parse(fixture(name.replace(/\.txt$/, '.expect.json'))) as { thumbprints?: string[]; secret?: string[] };
const json = (value: unknown) => JSON.stringify(value);

describe('Slack replies on the real core and corpus', () => {
  const h = harnessPerSuite();

  const corpus = [
    's01-e2007-hub-12015.txt',
    's02-e2007-edge-12015-12014-ja.txt',
    'p03-pem-leaf-expiring-soon.txt',
    's17-get-exchangecertificate-table.txt',
  ];
  for (const name of corpus) {
    it(`/certcheck ${name}: the thumbprints appear, within Slack's limits`, async () => {
      const { payload } = await commandReply(h(), { text: fixture(name) });
      // Each thumbprint appears, or the reply says how many certificates it left out for room.
      const missing = (expectOf(name).thumbprints ?? []).filter((thumbprint) => !json(payload).includes(thumbprint));
      if (missing.length > 0)
        assert.match(json(payload), new RegExp(`and ${missing.length} more certificate`), missing.join());
      assert.equal(payload.response_type, 'ephemeral');
    });
  }

  it('the Japanese corpus paste is answered in Japanese', async () => {
    const { payload } = await commandReply(h(), { text: fixture('s02-e2007-edge-12015-12014-ja.txt') });
    assert.match(String(payload.text), /[\u3040-\u30ff]/);
  });

  it('p08 (certificate + private key) in a thread: ephemeral only, the key never echoed or logged', async () => {
    const paste = fixture('p08-pem-with-private-key.txt');
    await sendEvent(
      h().url,
      appMentionEvent({ text: `<@${FAKE_BOT.botUserId}> ${paste}`, threadTs: '1700000100.000100' }),
    );
    assert.equal(h().fake.callsTo('chat.postMessage').length, 0);
    const everything = json(h().fake.calls) + h().logs.join('\n');
    for (const line of expectOf('p08-pem-with-private-key.txt').secret ?? []) assert.ok(!everything.includes(line));
    assert.match(json(h().fake.callsTo('chat.postEphemeral')[0]?.params), /private key/);
  });

  const utf16 = Buffer.from(fixture('s18-fl-expired-default-cert.txt'), 'utf16le');
  const files = {
    'with a BOM (Windows PowerShell `> file.txt`)': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]),
    'without a BOM': utf16,
  };
  for (const [how, fl] of Object.entries(files)) {
    it(`a binary DER file and a UTF-16LE \`Get-ExchangeCertificate | fl\` file ${how}, shared with a mention`, async () => {
      const der = Buffer.from(
        certText('leaf-expiring-soon.pem')
          .replace(/-----[^-]+-----/g, '')
          .replace(/\s+/g, ''),
        'base64',
      );
      await sendEvent(
        h().url,
        appMentionEvent({
          text: `<@${FAKE_BOT.botUserId}>`,
          files: [
            { name: 'owa.cer', url: h().fake.addFile('owa.cer', der) },
            { name: 'certs.txt', url: h().fake.addFile('certs.txt', fl) },
          ],
        }),
      );
      const [post] = h().fake.callsTo('chat.postMessage');
      const body = json(post?.params);
      assert.ok(body.includes(certFacts['leaf-expiring-soon']!.thumbprint), 'the DER certificate');
      for (const thumbprint of expectOf('s18-fl-expired-default-cert.txt').thumbprints ?? [])
        assert.ok(body.includes(thumbprint), 'the UTF-16 listing');
      assert.match(body, /EX2016/);
    });
  }
});
