import { createRequire } from 'node:module';
import type pg from 'pg';
import { type DecodedEndpointRow, fromDecodedEndpointRow } from './endpoint-rows.js';
import { migratePg } from './pg-migrations.js';
import {
  type DecodedCertificateRow,
  fromDecodedRow,
  type LedgerRow,
  type RenewalRow,
  type SnoozeRow,
  toEntry,
  toRenewal,
  toSnooze,
} from './sqlite-rows.js';
import type {
  ClaimOptions,
  ClaimRequest,
  ImportCounts,
  ReminderHistory,
  Renewal,
  Snooze,
  StillDue,
  Store,
  StoreSnapshot,
  TrackedCertificate,
  TrackedSummary,
  TrackInput,
  EndpointInput,
  ProbeRecord,
  TrackedEndpoint,
} from './store.js';

/** How long a query waits for a connection before failing: /healthz answers 503 within it. */
const CONNECT_TIMEOUT_MS = 4000;

/** Rows per round trip when streaming tracked certificates. */
const CURSOR_BATCH = 5000;

export interface PgStoreOptions {
  /** Connections per process. */
  poolSize?: number;
  /** Reports pool errors (a connection cut while idle); the pool replaces the connection. */
  onError?: (error: Error) => void;
}

/**
 * The Store on Postgres, for several replicas sharing one database. Opening connects nothing: the
 * first use creates or migrates the schema (once, under an advisory lock), so a process started
 * while the database is down still starts, and reconnects by itself when it is back.
 */
export function openPgStore(url: string, options: PgStoreOptions = {}): PgStore {
  // Loaded here, not on import: every process on SQLite (the CLI's included) reaches this module
  // through openStore, and pg with its dependencies costs it tens of milliseconds and megabytes.
  const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
  // TLS (sslmode, sslrootcert, sslcert, sslkey) comes from the URL's query, read by pg itself.
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'certcheck',
  });
  // Without a listener an idle connection cut by a restart of Postgres would crash the process.
  pool.on('error', (error) => options.onError?.(error));
  return new PgStore(pool);
}

const UPSERT_CERTIFICATE = `
  INSERT INTO certificates (thumbprint, subject, issuer, domains, not_before, not_after, services, servers,
    role, source, channel, owner, added_by, added_at, estimated, status, status_by, status_at)
  VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`;

function certificateParams(c: TrackInput & Partial<Pick<TrackedCertificate, 'status' | 'statusBy' | 'statusAt'>>) {
  return [
    c.thumbprint,
    c.subject,
    c.issuer,
    JSON.stringify(c.domains),
    c.notBefore ?? null,
    c.notAfter,
    JSON.stringify(c.services),
    JSON.stringify(c.servers),
    c.role ?? null,
    c.source,
    c.channel ?? null,
    c.owner ?? null,
    c.addedBy,
    c.addedAt,
    c.estimated === true,
    c.status ?? 'active',
    c.statusBy ?? null,
    c.statusAt ?? null,
  ];
}

export class PgStore implements Store {
  private schema: Promise<number> | undefined;

  constructor(readonly pool: pg.Pool) {}

