// One measured run in its own process, so that its peak RSS is its own: `remind` (the CLI's dry
// run, end to end) or `scan` (the floor: the same rows read with one plain SELECT), on SQLite
// (`file:…`) or Postgres (`postgres://…`). The floor's database driver is loaded before the clock
// starts; the CLI loads whatever it needs inside the measured time.
import { runCli } from '../src/cli/run-cli.js';

const SELECT = 'SELECT thumbprint, subject, not_after, channel FROM certificates WHERE status = ';
const [mode, url, now] = process.argv.slice(2) as [string, string, string];
const onPostgres = /^postgres(ql)?:\/\//.test(url);
const scan =
  mode !== 'scan' ? undefined : onPostgres ? await postgresScan(url) : await sqliteScan(url.replace(/^file:/, ''));

const started = process.hrtime.bigint();
let count = 0;
if (scan) count = await scan();
else {
  let out = '';
  const code = await runCli(['remind', '--dry-run', '--json', '--now', now], {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => '',
    readFile: async () => new Uint8Array(),
    env: { DATABASE_URL: url, REMINDER_CHANNEL: 'C0BENCH' },
    now: () => new Date(now),
    isTTY: false,
  });
  if (code !== 0) throw new Error(`remind exited ${code}`);
  // Counted, not parsed nor split: copies of the output would add to the run's peak memory.
  for (let at = out.indexOf('"thumbprint":'); at !== -1; at = out.indexOf('"thumbprint":', at + 1)) count++;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, count, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

async function sqliteScan(path: string): Promise<() => Promise<number>> {
  const { default: Database } = await import('better-sqlite3');
  return async () => {
    const db = new Database(path, { readonly: true });
    let rows = 0;
    for (const row of db.prepare(`${SELECT}?`).iterate('active')) if (row) rows++;
    db.close();
    return rows;
  };
}

async function postgresScan(connectionString: string): Promise<() => Promise<number>> {
  const { default: pg } = await import('pg');
  return async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      const { rows } = await client.query(`${SELECT}$1`, ['active']);
      return rows.length;
    } finally {
      await client.end();
    }
  };
}
