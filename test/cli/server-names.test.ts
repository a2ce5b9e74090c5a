import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';

/**
 * Two servers' "Microsoft Exchange Server Auth Certificate" beside a WMSvc certificate: the terminal
 * tells them apart by their servers, as Slack does, and tracks what Slack's Track button tracks.
 */
const LISTING = readFileSync(new URL('../fixtures/two-servers-auth-fl.txt', import.meta.url), 'utf8');
const dir = tempDir('cli-servers');

async function cli(argv: string[], env: Record<string, string>) {
  const io = captureIo({ now: REFERENCE_NOW, stdin: LISTING, env });
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('the command line names the servers of each certificate', () => {
  const env = { DATABASE_URL: `file:${tempDatabasePath(join(dir, 'data'))}`, REMINDER_CHANNEL: 'C0OPS' };

  it('diagnose: each certificate’s facts start with its server', async () => {
    const { out } = await cli(['diagnose', '--tz', 'UTC'], env);
    assert.match(
      out,
      /Microsoft Exchange Server Auth Certificate\n {4}expires in 4 days \(3 Dec 2026 10:00 server time\)\n {4}📍 EX01\.corp\.tailspintoys\.com · A1A2/,
    );
    assert.match(
      out,
      /Microsoft Exchange Server Auth Certificate\n {4}expires in 10 days \(9 Dec 2026 10:00 server time\)\n {4}📍 EX02\.corp\.tailspintoys\.com · C1C2/,
    );
  });

  it('track leaves the WMSvc certificate out; list names each row’s server', async () => {
    const tracked = await cli(['track', '--tz', 'UTC'], env);
    assert.equal(tracked.code, 0, tracked.err);
    assert.match(tracked.out, /^Tracking 2 certificates\./);
    assert.doesNotMatch(tracked.out, /E1E2E3E4/);
    const { out } = await cli(['list', '--tz', 'UTC'], env);
    const rows = out.split('\n').filter((line) => line.includes('Microsoft Exchange Server Auth Certificate'));
    assert.equal(rows.length, 2, out);
    assert.match(
      rows[0] ?? '',
      /— expires in 4 days \(3 Dec 2026 10:00 UTC\) · 📍 EX01\.corp\.tailspintoys\.com · reminders in C0OPS/,
    );
    assert.match(
      rows[1] ?? '',
      /— expires in 10 days \(9 Dec 2026 10:00 UTC\) · 📍 EX02\.corp\.tailspintoys\.com · reminders in C0OPS/,
    );
  });
});
