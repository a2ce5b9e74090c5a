import pg from 'pg';
import { newPasteId, PASTE_TTL_MS, type PasteStore, storable } from './paste-store.js';

interface PasteRow {
  user_id: string;
  text: string;
  private_key: boolean;
  posted_in_channel: boolean;
}

/**
 * The pastes in the Postgres database the replicas share, in a table of their own: a click that
 * reaches another replica finds the paste. The table is made on first use; expired rows go on the
 * next put.
 */
export function openPgPasteStore(
  url: string,
  options: { ttlMs?: number; onError?: (error: Error) => void } = {},
): PasteStore {
  const ttlMs = options.ttlMs ?? PASTE_TTL_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 5000,
    application_name: 'certcheck-pastes',
  });
  // An idle connection cut by a Postgres restart must not take the process with it.
  pool.on('error', (error) => options.onError?.(error));
  let ready: Promise<unknown> | undefined;
  const schema = () => {
    ready ??= createSchema(pool).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    async put(paste, now, given) {
      await schema();
      const kept = storable(paste);
      const id = given ?? newPasteId();
      await pool.query('DELETE FROM slack_pastes WHERE expires_at <= $1', [now]);
      await pool.query(
        'INSERT INTO slack_pastes (id, user_id, text, private_key, posted_in_channel, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, kept.userId, kept.text, kept.privateKey, kept.postedInChannel, new Date(now.getTime() + ttlMs)],
      );
      return id;
    },
    async get(id, now) {
      await schema();
      const result = await pool.query<PasteRow>(
        'SELECT user_id, text, private_key, posted_in_channel FROM slack_pastes WHERE id = $1 AND expires_at > $2',
        [id, now],
      );
      const row = result.rows[0];
      if (!row) return undefined;
      return {
        text: row.text,
        userId: row.user_id,
        privateKey: row.private_key,
        postedInChannel: row.posted_in_channel,
      };
    },
    async close() {
      await pool.end();
    },
  };
}

/** pg_advisory_xact_lock key for the paste table: "pastes" in ASCII, apart from the migrations' key. */
const PASTE_SCHEMA_LOCK = 0x706173746573;

/**
 * The paste table, created on first use. Replicas that start together would race on CREATE TABLE IF
 * NOT EXISTS (Postgres then reports a duplicate type); under an advisory lock the second waits for
 * the first and finds the table there.
 */
async function createSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PASTE_SCHEMA_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS slack_pastes (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        text TEXT NOT NULL,
        private_key BOOLEAN NOT NULL,
        posted_in_channel BOOLEAN NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX IF NOT EXISTS slack_pastes_by_expiry ON slack_pastes (expires_at);`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
