import { DateTime } from 'luxon';
import { countdownText, monthEnGb } from '../countdown.js';
import type { Language } from '../model.js';

/**
 * Expiry dates as a terminal shows them: the date and the time in the reader's zone, with the
 * zone's name, so that the same instant reads "14 Jun 2026 23:30 UTC" on a server kept on UTC and
 * "15 Jun 2026 08:30 JST" in Tokyo. The zone is always handed in: the core never reads one.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Locales whose short zone names are the ones people say (EST, BST, CET, JST, AEST, IST); the
 * first that names a zone by letters wins, else the offset is written out (UTC+05:45).
 */
const ZONE_NAME_LOCALES = ['en-US', 'en-GB', 'ja-JP', 'en-AU', 'en-IN', 'en-NZ', 'en-CA'];

/** Labels by zone and offset (summer and winter differ): asking Intl in several locales is slow. */
const labels = new Map<string, string>();

/** "JST", "BST", "UTC"; "UTC+05:45" for a zone with no letters of its own. */
function zoneLabel(zone: string, ms: number, offset: number): string {
  const key = `${zone}|${offset}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = findZoneLabel(DateTime.fromMillis(ms, { zone }));
    labels.set(key, label);
  }
  return label;
}

function findZoneLabel(at: DateTime): string {
  if (at.offset === 0 && /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal)$/i.test(at.zoneName ?? '')) return 'UTC';
  for (const locale of ZONE_NAME_LOCALES) {
    const name = at.setLocale(locale).toFormat('ZZZZ');
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  return at.offset === 0 ? 'UTC' : `UTC${at.toFormat('ZZ')}`;
}

/** A wall-clock reading of an instant in a zone, with the zone's offset then, in minutes. */
interface Wall {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly offset: number;
}

/**
 * One numeric formatter per zone, made once: a listing of thousands of reminders formats a date
 * per line, and a Luxon DateTime with its own formatter per line cost seconds there. `null` marks a
 * zone Intl does not know.
 */
const wallFormats = new Map<string, Intl.DateTimeFormat | null>();

function wallClock(ms: number, zone: string): Wall | undefined {
  let format = wallFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    wallFormats.set(zone, format);
  }
  if (format === null) return undefined;
  const part = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of format.formatToParts(ms)) if (p.type in part) part[p.type as keyof typeof part] = Number(p.value);
  const asUtc = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  const offset = Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
  return { year: part.year, month: part.month, day: part.day, hour: part.hour, minute: part.minute, offset };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "15 Jun 2026 08:30 JST" / "2026/06/15 08:30 JST"; a server's zoneless time says so instead. */
function written(wall: Wall, ms: number, zone: string | undefined, lang: Language): string {
  const time = `${pad2(wall.hour)}:${pad2(wall.minute)}`;
  const shown =
    lang === 'ja'
      ? `${wall.year}/${pad2(wall.month)}/${pad2(wall.day)} ${time}`
      : `${wall.day} ${monthEnGb(wall.month)} ${wall.year} ${time}`;
  if (zone === undefined) return lang === 'ja' ? `サーバー時刻 ${shown}` : `${shown} server time`;
  return `${shown} ${zoneLabel(zone, ms, wall.offset)}`;
}

/**
 * The countdown with the local date and time: "expired 167 days ago (15 Jun 2026 08:30 JST)",
 * "2026/06/15 08:30 JST に期限切れ (167 日経過)". Within a day either side it counts hours, as the
 * Slack reply does; beyond, the days are the contract's daysLeft (whole days of 24 hours, floored),
 * whatever the zone: the reply and its JSON never give two counts for one certificate. The zone
 * only decides how the date beside the count is written.
 *
 * `serverTime`: the paste printed the date in the server's own time with no zone (held as if UTC).
 * It is shown as written, "(20 Nov 2027 23:59 server time)": converting it into the reader's zone
 * would move it by the unknown difference, onto another date near midnight.
 */
export function localCountdown(notAfter: string, now: Date, lang: Language, zone: string, serverTime = false): string {
  const end = Date.parse(notAfter);
  if (Number.isNaN(end)) return countdownText(notAfter, now, lang);
  const zoned = wallClock(end, serverTime ? 'UTC' : zone);
  if (zoned === undefined) return countdownText(notAfter, now, lang);
  const at = written(zoned, end, serverTime ? undefined : zone, lang);
  const ms = end - now.getTime();
  const hours = Math.floor(Math.abs(ms) / HOUR_MS);
  // daysLeft: floor((notAfter − now) / 1 day); −58 reads "expired 58 days ago".
  const left = Math.floor(ms / DAY_MS);
  const days = Math.abs(left);
  // Hours within a day either side: daysLeft 0 ahead, −1 behind.
  const inHours = left === 0 || left === -1;
  const ja = lang === 'ja';
  if (ms < 0) {
    if (inHours) {
      const h = Math.max(1, hours);
      return ja ? `${at} に期限切れ (${h} 時間経過)` : `expired ${plural(h, 'hour')} ago (${at})`;
    }
    return ja ? `${at} に期限切れ (${days} 日経過)` : `expired ${plural(days, 'day')} ago (${at})`;
  }
  if (inHours) {
    if (ja)
      return hours >= 1
        ? `${at} に期限切れになります (残り ${hours} 時間)`
        : `${at} に期限切れになります (残り 1 時間未満)`;
    return hours >= 1 ? `expires in ${plural(hours, 'hour')} (${at})` : `expires within the hour (${at})`;
  }
  if (ja) return `${at} に期限切れになります (残り ${days} 日)`;
  return `expires in ${plural(days, 'day')} (${at})`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** How a certificate's countdown is worded: what it needs of the certificate. */
export type CountdownWording = (cert: { notAfter: string; localTime?: boolean | undefined }) => string;

/**
 * How a diagnosis words a countdown: in the reader's zone when it has one (a server's zoneless
 * time as written), else in UTC to the day.
 */
export function countdownWording(now: Date, lang: Language, zone?: string): CountdownWording {
  return zone === undefined
    ? (cert) => countdownText(cert.notAfter, now, lang)
    : (cert) => localCountdown(cert.notAfter, now, lang, zone, cert.localTime === true);
}
