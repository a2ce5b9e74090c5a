import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { newPasteId, PASTE_TTL_MS, type PasteStore, storable } from './paste-store.js';

const row = z.object({
  user_id: z.string(),
  text: z.string(),
  private_key: z.number(),
  posted_in_channel: z.number(),
});

/** How often a put also deletes the expired pastes. */
const PURGE_EVERY_MS = 60_000;

/**
 * The pastes in the SQLite file the tracking store uses, in a table of their own: a click answered
 * after a restart finds its paste. Expired rows go on a put, once a minute at most.
 */
export function openSqlitePasteStore(path: string, options: { ttlMs?: number } = {}): PasteStore {
  const ttlMs = options.ttlMs ?? PASTE_TTL_MS;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  // A paste lives 30 minutes for its reply's buttons: losing the last ones to a power cut is fine,
  // an fsync per command is not (a few milliseconds of the event loop each, on a real disk).
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS slack_pastes (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    text TEXT NOT NULL,
    private_key INTEGER NOT NULL,
    posted_in_channel INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS slack_pastes_by_expiry ON slack_pastes (expires_at);`);
  const purge = db.prepare('DELETE FROM slack_pastes WHERE expires_at <= ?');
  const insert = db.prepare(
    'INSERT INTO slack_pastes (id, user_id, text, private_key, posted_in_channel, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare(
    'SELECT user_id, text, private_key, posted_in_channel FROM slack_pastes WHERE id = ? AND expires_at > ?',
  );
  // When expired rows were last deleted: get() never returns one, so deleting them once a minute
  // is enough, rather than a DELETE (and a transaction around it) for every paste.
  let purgedAt = Number.NEGATIVE_INFINITY;
  return {
    async put(paste, now, given) {
      const kept = storable(paste);
      const id = given ?? newPasteId();
      const at = now.getTime();
      if (at - purgedAt >= PURGE_EVERY_MS || at < purgedAt) {
        purge.run(at);
        purgedAt = at;
      }
      insert.run(id, kept.userId, kept.text, kept.privateKey ? 1 : 0, kept.postedInChannel ? 1 : 0, at + ttlMs);
      return id;
    },
    async get(id, now) {
      const found = row.safeParse(select.get(id, now.getTime()));
      if (!found.success) return undefined;
      const r = found.data;
      return {
        text: r.text,
        userId: r.user_id,
        privateKey: r.private_key === 1,
        postedInChannel: r.posted_in_channel === 1,
      };
    },
    async close() {
      db.close();
    },
  };
}
