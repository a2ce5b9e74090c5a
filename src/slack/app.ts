import { App, LogLevel, type Logger, webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { diagnose } from '../core/diagnose.js';
import type { AppExtension, DiagnoseFn, HomeRenderer, ListenerDeps, Subcommand, TrackedDescriber } from './deps.js';
import { ids } from './ids.js';
import { createLanguageResolver } from './language.js';
import { createPostToThread } from './listeners/actions/post-to-thread.js';
import { createShareInChannel } from './listeners/actions/share-in-channel.js';
import { createRerenderReply } from './listeners/actions/rerender-reply.js';
import { createCertcheckCommand } from './listeners/commands/certcheck.js';
import { createErrorHandler } from './listeners/error-handler.js';
import { createAppHomeOpened } from './listeners/events/app-home-opened.js';
import { createAppMention } from './listeners/events/app-mention.js';
import { createDiagnoseMessageShortcut } from './listeners/shortcuts/diagnose-message.js';
import { createPasteSubmitted } from './listeners/views/paste-submitted.js';
import { PasteCache } from './paste-cache.js';

export interface AppDeps {
  /** The clock: every countdown is computed against it. */
  now(): Date;
  logger?: Logger;
  fetch?: typeof fetch;
  /** The diagnosis core (tests may pass a fixed one). */
  diagnose?: DiagnoseFn;
  /** Given both, Bolt skips auth.test (tests). */
  botId?: string;
  botUserId?: string;
  /** true in tests: the HTTP reply waits for the listener, so its calls are recorded when the request returns. */
  processBeforeResponse?: boolean;
  retryConfig?: webApi.RetryOptions;
  warnDays?: number;
  /** `/certcheck <word> …` handlers owned elsewhere (track, list, untrack). */
  subcommands?: Record<string, Subcommand>;
  home?: HomeRenderer;
  /** Tracking: a pasted thumbprint that is tracked is answered with what certcheck knows of it. */
  describeTracked?: TrackedDescriber;
  /** Extra listeners, registered after certcheck's own (tracking, reminders' buttons). */
  extensions?: AppExtension[];
}

export interface CertcheckApp {
  app: App;
  deps: ListenerDeps;
  /** Learns the bot's identity (auth.test), then listens; rejects with a StartupError. */
  start(listen?: { port?: number; host?: string }): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

const LOG_LEVELS: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export class StartupError extends Error {
  override name = 'StartupError';
}

export function createApp(config: Config, appDeps: AppDeps): CertcheckApp {
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (!botToken) throw new StartupError('SLACK_BOT_TOKEN is not set');
  if (!appToken && !signingSecret) throw new StartupError('SLACK_SIGNING_SECRET is not set (HTTP mode needs it)');
  const fetchFn = appDeps.fetch ?? globalThis.fetch;

  const app = new App({
    token: botToken,
    ...(appDeps.logger ? { logger: appDeps.logger } : { logLevel: LOG_LEVELS[config.logLevel] }),
    deferInitialization: true,
    extendedErrorHandler: true,
    processBeforeResponse: appDeps.processBeforeResponse ?? false,
    ...(appDeps.botId && appDeps.botUserId && { botId: appDeps.botId, botUserId: appDeps.botUserId }),
    clientOptions: {
      ...(apiUrl && { slackApiUrl: apiUrl }),
      // A reply retried for half an hour helps nobody: five retries in five minutes at most.
      retryConfig: appDeps.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
      ...(appDeps.fetch && { fetch: appDeps.fetch }),
    },
    ...(appToken
      ? { socketMode: true, appToken }
      : {
          signingSecret,
          customRoutes: [
            { path: '/healthz', method: 'GET', handler: (_req, res) => void res.writeHead(200).end('ok') },
          ],
        }),
  });

  const logger = appDeps.logger ?? app.logger;
  const deps: ListenerDeps = {
    now: appDeps.now,
    logger,
    diagnose: appDeps.diagnose ?? diagnose,
    cache: new PasteCache(appDeps.now),
    language: createLanguageResolver(config.defaultLanguage, logger),
    fetch: fetchFn,
    botToken,
    defaultLanguage: config.defaultLanguage,
    ...(appDeps.warnDays !== undefined && { warnDays: appDeps.warnDays }),
    subcommands: appDeps.subcommands ?? {},
    ...(appDeps.home && { home: appDeps.home }),
    ...(appDeps.describeTracked && { describeTracked: appDeps.describeTracked }),
  };

  app.command(ids.command, createCertcheckCommand(deps));
  app.view(ids.views.paste, createPasteSubmitted(deps));
  app.event('app_mention', createAppMention(deps));
  app.event('app_home_opened', createAppHomeOpened(deps));
  app.shortcut(
    { callback_id: ids.shortcuts.diagnoseMessage, type: 'message_action' },
    createDiagnoseMessageShortcut(deps),
  );
  app.action(ids.actions.shareInChannel, createShareInChannel(deps));
  app.action(ids.actions.toggleLanguage, createRerenderReply(deps));
  app.action(ids.actions.showAllSteps, createRerenderReply(deps));
  app.action(ids.actions.postToThread, createPostToThread(deps));
  for (const extend of appDeps.extensions ?? []) extend(app, deps);
  app.error(createErrorHandler(deps, app.client));

  return {
    app,
    deps,
    async start(listen = {}) {
      try {
        await app.init();
      } catch (error) {
        throw new StartupError(`Slack did not accept the bot token (auth.test): ${(error as Error).message}`);
      }
      if (appToken) {
        await app.start();
        return {};
      }
      const server = await app.start({ port: listen.port ?? config.port, ...(listen.host && { host: listen.host }) });
      const address = server.address();
      return { ...(address && typeof address === 'object' && { port: address.port }) };
    },
    stop: () => app.stop().then(() => undefined),
  };
}
