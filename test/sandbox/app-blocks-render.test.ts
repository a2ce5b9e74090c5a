import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type RenderContext, renderBlocks } from '../../src/sandbox/render/block-kit.js';
import { ids } from '../../src/slack/ids.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { runThroughSlack } from '../helpers/reminder-run.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import {
  appMentionEvent,
  blockActionPayload,
  sendCommand,
  sendEvent,
  sendInteraction,
} from '../helpers/slack-request.js';

/**
 * Every block the app sends, rendered: the real app (real core) answers pastes, buttons, Home,
 * modals and a reminder run against the fake Slack; each message and view it sent goes through the
 * sandbox's renderer, which must draw every block and element type in them (no placeholder).
 */

const ctx: RenderContext = {
  surface: 'message',
  channels: [{ id: 'C0OPS', name: 'exchange-ops' }],
  users: [{ id: 'U0ADMIN', name: 'admin' }],
  channelName: () => undefined,
  userName: () => undefined,
};

const text = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Every blocks array in a payload (message, response, view). */
function blockLists(payload: unknown): unknown[][] {
  const found: unknown[][] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'blocks' && Array.isArray(v)) found.push(v);
        else visit(v);
      }
    }
  };
  visit(payload);
  return found;
}

/** Block types, and the types of elements inside them, as `block` and `block/element`. */
function typesIn(blocks: unknown[]): string[] {
  const types: string[] = [];
  for (const block of blocks) {
    const b = block as {
      type: string;
      elements?: { type: string }[];
      element?: { type: string };
      accessory?: { type: string };
    };
    types.push(b.type);
    for (const e of [...(b.elements ?? []), b.element, b.accessory]) if (e) types.push(`${b.type}/${e.type}`);
  }
  return types;
}

describe('the renderer draws every block the app sends', () => {
  let h: Harness;
  const store = createMemoryStore();
  const sent: unknown[] = [];

  before(async () => {
    h = await startHarness({ tracking: { store, timeZone: 'UTC' } });
    const pastes = [
      text('examples/event-12015-exchange2007-hub.txt'),
      text('examples/event-12015-12014-ja.txt'),
      text('examples/get-exchangecertificate-fl.txt'),
      text('examples/certificate-chain.pem'),
      text('examples/owa-1003-auth-certificate.txt'),
      text('test/fixtures/certs/leaf-expiring-soon.pem'),
      'nothing to see here',
    ];
    const click = (actionId: string, value: string) =>
      sendInteraction(h.url, blockActionPayload({ actionId, value, responseUrl: h.fake.responseUrl(actionId) }));
    for (const paste of pastes) {
      const reply = (await commandReply(h, { text: paste })).payload;
      sent.push(reply);
      for (const match of JSON.stringify(reply).matchAll(/"action_id":"([a-z_0-9]+)","value":"((?:[^"\\]|\\.)*)"/g)) {
        await click(match[1]!, JSON.parse(`"${match[2]}"`) as string);
      }
    }
    for (const command of ['', 'help', 'list', 'track', 'untrack nothing']) {
      await sendCommand(h.url, { text: command, response_url: h.fake.responseUrl('cmd') });
    }
    await sendEvent(
      h.url,
      appMentionEvent({ text: `<@${FAKE_BOT.botUserId}> ${text('examples/event-12015-exchange2007-hub.txt')}` }),
    );
    await sendEvent(h.url, { type: 'app_home_opened', user: 'U0ADMIN', tab: 'home', event_ts: '1.2' });
    const tracked = await store.list();
    for (const cert of tracked.slice(0, 1)) {
      const value = JSON.stringify({ t: cert.thumbprint, l: 'en' });
      for (const actionId of [ids.actions.showSteps, ids.actions.markRenewed, ids.actions.snooze1d])
        await click(actionId, value);
    }
    await runThroughSlack(store, h.fake.apiUrl, REFERENCE_NOW, {
      lang: 'ja',
    });
    sent.push(...h.fake.calls.map((c) => c.params));
  });
  after(() => h.close());

  test('the app sent messages and views with every kind of block it builds', () => {
    const seen = new Set(blockLists(sent).flatMap(typesIn));
    for (const expected of [
      'header',
      'section',
      'context',
      'actions',
      'actions/button',
      'rich_text',
      'rich_text/rich_text_preformatted',
      'input',
      'input/plain_text_input',
      'input/conversations_select',
    ]) {
      assert.ok(seen.has(expected), `the flows sent no ${expected}: ${[...seen].sort().join(', ')}`);
    }
  });

  test('each one renders, with no placeholder for an unknown type', () => {
    const lists = blockLists(sent);
    assert.ok(lists.length > 20, `only ${lists.length} payloads`);
    for (const blocks of lists) {
      const html = renderBlocks(blocks, ctx);
      assert.doesNotMatch(html, /bk-unknown/, JSON.stringify(blocks).slice(0, 300));
      assert.equal((html.match(/class="bk-/g) ?? []).length >= blocks.length, true);
    }
  });

  test('every command block is a <pre> holding the command exactly', () => {
    for (const blocks of blockLists(sent)) {
      const html = renderBlocks(blocks, ctx);
      for (const match of JSON.stringify(blocks).matchAll(
        /"rich_text_preformatted","elements":\[\{"type":"text","text":("(?:[^"\\]|\\.)*")/g,
      )) {
        const command = JSON.parse(match[1]!) as string;
        const escaped = command
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;');
        assert.ok(html.includes(`<pre class="bk-pre">${escaped}</pre>`), command);
      }
    }
  });
});
