/**
 * When `npm start` serves the sandbox instead of connecting to Slack, and when it must refuse.
 * The sandbox is never a production fallback: a replica whose Slack secret went missing must fail
 * to start, not serve an unauthenticated page.
 */

export type Env = Record<string, string | undefined>;

/** Its own store: trying certcheck never touches the real tracking database. */
export const SANDBOX_DATABASE_PATH = './data/sandbox.db';

const set = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** No SLACK_* variable set and no .env file: a first run on a laptop. */
export function wantsSandbox(env: Env, hasDotEnv: boolean): boolean {
  return !hasDotEnv && !Object.entries(env).some(([name, value]) => name.startsWith('SLACK_') && set(value));
}

/** Why the sandbox must not start here, or undefined when it may. */
export function sandboxRefusal(env: Env): string | undefined {
  if (env.NODE_ENV?.trim().toLowerCase() === 'production') {
    return 'NODE_ENV is production but no Slack tokens are set. The local sandbox never runs in production: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN).';
  }
  if (/^postgres(ql)?:/i.test(env.DATABASE_URL?.trim() ?? '')) {
    return 'DATABASE_URL points at Postgres but no Slack tokens are set. The local sandbox never runs against a shared database: set the Slack tokens of this deployment.';
  }
  return undefined;
}
