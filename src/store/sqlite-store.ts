import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { fromSqliteEndpointRow, type SqliteEndpointRow } from './endpoint-rows.js';
import { migrate } from './migrations.js';
import {
  type CertificateRow,
  type LedgerRow,
  type RenewalRow,
  type SnoozeRow,
  toCertificate,
  toEntry,
  toRenewal,
  toSnooze,
} from './sqlite-rows.js';
import type {
  ClaimOptions,
  ClaimRequest,
  LedgerEntry,
  ReminderHistory,
  Renewal,
  Snooze,
  ImportCounts,
  StillDue,
  Store,
  StoreSnapshot,
  TrackedSummary,
  TrackInput,
  EndpointInput,
  ProbeRecord,
  TrackedEndpoint,
} from './store.js';

/** Sorts after every ISO-8601 time: no expiry bound. */
const FAR_FUTURE = '~';

/** Opens (creating the file and its folder on first run) and migrates the SQLite store. */
export function openSqliteStore(path: string): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // Another process (cron + bot, two replicas) may hold the write lock for a moment: wait, not fail.
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return new SqliteStore(db);
}

export class SqliteStore implements Store {
  constructor(readonly db: Database.Database) {}

  /** Every answer that shows a thumbprint looks it up here: the statement is prepared once, not per look. */
  private byThumbprint?: Database.Statement<[string]>;

  async track(input: TrackInput) {
    return this.db
      .transaction(() => {
        const existing = this.db.prepare('SELECT 1 FROM certificates WHERE thumbprint = ?').get(input.thumbprint);
        this.db
          .prepare(
            `INSERT INTO certificates (thumbprint, subject, issuer, domains, not_before, not_after, services, servers,
               role, source, channel, owner, added_by, added_at, estimated, status)
             VALUES (@thumbprint, @subject, @issuer, @domains, @notBefore, @notAfter, @services, @servers,
               @role, @source, @channel, @owner, @addedBy, @addedAt, @estimated, 'active')
             ON CONFLICT (thumbprint) DO UPDATE SET
               subject = excluded.subject, issuer = excluded.issuer, domains = excluded.domains,
               not_before = excluded.not_before, not_after = excluded.not_after,
               services = CASE WHEN excluded.services = '[]' THEN services ELSE excluded.services END,
               servers = excluded.servers, role = COALESCE(excluded.role, role), source = excluded.source,
               channel = COALESCE(excluded.channel, channel), owner = COALESCE(excluded.owner, owner),
               estimated = excluded.estimated, status = 'active', status_by = NULL, status_at = NULL`,
          )
          .run({
            ...input,
            domains: JSON.stringify(input.domains),
            services: JSON.stringify(input.services),
            servers: JSON.stringify(input.servers),
            notBefore: input.notBefore ?? null,
            role: input.role ?? null,
            channel: input.channel ?? null,
            owner: input.owner ?? null,
            estimated: input.estimated ? 1 : 0,
          });
        const row = this.db.prepare('SELECT * FROM certificates WHERE thumbprint = ?').get(input.thumbprint);
        return { certificate: toCertificate(row as CertificateRow), created: existing === undefined };
      })
      .immediate();
  }

  async get(thumbprint: string) {
    this.byThumbprint ??= this.db.prepare('SELECT * FROM certificates WHERE thumbprint = ?');
    const row = this.byThumbprint.get(thumbprint);
    return row === undefined ? undefined : toCertificate(row as CertificateRow);
  }

  async list(options: { all?: boolean } = {}) {
    const where = options.all ? '' : "WHERE status = 'active'";
    const rows = this.db.prepare(`SELECT * FROM certificates ${where} ORDER BY not_after, thumbprint`).all();
    return (rows as CertificateRow[]).map(toCertificate);
  }