  /** Creates or migrates the schema on first use; after a failure (database down) the next use tries again. */
  ready(): Promise<number> {
    this.schema ??= (async () => {
      const client = await this.pool.connect();
      try {
        return await migratePg(client);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.schema = undefined;
      throw error;
    });
    return this.schema;
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.ready();
    return this.pool.query<R>(sql, params);
  }

  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.ready();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async track(input: TrackInput) {
    const { rows } = await this.query<DecodedCertificateRow & { created: boolean }>(
      `${UPSERT_CERTIFICATE}
       ON CONFLICT (thumbprint) DO UPDATE SET
         subject = excluded.subject, issuer = excluded.issuer, domains = excluded.domains,
         not_before = excluded.not_before, not_after = excluded.not_after,
         services = CASE WHEN excluded.services = '[]'::jsonb THEN certificates.services ELSE excluded.services END,
         servers = excluded.servers, role = COALESCE(excluded.role, certificates.role), source = excluded.source,
         channel = COALESCE(excluded.channel, certificates.channel), owner = COALESCE(excluded.owner, certificates.owner),
         estimated = excluded.estimated, status = 'active', status_by = NULL, status_at = NULL
       RETURNING *, (xmax = 0) AS created`,
      certificateParams(input),
    );
    const row = rows[0]!;
    return { certificate: fromDecodedRow(row), created: row.created };
  }

  async get(thumbprint: string) {
    const { rows } = await this.query<DecodedCertificateRow>('SELECT * FROM certificates WHERE thumbprint = $1', [
      thumbprint,
    ]);
    return rows[0] && fromDecodedRow(rows[0]);
  }

  async list(options: { all?: boolean } = {}) {
    const where = options.all ? '' : "WHERE status = 'active'";
    // COLLATE "C": byte order, as SQLite and the memory store sort, whatever the database's locale.
    const { rows } = await this.query<DecodedCertificateRow>(
      `SELECT * FROM certificates ${where} ORDER BY not_after COLLATE "C", thumbprint COLLATE "C"`,
    );
    return rows.map(fromDecodedRow);
  }

  /**
   * Through a cursor, a batch at a time, in one read-only transaction: one consistent view of the
   * table, and never more than a batch of rows in memory (a plain query would hold them all).
   */
  async eachTracked(visit: (certificate: TrackedSummary) => void, options: { expiringBefore?: string } = {}) {
    await this.transaction(async (client) => {
      // No JIT: the planner prices the per-certificate ledger lookups high enough to compile the
      // query, which costs more than running it.
      await client.query('SET TRANSACTION READ ONLY; SET LOCAL jit = off');
      // COLLATE "C": ISO-8601 times and days compare as bytes, whatever the database's locale.
      await client.query(
        `DECLARE tracked NO SCROLL CURSOR FOR
         SELECT c.thumbprint, c.subject, c.not_after AS "notAfter", c.channel,
           h.lowest AS "lowestThreshold", h.last AS "lastDay"
         FROM certificates c CROSS JOIN LATERAL (
           SELECT MIN(threshold) AS lowest, MAX(day COLLATE "C") AS last FROM reminder_ledger l
           WHERE l.thumbprint = c.thumbprint) h
         WHERE c.status = 'active' AND ($1::text IS NULL OR c.not_after COLLATE "C" < $1)`,
        [options.expiringBefore ?? null],
      );
      for (;;) {
        const { rows } = await client.query<TrackedSummary>(`FETCH ${CURSOR_BATCH} FROM tracked`);
        for (const row of rows) visit(row);
        if (rows.length < CURSOR_BATCH) break;
      }
    });
  }

  async untrack(thumbprint: string, by: string, at: string) {
    const { rowCount } = await this.query(
      "UPDATE certificates SET status = 'untracked', status_by = $1, status_at = $2 WHERE thumbprint = $3 AND status = 'active'",
      [by, at, thumbprint],
    );
    return (rowCount ?? 0) > 0;
  }

  async markRenewed(renewal: Renewal) {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query(
        "UPDATE certificates SET status = 'renewed', status_by = $1, status_at = $2 WHERE thumbprint = $3 AND status <> 'renewed'",
        [renewal.by ?? null, renewal.at, renewal.oldThumbprint],
      );
      if (!rowCount) return false;
      await client.query(
        `INSERT INTO renewals (old_thumbprint, new_thumbprint, renewed_by, renewed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (old_thumbprint) DO UPDATE SET new_thumbprint = excluded.new_thumbprint,
           renewed_by = excluded.renewed_by, renewed_at = excluded.renewed_at`,
        [renewal.oldThumbprint, renewal.newThumbprint, renewal.by ?? null, renewal.at],
      );
      return true;
    });
  }

  async renewalOf(oldThumbprint: string) {
    const { rows } = await this.query<RenewalRow>('SELECT * FROM renewals WHERE old_thumbprint = $1', [oldThumbprint]);
    return rows[0] && toRenewal(rows[0]);
  }

  async snooze(snooze: Snooze) {
    await this.query(
      `INSERT INTO snoozes (thumbprint, until, snoozed_by, snoozed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (thumbprint) DO UPDATE SET until = excluded.until, snoozed_by = excluded.snoozed_by,
         snoozed_at = excluded.snoozed_at`,
      [snooze.thumbprint, snooze.until, snooze.by ?? null, snooze.at],
    );
  }

  async activeSnoozes(now: string) {
    const { rows } = await this.query<SnoozeRow>(
      'SELECT * FROM snoozes WHERE until COLLATE "C" > $1 ORDER BY thumbprint COLLATE "C"',
      [now],
    );
    return rows.map(toSnooze);
  }

  async reminderHistory() {
    const { rows } = await this.query<{ thumbprint: string; lowest: number | null; last: string | null }>(
      'SELECT thumbprint, MIN(threshold) AS lowest, MAX(day COLLATE "C") AS last FROM reminder_ledger GROUP BY thumbprint',
    );
    return new Map<string, ReminderHistory>(
      rows.map((r) => [r.thumbprint, { lowestThreshold: r.lowest, lastDay: r.last }]),
    );
  }

  /**
   * Locks the requested certificates' rows (FOR UPDATE SKIP LOCKED) and re-checks their history
   * under that lock: a certificate another run is claiming at this moment is skipped, not waited
   * for (that run sends it), and the ledger's UNIQUE (thumbprint, slot) backs it up.
   */
  async claim(requests: ClaimRequest[], options: ClaimOptions, stillDue: StillDue) {
    if (requests.length === 0) return [];
    return this.transaction(async (client) => {
      const thumbprints = [...new Set(requests.map((r) => r.thumbprint))].sort();
      const locked = await client.query<{ thumbprint: string }>(
        `SELECT thumbprint FROM certificates WHERE thumbprint = ANY($1::text[])
         ORDER BY thumbprint FOR UPDATE SKIP LOCKED`,
        [thumbprints],
      );
      const held = locked.rows.map((r) => r.thumbprint);
      if (held.length === 0) return [];
      const { rows } = await client.query<{ thumbprint: string; lowest: number | null; last: string | null }>(
        `SELECT thumbprint, MIN(threshold) AS lowest, MAX(day COLLATE "C") AS last FROM reminder_ledger
         WHERE thumbprint = ANY($1::text[]) GROUP BY thumbprint`,
        [held],
      );
      const history = new Map<string, ReminderHistory>(
        rows.map((r) => [r.thumbprint, { lowestThreshold: r.lowest, lastDay: r.last }]),
      );
      const mine = new Set(held);
      const accepted: ClaimRequest[] = [];
      for (const request of requests) {
        if (!mine.has(request.thumbprint)) continue;
        const h = history.get(request.thumbprint) ?? { lowestThreshold: null, lastDay: null };
        if (!stillDue(request, h)) continue;
        accepted.push(request);
        // What this claim adds to the history, for a second request on the same certificate.
        history.set(request.thumbprint, {
          lowestThreshold:
            request.threshold === null
              ? h.lowestThreshold
              : Math.min(request.threshold, h.lowestThreshold ?? request.threshold),
          lastDay: h.lastDay === null || request.day > h.lastDay ? request.day : h.lastDay,
        });
      }
      if (accepted.length === 0) return [];
      const inserted = await client.query<LedgerRow>(
        `INSERT INTO reminder_ledger (thumbprint, slot, threshold, day, channel, claimed_at, claim_owner, lease_until)
         SELECT r.thumbprint, r.slot, r.threshold, r.day, r.channel, $6, $7, $8
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[])
           AS r (thumbprint, slot, threshold, day, channel)
         ON CONFLICT (thumbprint, slot) DO NOTHING RETURNING *`,
        [
          accepted.map((r) => r.thumbprint),
          accepted.map((r) => r.slot),
          accepted.map((r) => r.threshold),
          accepted.map((r) => r.day),
          accepted.map((r) => r.channel),
          options.at,
          options.owner,
          options.leaseUntil,
        ],
      );
      return inserted.rows.map(toEntry).sort((a, b) => a.id - b.id);
    });
  }

  async assignBatch(ids: number[], batch: string, owner: string) {
    await this.query(
      'UPDATE reminder_ledger SET batch = $1 WHERE id = ANY($2::int[]) AND claim_owner = $3 AND sent_at IS NULL',
      [batch, ids, owner],
    );
  }

  async confirm(ids: number[], sent: { messageTs: string; sentAt: string; confirmedAt: string }) {
    await this.query(
      'UPDATE reminder_ledger SET sent_at = $1, message_ts = $2, confirmed_at = $3 WHERE id = ANY($4::int[])',
      [sent.sentAt, sent.messageTs, sent.confirmedAt, ids],
    );
  }

  async release(ids: number[]) {
    await this.query('DELETE FROM reminder_ledger WHERE id = ANY($1::int[]) AND sent_at IS NULL', [ids]);
  }

  async staleClaims(now: string) {
    const { rows } = await this.query<LedgerRow>(
      'SELECT * FROM reminder_ledger WHERE sent_at IS NULL AND lease_until COLLATE "C" < $1 ORDER BY id',
      [now],
    );
    return rows.map(toEntry);
  }

  /** One UPDATE: a second run updating the same rows waits, re-reads the fresh lease and takes none. */
  async takeOver(ids: number[], options: ClaimOptions) {
    const { rows } = await this.query<LedgerRow>(
      `UPDATE reminder_ledger SET claim_owner = $1, claimed_at = $2, lease_until = $3
       WHERE id = ANY($4::int[]) AND sent_at IS NULL AND lease_until COLLATE "C" < $2 RETURNING *`,
      [options.owner, options.at, options.leaseUntil, ids],
    );
    return rows.map(toEntry).sort((a, b) => a.id - b.id);
  }

  async renew(ids: number[], owner: string, leaseUntil: string) {
    const { rows } = await this.query<{ id: number }>(
      `UPDATE reminder_ledger SET lease_until = $1
       WHERE id = ANY($2::int[]) AND claim_owner = $3 AND sent_at IS NULL RETURNING id`,
      [leaseUntil, ids, owner],
    );
    return rows.map((r) => r.id).sort((a, b) => a - b);
  }

  async ledger(thumbprint?: string) {
    const { rows } =
      thumbprint === undefined
        ? await this.query<LedgerRow>('SELECT * FROM reminder_ledger ORDER BY id')
        : await this.query<LedgerRow>('SELECT * FROM reminder_ledger WHERE thumbprint = $1 ORDER BY id', [thumbprint]);
    return rows.map(toEntry);
  }

  async entriesForMessage(channel: string, messageTs: string) {
    const { rows } = await this.query<LedgerRow>(
      'SELECT * FROM reminder_ledger WHERE channel = $1 AND message_ts = $2 ORDER BY id',
      [channel, messageTs],
    );
    return rows.map(toEntry);
  }

  async trackEndpoint(input: EndpointInput) {
    const { rows } = await this.query<DecodedEndpointRow & { created: boolean }>(
      `INSERT INTO endpoints (id, target, host, port, protocol, guarded, channel, owner, added_by, added_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active')
       ON CONFLICT (id) DO UPDATE SET
         target = excluded.target, host = excluded.host, port = excluded.port, protocol = excluded.protocol,
         guarded = endpoints.guarded OR excluded.guarded,
         channel = COALESCE(excluded.channel, endpoints.channel), owner = COALESCE(excluded.owner, endpoints.owner),
         status = 'active', status_by = NULL, status_at = NULL
       RETURNING *, (xmax = 0) AS created`,
      [
        input.id,
        input.target,
        input.host,
        input.port,
        input.protocol,
        input.guarded,
        input.channel ?? null,
        input.owner ?? null,
        input.addedBy,
        input.addedAt,
      ],
    );
    const row = rows[0]!;
    return { endpoint: fromDecodedEndpointRow(row), created: row.created };
  }

  async getEndpoint(id: string) {
    const { rows } = await this.query<DecodedEndpointRow>('SELECT * FROM endpoints WHERE id = $1', [id]);
    return rows[0] && fromDecodedEndpointRow(rows[0]);
  }

  async listEndpoints(options: { all?: boolean } = {}) {
    const where = options.all ? '' : "WHERE status = 'active'";
    const { rows } = await this.query<DecodedEndpointRow>(`SELECT * FROM endpoints ${where} ORDER BY id COLLATE "C"`);
    return rows.map(fromDecodedEndpointRow);
  }

  async untrackEndpoint(id: string, by: string, at: string) {
    const { rowCount } = await this.query(
      "UPDATE endpoints SET status = 'untracked', status_by = $1, status_at = $2 WHERE id = $3 AND status = 'active'",
      [by, at, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async recordProbe(id: string, record: ProbeRecord) {
    const { rowCount } = await this.query(
      `UPDATE endpoints SET probed_at = $1, last_probe = $2::jsonb, recent = $3::jsonb
       WHERE id = $4 AND probed_at IS NOT DISTINCT FROM $5::text`,
      [record.probe.at, JSON.stringify(record.probe), JSON.stringify(record.recent), id, record.after],
    );
    return (rowCount ?? 0) > 0;
  }

  private async importEndpoints(client: pg.PoolClient, endpoints: readonly TrackedEndpoint[]) {
    for (const e of endpoints) {
      await client.query(
        `INSERT INTO endpoints (id, target, host, port, protocol, guarded, channel, owner, added_by, added_at, status,
           status_by, status_at, probed_at, last_probe, recent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb)
         ON CONFLICT (id) DO UPDATE SET target = excluded.target, host = excluded.host, port = excluded.port,
           protocol = excluded.protocol, guarded = excluded.guarded, channel = excluded.channel,
           owner = excluded.owner, added_by = excluded.added_by, added_at = excluded.added_at,
           status = excluded.status, status_by = excluded.status_by, status_at = excluded.status_at,
           probed_at = excluded.probed_at, last_probe = excluded.last_probe, recent = excluded.recent`,
        [
          e.id,
          e.target,
          e.host,
          e.port,
          e.protocol,
          e.guarded,
          e.channel ?? null,
          e.owner ?? null,
          e.addedBy,
          e.addedAt,
          e.status,
          e.statusBy ?? null,
          e.statusAt ?? null,
          e.lastProbe?.at ?? null,
          e.lastProbe ? JSON.stringify(e.lastProbe) : null,
          JSON.stringify(e.recent),
        ],
      );
    }
  }

  async exportAll(): Promise<StoreSnapshot> {
    const [endpoints, certificates, ledger, snoozes, renewals] = await Promise.all([
      this.listEndpoints({ all: true }),
      this.list({ all: true }),
      this.ledger(),
      this.query<SnoozeRow>('SELECT * FROM snoozes ORDER BY thumbprint COLLATE "C"'),
      this.query<RenewalRow>('SELECT * FROM renewals ORDER BY old_thumbprint COLLATE "C"'),
    ]);
    return {
      endpoints,
      certificates,
      ledger: ledger.map(({ id: _id, ...entry }) => entry),
      snoozes: snoozes.rows.map(toSnooze),
      renewals: renewals.rows.map(toRenewal),
    };
  }

  async importAll(snapshot: StoreSnapshot): Promise<ImportCounts> {
    return this.transaction(async (client) => {
      const counts: ImportCounts = { certificates: 0, ledger: 0, snoozes: 0, renewals: 0 };
      for (const c of snapshot.certificates) {
        const { rows } = await client.query<{ created: boolean }>(
          `${UPSERT_CERTIFICATE}
           ON CONFLICT (thumbprint) DO UPDATE SET subject = excluded.subject, issuer = excluded.issuer,
             domains = excluded.domains, not_before = excluded.not_before, not_after = excluded.not_after,
             services = excluded.services, servers = excluded.servers, role = excluded.role,
             source = excluded.source, channel = excluded.channel, owner = excluded.owner,
             added_by = excluded.added_by, added_at = excluded.added_at, estimated = excluded.estimated,
             status = excluded.status, status_by = excluded.status_by, status_at = excluded.status_at
           RETURNING (xmax = 0) AS created`,
          certificateParams(c),
        );
        if (rows[0]?.created) counts.certificates++;
      }
      for (const e of snapshot.ledger) {
        const { rowCount } = await client.query(
          `INSERT INTO reminder_ledger (thumbprint, slot, threshold, day, channel, claimed_at, claim_owner,
             lease_until, batch, sent_at, message_ts, confirmed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (thumbprint, slot) DO NOTHING`,
          [
            e.thumbprint,
            e.slot,
            e.threshold,
            e.day,
            e.channel,
            e.claimedAt,
            e.claimOwner,
            e.leaseUntil,
            e.batch ?? null,
            e.sentAt ?? null,
            e.messageTs ?? null,
            e.confirmedAt ?? null,
          ],
        );
        counts.ledger += rowCount ?? 0;
      }
      for (const s of snapshot.snoozes) {
        const { rows } = await client.query<{ created: boolean }>(
          `INSERT INTO snoozes (thumbprint, until, snoozed_by, snoozed_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (thumbprint) DO UPDATE SET until = excluded.until, snoozed_by = excluded.snoozed_by,
             snoozed_at = excluded.snoozed_at RETURNING (xmax = 0) AS created`,
          [s.thumbprint, s.until, s.by ?? null, s.at],
        );
        if (rows[0]?.created) counts.snoozes++;
      }
      for (const r of snapshot.renewals) {
        const { rows } = await client.query<{ created: boolean }>(
          `INSERT INTO renewals (old_thumbprint, new_thumbprint, renewed_by, renewed_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (old_thumbprint) DO UPDATE SET new_thumbprint = excluded.new_thumbprint,
             renewed_by = excluded.renewed_by, renewed_at = excluded.renewed_at RETURNING (xmax = 0) AS created`,
          [r.oldThumbprint, r.newThumbprint, r.by ?? null, r.at],
        );
        if (rows[0]?.created) counts.renewals++;
      }
      await this.importEndpoints(client, snapshot.endpoints ?? []);
      return counts;
    });
  }

  async ping() {
    await this.ready();
    await this.pool.query('SELECT 1');
  }

  async close() {
    if (!this.pool.ended) await this.pool.end();
  }
}
