import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { findElement } from '../../src/sandbox/block-ids.js';
import { pageState } from '../../src/sandbox/page-state.js';
import { commandBody } from '../../src/sandbox/signer.js';
import { SANDBOX_CHANNELS, SANDBOX_USER, type SandboxMessage } from '../../src/sandbox/workspace.js';
import { example, fixtureCert, type SandboxHarness, startSandboxHarness } from './sandbox-harness.js';

const OPS = SANDBOX_CHANNELS[0]!.id;

/** The first button on a message whose label is `label`, as the page would click it. */
function button(message: SandboxMessage, label: string | RegExp) {
  for (const block of message.blocks ?? []) {
    const b = block as {
      block_id?: string;
      elements?: { type: string; action_id?: string; text?: { text?: string } }[];
    };
    const el = b.elements?.find(
      (e) =>
        e.type === 'button' && (typeof label === 'string' ? e.text?.text === label : label.test(e.text?.text ?? '')),
    );
    if (el && b.block_id && el.action_id) return { messageId: message.id, blockId: b.block_id, actionId: el.action_id };
  }
  throw new Error(`no button "${label}" on ${message.id}: ${JSON.stringify(message.blocks)}`);
}

const lastApp = (h: SandboxHarness) => h.sandbox.workspace.messages.filter((m) => m.author === 'app').at(-1)!;