  async eachTracked(visit: (certificate: TrackedSummary) => void, options: { expiringBefore?: string } = {}) {
    // Columns already named as the summary's fields: no JSON to decode, no record to build. The
    // expiry bound is a range of the (status, not_after) index: the rest of the table is not read.
    // The history comes with each row (two lookups in the ledger's index) instead of a map of the
    // whole ledger, which only grows.
    const rows = this.db
      .prepare(
        `SELECT c.thumbprint, c.subject, c.not_after AS notAfter, c.channel,
           (SELECT MIN(threshold) FROM reminder_ledger l WHERE l.thumbprint = c.thumbprint) AS lowestThreshold,
           (SELECT MAX(day) FROM reminder_ledger l WHERE l.thumbprint = c.thumbprint) AS lastDay
         FROM certificates c WHERE c.status = 'active' AND c.not_after < ?`,
      )
      .iterate(options.expiringBefore ?? FAR_FUTURE) as IterableIterator<TrackedSummary>;
    for (const row of rows) visit(row);
  }

  async untrack(thumbprint: string, by: string, at: string) {
    const result = this.db
      .prepare(
        "UPDATE certificates SET status = 'untracked', status_by = ?, status_at = ? WHERE thumbprint = ? AND status = 'active'",
      )
      .run(by, at, thumbprint);
    return result.changes > 0;
  }

  async markRenewed(renewal: Renewal) {
    return this.db
      .transaction(() => {
        const result = this.db
          .prepare(
            "UPDATE certificates SET status = 'renewed', status_by = ?, status_at = ? WHERE thumbprint = ? AND status <> 'renewed'",
          )
          .run(renewal.by ?? null, renewal.at, renewal.oldThumbprint);
        if (result.changes === 0) return false;
        this.db
          .prepare(
            `INSERT INTO renewals (old_thumbprint, new_thumbprint, renewed_by, renewed_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (old_thumbprint) DO UPDATE SET new_thumbprint = excluded.new_thumbprint,
               renewed_by = excluded.renewed_by, renewed_at = excluded.renewed_at`,
          )
          .run(renewal.oldThumbprint, renewal.newThumbprint, renewal.by ?? null, renewal.at);
        return true;
      })
      .immediate();
  }

  async renewalOf(oldThumbprint: string) {
    const row = this.db.prepare('SELECT * FROM renewals WHERE old_thumbprint = ?').get(oldThumbprint) as
      | RenewalRow
      | undefined;
    return row && toRenewal(row);
  }

  async snooze(snooze: Snooze) {
    this.upsertSnooze(snooze);
  }

  private upsertSnooze(snooze: Snooze) {
    this.db
      .prepare(
        `INSERT INTO snoozes (thumbprint, until, snoozed_by, snoozed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (thumbprint) DO UPDATE SET until = excluded.until, snoozed_by = excluded.snoozed_by,
           snoozed_at = excluded.snoozed_at`,
      )
      .run(snooze.thumbprint, snooze.until, snooze.by ?? null, snooze.at);
  }

  async activeSnoozes(now: string) {
    const rows = this.db.prepare('SELECT * FROM snoozes WHERE until > ? ORDER BY thumbprint').all(now) as SnoozeRow[];
    return rows.map(toSnooze);
  }

  async reminderHistory() {
    const rows = this.db
      .prepare('SELECT thumbprint, MIN(threshold) AS lowest, MAX(day) AS last FROM reminder_ledger GROUP BY thumbprint')
      .all() as { thumbprint: string; lowest: number | null; last: string | null }[];
    return new Map<string, ReminderHistory>(
      rows.map((r) => [r.thumbprint, { lowestThreshold: r.lowest, lastDay: r.last }]),
    );
  }

