import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import { sendCommand } from '../helpers/slack-request.js';
import { chainPem, expiredIntermediate, leafUnderExpired, NOW, thumbprintOf } from './fixtures.js';
import { startSmtp, type TestServer } from './helpers/servers.js';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text?: string }[];
}

const blockText = (blocks: Block[]) =>
  blocks.map((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text ?? '')].join(' ')).join('\n');

describe('/certcheck probe through the real app over signed HTTP', () => {
  let smtp: TestServer;
  before(async () => {
    smtp = await startSmtp({
      name: 'mail.contoso.com',
      key: leafUnderExpired.keyPem,
      cert: chainPem(leafUnderExpired, expiredIntermediate),
    });
  });
  after(() => smtp.close());

  describe('without PROBE_ALLOW', () => {
    let harness: Harness;
    before(async () => {
      harness = await startHarness({ now: () => NOW });
    });
    after(() => harness.close());

    it('refuses, names PROBE_ALLOW, and the target sees no connection', async () => {
      const { payload } = await commandReply(harness, { text: `probe smtp://127.0.0.1:${smtp.port}` });
      assert.equal(payload.response_type, 'ephemeral');
      assert.match(String(payload.text), /PROBE_ALLOW is not set/);
      assert.match(String(payload.text), new RegExp(`No connection was made to smtp://127\\.0\\.0\\.1:${smtp.port}`));
      assert.equal(smtp.connections, 0);
      assert.deepEqual(harness.fake.violations, []);
    });

    it('is not read as a paste, and help lists it', async () => {
      const { payload } = await commandReply(harness, { text: 'help' });
      assert.match(blockText(payload.blocks as Block[]), /`\/certcheck probe`/);
    });
  });

  describe('with PROBE_ALLOW listing the loopback address', () => {
    let harness: Harness;
    before(async () => {
      harness = await startHarness({ now: () => NOW }, { PROBE_ALLOW: '127.0.0.1' });
    });
    after(() => harness.close());

    it('answers with the same Block Kit as a diagnosis: the verdict names the expired intermediate', async () => {
      const before = smtp.connections;
      const { via, payload } = await commandReply(harness, { text: `probe smtp://127.0.0.1:${smtp.port}` });
      assert.equal(via, 'response_url');
      assert.equal(smtp.connections, before + 1);
      const blocks = payload.blocks as Block[];
      assert.equal(blocks[0]?.type, 'header');
      assert.match(
        blocks[0]?.text?.text ?? '',
        new RegExp(`smtp://127\\.0\\.0\\.1:${smtp.port}: Contoso Issuing CA 1 expired 8 days ago`),
      );
      const text = blockText(blocks);
      assert.match(text, /Intermediate certificate in the presented chain/);
      assert.match(text, /STARTTLS offered · TLSv1\.3/);
      assert.ok(text.includes(thumbprintOf(leafUnderExpired).slice(0, 4)), text);
      assert.deepEqual(harness.fake.violations, []);
    });

    it('an address outside the list: refused naming PROBE_ALLOW, no connection', async () => {
      const before = smtp.connections;
      const { payload } = await commandReply(harness, { text: `probe smtp://[::1]:${smtp.port}` });
      assert.match(String(payload.text), /is not in PROBE_ALLOW/);
      assert.equal(smtp.connections, before);
    });

    it('ten targets per person per minute', async () => {
      const url = harness.fake.responseUrl('rate');
      for (let i = 0; i < 5; i++) {
        await sendCommand(harness.url, {
          text: 'probe 192.0.2.1:25 192.0.2.2:25',
          user_id: 'U0RATE',
          response_url: url,
        });
      }
      const { payload } = await commandReply(harness, { text: 'probe 192.0.2.3:25', user_id: 'U0RATE' });
      assert.match(String(payload.text), /at most 10 probe targets per person per minute/);
    });
  });
});