describe('the sandbox in front of the real app', () => {
  let h: SandboxHarness;
  before(async () => {
    h = await startSandboxHarness();
  });
  after(async () => {
    await h.close();
  });

  test('the slash command carries exactly the fields Slack sends, in its order', () => {
    const fields = [
      ...new URLSearchParams(
        commandBody({
          command: '/certcheck',
          text: 'CN=A & B <x>',
          channel: SANDBOX_CHANNELS[0]!,
          responseUrl: 'http://127.0.0.1:1/response/r1',
          triggerId: '1.2.abc',
        }),
      ),
    ];
    assert.deepEqual(
      fields.map(([k]) => k),
      [
        'token',
        'team_id',
        'team_domain',
        'channel_id',
        'channel_name',
        'user_id',
        'user_name',
        'command',
        'text',
        'api_app_id',
        'is_enterprise_install',
        'response_url',
        'trigger_id',
      ],
    );
    assert.equal(new URLSearchParams(fields).get('text'), 'CN=A &amp; B &lt;x&gt;');
  });

  test('a 12015 paste after /certcheck is answered with the first command in a <pre>', async () => {
    const out = await h.page('send', {
      channel: OPS,
      text: `/certcheck ${example('event-12015-exchange2007-hub.txt')}`,
    });
    assert.deepEqual(out, { ok: true });
    const reply = lastApp(h);
    assert.equal(reply.ephemeral, true);
    const html = pageState(h.sandbox.workspace, OPS).messages.find((m) => m.id === reply.id)!.html;
    assert.match(html, /Only visible to you/);
    const pre = /<pre class="bk-pre">([^<]+)<\/pre>/.exec(html);
    assert.ok(pre, 'a command in a <pre>');
    assert.match(pre[1]!, /\S/);
    assert.match(html, /href="https:\/\/app\.slack\.com\/block-kit-builder\/#%7B%22blocks%22/);
  });

  test('日本語 replaces the reply in place with the Japanese answer', async () => {
    const reply = lastApp(h);
    const count = h.sandbox.workspace.messages.length;
    assert.deepEqual(await h.page('action', button(reply, '日本語')), { ok: true });
    assert.equal(h.sandbox.workspace.messages.length, count, 'no new message');
    const redrawn = h.sandbox.workspace.byId(reply.id)!;
    assert.equal(redrawn.version, 2);
    assert.match(JSON.stringify(redrawn.blocks), /[\u3040-\u30ff]/);
  });

  test('a PEM, Track, the channel preselected, Submit: the certificate is on Home', async () => {
    await h.page('send', { channel: OPS, text: `/certcheck ${fixtureCert('leaf-expiring-soon.pem')}` });
    const reply = lastApp(h);
    await h.page('action', button(reply, /^Track/));
    const modal = h.sandbox.workspace.modalStack.at(-1);
    assert.ok(modal, 'the Track dialog is open');
    const html = pageState(h.sandbox.workspace, OPS).modal!.html;
    assert.match(html, new RegExp(`<option value="${OPS}" selected>#exchange-ops</option>`));
    const input = (modal.view.blocks as { type: string; block_id: string; element: { action_id: string } }[]).find(
      (b) => b.type === 'input',
    )!;
    assert.ok(findElement(modal.view.blocks, input.block_id, input.element.action_id));
    assert.deepEqual(
      await h.page('submit', { viewId: modal.id, values: { [input.block_id]: { [input.element.action_id]: OPS } } }),
      { ok: true },
    );
    assert.equal(h.sandbox.workspace.modalStack.length, 0, 'the dialog closed');
    const tracked = await h.store.list();
    assert.equal(tracked.length, 1);
    assert.equal(tracked[0]!.channel, OPS);
    await h.page('home', {});
    const home = pageState(h.sandbox.workspace, OPS).home;
    assert.ok(home);
    assert.match(home.html, /owa\.contoso\.com/);
  });

  test('Run reminders now posts the digest into the channel; a second run finds nothing due', async () => {
    assert.deepEqual(await h.page('reminders', { channel: OPS }), { ok: true });
    const digest = lastApp(h);
    assert.equal(digest.ephemeral, false);
    assert.equal(digest.channel, OPS);
    assert.match(JSON.stringify(digest.blocks), /owa\.contoso\.com/);
    assert.match(h.sandbox.workspace.notice, /1 reminder sent in 1 message/);
    await h.page('reminders', { channel: OPS });
    assert.match(h.sandbox.workspace.notice, /nothing is due/);
  });

  test('Snooze on the digest: chat.update redraws the same message in place', async () => {
    const digest = lastApp(h);
    const count = h.sandbox.workspace.messages.length;
    await h.page('action', button(digest, /Snooze 1 day/));
    const redrawn = h.sandbox.workspace.byId(digest.id)!;
    assert.equal(redrawn.version, 2);
    assert.equal(redrawn.edited, true);
    assert.match(JSON.stringify(redrawn.blocks), /[Ss]nooze/);
    assert.ok(h.sandbox.workspace.messages.length <= count + 1, 'at most a reply to you, never a second digest');
  });

  test('Share in channel: the response_url post with response_type in_channel is seen by everyone', async () => {
    await h.page('send', { channel: OPS, text: `/certcheck ${example('event-12015-exchange2007-hub.txt')}` });
    const reply = lastApp(h);
    await h.page('action', button(reply, 'Share in channel'));
    const shared = lastApp(h);
    assert.notEqual(shared.id, reply.id);
    assert.equal(shared.ephemeral, false);
    assert.equal(shared.channel, OPS);
  });

  test('a bare /certcheck opens the paste dialog; a required field left empty is asked for, a paste is answered', async () => {
    await h.page('send', { channel: OPS, text: '/certcheck' });
    const modal = h.sandbox.workspace.modalStack.at(-1)!;
    assert.ok(modal, 'the paste dialog is open');
    await h.page('submit', { viewId: modal.id, values: {} });
    assert.equal(h.sandbox.workspace.modalStack.length, 1, 'still open');
    assert.match(pageState(h.sandbox.workspace, OPS).modal!.html, /role="alert">Please complete this required field/);
    const input = (modal.view.blocks as { type: string; block_id: string; element: { action_id: string } }[]).find(
      (b) => b.type === 'input',
    )!;
    const paste = example('event-12015-exchange2007-hub.txt');
    await h.page('submit', { viewId: modal.id, values: { [input.block_id]: { [input.element.action_id]: paste } } });
    assert.equal(h.sandbox.workspace.modalStack.length, 0);
    const answer = lastApp(h);
    assert.equal(answer.ephemeral, true);
    assert.match(JSON.stringify(answer.blocks), /rich_text_preformatted/);
  });

  test('Cancel closes a dialog without telling the app (it did not ask to be told)', async () => {
    await h.page('send', { channel: OPS, text: '/certcheck' });
    const modal = h.sandbox.workspace.modalStack.at(-1)!;
    const calls = h.sandbox.workspace.calls.length;
    assert.deepEqual(await h.page('close', { viewId: modal.id }), { ok: true });
    assert.equal(h.sandbox.workspace.modalStack.length, 0);
    assert.equal(h.sandbox.workspace.calls.length, calls);
  });

  test('another slash command, and a message without @certcheck, are explained instead of sent', async () => {
    await h.page('send', { channel: OPS, text: '/remind me later' });
    assert.match(h.sandbox.workspace.messages.at(-1)!.text, /\/remind is not a command in this workspace/);
    await h.page('send', { channel: OPS, text: 'hello team' });
    assert.match(h.sandbox.workspace.notice, /only sees messages that mention @certcheck/);
  });

  test('/certcheck probe answers as in Slack: refused, naming PROBE_ALLOW, when nothing is allowed', async () => {
    await h.page('send', { channel: OPS, text: '/certcheck probe mail.contoso.com:25' });
    const answer = lastApp(h);
    assert.equal(answer.ephemeral, true);
    assert.match(`${answer.text} ${JSON.stringify(answer.blocks ?? [])}`, /PROBE_ALLOW/);
  });

  test('@certcheck with a paste is answered in a thread under the message', async () => {
    await h.page('send', {
      channel: OPS,
      text: `@certcheck what is this?\n${example('event-12015-exchange2007-hub.txt')}`,
    });
    const mine = h.sandbox.workspace.messages.filter((m) => m.author === 'user').at(-1)!;
    const reply = lastApp(h);
    assert.equal(reply.threadTs, mine.ts);
    const state = pageState(h.sandbox.workspace, OPS);
    const article = state.messages.find((m) => m.id === mine.id)!;
    assert.match(article.html, /<section class="thread" aria-label="Thread: 1 reply">/);
  });

  test('every Web API call the app made was answered ok and is listed', () => {
    const failed = h.sandbox.workspace.calls.filter((c) => !c.ok);
    assert.deepEqual(failed, []);
    const methods = new Set(h.sandbox.workspace.calls.map((c) => c.method));
    for (const m of ['auth.test', 'response_url', 'views.open', 'views.publish', 'chat.postMessage']) {
      assert.ok(methods.has(m), `${m} in ${[...methods].join(', ')}`);
    }
  });

  test('a private key typed into a message is never shown back', async () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    await h.page('send', { channel: OPS, text: `just a note\n${key}` });
    const mine = h.sandbox.workspace.messages.filter((m) => m.author === 'user').at(-1)!;
    assert.doesNotMatch(JSON.stringify(mine), /MIIEvQIBADANBgkqhkiG9w0BAQEFAASC/);
    assert.match(mine.text, /\[private key not shown\]/);
  });

  test('only loopback names, only the page itself, only the bot token', async () => {
    const port = h.sandbox.port;
    const status = (headers: Record<string, string>, path = '/', method = 'GET', body = '') =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    assert.equal(await status({ host: `evil.example:${port}` }), 421);
    assert.equal(await status({ host: `localhost:${port}` }), 200);
    assert.equal(
      await status(
        { host: `localhost:${port}`, origin: 'https://evil.example', 'content-type': 'application/json' },
        '/sandbox/send',
        'POST',
        JSON.stringify({ channel: OPS, text: '/certcheck help' }),
      ),
      403,
    );
    assert.equal(
      await status({ host: `localhost:${port}`, 'content-type': 'text/plain' }, '/sandbox/send', 'POST', '{}'),
      415,
    );
    const api = await fetch(`http://127.0.0.1:${port}/api/chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-guess', 'content-type': 'application/x-www-form-urlencoded' },
      body: `channel=${OPS}&text=hi`,
    });
    assert.deepEqual(await api.json(), { ok: false, error: 'invalid_auth' });
    assert.ok(!h.sandbox.workspace.messages.some((m) => m.text === 'hi'));
  });

  test('nothing the app logged carries the bot token or a pasted key', () => {
    const logs = h.logs.join('\n');
    assert.doesNotMatch(logs, /xoxb-sandbox-/);
    assert.doesNotMatch(logs, /MIIEvQIBADANBgkqhkiG9w0BAQEFAASC/);
    assert.ok(SANDBOX_USER.id);
  });
});