  async claim(requests: ClaimRequest[], options: ClaimOptions, stillDue: StillDue) {
    const history = this.db.prepare(
      'SELECT MIN(threshold) AS lowest, MAX(day) AS last FROM reminder_ledger WHERE thumbprint = ?',
    );
    const exists = this.db.prepare('SELECT 1 FROM certificates WHERE thumbprint = ?');
    const insert = this.db.prepare(
      `INSERT INTO reminder_ledger (thumbprint, slot, threshold, day, channel, claimed_at, claim_owner, lease_until)
       VALUES (@thumbprint, @slot, @threshold, @day, @channel, @at, @owner, @leaseUntil)
       ON CONFLICT (thumbprint, slot) DO NOTHING RETURNING *`,
    );
    // IMMEDIATE: the re-check and the insert happen under the write lock, so a concurrent process
    // either sees our rows or waits for them.
    return this.db
      .transaction(() => {
        const won: LedgerEntry[] = [];
        for (const request of requests) {
          if (exists.get(request.thumbprint) === undefined) continue;
          const h = history.get(request.thumbprint) as { lowest: number | null; last: string | null };
          if (!stillDue(request, { lowestThreshold: h.lowest, lastDay: h.last })) continue;
          const row = insert.get({ ...request, ...options }) as LedgerRow | undefined;
          if (row) won.push(toEntry(row));
        }
        return won;
      })
      .immediate();
  }

  async assignBatch(ids: number[], batch: string, owner: string) {
    const update = this.db.prepare(
      'UPDATE reminder_ledger SET batch = ? WHERE id = ? AND claim_owner = ? AND sent_at IS NULL',
    );
    this.db.transaction(() => {
      for (const id of ids) update.run(batch, id, owner);
    })();
  }

  async confirm(ids: number[], sent: { messageTs: string; sentAt: string; confirmedAt: string }) {
    const update = this.db.prepare(
      'UPDATE reminder_ledger SET sent_at = ?, message_ts = ?, confirmed_at = ? WHERE id = ?',
    );
    this.db.transaction(() => {
      for (const id of ids) update.run(sent.sentAt, sent.messageTs, sent.confirmedAt, id);
    })();
  }

  async release(ids: number[]) {
    const remove = this.db.prepare('DELETE FROM reminder_ledger WHERE id = ? AND sent_at IS NULL');
    this.db.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  }

  async staleClaims(now: string) {
    const rows = this.db
      .prepare('SELECT * FROM reminder_ledger WHERE sent_at IS NULL AND lease_until < ? ORDER BY id')
      .all(now) as LedgerRow[];
    return rows.map(toEntry);
  }

  async takeOver(ids: number[], options: ClaimOptions) {
    const update = this.db.prepare(
      `UPDATE reminder_ledger SET claim_owner = @owner, claimed_at = @at, lease_until = @leaseUntil
       WHERE id = @id AND sent_at IS NULL AND lease_until < @at RETURNING *`,
    );
    return this.db
      .transaction(() => {
        const won: LedgerEntry[] = [];
        for (const id of ids) {
          const row = update.get({ id, ...options }) as LedgerRow | undefined;
          if (row) won.push(toEntry(row));
        }
        return won;
      })
      .immediate();
  }

  async renew(ids: number[], owner: string, leaseUntil: string) {
    const update = this.db.prepare(
      'UPDATE reminder_ledger SET lease_until = ? WHERE id = ? AND claim_owner = ? AND sent_at IS NULL RETURNING id',
    );
    return this.db
      .transaction(() => ids.filter((id) => update.get(leaseUntil, id, owner) !== undefined).sort((a, b) => a - b))
      .immediate();
  }

  async ledger(thumbprint?: string) {
    const rows = (
      thumbprint === undefined
        ? this.db.prepare('SELECT * FROM reminder_ledger ORDER BY id').all()
        : this.db.prepare('SELECT * FROM reminder_ledger WHERE thumbprint = ? ORDER BY id').all(thumbprint)
    ) as LedgerRow[];
    return rows.map(toEntry);
  }

  async entriesForMessage(channel: string, messageTs: string) {
    const rows = this.db
      .prepare('SELECT * FROM reminder_ledger WHERE channel = ? AND message_ts = ? ORDER BY id')
      .all(channel, messageTs) as LedgerRow[];
    return rows.map(toEntry);
  }

