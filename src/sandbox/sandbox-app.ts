import { randomUUID } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import { runReminders } from '../reminders/runner.js';
import { configuredRunOptions } from '../reminders/start-reminders.js';
import { createApp } from '../slack/app.js';
import { identifyBot } from '../slack/connect.js';
import { createInlineRunner, type DiagnosisRunner, type Subcommand } from '../slack/deps.js';
import { createDirectory } from '../slack/directory.js';
import { createLanguageResolver } from '../slack/language.js';
import type { PasteStore } from '../slack/pastes/paste-store.js';
import { createReceiver } from '../slack/receiver.js';
import { createSlackNotifier } from '../slack/slack-notifier.js';
import type { Store } from '../store/store.js';
import type { SandboxOptions } from './server.js';

export interface SandboxAppOptions {
  /** The configuration `npm start` read; its Slack part is replaced by the sandbox's. */
  config: Config;
  store: Store;
  pastes: PasteStore;
  /** The app's clock: countdowns and reminders. */
  now: () => Date;
  /** The wall clock the receiver checks request signatures against. */
  wallClock: () => Date;
  logger: Logger;
  runner?: DiagnosisRunner;
  /** More `/certcheck <word>` subcommands, as `npm start` passes them to the app (probe). */
  subcommands?: Readonly<Record<string, Subcommand>>;
  /** Tests: the HTTP reply waits for the listener. */
  processBeforeResponse?: boolean;
}

/**
 * The real certcheck app as `npm start` builds it (the same createApp, receiver, tracking and
 * reminder runner), with its Web API pointed at the sandbox and listening on a loopback port of
 * its own. No second implementation: every answer the page shows comes from the app's listeners.
 */
export function sandboxAppStarter(options: SandboxAppOptions): SandboxOptions['startApp'] {
  return async ({ apiUrl, botToken, signingSecret }) => {
    const { config, store, now, logger } = options;
    const appConfig: Config = { ...config, slack: { botToken, signingSecret, apiUrl } };
    const identity = await identifyBot(appConfig);
    const certcheck = createApp(
      appConfig,
      {
        now,
        logger,
        runner: options.runner ?? createInlineRunner(),
        pastes: options.pastes,
        language: createLanguageResolver(config.defaultLanguage, logger),
        tracking: {
          store,
          timeZone: config.reminders.timeZone,
          ...(config.reminders.defaultChannel && { defaultChannel: config.reminders.defaultChannel }),
          // Who may untrack or snooze: asked of the sandbox's Slack, as the bot asks Slack.
          directory: createDirectory({ now: options.wallClock }),
        },
        fetch: globalThis.fetch,
      },
      {
        receiver: createReceiver(appConfig, {
          logger,
          now: options.wallClock,
          ...(options.processBeforeResponse !== undefined && { processBeforeResponse: options.processBeforeResponse }),
        }),
        identity,
        ...(options.subcommands && { subcommands: options.subcommands }),
      },
    );
    const { port } = await certcheck.start({ port: 0, host: '127.0.0.1' });
    const notifier = createSlackNotifier({ token: botToken, apiUrl });
    return {
      eventsUrl: `http://127.0.0.1:${port}/slack/events`,
      runReminders: (channel) =>
        runReminders({
          store,
          notifier,
          now: now(),
          ...configuredRunOptions(config),
          // The page's channel gets the reminders that have no channel of their own.
          defaultChannel: config.reminders.defaultChannel ?? channel,
          dryRun: false,
          owner: `sandbox:${randomUUID()}`,
          retries: 0,
        }),
      stop: () => certcheck.stop(),
    };
  };
}
