import { ConfigError, type Env, loadConfig } from '../config.js';
import { createConsoleLogger, LOG_LEVELS } from '../slack/console-logger.js';
import type { Subcommand } from '../slack/deps.js';
import { openSqlitePasteStore } from '../slack/pastes/sqlite-paste-store.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { SANDBOX_DATABASE_PATH, sandboxRefusal } from './guard.js';
import { sandboxAppStarter } from './sandbox-app.js';
import { type Sandbox, startSandbox } from './server.js';

export interface LocalSandboxOptions {
  /** The environment main.ts read (after .env): PORT, LOG_LEVEL, REMINDER_*, CERTCHECK_LANG, PROBE_ALLOW… */
  env: Env;
  clock: () => Date;
  log: (line: string) => void;
  error: (line: string) => void;
  /** Default ./data/sandbox.db: never the bot's own database. */
  databasePath?: string;
  /** The `/certcheck <word>` subcommands `npm start` gives the app beyond tracking's (probe). */
  subcommands?: Readonly<Record<string, Subcommand>>;
}

export type LocalSandbox = { ok: true; sandbox: Sandbox; stop(): Promise<void> } | { ok: false; code: number };

/**
 * `npm start` without Slack tokens: the real app on its embedded defaults (its own SQLite file),
 * the page at http://localhost:$PORT/, loopback only. Refuses where it could be mistaken for a
 * deployment (NODE_ENV=production, a Postgres DATABASE_URL).
 */
export async function startLocalSandbox(options: LocalSandboxOptions): Promise<LocalSandbox> {
  const refusal = sandboxRefusal(options.env);
  if (refusal) {
    options.error(`certcheck will not start: ${refusal}`);
    return { ok: false, code: 1 };
  }
  const databasePath = options.databasePath ?? SANDBOX_DATABASE_PATH;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...options.env, DATABASE_URL: `file:${databasePath}` });
  } catch (error) {
    if (error instanceof ConfigError) {
      options.error(error.message);
      return { ok: false, code: 1 };
    }
    throw error;
  }
  const store = openSqliteStore(databasePath);
  const pastes = openSqlitePasteStore(databasePath);
  const closeStores = async () => {
    await store.close();
    await pastes.close();
  };
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      port: config.port,
      clock: options.clock,
      startApp: sandboxAppStarter({
        config,
        store,
        pastes,
        now: options.clock,
        wallClock: options.clock,
        logger: createConsoleLogger(LOG_LEVELS[config.logLevel]),
        ...(options.subcommands && { subcommands: options.subcommands }),
      }),
    });
  } catch (error) {
    await closeStores();
    const code = (error as NodeJS.ErrnoException).code;
    options.error(
      code === 'EADDRINUSE'
        ? `certcheck could not start the sandbox: port ${config.port} is in use (set PORT to another one)`
        : `certcheck could not start the sandbox: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { ok: false, code: 1 };
  }
  options.log(
    `certcheck sandbox (no Slack tokens set): open ${sandbox.url} to try it; it answers only on this machine.`,
  );
  return {
    ok: true,
    sandbox,
    async stop() {
      try {
        await sandbox.stop();
      } finally {
        await closeStores();
      }
    },
  };
}
