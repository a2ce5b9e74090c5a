import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import type { Diagnosis } from '../core/model.js';
import { describeTrackedText } from '../tracking/describe-tracked.js';
import type { CliIo } from './io.js';
import { withStore } from './tracking-store.js';

/**
 * What the tracking store knows of the paste's thumbprints, for the readable report. Only an
 * existing store is read: diagnosing a paste never creates a database, and a bad configuration or
 * an unreadable store costs these lines, not the diagnosis.
 */
export async function trackedLines(diagnosis: Diagnosis, io: CliIo, timeZone: string): Promise<string[]> {
  if (diagnosis.thumbprints.length === 0) return [];
  try {
    const { databasePath, databaseUrl } = loadConfig(io.env);
    // A file that does not exist yet stays so; a Postgres database is shared and already there.
    if (databasePath !== '' && databasePath !== ':memory:' && !existsSync(databasePath)) return [];
    const lines = await withStore(databaseUrl, (store) =>
      describeTrackedText(diagnosis.thumbprints, store, new Date(diagnosis.now), diagnosis.language, timeZone),
    );
    return lines.length > 0 ? ['', ...lines] : [];
  } catch {
    return [];
  }
}
