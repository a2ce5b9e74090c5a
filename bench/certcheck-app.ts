import { join } from 'node:path';
import { type Logger, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.js';
import { createPooledRunner, SERVING_NICE_INCREMENT } from '../src/diagnosis/pooled-runner.js';
import { keepHeapNearLiveSize } from '../src/heap-growth.js';
import { countDiagnoses, createMetrics, timedFetch } from '../src/metrics.js';
import { createApp } from '../src/slack/app.js';
import { createLanguageResolver } from '../src/slack/language.js';
import { openSqlitePasteStore } from '../src/slack/pastes/sqlite-paste-store.js';
import { createReceiver } from '../src/slack/receiver.js';
import { countSlackRequests } from '../src/slack/request-metrics.js';
import { fetchWithin } from '../src/slack/respond.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { FAKE_BOT } from '../test/helpers/fake-slack.js';
import { SIGNING_SECRET } from '../test/helpers/slack-request.js';

/** Logging would dominate a loopback benchmark; certcheck and bare Bolt get the same silent logger. */
export const silent: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

export interface RunningCertcheck {
  /** `http://127.0.0.1:<port>/slack/events` */
  url: string;
  stop(): Promise<void>;
}

/**
 * certcheck put together as `npm start` does (SQLite tracking and paste stores in `dir`, the
 * pooled diagnosis runner, the heap kept near its live size, the guarded HTTP receiver with
 * processBeforeResponse off, the request and diagnosis metrics, answers posted with a time limit),
 * talking to the Web API at `apiUrl`, listening on loopback.
 */
export async function startCertcheck(options: { apiUrl: string; dir: string }): Promise<RunningCertcheck> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: FAKE_BOT.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.apiUrl,
    DATABASE_URL: `file:${join(options.dir, 'certcheck.db')}`,
  });
  keepHeapNearLiveSize();
  const store = openSqliteStore(config.databasePath);
  const pastes = openSqlitePasteStore(config.databasePath);
  const runner = createPooledRunner({ niceIncrement: SERVING_NICE_INCREMENT });
  await runner.ready();
  const now = () => new Date();
  const monotonic = () => performance.now();
  const metrics = createMetrics({ now, trackedCertificates: () => store.list() });
  const language = createLanguageResolver(config.defaultLanguage, silent);
  const certcheck = createApp(
    config,
    {
      now,
      logger: silent,
      runner: countDiagnoses(runner, metrics, 'slack'),
      pastes,
      language,
      tracking: { store, timeZone: config.reminders.timeZone },
      fetch: fetchWithin(timedFetch(globalThis.fetch, metrics, monotonic)),
    },
    {
      receiver: createReceiver(config, { logger: silent, now, language: language.cached }),
      identity: { botId: FAKE_BOT.botId, botUserId: FAKE_BOT.botUserId },
      retryConfig: { retries: 0 },
    },
  );
  certcheck.app.use(countSlackRequests(metrics));
  const { port } = await certcheck.start({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      await certcheck.stop();
      await runner.close();
      await pastes.close();
      await store.close();
    },
  };
}
