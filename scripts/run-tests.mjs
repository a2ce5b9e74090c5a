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
const files = findTests('test').filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error('run-tests: no test files found under test/');
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
});
let tail = ''; // the whole report: the summary comes before the failure details
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail += chunk.toString();
});
child.on('close', (status) => {
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
