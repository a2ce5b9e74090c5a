import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { PASTE_12015 } from '../helpers/diagnoses.js';
import { tempDir } from '../helpers/temp-db.js';

const dir = tempDir('built-worker');

/**
 * What `npm run build` produces, built into a temporary folder (the repository's dist/ is left as
 * it is) and run by plain node, without tsx: the pool must find its compiled worker beside itself.
 */
test('from the compiled JavaScript, a long paste is read on a pool thread and the pool closes', async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  const outDir = join(dir, 'dist');
  const tsc = join('node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
  // Type errors elsewhere in a working tree still emit JavaScript: the files are what is tested.
  spawnSync(tsc, ['-p', 'tsconfig.build.json', '--outDir', outDir, '--sourceMap', 'false'], { stdio: 'ignore' });
  assert.ok(existsSync(join(outDir, 'diagnosis', 'diagnose-worker.js')), 'the worker is built');

  writeFileSync(
    join(dir, 'probe.js'),
    `import { createPooledRunner } from './dist/diagnosis/pooled-runner.js';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const runner = createPooledRunner({ maxThreads: 1, budgetMs: 10000 });
await runner.ready();
const diagnosis = await runner.diagnose(text, { now: new Date(${JSON.stringify(REFERENCE_NOW.toISOString())}) });
await runner.close();
const threads = process.getActiveResourcesInfo().filter((r) => r === 'MessagePort' || r === 'Worker').length;
process.stdout.write(JSON.stringify({ diagnosis, threads, execArgv: process.execArgv }));
`,
  );
  const paste = `${PASTE_12015}\n\n${'Get-ExchangeCertificate output was not pasted here.\n'.repeat(400)}`;
  const child = spawn(process.execPath, ['probe.js'], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  child.stdin.end(paste);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout) as { diagnosis: unknown; threads: number; execArgv: string[] };
  assert.deepEqual(result.execArgv, [], 'plain node, no TypeScript loader');
  // Read in full on the thread: the same answer as the core inline, no INPUT_TIMED_OUT.
  assert.deepEqual(result.diagnosis, JSON.parse(JSON.stringify(diagnose(paste, { now: REFERENCE_NOW }))));
  assert.equal(result.threads, 0);
});
