import { type DueContext, type DuePlan, dueHorizon, duePlanner } from '../core/reminders.js';
import type { Store } from '../store/store.js';

/**
 * What is due at `now`, decided in one streamed pass over the store: each tracked certificate is
 * read with its reminder history, weighed, and kept only when due, so that neither the tracked
 * certificates nor the ledger sit in memory at once. Certificates expiring past every threshold
 * are not read at all. The same decision as dueReminders over store.list() and reminderHistory().
 */
export async function planDue(store: Store, context: Omit<DueContext, 'history' | 'snoozedUntil'>): Promise<DuePlan> {
  const snoozes = await store.activeSnoozes(context.now.toISOString());
  const planner = duePlanner({ ...context, snoozedUntil: new Map(snoozes.map((s) => [s.thumbprint, s.until])) });
  const horizon = dueHorizon(context.now, context.thresholds);
  await store.eachTracked(
    (certificate) => planner.consider(certificate, certificate),
    horizon === undefined ? {} : { expiringBefore: horizon },
  );
  return planner.plan();
}
