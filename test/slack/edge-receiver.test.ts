import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { diagnose } from '../../src/core/diagnose.js';
import type { DiagnoseOptions } from '../../src/core/model.js';
import { type CertcheckApp, createApp } from '../../src/slack/app.js';
import type { DiagnosisRunner } from '../../src/slack/deps.js';
import { createLanguageResolver } from '../../src/slack/language.js';
import { createMemoryPasteStore } from '../../src/slack/pastes/paste-store.js';
import { GuardedHttpReceiver } from '../../src/slack/edge/guarded-receiver.js';
import { createReceiver } from '../../src/slack/receiver.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { PASTE_12015 } from '../helpers/diagnoses.js';
import { FAKE_BOT, type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { recordingLogger } from '../helpers/slack-app.js';
import { commandBody, post, SIGNING_SECRET, sendCommand } from '../helpers/slack-request.js';

const FORM = 'application/x-www-form-urlencoded';

/** A runner whose long pastes wait until `release()`: a paste held in memory, its answer not posted yet. */
function heldRunner() {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let waiting = 0;
  const runner: DiagnosisRunner = {
    async diagnose(text: string, options: DiagnoseOptions) {
      if (text.length > 10_000) {
        waiting++;
        await gate;
      }
      return diagnose(text, options);
    },
  };
  return { runner, release: () => release(), waiting: () => waiting };
}

interface Edge {
  fake: FakeSlack;
  url: string;
  app: CertcheckApp;
  heldBytes(): number;
  logs: string[];
  held: ReturnType<typeof heldRunner>;
}

/** The real app over HTTP with acks sent at once (as in production) and a small held-bytes budget. */
async function startEdge(heldBytesLimit: number, bodyLimit?: number): Promise<Edge> {
  const fake = await startFakeSlack();
  const logs: string[] = [];
  const logger = recordingLogger(logs);
  const config = loadConfig({
    SLACK_BOT_TOKEN: FAKE_BOT.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  const held = heldRunner();
  const language = createLanguageResolver(config.defaultLanguage, logger);
  const receiver = createReceiver(config, {
    logger,
    now: () => new Date(),
    processBeforeResponse: false,
    heldBytesLimit,
    language: language.cached,
    ...(bodyLimit !== undefined && { bodyLimit }),
  });
  assert.ok(receiver instanceof GuardedHttpReceiver);
  const app = createApp(
    config,
    {
      now: () => REFERENCE_NOW,
      logger,
      runner: held.runner,
      pastes: createMemoryPasteStore(),
      language,
      tracking: { store: createMemoryStore(), timeZone: 'UTC' },
      fetch: globalThis.fetch,
    },
    {
      receiver,
      identity: { botId: FAKE_BOT.botId, botUserId: FAKE_BOT.botUserId },
      retryConfig: { retries: 0 },
    },
  );
  const { port } = await app.start({ port: 0, host: '127.0.0.1' });
  return {
    fake,
    url: `http://127.0.0.1:${port}/slack/events`,
    app,
    heldBytes: () => receiver.heldBytes(),
    logs,
    held,
  };
}

const LONG_PASTE = `${PASTE_12015}\n${'Get-ExchangeCertificate output line\n'.repeat(600)}`;

describe('the HTTP edge reads each body once, within limits', () => {
  let e: Edge;
  before(async () => {
    e = await startEdge(Number.POSITIVE_INFINITY, 64 * 1024);
  });
  after(async () => {
    e.held.release();
    await e.app.stop();
    await e.fake.close();
  });

  it('a body over the byte cap is refused 413 without reaching a listener', async () => {
    const text = 'x'.repeat(70 * 1024);
    const res = await post(e.url, commandBody({ text, response_url: e.fake.responseUrl('big') }), FORM).catch(
      (error: Error) => ({ status: 0, error }),
    );
    // The connection may be closed before the whole body was sent: either way, nothing was answered 200.
    assert.ok(res.status === 413 || res.status === 0, `status ${res.status}`);
    assert.equal(e.fake.callsTo('response').length, 0);
    assert.ok(e.logs.some((line) => line.includes('(413)')));
  });

  it("Slack's unsigned SSL check is answered 200; the same body with more in it does not reach a listener", async () => {
    const res = await post(e.url, 'ssl_check=1&token=deprecated', FORM, { signature: 'v0=none' });
    assert.equal(res.status, 200);
    assert.equal(res.body, '');
    const smuggled = await post(
      e.url,
      `ssl_check=1&${commandBody({ text: 'help', response_url: e.fake.responseUrl('smuggled') })}`,
      FORM,
      { signature: 'v0=none' },
    );
    assert.equal(smuggled.status, 200);
    assert.equal(smuggled.body, '');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(e.fake.callsTo('response').length, 0, 'the command riding on the SSL check was not run');
  });

  it('url_verification gets its challenge back', async () => {
    const res = await post(e.url, JSON.stringify({ type: 'url_verification', challenge: 'c-123' }), 'application/json');
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { challenge: 'c-123' });
  });

  it('a well-formed command still gets its answer in the ack once the locale is known', async () => {
    await sendCommand(e.url, { text: PASTE_12015, response_url: e.fake.responseUrl('first') });
    await e.fake.waitFor('response', 1);
    const res = await sendCommand(e.url, { text: PASTE_12015, response_url: e.fake.responseUrl('second') });
    assert.equal(res.status, 200);
    assert.match(res.body, /"response_type":"ephemeral"/);
  });
});

describe('memory is bounded end to end: past the held-bytes budget a command is answered busy at once', () => {
  let e: Edge;
  before(async () => {
    e = await startEdge(16 * 1024);
  });
  after(async () => {
    e.held.release();
    await e.app.stop();
    await e.fake.close();
  });

  it('while a long paste is held (its answer not posted), the next command is told to send again, in the ack', async () => {
    const first = await sendCommand(e.url, { text: LONG_PASTE, response_url: e.fake.responseUrl('long') });
    assert.equal(first.status, 200);
    assert.equal(first.body, '', 'a long paste is acked at once, empty');
    while (e.held.waiting() === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const second = await sendCommand(e.url, { text: `${LONG_PASTE}\n# 2`, response_url: e.fake.responseUrl('next') });
    assert.equal(second.status, 200);
    assert.ok(second.ms < 1000, `busy answered in ${Math.round(second.ms)} ms`);
    const busy = JSON.parse(second.body) as { response_type: string; text: string };
    assert.equal(busy.response_type, 'ephemeral');
    assert.match(busy.text, /Send it again in a minute/);
    assert.equal(e.held.waiting(), 1, 'the refused paste was never read');

    // A short paste is cheap and read inline: it still gets its diagnosis.
    const short = await sendCommand(e.url, { text: PASTE_12015, response_url: e.fake.responseUrl('short') });
    assert.doesNotMatch(short.body, /Send it again/);

    e.held.release();
    const [answer] = await e.fake.waitFor('response', 1);
    assert.match(JSON.stringify(answer?.params), /Transport certificate expired on HUB01/);
    // Released: the next command is read and answered again.
    while (e.heldBytes() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const third = await sendCommand(e.url, { text: PASTE_12015, response_url: e.fake.responseUrl('third') });
    assert.doesNotMatch(third.body, /Send it again/);
  });

  it('control: with no budget, the same second long paste is read instead of being answered busy', async () => {
    const open = await startEdge(Number.POSITIVE_INFINITY);
    try {
      await sendCommand(open.url, { text: LONG_PASTE, response_url: open.fake.responseUrl('long') });
      while (open.held.waiting() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await sendCommand(open.url, {
        text: `${LONG_PASTE}\n# 2`,
        response_url: open.fake.responseUrl('next'),
      });
      assert.doesNotMatch(second.body, /Send it again/);
      while (open.held.waiting() < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    } finally {
      open.held.release();
      await open.app.stop();
      await open.fake.close();
    }
  });
});
