import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardSlackRequest } from '../../src/slack/edge/request-guard.js';
import { PASTE_12015 } from '../helpers/diagnoses.js';
import { commandBody, SIGNING_SECRET, sign } from '../helpers/slack-request.js';

const NOW = 1_800_000_000;

function signedCommand(text: string) {
  const body = commandBody({ text, response_url: 'https://hooks.slack.test/response' });
  return {
    rawBody: Buffer.from(body),
    contentType: 'application/x-www-form-urlencoded',
    timestamp: String(NOW),
    signature: sign(body, NOW),
  };
}

describe('the request guard, for a command that will only be told certcheck is busy', () => {
  it('checks the signature and reads who sent which command, without decoding the paste', () => {
    const verdict = guardSlackRequest(signedCommand(PASTE_12015), SIGNING_SECRET, NOW, { withoutPaste: true });
    assert.ok(verdict.ok && verdict.kind === 'slack');
    assert.equal(verdict.body.text, '');
    assert.equal(verdict.body.user_id, 'U0ADMIN');
    assert.equal(verdict.body.command, '/certcheck');
  });

  it('control: the same request otherwise carries its paste', () => {
    const verdict = guardSlackRequest(signedCommand(PASTE_12015), SIGNING_SECRET, NOW);
    assert.ok(verdict.ok && verdict.kind === 'slack');
    assert.equal(verdict.body.text, PASTE_12015);
  });

  it('a forged busy request is still refused', () => {
    const forged = { ...signedCommand(PASTE_12015), signature: 'v0=forged' };
    const verdict = guardSlackRequest(forged, SIGNING_SECRET, NOW, { withoutPaste: true });
    assert.deepEqual(verdict, { ok: false, status: 401, reason: 'bad signature' });
  });
});