  async trackEndpoint(input: EndpointInput) {
    return this.db
      .transaction(() => {
        const existing = this.db.prepare('SELECT 1 FROM endpoints WHERE id = ?').get(input.id);
        this.db
          .prepare(
            `INSERT INTO endpoints (id, target, host, port, protocol, guarded, channel, owner, added_by, added_at, status)
             VALUES (@id, @target, @host, @port, @protocol, @guarded, @channel, @owner, @addedBy, @addedAt, 'active')
             ON CONFLICT (id) DO UPDATE SET
               target = excluded.target, host = excluded.host, port = excluded.port, protocol = excluded.protocol,
               guarded = MAX(guarded, excluded.guarded),
               channel = COALESCE(excluded.channel, channel), owner = COALESCE(excluded.owner, owner),
               status = 'active', status_by = NULL, status_at = NULL`,
          )
          .run({
            ...input,
            guarded: input.guarded ? 1 : 0,
            channel: input.channel ?? null,
            owner: input.owner ?? null,
          });
        const row = this.db.prepare('SELECT * FROM endpoints WHERE id = ?').get(input.id) as SqliteEndpointRow;
        return { endpoint: fromSqliteEndpointRow(row), created: existing === undefined };
      })
      .immediate();
  }

  async getEndpoint(id: string) {
    const row = this.db.prepare('SELECT * FROM endpoints WHERE id = ?').get(id) as SqliteEndpointRow | undefined;
    return row && fromSqliteEndpointRow(row);
  }

  async listEndpoints(options: { all?: boolean } = {}) {
    const where = options.all ? '' : "WHERE status = 'active'";
    const rows = this.db.prepare(`SELECT * FROM endpoints ${where} ORDER BY id`).all() as SqliteEndpointRow[];
    return rows.map(fromSqliteEndpointRow);
  }

  async untrackEndpoint(id: string, by: string, at: string) {
    const result = this.db
      .prepare(
        "UPDATE endpoints SET status = 'untracked', status_by = ?, status_at = ? WHERE id = ? AND status = 'active'",
      )
      .run(by, at, id);
    return result.changes > 0;
  }

  async recordProbe(id: string, record: ProbeRecord) {
    const result = this.db
      .prepare('UPDATE endpoints SET probed_at = ?, last_probe = ?, recent = ? WHERE id = ? AND probed_at IS ?')
      .run(record.probe.at, JSON.stringify(record.probe), JSON.stringify(record.recent), id, record.after);
    return result.changes > 0;
  }

  private importEndpoints(endpoints: readonly TrackedEndpoint[]) {
    const upsert = this.db.prepare(
      `INSERT INTO endpoints (id, target, host, port, protocol, guarded, channel, owner, added_by, added_at, status,
         status_by, status_at, probed_at, last_probe, recent)
       VALUES (@id, @target, @host, @port, @protocol, @guarded, @channel, @owner, @addedBy, @addedAt, @status,
         @statusBy, @statusAt, @probedAt, @lastProbe, @recent)
       ON CONFLICT (id) DO UPDATE SET target = excluded.target, host = excluded.host, port = excluded.port,
         protocol = excluded.protocol, guarded = excluded.guarded, channel = excluded.channel, owner = excluded.owner,
         added_by = excluded.added_by, added_at = excluded.added_at, status = excluded.status,
         status_by = excluded.status_by, status_at = excluded.status_at, probed_at = excluded.probed_at,
         last_probe = excluded.last_probe, recent = excluded.recent`,
    );
    for (const e of endpoints) {
      upsert.run({
        ...e,
        guarded: e.guarded ? 1 : 0,
        channel: e.channel ?? null,
        owner: e.owner ?? null,
        statusBy: e.statusBy ?? null,
        statusAt: e.statusAt ?? null,
        probedAt: e.lastProbe?.at ?? null,
        lastProbe: e.lastProbe ? JSON.stringify(e.lastProbe) : null,
        recent: JSON.stringify(e.recent),
      });
    }
  }

  async exportAll(): Promise<StoreSnapshot> {
    const snoozes = this.db.prepare('SELECT * FROM snoozes ORDER BY thumbprint').all() as SnoozeRow[];
    const renewals = this.db.prepare('SELECT * FROM renewals ORDER BY old_thumbprint').all() as RenewalRow[];
    return {
      endpoints: await this.listEndpoints({ all: true }),
      certificates: await this.list({ all: true }),
      ledger: (await this.ledger()).map(({ id: _id, ...entry }) => entry),
      snoozes: snoozes.map(toSnooze),
      renewals: renewals.map(toRenewal),
    };
  }

