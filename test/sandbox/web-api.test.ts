import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerResponseUrl } from '../../src/sandbox/response-url.js';
import { answerWebApi, parseApiBody } from '../../src/sandbox/web-api.js';
import { SANDBOX_CHANNELS, SANDBOX_USER, Workspace } from '../../src/sandbox/workspace.js';
import { at } from '../helpers/clock.js';

const OPS = SANDBOX_CHANNELS[0]!.id;
const fresh = () => new Workspace(() => at('2026-11-28T12:00:00Z'));
const modal = (title: string) => ({ type: 'modal', title: { type: 'plain_text', text: title }, blocks: [] });

describe('the Web API stand-in', () => {
  test('form bodies with JSON fields are read as the Web API client sends them', () => {
    const params = parseApiBody(
      `channel=${OPS}&text=hi&blocks=${encodeURIComponent('[{"type":"divider"}]')}`,
      'application/x-www-form-urlencoded',
    );
    assert.deepEqual(params, { channel: OPS, text: 'hi', blocks: [{ type: 'divider' }] });
  });

  test('chat.postMessage, then chat.update in place; errors as Slack names them', () => {
    const ws = fresh();
    const posted = answerWebApi(ws, 'chat.postMessage', { channel: OPS, text: 'one', blocks: [{ type: 'divider' }] });
    assert.equal(posted.ok, true);
    assert.match(String(posted.ts), /^1795867200\.\d{6}$/);
    const updated = answerWebApi(ws, 'chat.update', { channel: OPS, ts: posted.ts, text: 'two' });
    assert.equal(updated.ok, true);
    assert.equal(ws.messages.length, 1);
    assert.equal(ws.messages[0]!.text, 'two');
    assert.equal(ws.messages[0]!.version, 2);
    assert.deepEqual(answerWebApi(ws, 'chat.postMessage', { channel: 'C0NOPE', text: 'x' }), {
      ok: false,
      error: 'channel_not_found',
    });
    assert.deepEqual(answerWebApi(ws, 'chat.update', { channel: OPS, ts: '1.2', text: 'x' }), {
      ok: false,
      error: 'message_not_found',
    });
    assert.deepEqual(answerWebApi(ws, 'chat.postMessage', { channel: OPS }), { ok: false, error: 'no_text' });
    assert.deepEqual(answerWebApi(ws, 'no.such.method', {}), { ok: false, error: 'unknown_method' });
  });

  test('a post to your user id lands in the direct message with the app', () => {
    const ws = fresh();
    const posted = answerWebApi(ws, 'chat.postEphemeral', {
      channel: SANDBOX_USER.id,
      user: SANDBOX_USER.id,
      text: 'hi',
    });
    assert.equal(posted.ok, true);
    assert.equal(ws.messages[0]!.channel, 'D0CERTCHECK');
    assert.equal(ws.messages[0]!.ephemeral, true);
  });

  test('views.open, views.push, views.update (hash checked) and views.publish', () => {
    const ws = fresh();
    assert.deepEqual(answerWebApi(ws, 'views.open', { view: modal('A') }), { ok: false, error: 'invalid_trigger_id' });
    const opened = answerWebApi(ws, 'views.open', { trigger_id: 't', view: modal('A') });
    const view = opened.view as { id: string; hash: string };
    answerWebApi(ws, 'views.push', { trigger_id: 't', view: modal('B') });
    assert.equal(ws.modalStack.length, 2);
    assert.deepEqual(answerWebApi(ws, 'views.update', { view_id: view.id, hash: 'stale', view: modal('C') }), {
      ok: false,
      error: 'hash_conflict',
    });
    assert.equal(answerWebApi(ws, 'views.update', { view_id: view.id, hash: view.hash, view: modal('C') }).ok, true);
    assert.deepEqual(ws.modalStack[0]!.view.title, { type: 'plain_text', text: 'C' });
    const home = answerWebApi(ws, 'views.publish', { user_id: SANDBOX_USER.id, view: { type: 'home', blocks: [] } });
    assert.equal(home.ok, true);
    assert.ok(ws.homes.get(SANDBOX_USER.id));
  });

  test('users.info, conversations.*, users.conversations and files.info answer in Slack’s shapes', () => {
    const ws = fresh();
    const user = answerWebApi(ws, 'users.info', { user: SANDBOX_USER.id, include_locale: 'true' });
    assert.equal((user.user as { locale: string }).locale, 'en-US');
    assert.equal(
      (answerWebApi(ws, 'conversations.info', { channel: OPS }).channel as { name: string }).name,
      'exchange-ops',
    );
    assert.deepEqual(
      (answerWebApi(ws, 'users.conversations', {}).channels as { id: string }[]).map((c) => c.id),
      SANDBOX_CHANNELS.map((c) => c.id),
    );
    assert.equal((answerWebApi(ws, 'conversations.members', { channel: OPS }).members as string[]).length, 2);
    answerWebApi(ws, 'chat.postMessage', {
      channel: OPS,
      text: 'digest',
      metadata: { event_type: 'x', event_payload: {} },
    });
    const history = answerWebApi(ws, 'conversations.history', { channel: OPS, include_all_metadata: 'true' });
    assert.deepEqual((history.messages as { metadata: unknown }[])[0]!.metadata, {
      event_type: 'x',
      event_payload: {},
    });
    assert.deepEqual(answerWebApi(ws, 'files.info', { file: 'F1' }), { ok: false, error: 'file_not_found' });
  });

  test('response_url: replace_original in place, delete_original, ephemeral or in_channel, five uses', () => {
    const ws = fresh();
    const source = ws.post({ channel: OPS, author: 'app', text: 'old', ephemeral: true });
    const id = ws.responseUrlTarget({ channel: OPS, messageId: source.id });
    assert.equal(answerResponseUrl(ws, id, { replace_original: true, text: 'new' }).status, 200);
    assert.equal(ws.byId(source.id)!.text, 'new');
    answerResponseUrl(ws, id, { text: 'to you' });
    assert.equal(ws.messages.at(-1)!.ephemeral, true);
    answerResponseUrl(ws, id, { text: 'to all', response_type: 'in_channel' });
    assert.equal(ws.messages.at(-1)!.ephemeral, false);
    answerResponseUrl(ws, id, { delete_original: true });
    assert.equal(ws.byId(source.id), undefined);
    assert.equal(answerResponseUrl(ws, id, { text: 'fifth' }).status, 200);
    assert.deepEqual(answerResponseUrl(ws, id, { text: 'sixth' }), { status: 404, body: 'used_url' });
    assert.deepEqual(answerResponseUrl(ws, 'nope', { text: 'x' }), { status: 404, body: 'expired_url' });
  });
});
