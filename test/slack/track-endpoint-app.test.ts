import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NO_PROBES, parseProbeAllow } from '../../src/core/probe/allow-list.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { runThroughSlack } from '../helpers/reminder-run.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import { chainPem, goodLeaf, NOW, thumbprintOf, validIntermediate } from '../probe/fixtures.js';
import { startSmtp, type TestServer } from '../probe/helpers/servers.js';

const text = (payload: Record<string, unknown>) => JSON.stringify(payload);

describe('/certcheck track smtp://… through the real app over signed HTTP', () => {
  let smtp: TestServer;
  before(async () => {
    smtp = await startSmtp({
      name: 'mail.contoso.com',
      key: goodLeaf.keyPem,
      cert: chainPem(goodLeaf, validIntermediate),
    });
  });
  after(() => smtp.close());

  describe('without PROBE_ALLOW', () => {
    let harness: Harness;
    let store: Store;
    before(async () => {
      store = createMemoryStore();
      harness = await startHarness({ now: () => NOW, tracking: { store, timeZone: 'UTC' } });
    });
    after(() => harness.close());

    it('refuses as /certcheck probe does, naming PROBE_ALLOW: nothing stored, and the server saw no connection', async () => {
      const { payload } = await commandReply(harness, { text: `track smtp://127.0.0.1:${smtp.port}` });
      assert.equal(payload.response_type, 'ephemeral');
      assert.match(String(payload.text), /PROBE_ALLOW is not set/);
      assert.match(String(payload.text), new RegExp(`No connection was made to smtp://127\\.0\\.0\\.1:${smtp.port}`));
      assert.equal(smtp.connections, 0);
      assert.deepEqual(await store.listEndpoints({ all: true }), []);
      assert.deepEqual(harness.fake.violations, []);
    });
  });

  describe('with PROBE_ALLOW listing the loopback address', () => {
    let harness: Harness;
    let store: Store;
    const target = () => `smtp://127.0.0.1:${smtp.port}`;
    before(async () => {
      store = createMemoryStore();
      harness = await startHarness(
        { now: () => NOW, tracking: { store, timeZone: 'UTC' } },
        { PROBE_ALLOW: '127.0.0.1' },
      );
    });
    after(() => harness.close());

    it('tracks the endpoint into the channel, says what it presents, and tracks that certificate', async () => {
      const before = smtp.connections;
      const { payload } = await commandReply(harness, { text: `track ${target()}`, channel_id: 'C0OPS' });
      assert.equal(smtp.connections, before + 1);
      const reply = text(payload);
      assert.ok(reply.includes(`Tracking \`${target()}\``), reply);
      assert.ok(reply.includes(`presents \`${thumbprintOf(goodLeaf).slice(0, 4)}…`), reply);
      assert.match(reply, /is tracked for reminders/);
      assert.match(reply, /<#C0OPS>/);
      const endpoint = await store.getEndpoint(target());
      assert.equal(endpoint?.guarded, true, 'tracked from Slack: every later look re-checks PROBE_ALLOW');
      assert.equal(endpoint?.channel, 'C0OPS');
      assert.equal(endpoint?.owner, 'U0ADMIN');
      assert.equal((await store.get(thumbprintOf(goodLeaf)))?.channel, 'C0OPS');
      const home = harness.fake.callsTo('views.publish').at(-1);
      assert.ok(JSON.stringify(home?.params).includes(target()), 'App Home shows the endpoint');
      assert.deepEqual(harness.fake.violations, []);
    });

    it('/certcheck list shows the endpoint with what it presents', async () => {
      const { payload } = await commandReply(harness, { text: 'list' });
      const reply = text(payload);
      assert.match(reply, /Tracked endpoints \(1\)/);
      assert.ok(reply.includes(`\`${target()}\``), reply);
      assert.match(reply, /last probed 7 Dec 2026 12:00 UTC/);
      assert.deepEqual(harness.fake.violations, []);
    });

    it('an address outside the list is refused naming PROBE_ALLOW, with no connection', async () => {
      const before = smtp.connections;
      const { payload } = await commandReply(harness, { text: `track smtp://[::1]:${smtp.port}` });
      assert.match(String(payload.text), /is not in PROBE_ALLOW/);
      assert.equal(smtp.connections, before);
      assert.equal(await store.getEndpoint(`smtp://[::1]:${smtp.port}`), undefined);
    });

    it('a reminder run re-checks PROBE_ALLOW: once it no longer allows the endpoint, no connection, and it is said', async () => {
      const before = smtp.connections;
      const report = await runThroughSlack(store, harness.fake.apiUrl, new Date(NOW.getTime() + 86_400_000), {
        endpoints: { allow: NO_PROBES },
      });
      assert.equal(smtp.connections, before);
      assert.deepEqual(report.endpoints?.looked, [{ endpoint: target(), change: 'none', recorded: true }]);
      const said = JSON.stringify(harness.fake.callsTo('chat.postMessage').map((c) => c.params));
      assert.match(said, /PROBE_ALLOW no longer allows it/);

      // Allowed again: looked at (and the certificate is the same one).
      const allowed = parseProbeAllow('127.0.0.1');
      assert.ok(allowed.ok);
      const again = await runThroughSlack(store, harness.fake.apiUrl, new Date(NOW.getTime() + 2 * 86_400_000), {
        endpoints: { allow: allowed.allow },
      });
      assert.equal(smtp.connections, before + 1);
      assert.deepEqual(again.endpoints?.looked, [{ endpoint: target(), change: 'same', recorded: true }]);
    });

    it('/certcheck untrack smtp://… stops looking at it; the certificate stays tracked', async () => {
      const { payload } = await commandReply(harness, { text: `untrack ${target()}` });
      assert.match(String(payload.text), /Stopped tracking/);
      assert.equal((await store.getEndpoint(target()))?.status, 'untracked');
      assert.equal((await store.get(thumbprintOf(goodLeaf)))?.status, 'active');
      const { payload: again } = await commandReply(harness, { text: `untrack ${target()}` });
      assert.match(String(again.text), /already untracked by <@U0ADMIN> on 7 Dec 2026/);
    });
  });

  describe('with PROBE_ALLOW, for someone who is not in the channel', () => {
    let harness: Harness;
    let store: Store;
    before(async () => {
      store = createMemoryStore();
      harness = await startHarness(
        { now: () => NOW, tracking: { store, timeZone: 'UTC' } },
        { PROBE_ALLOW: '127.0.0.1' },
      );
      harness.fake.setDirectory({
        admins: [],
        members: { C0OPS: ['U0AIKO'] },
        channels: { C0OPS: { is_member: true } },
      });
    });
    after(() => harness.close());

    it('cannot track into it: refused as tracking a certificate is, before any connection', async () => {
      const before = smtp.connections;
      const { payload } = await commandReply(harness, {
        text: `track smtp://127.0.0.1:${smtp.port}`,
        user_id: 'U0KEN',
        channel_id: 'C0OPS',
      });
      assert.match(String(payload.text), /you are not in <#C0OPS>/);
      assert.equal(smtp.connections, before);
      assert.deepEqual(await store.listEndpoints({ all: true }), []);
    });
  });
});
