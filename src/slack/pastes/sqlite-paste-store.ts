import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { newPasteId, PASTE_TTL_MS, type PasteStore, type StoredPaste, storable } from './paste-store.js';

const row = z.object({
  user_id: z.string(),
  text: z.string(),
  private_key: z.number(),
  posted_in_channel: z.number(),
});

/** A paste waiting for the end of the event loop's turn to be written, and who waits for it. */
interface PendingWrite extends StoredPaste {
  id: string;
  at: number;
  expiresAt: number;
  done(): void;
  failed(error: unknown): void;
}

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
  const write = (w: PendingWrite) =>
    insert.run(w.id, w.userId, w.text, w.privateKey ? 1 : 0, w.postedInChannel ? 1 : 0, w.expiresAt);
  const writeAll = db.transaction((writes: PendingWrite[], at: number) => {
    if (at - purgedAt >= PURGE_EVERY_MS || at < purgedAt) {
      purge.run(at);
      purgedAt = at;
    }
    for (const w of writes) write(w);
  });
  // The pastes put during one turn of the event loop are written together, in one transaction, as
  // soon as the turn ends: a commit per paste costs three times as much per row.
  let pending: PendingWrite[] = [];
  const flush = () => {
    const writes = pending;
    pending = [];
    if (writes.length === 0) return;
    try {
      writeAll(writes, Math.max(...writes.map((w) => w.at)));
      for (const w of writes) w.done();
    } catch {
      // One row the database refuses must not lose the others: each alone, each told its fate.
      for (const w of writes) {
        try {
          write(w);
          w.done();
        } catch (error) {
          w.failed(error);
        }
      }
    }
  };
  return {
    put(paste, now, given) {
      const kept = storable(paste);
      const id = given ?? newPasteId();
      const at = now.getTime();
      return new Promise<string>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ ...kept, id, at, expiresAt: at + ttlMs, done: () => resolve(id), failed: reject });
      });
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
      flush();
      db.close();
    },
  };
}
