import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { fakeDiagnose, PASTE_12015 } from '../helpers/diagnoses.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { type Harness, startHarness } from '../helpers/slack-app.js';
import { appMentionEvent, sendCommand, sendEvent } from '../helpers/slack-request.js';

const json = (value: unknown) => JSON.stringify(value);
const mention = `<@${FAKE_BOT.botUserId}> ${PASTE_12015}`;

describe('when Slack fails, the user still hears back', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ diagnose: fakeDiagnose() });
  });
  afterEach(() => {
    assert.deepEqual(h.fake.violations, []);
    h.fake.reset();
  });
  after(() => h.close());

  it('429 on the thread answer: a friendly ephemeral about slowing down', async () => {
    h.fake.fail('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
    const res = await sendEvent(h.url, appMentionEvent({ text: mention, threadTs: '1700000100.000100' }));
    assert.equal(res.status, 200);
    const [sorry] = h.fake.callsTo('chat.postEphemeral');
    assert.equal(sorry?.params.user, 'U0ADMIN');
    assert.equal(sorry?.params.thread_ts, '1700000100.000100');
    assert.match(json(sorry?.params), /slow down/);
  });

  it('ok:false not_in_channel: says to invite the bot', async () => {
    h.fake.fail('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    await sendEvent(h.url, appMentionEvent({ text: mention }));
    assert.match(json(h.fake.callsTo('chat.postEphemeral')[0]?.params), /\/invite @certcheck/);
  });

  it('a refused response_url falls back to an ephemeral message', async () => {
    h.fake.fail('response', { kind: 'http', status: 500 }, 2);
    // A user whose locale is not known yet, so the answer goes through response_url.
    await sendCommand(h.url, { text: PASTE_12015, user_id: 'U0NEW', response_url: h.fake.responseUrl('r1') });
    assert.equal(h.fake.callsTo('response').length, 2, 'the answer, then the apology');
    const [sorry] = h.fake.callsTo('chat.postEphemeral');
    assert.equal(sorry?.params.channel, 'C0OPS');
    assert.equal(sorry?.params.user, 'U0NEW');
    assert.match(json(sorry?.params), /something went wrong/);
  });

  it('a failed modal open still answers, through response_url', async () => {
    h.fake.fail('views.open', { kind: 'error', error: 'expired_trigger_id' });
    await sendCommand(h.url, { text: '', response_url: h.fake.responseUrl('r2') });
    assert.match(json(h.fake.callsTo('response')[0]?.params), /something went wrong/);
  });

  it('never logs the bot token or the paste', async () => {
    h.fake.fail('chat.postMessage', { kind: 'error', error: 'invalid_auth' });
    await sendEvent(h.url, appMentionEvent({ text: mention }));
    const logs = h.logs.join('\n');
    assert.match(logs, /invalid_auth/);
    assert.ok(!logs.includes(FAKE_BOT.token));
    assert.ok(!logs.includes('Event Source:'), 'the paste itself is not logged, even at debug level');
  });
});

describe('startup', () => {
  it('an auth.test failure is a clear startup error, not a hang', async () => {
    const { startFakeSlack } = await import('../helpers/fake-slack.js');
    const { identifyBot, StartupError } = await import('../../src/slack/connect.js');
    const { loadConfig } = await import('../../src/config.js');
    const fake = await startFakeSlack();
    try {
      fake.fail('auth.test', { kind: 'error', error: 'invalid_auth' });
      const config = loadConfig({
        SLACK_BOT_TOKEN: FAKE_BOT.token,
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.apiUrl,
      });
      await assert.rejects(identifyBot(config), (error: Error) => {
        assert.ok(error instanceof StartupError);
        assert.match(error.message, /invalid_auth/);
        return true;
      });
      assert.equal(fake.callsTo('auth.test').length, 1);
    } finally {
      await fake.close();
    }
  });
});
