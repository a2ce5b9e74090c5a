import type Database from 'better-sqlite3';

/**
 * Versioned schema changes, applied in order, each in its own transaction, recorded in
 * schema_version. Append only: a released migration is never edited.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'tracked certificates, reminder ledger, snoozes, renewals',
    sql: `
      CREATE TABLE certificates (
        thumbprint TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        issuer TEXT NOT NULL,
        domains TEXT NOT NULL,
        not_before TEXT,
        not_after TEXT NOT NULL,
        services TEXT NOT NULL,
        servers TEXT NOT NULL,
        role TEXT,
        source TEXT NOT NULL,
        channel TEXT,
        owner TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        estimated INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'renewed', 'untracked')),
        status_by TEXT,
        status_at TEXT
      );
      CREATE INDEX certificates_by_status_expiry ON certificates (status, not_after, thumbprint);

      CREATE TABLE reminder_ledger (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        thumbprint TEXT NOT NULL REFERENCES certificates (thumbprint) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        threshold INTEGER,
        day TEXT NOT NULL,
        channel TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        claim_owner TEXT NOT NULL,
        lease_until TEXT NOT NULL,
        batch TEXT,
        sent_at TEXT,
        message_ts TEXT,
        confirmed_at TEXT,
        -- The guarantee that two processes never both send the same reminder.
        UNIQUE (thumbprint, slot)
      );
      CREATE INDEX reminder_ledger_unsent ON reminder_ledger (lease_until) WHERE sent_at IS NULL;
      CREATE INDEX reminder_ledger_by_message ON reminder_ledger (channel, message_ts);

      CREATE TABLE snoozes (
        thumbprint TEXT PRIMARY KEY,
        until TEXT NOT NULL,
        snoozed_by TEXT,
        snoozed_at TEXT NOT NULL
      );

      CREATE TABLE renewals (
        old_thumbprint TEXT PRIMARY KEY,
        new_thumbprint TEXT NOT NULL,
        renewed_by TEXT,
        renewed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'tracked endpoints and what they last presented',
    sql: `
      CREATE TABLE endpoints (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL,
        host TEXT NOT NULL,
        port INTEGER NOT NULL,
        protocol TEXT NOT NULL,
        guarded INTEGER NOT NULL DEFAULT 0,
        channel TEXT,
        owner TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'untracked')),
        status_by TEXT,
        status_at TEXT,
        -- The last look's time, kept apart from its JSON so that recording a look can compare it.
        probed_at TEXT,
        last_probe TEXT,
        recent TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX endpoints_by_status ON endpoints (status, id);
    `,
  },
];

/** Brings the database up to the latest version; safe to run from several processes at once. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)');
  const current = () =>
    (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock first, so a second process waits, then sees the version and skips.
    db.transaction(() => {
      if (current() >= migration.version) return;
      db.exec(migration.sql);
      // An audit stamp only, never compared: SQLite's clock is fine here.
      db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, datetime('now'))").run(migration.version);
    }).immediate();
  }
  return current();
}
