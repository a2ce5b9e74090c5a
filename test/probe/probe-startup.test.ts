import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every module loaded before any code runs: static imports only (`import type` loads nothing; `import()` waits). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /^(?:import|export)(?!\s+type\b)[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm,
    )) {
      const spec = match[1] ?? match[2] ?? '';
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:'))
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(join(ROOT, entry));
  return { files, packages };
}

describe('certcheck start-up', () => {
  it('the CLI entry loads no command until one is asked for', () => {
    const { files } = staticGraph('src/cli.ts');
    const commands = [...files].map((f) => relative(ROOT, f)).filter((f) => f.endsWith('-command.ts'));
    assert.deepEqual(commands, []);
  });

  it('certcheck probe loads neither Slack, the store, the databases nor (for --json) the step library and zod', () => {
    const { files, packages } = staticGraph('src/cli/probe-command.ts');
    const names = [...files].map((f) => relative(ROOT, f));
    assert.deepEqual(
      names.filter((f) => /^src\/(slack|store|tracking|reminders)\/|^src\/core\/(steps|model)\.ts$|knowledge/.test(f)),
      [],
    );
    for (const heavy of ['@slack/bolt', '@slack/web-api', 'better-sqlite3', 'pg', 'piscina', 'smtp-server', 'zod']) {
      assert.ok(!packages.has(heavy), `${heavy} is loaded by certcheck probe`);
    }
  });
});
