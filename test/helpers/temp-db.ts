import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A fresh folder under the OS temp dir for this test file's databases, removed after its tests. */
export function tempDir(name: string): string {
  const dir = join(tmpdir(), `certcheck-${name}-${process.pid}-${randomUUID()}`);
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A unique SQLite path under `dir`. */
export function tempDatabasePath(dir: string): string {
  return join(dir, `${randomUUID()}.db`);
}
