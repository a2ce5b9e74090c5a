import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { scaled } from './mode.js';
import type { BenchResult } from './result.js';

/**
 * `certcheck remind --dry-run` over 100,000 tracked certificates in a temporary SQLite file, against
 * the floor of reading the same rows with one plain SELECT. Each runs in a child process (same
 * node + tsx start-up on both sides) so that peak RSS is measured per run.
 */

const CERTIFICATES = scaled(100_000, 2_000);
const RUNS = scaled(3, 1);
const NOW = '2026-11-30T09:00:00.000Z';

export async function benchReminders(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'certcheck-bench-'));
  const path = join(dir, 'bench.db');
  try {
    seed(path);
    const remind = best(() => child('remind', path));
    const scan = best(() => child('scan', path));
    const replicas = await (await import('./reminders-pg-bench.js')).benchRemindersPostgres();
    return [
      ...replicas,
      {
        name: `remind --dry-run, ${CERTIFICATES.toLocaleString('en')} tracked (${remind.count} due)`,
        value: remind.ms,
        unit: 'ms',
        baseline: { name: 'plain SELECT of the same rows', value: scan.ms },
        ratio: remind.ms / scan.ms,
      },
      {
        name: 'remind --dry-run peak RSS',
        value: remind.maxRssMb,
        unit: 'MB',
        baseline: { name: 'plain SELECT peak RSS', value: scan.maxRssMb },
        ratio: remind.maxRssMb / scan.maxRssMb,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ChildResult {
  ms: number;
  count: number;
  maxRssMb: number;
}

function child(mode: 'remind' | 'scan', path: string): ChildResult {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'reminders-bench-child.ts'), mode, path, NOW],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`bench child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

/** The fastest of a few runs (the least disturbed); its RSS with it. */
function best(run: () => ChildResult): ChildResult {
  let fastest: ChildResult | undefined;
  for (let i = 0; i < RUNS; i++) {
    const r = run();
    if (!fastest || r.ms < fastest.ms) fastest = r;
  }
  return fastest!;
}

/** 100k certificates spread from 120 days expired to 600 days ahead, a fifth with ledger history. */
function seed(path: string): void {
  const store = openSqliteStore(path);
  const db = store.db;
  const base = Date.parse(NOW);
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
      const thumbprint = i.toString(16).toUpperCase().padStart(40, '0');
      const notAfter = new Date(base + (((i * 7919) % 720) - 120) * 86_400_000).toISOString();
      const channel = `C0BENCH${i % 20}`;
      insert.run(thumbprint, `CN=host${i}.bench.example`, notAfter, channel, NOW);
      if (i % 5 === 0) ledger.run(thumbprint, channel, NOW, NOW, NOW, NOW);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
