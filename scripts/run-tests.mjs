// Runs every test/**/*.test.ts with node's test runner (through tsx). Node 20 takes paths, not
// globs, and `node --test test/` silently runs no .ts file: list them here and fail on none.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv[2];
const files = findTests('test')
  .filter((f) => !filter || f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error('run-tests: no test files found under test/');
  process.exit(1);
}
// Its own process group, so the watchdog below stops the runner together with every server a test
// started (Postgres, replicas, loopback peers): one that outlives its test keeps the runner waiting.
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
  detached: true,
});
const stopAll = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
};
// The whole suite takes minutes; a run still going after this long is hung, and a hung run should
// fail with a reason rather than wait for CI's own limit.
const limitMinutes = Number(process.env.TEST_TIMEOUT_MINUTES ?? 30);
const watchdog = setTimeout(() => {
  console.error(`run-tests: the tests did not finish within ${limitMinutes} minutes; stopping them`);
  stopAll('SIGKILL');
}, limitMinutes * 60_000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAll(signal);
    process.exit(1);
  });
}
let tail = ''; // the whole report: the summary comes before the failure details
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail += chunk.toString();
});
child.on('close', (status) => {
  clearTimeout(watchdog);
  // A server a test left behind still holds the group: stop it, the report is complete.
  stopAll('SIGKILL');
  const count = (label) => Number([...tail.matchAll(new RegExp(`ℹ ${label} (\\d+)`, 'g'))].at(-1)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  console.log(`\n${files.length} test files: ${passed} passed, ${failed} failed`);
  if (passed + failed === 0) {
    console.error('run-tests: no test ran');
    process.exit(1);
  }
  process.exit(status ?? 1);
});
