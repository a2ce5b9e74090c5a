import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/slack/app.js';
import { createInlineRunner } from '../../src/slack/deps.js';
import { createLanguageResolver } from '../../src/slack/language.js';
import { createMemoryPasteStore } from '../../src/slack/pastes/paste-store.js';
import { createReceiver } from '../../src/slack/receiver.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { fakeDiagnose, PASTE_12015 } from '../helpers/diagnoses.js';
import { FAKE_APP_TOKEN, FAKE_BOT, startFakeSlack } from '../helpers/fake-slack.js';
import { startFakeSocketMode } from '../helpers/fake-socket-mode.js';
import { recordingLogger } from '../helpers/slack-app.js';

const json = (value: unknown) => JSON.stringify(value);

const slashCommand = (id: string, text: string, responseUrl: string) => ({
  envelope_id: id,
  type: 'slash_commands',
  accepts_response_payload: true,
  payload: {
    token: 'deprecated',
    team_id: 'T0TEAM',
    team_domain: 'contoso',
    channel_id: 'C0OPS',
    channel_name: 'exchange-ops',
    user_id: 'U0ADMIN',
    user_name: 'admin',
    command: '/certcheck',
    text,
    api_app_id: 'A0CERT',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1337.42.trigger',
  },
});

describe('Socket Mode against a local stand-in for Slack', () => {
  it('acknowledges and answers a slash command, and comes back after the connection drops', async () => {
    const fake = await startFakeSlack();
    const socket = await startFakeSocketMode();
    fake.setSocketUrl(socket.url);
    const logs: string[] = [];
    const logger = recordingLogger(logs);
    const config = loadConfig({
      SLACK_BOT_TOKEN: FAKE_BOT.token,
      SLACK_APP_TOKEN: FAKE_APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
    });
    const certcheck = createApp(
      config,
      {
        now: () => REFERENCE_NOW,
        logger,
        runner: createInlineRunner(fakeDiagnose()),
        pastes: createMemoryPasteStore(),
        language: createLanguageResolver(config.defaultLanguage, logger),
        tracking: { store: createMemoryStore(), timeZone: 'UTC' },
        fetch: globalThis.fetch,
      },
      {
        receiver: createReceiver(config, { logger, now: () => REFERENCE_NOW }),
        identity: { botId: FAKE_BOT.botId, botUserId: FAKE_BOT.botUserId },
        retryConfig: { retries: 0 },
      },
    );
    try {
      assert.deepEqual(await certcheck.start(), {}, 'Socket Mode listens on no port');
      assert.equal(fake.callsTo('apps.connections.open').length, 1);

      const ack = await socket.send(slashCommand('env-1', 'help', fake.responseUrl('help')));
      assert.equal(ack.envelope_id, 'env-1');
      const [help] = await fake.waitFor('response');
      assert.match(json(help?.params), /Slash commands do not work in threads/);

      socket.drop();
      await socket.waitForConnections(2);
      assert.equal(fake.callsTo('apps.connections.open').length, 2, 'a new URL was asked for');

      // A paste whose language is known is answered in the ack itself.
      fake.setLocale('U0ADMIN', 'en-US');
      await socket.send(slashCommand('env-2', 'help', fake.responseUrl('again')));
      await fake.waitFor('response', 2);
      const answered = await socket.send(slashCommand('env-3', PASTE_12015, fake.responseUrl('paste')));
      assert.match(json(answered.payload), /Transport certificate expired on HUB01/);
      assert.deepEqual(fake.violations, []);
    } finally {
      await certcheck.stop();
      await socket.close();
      await fake.close();
    }
  });
});
