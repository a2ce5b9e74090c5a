import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, slackStartProblems } from '../src/config.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databasePath, './data/certcheck.db');
    assert.deepEqual(config.reminders, { cron: '0 9 * * 1-5', timeZone: 'UTC', days: [60, 30, 14, 7, 3, 1, 0] });
    assert.equal(config.defaultLanguage, 'en');
    assert.equal(config.logLevel, 'info');
    assert.deepEqual(config.slack, {});
  });

  it('treats empty strings as unset (a copied .env.example)', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: '', PORT: '', REMINDER_CHANNEL: ' ', CERTCHECK_LANG: '' });
    assert.equal(config.slack.botToken, undefined);
    assert.equal(config.port, 3000);
    assert.equal(config.reminders.defaultChannel, undefined);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_APP_TOKEN: 'xapp-1',
      PORT: '8080',
      SLACK_API_URL: 'https://slack-gov.com/api',
      DATABASE_URL: 'file:/var/lib/certcheck/c.db',
      REMINDER_CRON: '0 8 * * *',
      REMINDER_TZ: 'Asia/Tokyo',
      REMINDER_DAYS: '7, 30,1,30',
      REMINDER_CHANNEL: 'C0OPS',
      CERTCHECK_LANG: 'ja',
      LOG_LEVEL: 'DEBUG',
    });
    assert.equal(config.slack.apiUrl, 'https://slack-gov.com/api/');
    assert.equal(config.databasePath, '/var/lib/certcheck/c.db');
    assert.deepEqual(config.reminders.days, [30, 7, 1]);
    assert.equal(config.reminders.timeZone, 'Asia/Tokyo');
    assert.equal(config.defaultLanguage, 'ja');
    assert.equal(config.logLevel, 'debug');
    assert.deepEqual(slackStartProblems(config), []);
  });

  it('names every bad variable at once, in words an admin understands', () => {
    try {
      loadConfig({
        PORT: 'abc',
        SLACK_BOT_TOKEN: 'xoxp-1',
        REMINDER_TZ: 'Mars/Base',
        REMINDER_DAYS: 'soon',
        CERTCHECK_LANG: 'fr',
        LOG_LEVEL: 'loud',
      });
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(
        error.problems.map((p) => p.split(':')[0]),
        ['SLACK_BOT_TOKEN', 'PORT', 'REMINDER_TZ', 'REMINDER_DAYS', 'CERTCHECK_LANG', 'LOG_LEVEL'],
      );
      for (const problem of error.problems) assert.doesNotMatch(problem, /Invalid input|expected/, problem);
    }
  });

  it('says what starting the bot still needs', () => {
    assert.equal(slackStartProblems(loadConfig({})).length, 2);
    assert.deepEqual(slackStartProblems(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })), []);
    assert.match(slackStartProblems(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))[0] ?? '', /SLACK_SIGNING_SECRET/);
  });
});
