import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** A unique SQLite path under `dir`; the caller removes `dir` in `after`. */
export function tempDatabasePath(dir: string): string {
  return join(dir, `${randomUUID()}.db`);
}
