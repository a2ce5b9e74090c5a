import { type CustomRoute, type Logger, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config.js';
import { diagnosisText } from '../core/i18n/diagnosis-text.js';
import type { Language } from '../core/model.js';
import { GuardedHttpReceiver } from './edge/guarded-receiver.js';
import type { AckBody } from './edge/http-ack.js';
import type { SlackBody } from './edge/request-guard.js';

export interface ReceiverOptions {
  logger: Logger;
  now(): Date;
  processBeforeResponse?: boolean;
  /** Served beside /slack/events in HTTP mode (liveness, readiness, health); a bare /healthz without. */
  routes?: CustomRoute[];
  /** A user's language without asking Slack (the busy answer must not wait); the configured default without. */
  language?: (userId: string | undefined) => Language;
  /** HTTP mode: bytes of requests held at once before a command is answered busy (see guarded-receiver.ts). */
  heldBytesLimit?: number;
  /** HTTP mode: the largest body read, in bytes (4 MiB unless told). */
  bodyLimit?: number;
}

const BARE_HEALTH: CustomRoute = {
  path: '/healthz',
  method: 'GET',
  handler: (_req, res) => void res.writeHead(200).end('ok'),
};

/**
 * How Slack reaches the app: Socket Mode when an app-level token is set (no public URL needed),
 * else signed HTTP requests on /slack/events, with the operations routes beside them.
 */
export function createReceiver(config: Config, options: ReceiverOptions): Receiver {
  const { appToken, signingSecret, apiUrl } = config.slack;
  if (appToken) {
    return new SocketModeReceiver({
      appToken,
      logger: options.logger,
      // apps.connections.open goes to the same Web API as every other call.
      ...(apiUrl && { installerOptions: { clientOptions: { slackApiUrl: apiUrl } } }),
    });
  }
  if (!signingSecret) throw new Error('SLACK_SIGNING_SECRET is not set (HTTP mode needs it)');
  return new GuardedHttpReceiver({
    signingSecret,
    logger: options.logger,
    now: options.now,
    ...(options.processBeforeResponse !== undefined && { processBeforeResponse: options.processBeforeResponse }),
    customRoutes: options.routes ?? [BARE_HEALTH],
    ...(options.heldBytesLimit !== undefined && { heldBytesLimit: options.heldBytesLimit }),
    ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
    busy: busyAnswer(options.language ?? (() => config.defaultLanguage)),
  });
}

/**
 * While the app holds as many requests as it may, a command is told at once, in its user's
 * language, to send the paste again later; anything else gets 503 (Slack retries events).
 */
function busyAnswer(language: (userId: string | undefined) => Language): (body: SlackBody) => AckBody {
  return (body) => {
    if (typeof body.command !== 'string') return undefined;
    const lang = language(typeof body.user_id === 'string' ? body.user_id : undefined);
    return { response_type: 'ephemeral', text: diagnosisText[lang].finding.busy() };
  };
}
