import { type Config, ConfigError, loadConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
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
  return withStore(config.databaseUrl, (store) => fn(store, config));
}

/**
 * Opens the store at `location` (DATABASE_URL, or a bare SQLite path; created on first use), runs
 * `fn`, always closes the store.
 */
export async function withStore<T>(location: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(location);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
