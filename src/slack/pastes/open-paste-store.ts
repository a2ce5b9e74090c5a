import { databaseLocation } from '../../store/open-store.js';
import { openPgPasteStore } from './pg-paste-store.js';
import type { PasteStore } from './paste-store.js';
import { openSqlitePasteStore } from './sqlite-paste-store.js';

/** The paste store in the database DATABASE_URL names, beside the tracking store. */
export function openPasteStore(url: string, options: { onError?: (error: Error) => void } = {}): PasteStore {
  const location = databaseLocation(url);
  return location.kind === 'postgres' ? openPgPasteStore(location.url, options) : openSqlitePasteStore(location.path);
}
