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
  return withStore(config.databasePath, (store) => fn(store, config));
}

/** Opens the SQLite store at `path` (creating it), runs `fn`, always closes the store. */
export async function withStore<T>(path: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(path);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
