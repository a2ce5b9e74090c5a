import type { CatalogueEntry } from './event-entry.js';
import { findEventSource } from './event-sources.js';
import { OTHER_EVENTS } from './other-events.js';
import { TRANSPORT_EVENTS } from './transport-events.js';

export type { CatalogueEntry, EventKind, EventMessage } from './event-entry.js';
export { EVENT_SOURCES, type EventSource, findEventSource, type SourceFamily } from './event-sources.js';

/**
 * Every event certcheck knows, keyed by ID and source family. When one ID exists under several
 * families (1003, 2004), the first entry listed is the one a bare ID means.
 */
export const EVENT_CATALOGUE: readonly CatalogueEntry[] = [...TRANSPORT_EVENTS, ...OTHER_EVENTS];

const BY_ID = new Map<number, CatalogueEntry[]>();
for (const entry of EVENT_CATALOGUE) {
  const list = BY_ID.get(entry.id) ?? [];
  list.push(entry);
  BY_ID.set(entry.id, list);
}

/**
 * The entry for an event ID as logged by `source`. Without a source, the ID's usual meaning; with
 * a source certcheck does not know (say "Application Error" 1003), nothing.
 */
export function findCatalogueEntry(id: number, source?: string): CatalogueEntry | undefined {
  const entries = BY_ID.get(id);
  if (!entries) return undefined;
  if (source === undefined || source.trim() === '') return entries[0];
  const family = findEventSource(source)?.family;
  return family === undefined ? undefined : entries.find((entry) => entry.family === family);
}