  async importAll(snapshot: StoreSnapshot): Promise<ImportCounts> {
    const exists = this.db.prepare('SELECT 1 FROM certificates WHERE thumbprint = ?');
    const upsert = this.db.prepare(
      `INSERT INTO certificates (thumbprint, subject, issuer, domains, not_before, not_after, services, servers,
         role, source, channel, owner, added_by, added_at, estimated, status, status_by, status_at)
       VALUES (@thumbprint, @subject, @issuer, @domains, @notBefore, @notAfter, @services, @servers,
         @role, @source, @channel, @owner, @addedBy, @addedAt, @estimated, @status, @statusBy, @statusAt)
       ON CONFLICT (thumbprint) DO UPDATE SET subject = excluded.subject, issuer = excluded.issuer,
         domains = excluded.domains, not_before = excluded.not_before, not_after = excluded.not_after,
         services = excluded.services, servers = excluded.servers, role = excluded.role, source = excluded.source,
         channel = excluded.channel, owner = excluded.owner, added_by = excluded.added_by,
         added_at = excluded.added_at, estimated = excluded.estimated, status = excluded.status,
         status_by = excluded.status_by, status_at = excluded.status_at`,
    );
    const addEntry = this.db.prepare(
      `INSERT INTO reminder_ledger (thumbprint, slot, threshold, day, channel, claimed_at, claim_owner, lease_until,
         batch, sent_at, message_ts, confirmed_at)
       VALUES (@thumbprint, @slot, @threshold, @day, @channel, @claimedAt, @claimOwner, @leaseUntil,
         @batch, @sentAt, @messageTs, @confirmedAt)
       ON CONFLICT (thumbprint, slot) DO NOTHING`,
    );
    const snoozed = this.db.prepare('SELECT 1 FROM snoozes WHERE thumbprint = ?');
    const renewed = this.db.prepare('SELECT 1 FROM renewals WHERE old_thumbprint = ?');
    return this.db
      .transaction(() => {
        const counts: ImportCounts = { certificates: 0, ledger: 0, snoozes: 0, renewals: 0 };
        for (const c of snapshot.certificates) {
          if (exists.get(c.thumbprint) === undefined) counts.certificates++;
          upsert.run({
            ...c,
            domains: JSON.stringify(c.domains),
            services: JSON.stringify(c.services),
            servers: JSON.stringify(c.servers),
            notBefore: c.notBefore ?? null,
            role: c.role ?? null,
            channel: c.channel ?? null,
            owner: c.owner ?? null,
            estimated: c.estimated ? 1 : 0,
            statusBy: c.statusBy ?? null,
            statusAt: c.statusAt ?? null,
          });
        }
        for (const e of snapshot.ledger) {
          const row = {
            ...e,
            batch: e.batch ?? null,
            sentAt: e.sentAt ?? null,
            messageTs: e.messageTs ?? null,
            confirmedAt: e.confirmedAt ?? null,
          };
          counts.ledger += addEntry.run(row).changes;
        }
        for (const s of snapshot.snoozes) {
          if (snoozed.get(s.thumbprint) === undefined) counts.snoozes++;
          this.upsertSnooze(s);
        }
        for (const r of snapshot.renewals) {
          if (renewed.get(r.oldThumbprint) === undefined) counts.renewals++;
          this.db
            .prepare(
              `INSERT INTO renewals (old_thumbprint, new_thumbprint, renewed_by, renewed_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (old_thumbprint) DO UPDATE SET new_thumbprint = excluded.new_thumbprint,
                 renewed_by = excluded.renewed_by, renewed_at = excluded.renewed_at`,
            )
            .run(r.oldThumbprint, r.newThumbprint, r.by ?? null, r.at);
        }
        this.importEndpoints(snapshot.endpoints ?? []);
        return counts;
      })
      .immediate();
  }

  async ping() {
    this.db.prepare('SELECT 1').get();
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}
