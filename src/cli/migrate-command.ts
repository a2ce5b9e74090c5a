import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import type { Language } from '../core/model.js';
import { type DatabaseLocation, databaseLocation, openStore, redactedDatabaseUrl } from '../store/open-store.js';
import type { ImportCounts, Store, StoreSnapshot } from '../store/store.js';
import type { CliCommand } from './commands.js';
import { parseCommandArgs, UsageError } from './io.js';
import { migrateText } from './migrate-text.js';

const KINDS: (keyof ImportCounts)[] = ['certificates', 'ledger', 'snoozes', 'renewals'];

export const migrateCommand: CliCommand = {
  summary:
    'Copy a store into another (SQLite to Postgres): certificates, reminder history, snoozes, renewals. Safe to run twice.',
  usage: 'certcheck migrate --from file:PATH --to postgres://USER:PASSWORD@HOST:5432/DB [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const from = values.from;
    const to = values.to;
    if (!from || !to) throw new UsageError('give both --from and --to (DATABASE_URL-style: file:… or postgres://…)');
    for (const url of [from, to]) {
      if (!/^(file:.+|postgres(ql)?:\/\/.+)/i.test(url)) {
        throw new UsageError(`'${redactedDatabaseUrl(url)}' is not a file: or postgres:// URL`);
      }
    }
    const source = databaseLocation(from);
    const target = databaseLocation(to);
    if (sameStore(source, target)) throw new UsageError('--from and --to are the same store');
    const t = migrateText[language(io.env)];
    const shown = { from: redactedDatabaseUrl(from), to: redactedDatabaseUrl(to) };
    // Never create an empty SQLite file and report "0 copied": that hides a mistyped path.
    if (source.kind === 'sqlite' && source.path !== ':memory:' && !existsSync(source.path)) {
      io.stderr(`certcheck migrate: ${t.noSource(shown.from)}\n`);
      return 1;
    }

    let snapshot: StoreSnapshot;
    let added: ImportCounts;
    try {
      snapshot = await using(from, (store) => store.exportAll());
    } catch (error) {
      io.stderr(`certcheck migrate: ${t.failed(shown.from, describe(error, from))}\n`);
      return 2;
    }
    try {
      // One transaction in the target: a failure leaves it as it was.
      added = await using(to, (store) => store.importAll(snapshot));
    } catch (error) {
      io.stderr(`certcheck migrate: ${t.failed(shown.to, describe(error, to))}\n`);
      return 2;
    }
    const read: ImportCounts = {
      certificates: snapshot.certificates.length,
      ledger: snapshot.ledger.length,
      snoozes: snapshot.snoozes.length,
      renewals: snapshot.renewals.length,
    };
    if (values.json) {
      io.stdout(`${JSON.stringify({ ...shown, read, added }, null, 2)}\n`);
    } else {
      io.stdout(
        [t.copied(shown.from, shown.to), ...KINDS.map((k) => t.line(k, read[k], added[k])), t.again, ''].join('\n'),
      );
    }
    return 0;
  },
};

function sameStore(a: DatabaseLocation, b: DatabaseLocation): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return resolve(a.path) === resolve(b.path);
  return a.kind === 'postgres' && b.kind === 'postgres' && a.url === b.url;
}

async function using<T>(url: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(url);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** CERTCHECK_LANG when the environment is valid; English otherwise (migrate needs nothing else from it). */
function language(env: Record<string, string | undefined>): Language {
  try {
    return loadConfig(env).defaultLanguage;
  } catch (error) {
    if (error instanceof ConfigError) return 'en';
    throw error;
  }
}

/** The driver's message, with the URL's password taken out should it quote the URL. */
function describe(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const password = /^postgres(?:ql)?:\/\/[^:/@]*:([^@]*)@/i.exec(url)?.[1];
  return password ? message.replaceAll(password, '***') : message;
}
