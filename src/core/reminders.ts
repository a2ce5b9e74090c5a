import { DateTime } from 'luxon';
import { daysLeft } from './countdown.js';

/**
 * Which reminders are due at `now`, for which channel. Pure: the runner feeds it the store's view
 * and claims what it returns.
 *
 * - Before expiry, a certificate is reminded when it crosses a threshold; when several were crossed
 *   since the last reminder (tracked late, runs missed) only the lowest is sent, and never again.
 * - After expiry, once per day — the day as seen in REMINDER_TZ, so a team gets at most one
 *   "expired" line per working day whatever hour the runs happen — until untracked or renewed.
 * - A snoozed certificate waits; when the snooze ends the lowest crossed threshold is sent.
 */

/** What core needs of a tracked certificate (structurally the store's record). */
export interface ReminderSubject {
  thumbprint: string;
  subject: string;
  notAfter: string;
  channel?: string;
  status?: string;
}

/** Per certificate, what the ledger says was already reminded (claimed or sent). */
export interface ReminderHistory {
  lowestThreshold: number | null;
  /** The latest day (REMINDER_TZ, yyyy-mm-dd) a reminder of any kind was claimed. */
  lastDay: string | null;
}

export interface DueInput {
  certificates: readonly ReminderSubject[];
  history: ReadonlyMap<string, ReminderHistory>;
  /** Thumbprint → snoozed until (ISO). */
  snoozedUntil: ReadonlyMap<string, string>;
  /** Days before expiry, any order. */
  thresholds: readonly number[];
  now: Date;
  timeZone: string;
  defaultChannel?: string;
}

export interface DueReminder {
  thumbprint: string;
  subject: string;
  notAfter: string;
  channel: string;
  slot: string;
  /** The crossed threshold; null for the daily reminder after expiry. */
  threshold: number | null;
  day: string;
  daysLeft: number;
}

export interface DuePlan {
  /** Most urgent first. */
  due: DueReminder[];
  /** Due, but with no channel and no REMINDER_CHANNEL: nowhere to send them. */
  unrouted: Omit<DueReminder, 'channel'>[];
  /** Would be due but snoozed. */
  snoozed: string[];
}

export function thresholdSlot(threshold: number): string {
  return `threshold:${threshold}`;
}

export function overdueSlot(day: string): string {
  return `overdue:${day}`;
}

/** The run's calendar day in the reminder zone. */
export function reminderDay(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The lowest threshold at or above `days`, or null when none has been crossed. */
export function lowestCrossed(days: number, thresholds: readonly number[]): number | null {
  let lowest: number | null = null;
  for (const t of thresholds) if (t >= days && (lowest === null || t < lowest)) lowest = t;
  return lowest;
}

/** The claim-time re-check: is this slot still free given the ledger as it is now? */
export function stillDue(request: { threshold: number | null; day: string }, history: ReminderHistory): boolean {
  if (request.threshold === null) return history.lastDay === null || history.lastDay < request.day;
  return history.lowestThreshold === null || history.lowestThreshold > request.threshold;
}

export function dueReminders(input: DueInput): DuePlan {
  const day = reminderDay(input.now, input.timeZone);
  const nowIso = input.now.toISOString();
  const due: DueReminder[] = [];
  const unrouted: DuePlan['unrouted'] = [];
  const snoozed: string[] = [];
  for (const cert of input.certificates) {
    if (cert.status !== undefined && cert.status !== 'active') continue;
    const days = daysLeft(cert.notAfter, input.now);
    const threshold = days < 0 ? null : lowestCrossed(days, input.thresholds);
    if (days >= 0 && threshold === null) continue;
    const history = input.history.get(cert.thumbprint) ?? { lowestThreshold: null, lastDay: null };
    if (!stillDue({ threshold, day }, history)) continue;
    const until = input.snoozedUntil.get(cert.thumbprint);
    if (until !== undefined && until > nowIso) {
      snoozed.push(cert.thumbprint);
      continue;
    }
    const slot = threshold === null ? overdueSlot(day) : thresholdSlot(threshold);
    const base = { thumbprint: cert.thumbprint, subject: cert.subject, notAfter: cert.notAfter, slot, threshold, day };
    const channel = cert.channel ?? input.defaultChannel;
    if (channel === undefined) unrouted.push({ ...base, daysLeft: days });
    else due.push({ ...base, channel, daysLeft: days });
  }
  return { due: due.sort(byUrgency), unrouted: unrouted.sort(byUrgency), snoozed };
}

/** Most urgent first: longest expired, then soonest to expire; thumbprint keeps it stable. */
export function byUrgency(a: { notAfter: string; thumbprint: string }, b: { notAfter: string; thumbprint: string }) {
  const diff = Date.parse(a.notAfter) - Date.parse(b.notAfter);
  return diff !== 0 ? diff : a.thumbprint < b.thumbprint ? -1 : a.thumbprint > b.thumbprint ? 1 : 0;
}
