// One measured run in its own process, so that its peak RSS is its own: `remind` (the CLI's dry
// run, end to end) or `scan` (the floor: the same rows read with one plain SELECT).
import Database from 'better-sqlite3';
import { runCli } from '../src/cli/run-cli.js';

const [mode, path, now] = process.argv.slice(2) as [string, string, string];
const started = process.hrtime.bigint();
let count = 0;
if (mode === 'scan') {
  const db = new Database(path, { readonly: true });
  for (const row of db
    .prepare('SELECT thumbprint, subject, not_after, channel FROM certificates WHERE status = ?')
    .iterate('active')) {
    if (row) count++;
  }
  db.close();
} else {
  let out = '';
  const code = await runCli(['remind', '--dry-run', '--json', '--now', now], {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => '',
    readFile: async () => new Uint8Array(),
    env: { DATABASE_URL: `file:${path}`, REMINDER_CHANNEL: 'C0BENCH' },
    now: () => new Date(now),
    isTTY: false,
  });
  if (code !== 0) throw new Error(`remind exited ${code}`);
  count = (JSON.parse(out) as { due: unknown[] }).due.length;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, count, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
