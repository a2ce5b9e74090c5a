import { openPgStore, type PgStoreOptions } from './pg-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/**
 * What DATABASE_URL names: a SQLite file (`file:…`, one host) or a Postgres database
 * (`postgres://…` / `postgresql://…`, any number of replicas and CLI runs sharing it).
 */
export type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export function databaseLocation(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', path: url.replace(/^file:(\/\/)?/, '') };
}

/** The one place a Store is chosen: the bot, every CLI command and `certcheck migrate` open it here. */
export function openStore(url: string, options: PgStoreOptions = {}): Store {
  const location = databaseLocation(url);
  return location.kind === 'postgres' ? openPgStore(location.url, options) : openSqliteStore(location.path);
}

/** DATABASE_URL with its password hidden, for messages and logs. */
export function redactedDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
