/** A fixed instant for tests: `at('2026-11-28T12:00Z')`. */
export function at(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`at(): not an ISO date: ${iso}`);
  return date;
}

/** The corpus's reference clock (samples/README.md). */
export const REFERENCE_NOW = at('2026-11-28T12:00:00Z');
