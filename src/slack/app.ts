import { App, type Receiver, webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import type { ListenerDeps, SlackDeps, Subcommand } from './deps.js';
import { ids } from './ids.js';
import { createPostToThread } from './listeners/actions/post-to-thread.js';
import { createRerenderReply } from './listeners/actions/rerender-reply.js';
import { createShareInChannel } from './listeners/actions/share-in-channel.js';
import { createCertcheckCommand } from './listeners/commands/certcheck.js';
import { createProbeSubcommand } from './listeners/commands/probe.js';
import { createErrorHandler } from './listeners/error-handler.js';
import { createAppHomeOpened } from './listeners/events/app-home-opened.js';
import { createAppMention } from './listeners/events/app-mention.js';
import { createDiagnoseMessageShortcut } from './listeners/shortcuts/diagnose-message.js';
import { createMarkRenewed } from './listeners/tracking/mark-renewed.js';
import { createMarkRenewedSubmitted } from './listeners/tracking/mark-renewed-modal.js';
import { createShowSteps } from './listeners/tracking/show-steps.js';
import { createSnooze } from './listeners/tracking/snooze.js';
import { createTrackCertificate } from './listeners/tracking/track-certificate.js';
import { createTrackSubmitted } from './listeners/tracking/track-modal.js';
import { createTrackSubcommands } from './listeners/tracking/track-subcommands.js';
import { createUntrack } from './listeners/tracking/untrack.js';
import { createPasteSubmitted } from './listeners/views/paste-submitted.js';

/** Who the bot is in Slack (auth.test), learned before the app is built. */
export interface SlackIdentity {
  botId: string;
  botUserId: string;
}

export interface AppOptions {
  /** HTTP (signed requests on /slack/events) or Socket Mode: see receiver.ts. */
  receiver: Receiver;
  identity: SlackIdentity;
  /** How often a Web API call is retried; five times in five minutes unless told otherwise. */
  retryConfig?: webApi.RetryOptions;
  /** More `/certcheck <word> …` subcommands than tracking's, by word. */
  subcommands?: Readonly<Record<string, Subcommand>>;
}

export interface CertcheckApp {
  app: App;
  deps: ListenerDeps;
  /** Starts the receiver: HTTP listens (and says on which port); Socket Mode connects. */
  start(listen?: { port?: number; host?: string }): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/**
 * The routing table: every listener certcheck has, one line each, each built from the deps that
 * main.ts made. A listener's file is named after what it answers.
 */
export function createApp(config: Config, slackDeps: SlackDeps, options: AppOptions): CertcheckApp {
  const { botToken, apiUrl } = config.slack;
  if (!botToken) throw new Error('SLACK_BOT_TOKEN is not set');
  const app = new App({
    token: botToken,
    botId: options.identity.botId,
    botUserId: options.identity.botUserId,
    receiver: options.receiver,
    logger: slackDeps.logger,
    extendedErrorHandler: true,
    // No listener reads context.conversation: Bolt's default store would look every request up and
    // build an Error (with its stack) for each conversation it does not know, which is every one.
    convoStore: false,
    clientOptions: {
      ...(apiUrl && { slackApiUrl: apiUrl }),
      // A reply retried for half an hour helps nobody: five retries in five minutes at most.
      retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
      fetch: slackDeps.fetch,
    },
  });
  const deps: ListenerDeps = { ...slackDeps, botToken, defaultLanguage: config.defaultLanguage };
  const subcommands: Record<string, Subcommand> = {
    ...createTrackSubcommands(deps, { allow: config.probeAllow }), // track, list, untrack; an endpoint only as PROBE_ALLOW allows
    ...createProbeSubcommand(deps, config.probeAllow), // probe: refused unless PROBE_ALLOW lists the target
    ...options.subcommands, // any more that main.ts or a test adds
  };

  app.command(ids.command, createCertcheckCommand(deps, subcommands));
  app.event('app_mention', createAppMention(deps));
  app.event('app_home_opened', createAppHomeOpened(deps));
  app.shortcut(
    { callback_id: ids.shortcuts.diagnoseMessage, type: 'message_action' },
    createDiagnoseMessageShortcut(deps),
  );
  app.view(ids.views.paste, createPasteSubmitted(deps));
  app.view(ids.views.track, createTrackSubmitted(deps));
  app.view(ids.views.markRenewed, createMarkRenewedSubmitted(deps));
  app.action(ids.actions.shareInChannel, createShareInChannel(deps));
  app.action(ids.actions.toggleLanguage, createRerenderReply(deps));
  app.action(ids.actions.showAllSteps, createRerenderReply(deps));
  app.action(ids.actions.postToThread, createPostToThread(deps));
  app.action(ids.actions.trackCertificate, createTrackCertificate(deps));
  app.action(ids.actions.snooze1d, createSnooze(deps, 1));
  app.action(ids.actions.snooze1w, createSnooze(deps, 7));
  app.action(ids.actions.markRenewed, createMarkRenewed(deps));
  app.action(ids.actions.untrack, createUntrack(deps));
  app.action(ids.actions.showSteps, createShowSteps(deps));
  app.error(createErrorHandler(deps, app.client));

  return {
    app,
    deps,
    async start(listen = {}) {
      const started: unknown = await app.start({
        port: listen.port ?? config.port,
        ...(listen.host && { host: listen.host }),
      });
      return listeningPort(started);
    },
    stop: () => app.stop().then(() => undefined),
  };
}

/** The HTTP server's port; Socket Mode listens nowhere. */
function listeningPort(started: unknown): { port?: number } {
  if (!started || typeof started !== 'object' || !('address' in started) || typeof started.address !== 'function') {
    return {};
  }
  const address: unknown = started.address();
  return address && typeof address === 'object' && 'port' in address && typeof address.port === 'number'
    ? { port: address.port }
    : {};
}
