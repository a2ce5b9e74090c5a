// Compiles src/ to dist/ and makes the CLI executable. Runs on `npm ci` (prepare) so that
// `npx certcheck` works in a fresh clone without tsx at run time.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

rmSync('dist', { recursive: true, force: true });
const tsc = join('node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
const result = spawnSync(tsc, ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
