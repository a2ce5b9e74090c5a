import { DateTime } from 'luxon';
import type { Language } from './model.js';

const DAY_MS = 86_400_000;

/** The contract's daysLeft: floor((notAfter − now) / 1 day); −58 = expired 58 days ago, 0 = within 24 h. */
export function daysLeft(notAfter: string | Date, now: Date): number {
  const end = typeof notAfter === 'string' ? Date.parse(notAfter) : notAfter.getTime();
  return Math.floor((end - now.getTime()) / DAY_MS);
}

/** "10 Dec 2026" / "2026/12/10", in UTC unless a zone is given (reminders use the team's zone). */
export function formatDate(iso: string, lang: Language, zone = 'UTC'): string {
  const plain = zone === 'UTC' ? plainUtcDate(iso) : undefined;
  if (plain) {
    const [year, month, day] = plain;
    return lang === 'ja' ? `${year}/${pad2(month)}/${pad2(day)}` : `${day} ${monthEnGb(month)} ${year}`;
  }
  const date = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  if (!date.isValid) return iso;
  return lang === 'ja' ? date.toFormat('yyyy/MM/dd') : date.setLocale('en-GB').toFormat('d LLL yyyy');
}

/**
 * Every countdown formats a date, and a Luxon DateTime with its formatter costs more than the rest of
 * the countdown: a UTC timestamp as the core writes them (date, time, `Z`) is formatted by hand. The
 * month names are Luxon's own for en-GB ("Sept"), read once, on first use: the first formatter loads
 * the locale data (megabytes), which a process that formats no date need not carry.
 */
let monthsEnGb: readonly string[] | undefined;
export function monthEnGb(month: number): string {
  monthsEnGb ??= Array.from({ length: 12 }, (_, i) =>
    DateTime.utc(2000, i + 1, 1)
      .setLocale('en-GB')
      .toFormat('LLL'),
  );
  return monthsEnGb[month - 1]!;
}
const PLAIN_UTC = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?Z?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** [year, month, day] of a valid UTC timestamp with no offset, or undefined for Luxon to decide. */
function plainUtcDate(iso: string): [number, number, number] | undefined {
  const m = PLAIN_UTC.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  if (Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!) ? undefined : [year, month, day];
}

/** "10 Dec 2026 00:00 UTC" / "2026/12/10 09:00 (Asia/Tokyo)". */
export function formatDateTime(iso: string, lang: Language, zone = 'UTC'): string {
  const date = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  if (!date.isValid) return iso;
  const label = zone === 'UTC' ? 'UTC' : `(${zone})`;
  return lang === 'ja'
    ? `${date.toFormat('yyyy/MM/dd HH:mm')} ${label}`
    : `${date.setLocale('en-GB').toFormat('d LLL yyyy HH:mm')} ${label}`;
}

/**
 * The countdown as people say it: "expires in 12 days (10 Dec 2026)", "expired 58 days ago
 * (1 Oct 2026)", "2026/12/10 に期限切れになります (残り 12 日)". Hours when less than a day is left.
 */
export function countdownText(notAfter: string, now: Date, lang: Language, zone = 'UTC'): string {
  const days = daysLeft(notAfter, now);
  const date = formatDate(notAfter, lang, zone);
  const hours = Math.floor((Date.parse(notAfter) - now.getTime()) / 3_600_000);
  // The contract reads daysLeft −58 as "expired 58 days ago": the text says what the JSON says.
  // Its first day (daysLeft −1) is counted in hours instead.
  const ago = -days;
  const hoursAgo = Math.max(1, Math.floor((now.getTime() - Date.parse(notAfter)) / 3_600_000));
  if (lang === 'ja') {
    if (days < 0) return ago === 1 ? `${date} に期限切れ (${hoursAgo} 時間経過)` : `${date} に期限切れ (${ago} 日経過)`;
    if (days === 0) return hours >= 0 ? `${date} に期限切れになります (残り ${hours} 時間)` : `${date} に期限切れ`;
    return `${date} に期限切れになります (残り ${days} 日)`;
  }
  if (days < 0)
    return ago === 1 ? `expired ${plural(hoursAgo, 'hour')} ago (${date})` : `expired ${ago} days ago (${date})`;
  if (days === 0)
    return hours >= 1 ? `expires in ${plural(hours, 'hour')} (${date})` : `expires within the hour (${date})`;
  // daysLeft 1 is one to two days ahead: "tomorrow" would be wrong half the time.
  return `expires in ${plural(days, 'day')} (${date})`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A not-yet-valid certificate: "valid from 1 Jan 2027 (in 33 days)". */
export function validFromText(notBefore: string, now: Date, lang: Language): string {
  const days = Math.max(0, Math.ceil((Date.parse(notBefore) - now.getTime()) / DAY_MS));
  const date = formatDate(notBefore, lang);
  return lang === 'ja' ? `${date} から有効 (あと ${days} 日)` : `valid from ${date} (in ${days} days)`;
}

/** Countdown urgency for badges and colours: the same bands as reminders and Exchange's HealthChecker. */
export type Urgency = 'expired' | 'critical' | 'soon' | 'fine';

export function urgency(days: number): Urgency {
  if (days < 0) return 'expired';
  if (days <= 7) return 'critical';
  if (days <= 30) return 'soon';
  return 'fine';
}
