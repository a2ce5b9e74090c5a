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
  /** Unset or null: REMINDER_CHANNEL. */
  channel?: string | null;
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
  // UTC, the default zone, needs no time zone database.
  if (timeZone === 'UTC') return now.toISOString().slice(0, 10);
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/**
 * An instant from which no certificate can be due: one expiring at or after it is further than the
 * highest threshold. A store may leave those out of a run's pass (the planner still weighs every
 * certificate it is given); the extra day keeps any certificate near the edge in. Undefined when
 * the thresholds reach past the last date there is: then every certificate is read.
 */
export function dueHorizon(now: Date, thresholds: readonly number[]): string | undefined {
  const highest = thresholds.length > 0 ? Math.max(...thresholds) : -1;
  const horizon = new Date(now.getTime() + (highest + 2) * DAY_MS);
  return Number.isNaN(horizon.getTime()) ? undefined : horizon.toISOString();
}

const DAY_MS = 86_400_000;

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
  const planner = duePlanner(input);
  for (const cert of input.certificates) planner.consider(cert);
  return planner.plan();
}

/**
 * Everything dueReminders weighs except the certificates, which a planner takes one at a time.
 * Without `history`, each certificate comes with its own.
 */
export type DueContext = Omit<DueInput, 'certificates' | 'history'> & Partial<Pick<DueInput, 'history'>>;

export interface DuePlanner {
  /** Weighs one certificate (with its history, or the context's); keeps it only when due or snoozed. */
  consider(cert: ReminderSubject, history?: ReminderHistory): void;
  /** What is due among the certificates considered so far, most urgent first. */
  plan(): DuePlan;
}

const NEVER_REMINDED: ReminderHistory = { lowestThreshold: null, lastDay: null };

/**
 * dueReminders one certificate at a time, so that a store can stream its rows through it and no
 * run holds every tracked certificate at once. Most certificates are far from expiry: for them the
 * whole cost is one date parse and a comparison; history, snoozes and slots are looked at only for
 * a certificate that crossed a threshold or has expired.
 */
export function duePlanner(context: DueContext): DuePlanner {
  const day = reminderDay(context.now, context.timeZone);
  const nowIso = context.now.toISOString();
  // No threshold at all: only the daily reminders after expiry.
  const highest = context.thresholds.length > 0 ? Math.max(...context.thresholds) : -1;
  const slots = new Map(context.thresholds.map((t) => [t, thresholdSlot(t)]));
  const overdue = overdueSlot(day);
  // Each kept with its expiry in milliseconds beside it, so that sorting parses no date again.
  const due: DueReminder[] = [];
  const dueAt: number[] = [];
  const unrouted: DuePlan['unrouted'] = [];
  const unroutedAt: number[] = [];
  const snoozed: string[] = [];
  return {
    consider(cert, history) {
      if (cert.status !== undefined && cert.status !== 'active') return;
      const days = daysLeft(cert.notAfter, context.now);
      if (days > highest) return;
      const threshold = days < 0 ? null : lowestCrossed(days, context.thresholds);
      if (days >= 0 && threshold === null) return;
      const h = history ?? context.history?.get(cert.thumbprint) ?? NEVER_REMINDED;
      if (!stillDue({ threshold, day }, h)) return;
      const until = context.snoozedUntil.get(cert.thumbprint);
      if (until !== undefined && until > nowIso) {
        snoozed.push(cert.thumbprint);
        return;
      }
      const slot = threshold === null ? overdue : (slots.get(threshold) ?? thresholdSlot(threshold));
      const { thumbprint, subject, notAfter } = cert;
      const channel = cert.channel ?? context.defaultChannel;
      const at = Date.parse(notAfter);
      if (channel === undefined) {
        unrouted.push({ thumbprint, subject, notAfter, slot, threshold, day, daysLeft: days });
        unroutedAt.push(at);
      } else {
        due.push({ thumbprint, subject, notAfter, channel, slot, threshold, day, daysLeft: days });
        dueAt.push(at);
      }
    },
    plan: () => ({ due: byTime(due, dueAt), unrouted: byTime(unrouted, unroutedAt), snoozed }),
  };
}

/** Most urgent first, as byUrgency orders them, by the expiry times kept beside the items. */
function byTime<T extends { thumbprint: string }>(items: readonly T[], at: readonly number[]): T[] {
  const order = items.map((_, i) => i);
  order.sort((a, b) => at[a]! - at[b]! || byThumbprint(items[a]!, items[b]!));
  return order.map((i) => items[i]!);
}

/** Most urgent first: longest expired, then soonest to expire; thumbprint keeps it stable. */
export function byUrgency(a: { notAfter: string; thumbprint: string }, b: { notAfter: string; thumbprint: string }) {
  const diff = Date.parse(a.notAfter) - Date.parse(b.notAfter);
  return diff !== 0 ? diff : a.thumbprint < b.thumbprint ? -1 : a.thumbprint > b.thumbprint ? 1 : 0;
}

/**
 * Sorts in place by urgency, parsing each date once: a large run has tens of thousands of reminders
 * due, and byUrgency as a comparator would parse two dates per comparison.
 */
export function sortByUrgency<T extends { notAfter: string; thumbprint: string }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ at: Date.parse(item.notAfter), item }));
  keyed.sort((a, b) => a.at - b.at || byThumbprint(a.item, b.item));
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i]!.item;
  return items;
}

const byThumbprint = (a: { thumbprint: string }, b: { thumbprint: string }) =>
  a.thumbprint < b.thumbprint ? -1 : a.thumbprint > b.thumbprint ? 1 : 0;
