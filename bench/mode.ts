/**
 * `npm run bench -- --short` (or BENCH_SHORT=1): every bench runs with tiny counts and sizes, only
 * to prove that it still runs (CI). The targets are judged by the full run.
 */
export const SHORT = process.argv.includes('--short') || process.env.BENCH_SHORT === '1';

/** `full` in a full run, `short` in the short one. */
export const scaled = <T>(full: T, short: T): T => (SHORT ? short : full);
