import { type CustomRoute, type Logger, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config.js';
import { GuardedHttpReceiver } from './edge/guarded-receiver.js';

export interface ReceiverOptions {
  logger: Logger;
  now(): Date;
  processBeforeResponse?: boolean;
  /** Served beside /slack/events in HTTP mode (liveness, readiness, health); a bare /healthz without. */
  routes?: CustomRoute[];
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
  });
}
