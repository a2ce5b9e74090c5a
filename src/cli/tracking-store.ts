import { type Config, ConfigError, loadConfig } from '../config.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { CliIo, ExitCode } from './io.js';

/** Loads the config, opens the store at DATABASE_URL, runs `fn`, always closes the store. */
export async function withTrackingStore(
  io: CliIo,
  command: string,
  fn: (store: Store, config: Config) => Promise<ExitCode>,
): Promise<ExitCode> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`certcheck ${command}: ${error.message}\n`);
    return 1;
  }
  const store = openSqliteStore(config.databasePath);
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** `--now` or the injected clock. */
export function nowFrom(value: string | undefined, io: CliIo): Date | undefined {
  if (value === undefined) return io.now();
  const now = new Date(value);
  return Number.isNaN(now.getTime()) ? undefined : now;
}
