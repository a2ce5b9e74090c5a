import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createPooledRunner } from '../../src/diagnosis/pooled-runner.js';
import { PASTE_12015 } from '../helpers/diagnoses.js';
import { type Harness, startHarness } from '../helpers/slack-app.js';
import { sendCommand } from '../helpers/slack-request.js';
import { HANG_MARKER } from './stuck-worker.js';

/**
 * The real app over signed HTTP with the pooled runner, as `npm start` wires it, while a paste
 * keeps a pool thread stuck: health checks and other people's commands are answered at once, and
 * the stuck paste gets its "took too long" answer through response_url.
 */
const budgetMs = 1500;
const runner = createPooledRunner({
  budgetMs,
  maxThreads: 2,
  workerUrl: new URL('./stuck-worker.ts', import.meta.url),
});
let h: Harness;
before(async () => {
  await runner.ready();
  // processBeforeResponse off, as in production: the ack goes before the listener's work.
  h = await startHarness({ runner, processBeforeResponse: false });
});
after(async () => {
  await h.close();
  await runner.close();
});

const replyTexts = () => h.fake.callsTo('response').map((c) => JSON.stringify(c.params));

test('/healthz and a short /certcheck answer within 1 s while a long paste is stuck on a pool thread', async () => {
  const filler = 'Get-ExchangeCertificate output was not pasted here.\n'.repeat(400);
  const stuckPaste = `${PASTE_12015}\n\n${filler}${HANG_MARKER}`;
  const started = performance.now();
  const stuckAck = await sendCommand(h.url, { text: stuckPaste, response_url: h.fake.responseUrl('stuck') });
  assert.equal(stuckAck.status, 200);
  assert.ok(stuckAck.ms < 1000, `the long paste's own ack took ${Math.round(stuckAck.ms)} ms`);

  const health = performance.now();
  const res = await fetch(`${h.origin}/healthz`);
  assert.equal(res.status, 200);
  assert.ok(performance.now() - health < 1000, 'healthz waited');

  const short = await sendCommand(h.url, { text: PASTE_12015, response_url: h.fake.responseUrl('short') });
  assert.equal(short.status, 200);
  assert.ok(short.ms < 1000, `a short /certcheck ack took ${Math.round(short.ms)} ms`);
  // Its answer: in the ack, or through response_url, well before the stuck paste's.
  if (short.body === '') await h.fake.waitFor('response', 1, 5000);
  const shortAnswer = short.body || (replyTexts()[0] ?? '');
  assert.match(shortAnswer, /HUB01/);
  assert.doesNotMatch(shortAnswer, /took too long/);
  assert.equal(
    replyTexts().some((t) => /took too long/.test(t)),
    false,
    'the stuck paste is still being read',
  );

  // The stuck paste: answered once its budget is spent, saying so, with what its start showed.
  await h.fake.waitFor('response', short.body === '' ? 2 : 1, 10_000);
  const answered = performance.now() - started;
  const stuckAnswer = replyTexts().find((t) => /took too long to read/.test(t));
  assert.ok(stuckAnswer, replyTexts().join('\n'));
  assert.match(stuckAnswer, /HUB01/);
  assert.ok(answered < budgetMs + 3000, `the stuck paste was answered after ${Math.round(answered)} ms`);
});
