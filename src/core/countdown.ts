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
  const date = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  if (!date.isValid) return iso;
  return lang === 'ja' ? date.toFormat('yyyy/MM/dd') : date.setLocale('en-GB').toFormat('d LLL yyyy');
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
  if (days === 1) return `expires tomorrow (${date})`;
  return `expires in ${days} days (${date})`;
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
