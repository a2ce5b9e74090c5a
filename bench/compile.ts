import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Compiles `entries` (and everything they import) to JavaScript in a temporary folder, the way
 * `npm run build` compiles src/, so that a bench can run certcheck with plain node: under tsx
 * each worker thread would carry the TypeScript loader too, and memory would be overstated.
 * Returns the folder; the caller removes it.
 */
export function compileForNode(entries: readonly string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'certcheck-bench-js-'));
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(resolve('node_modules'), join(out, 'node_modules'), 'dir');
  const tsc = join('node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
  const options = ['--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext'];
  const strictness = [
    '--ignoreConfig',
    '--skipLibCheck',
    '--esModuleInterop',
    '--resolveJsonModule',
    '--types',
    'node',
  ];
  // Type errors are the typecheck's business: the emitted JavaScript is what is measured.
  spawnSync(tsc, [...options, ...strictness, '--rootDir', '.', '--outDir', out, ...entries], { stdio: 'ignore' });
  for (const entry of entries) {
    const built = join(out, entry.replace(/\.ts$/, '.js'));
    if (!existsSync(built)) throw new Error(`bench: ${entry} did not compile`);
  }
  return out;
}
