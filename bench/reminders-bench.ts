import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgStore } from '../src/store/pg-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { compileForNode } from './compile.js';
import { scaled } from './mode.js';
import type { BenchResult } from './result.js';

/**
 * `certcheck remind --dry-run` over 100,000 tracked certificates, against the floor of reading the
 * same rows with one plain SELECT: in a temporary SQLite file, then on the throw-away Postgres of
 * the replicas bench. Each run is a child process of plain node on certcheck compiled to
 * JavaScript, as `npm run build` ships it (the same start-up on both sides, no TypeScript loader
 * in the figures), so that peak RSS is measured per run.
 */

const CERTIFICATES = scaled(100_000, 2_000);
const RUNS = scaled(3, 1);
const NOW = '2026-11-30T09:00:00.000Z';

export async function benchReminders(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'certcheck-bench-'));
  const compiled = compileForNode(['bench/reminders-bench-child.ts']);
  const child = join(compiled, 'bench', 'reminders-bench-child.js');
  try {
    const path = join(dir, 'bench.db');
    seedSqlite(path);
    const sqlite = dryRun('SQLite', child, `file:${path}`);
    const { benchRemindersPostgres } = await import('./reminders-pg-bench.js');
    const postgres = await benchRemindersPostgres(async (url) => {
      await seedPostgres(url);
      return dryRun('Postgres', child, url);
    });
    return [...postgres, ...sqlite];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(compiled, { recursive: true, force: true });
  }
}

function dryRun(store: string, child: string, url: string): BenchResult[] {
  // Alternating, so that a burst of load on a shared machine lands on both sides alike.
  const remind: ChildResult[] = [];
  const scan: ChildResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    remind.push(run(child, 'remind', url));
    scan.push(run(child, 'scan', url));
  }
  const r = fastest(remind);
  const s = fastest(scan);
  const time = r.ms / s.ms;
  const memory = r.maxRssMb / s.maxRssMb;
  return [
    {
      name: `remind --dry-run on ${store}, ${CERTIFICATES.toLocaleString('en')} tracked (${r.count} due)`,
      value: r.ms,
      unit: 'ms',
      baseline: { name: 'plain SELECT of all the rows', value: s.ms },
      ratio: time,
      target: { text: '≤ 2×', met: time <= 2 },
    },
    {
      name: `remind --dry-run on ${store}, peak RSS`,
      value: r.maxRssMb,
      unit: 'MB',
      baseline: { name: 'plain SELECT peak RSS', value: s.maxRssMb },
      ratio: memory,
      target: { text: '≤ 1.5×', met: memory <= 1.5 },
    },
  ];
}

interface ChildResult {
  ms: number;
  count: number;
  maxRssMb: number;
}

function run(child: string, mode: 'remind' | 'scan', url: string): ChildResult {
  const result = spawnSync(process.execPath, [child, mode, url, NOW], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`bench child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

/** The fastest of a few runs (the least disturbed); its RSS with it. */
function fastest(results: ChildResult[]): ChildResult {
  return results.reduce((a, b) => (b.ms < a.ms ? b : a));
}

/** Certificate i: spread from 120 days expired to 600 days ahead over 20 channels; every fifth has ledger history. */
function benchRow(i: number) {
  return {
    thumbprint: i.toString(16).toUpperCase().padStart(40, '0'),
    subject: `CN=host${i}.bench.example`,
    notAfter: new Date(Date.parse(NOW) + (((i * 7919) % 720) - 120) * 86_400_000).toISOString(),
    channel: `C0BENCH${i % 20}`,
    reminded: i % 5 === 0,
  };
}

function seedSqlite(path: string): void {
  const store = openSqliteStore(path);
  const db = store.db;
  const insert = db.prepare(
    `INSERT INTO certificates (thumbprint, subject, issuer, domains, not_after, services, servers, source, channel,
       added_by, added_at, estimated, status)
     VALUES (?, ?, 'CN=Bench CA', '["bench.example"]', ?, '["IIS","SMTP"]', '[]', 'pem', ?, 'bench', ?, 0, 'active')`,
  );
  const ledger = db.prepare(
    `INSERT INTO reminder_ledger (thumbprint, slot, threshold, day, channel, claimed_at, claim_owner, lease_until,
       sent_at, message_ts, confirmed_at)
     VALUES (?, 'threshold:60', 60, '2026-10-01', ?, ?, 'bench', ?, ?, '1.0', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < CERTIFICATES; i++) {
      const row = benchRow(i);
      insert.run(row.thumbprint, row.subject, row.notAfter, row.channel, NOW);
      if (row.reminded) ledger.run(row.thumbprint, row.channel, NOW, NOW, NOW, NOW);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The same rows on Postgres, a few thousand per INSERT. */
async function seedPostgres(url: string): Promise<void> {
  const store = openPgStore(url);
  try {
    await store.ready();
    const CHUNK = 5000;
    for (let from = 0; from < CERTIFICATES; from += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, CERTIFICATES - from) }, (_, k) => benchRow(from + k));
      await store.pool.query(
        `INSERT INTO certificates (thumbprint, subject, issuer, domains, not_after, services, servers, source, channel,
           added_by, added_at, estimated, status)
         SELECT t, s, 'CN=Bench CA', '["bench.example"]', n, '["IIS","SMTP"]', '[]', 'pem', c, 'bench', $5, false, 'active'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r (t, s, n, c)`,
        [
          rows.map((r) => r.thumbprint),
          rows.map((r) => r.subject),
          rows.map((r) => r.notAfter),
          rows.map((r) => r.channel),
          NOW,
        ],
      );
      const reminded = rows.filter((r) => r.reminded);
      await store.pool.query(
        `INSERT INTO reminder_ledger (thumbprint, slot, threshold, day, channel, claimed_at, claim_owner, lease_until,
           sent_at, message_ts, confirmed_at)
         SELECT t, 'threshold:60', 60, '2026-10-01', c, $3, 'bench', $3, $3, '1.0', $3
         FROM unnest($1::text[], $2::text[]) AS r (t, c)`,
        [reminded.map((r) => r.thumbprint), reminded.map((r) => r.channel), NOW],
      );
    }
    await store.pool.query('VACUUM ANALYZE');
  } finally {
    await store.close();
  }
}
