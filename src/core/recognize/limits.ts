import type { ParseNote } from './evidence.js';

/**
 * How much of one paste the recognisers examine. A real paste holds a chain, a store listing or a
 * day of events; tens of thousands of certificates or thumbprints are noise or an attack, and reading
 * them all would hold up every other user's answer. What lies beyond is skipped, and a note says so.
 */
export const LIMITS = {
  /** Certificates read: PEM / base64 blocks decoded, listings and tables (a public CA bundle holds about 150). */
  certificateBlocks: 300,
  /** Distinct thumbprints kept. */
  thumbprints: 300,
  /** Events read from layouts and message texts. */
  events: 300,
  /** Format-List records and table rows read. */
  records: 2000,
} as const;

export type LimitedThing = 'certificates' | 'thumbprints' | 'events' | 'records';

export function restSkipped(what: LimitedThing, read: number, total?: number): ParseNote {
  return {
    code: 'rest-skipped',
    detail: total === undefined ? `${what}: first ${read}, the rest skipped` : `${what}: first ${read} of ${total}`,
  };
}
