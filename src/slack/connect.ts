import { LogLevel, WebAPIHTTPError, WebAPIPlatformError, WebAPIRequestError, WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import type { SlackIdentity } from './app.js';

/** A start that cannot succeed, said in one line an operator can act on. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface IdentifyOptions {
  /** Each auth.test attempt gives up after this long. */
  attemptTimeoutMs?: number;
  attempts?: number;
  pauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Asks Slack who the bot is (auth.test) before anything starts, a few times and briefly: three
 * attempts of at most 8 s, so an unreachable API is reported in under 30 s as unreachable, and
 * a refused token as a refused token, instead of retrying for minutes and blaming the token.
 */
export async function identifyBot(config: Config, options: IdentifyOptions = {}): Promise<SlackIdentity> {
  const { botToken, apiUrl } = config.slack;
  if (!botToken) throw new StartupError('SLACK_BOT_TOKEN is not set');
  const attempts = options.attempts ?? 3;
  const sleep = options.sleep ?? sleepFor;
  const client = new WebClient(botToken, {
    ...(apiUrl && { slackApiUrl: apiUrl }),
    retryConfig: { retries: 0 },
    // Each failed attempt is summed up in the one line the caller prints.
    logLevel: LogLevel.ERROR,
    timeout: options.attemptTimeoutMs ?? 8000,
  });
  let problem = 'no answer';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const identity = await client.auth.test();
      if (!identity.bot_id || !identity.user_id) {
        throw new StartupError('SLACK_BOT_TOKEN is not a bot token: auth.test names no bot user');
      }
      return { botId: identity.bot_id, botUserId: identity.user_id };
    } catch (error) {
      if (error instanceof WebAPIPlatformError) {
        throw new StartupError(`Slack did not accept the bot token (auth.test): ${error.data.error}`);
      }
      if (error instanceof WebAPIRequestError) problem = networkProblem(error.original);
      else if (error instanceof WebAPIHTTPError) problem = `it answered HTTP ${error.statusCode}`;
      else throw error;
    }
    if (attempt < attempts) await sleep(options.pauseMs ?? 1000);
  }
  const where = apiUrl ?? 'https://slack.com/api/';
  throw new StartupError(
    `the Slack API could not be reached at ${where} (${problem}); check the network, the proxy and SLACK_API_URL`,
  );
}

/** Refused, timed out, or the name not found: what the operator checks next differs. */
function networkProblem(error: unknown): string {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ('code' in e && typeof e.code === 'string') codes.push(e.code);
    if ('name' in e && typeof e.name === 'string') codes.push(e.name);
    e = 'cause' in e ? e.cause : undefined;
  }
  if (codes.includes('ECONNREFUSED')) return 'connection refused';
  if (
    codes.some(
      (c) => c === 'TimeoutError' || c === 'AbortError' || c === 'ETIMEDOUT' || c === 'UND_ERR_CONNECT_TIMEOUT',
    )
  ) {
    return 'timed out';
  }
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) return 'host name not found';
  return codes.find((c) => c.startsWith('E')) ?? 'network error';
}
