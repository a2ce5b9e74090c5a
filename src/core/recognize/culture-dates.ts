import { DateTime } from 'luxon';

/**
 * Dates as Windows prints them in the server's culture, with no time zone: the local time is read as
 * UTC (countdowns are whole days, so the shift is at most one). en-US `8/6/2026 6:56:14 AM`, en-GB
 * `06/08/2026 06:56:14`, de/ru `14.03.2027 09:12:44`, ja `2026/12/25 1:11:40`, ISO, certutil's
 * `12/24/2026 6:11 PM`. Day/month order is settled over all the dates of one certificate at once.
 */
type Order = 'YMD' | 'DMY' | 'MDY';

interface Parsed {
  text: string;
  a: string;
  b: string;
  c: string;
  /** Fixed by the layout (year first, or dots), or undefined when `/` and `-` leave d/M open. */
  order?: Order;
  hour: number;
  minute: number;
  second: number;
  meridiem: boolean;
  iso?: string;
}

export interface CultureDates {
  /** ISO-8601 UTC for each input, undefined where it did not read as a date. */
  values: (string | undefined)[];
  /** Both M/d and d/M were possible and nothing in the dates decided. */
  ambiguous: boolean;
  /** When ambiguous: both readings, for a note. */
  detail?: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^(\d{1,4})\s?([./-])\s?(\d{1,2})\s?[./-]\s?(\d{1,4})\.?(?:\s+(.+))?$/;
const TIME =
  /^(午前|午後|AM|PM|A\.M\.|P\.M\.)?\s?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,7})?\s?(AM|PM|A\.M\.|P\.M\.|午前|午後)?$/i;

/** Exchange lifetimes that tell the orders apart: Auth certificate 1800 days, WMSvc 3650 days. */
const DECIDING_LIFETIMES_DAYS = [1800, 3650];

export function readCultureDate(text: string): string | undefined {
  return readCultureDates([text]).values[0];
}

/** Reads the dates of one certificate (NotBefore first, then NotAfter) with one day/month order. */
export function readCultureDates(texts: readonly (string | undefined)[]): CultureDates {
  const parsed = texts.map((text) => (text ? parseParts(text.trim().slice(0, 80)) : undefined));
  const open = parsed.filter((p): p is Parsed => p !== undefined && !p.iso && p.order === undefined);
  if (open.length === 0) return { values: parsed.map((p) => p && toIso(p, p.order ?? 'YMD')), ambiguous: false };

  const candidates = (['MDY', 'DMY'] as const).filter((order) => open.every((p) => toIso(p, order)));
  const pick = (order: Order, ambiguous: boolean, detail?: string): CultureDates => ({
    values: parsed.map((p) => p && toIso(p, p.order ?? order)),
    ambiguous,
    ...(detail ? { detail } : {}),
  });
  if (candidates.length === 0) return pick('MDY', false);
  if (candidates.length === 1) return pick(candidates[0]!, false);
  if (open.every((p) => p.a === p.b || Number(p.a) === Number(p.b))) return pick('MDY', false);

  const byLifetime = candidates.filter((order) => hasDecidingLifetime(parsed[0], parsed[1], order));
  if (byLifetime.length === 1) return pick(byLifetime[0]!, false);

  // Zero-padding shows the pattern: en-US (M/d/yyyy) never pads; en-AU/en-NZ (d/MM/yyyy) pad only the month.
  if (open.some((p) => p.b.startsWith('0') && !p.a.startsWith('0'))) return pick('DMY', false);
  const meridiem = open.some((p) => p.meridiem);
  const padded = open.some((p) => p.a.startsWith('0') || p.b.startsWith('0'));
  if (meridiem && !padded) return pick('MDY', false);

  const chosen: Order = meridiem ? 'MDY' : 'DMY';
  const readings = open.map(
    (p) =>
      `${p.text} reads as ${toIso(p, 'MDY')?.slice(0, 10)} (month first) or ${toIso(p, 'DMY')?.slice(0, 10)} (day first)`,
  );
  return pick(chosen, true, `${readings.join('; ')}; took ${chosen === 'MDY' ? 'month' : 'day'} first.`);
}

function parseParts(text: string): Parsed | undefined {
  const iso = ISO.exec(text);
  if (iso) return parseIso(text, iso);
  const date = DATE.exec(text);
  if (!date) return undefined;
  const [a, sep, b, c, rest] = [date[1]!, date[2]!, date[3]!, date[4]!, date[5]];
  let order: Order | undefined;
  if (a.length === 4) order = 'YMD';
  else if (c.length === 4 || c.length === 2) order = sep === '.' ? 'DMY' : undefined;
  else return undefined;
  const time = rest ? TIME.exec(rest.trim()) : undefined;
  if (rest && !time) return undefined;
  const marker = (time?.[1] ?? time?.[5] ?? '').toUpperCase();
  let hour = time ? Number(time[2]) : 0;
  const meridiem = marker !== '';
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = marker.startsWith('P') || marker === '午後';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return { text, a, b, c, order, hour, minute: Number(time?.[3] ?? 0), second: Number(time?.[4] ?? 0), meridiem };
}

function parseIso(text: string, m: RegExpExecArray): Parsed | undefined {
  const zone = m[7]?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') ?? '';
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
  if (zone === '' || zone === 'Z') {
    const fast = utcIso(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    );
    if (fast !== undefined)
      return {
        text,
        a: m[1]!,
        b: m[2]!,
        c: m[3]!,
        order: 'YMD',
        hour: 0,
        minute: 0,
        second: 0,
        meridiem: false,
        iso: fast,
      };
  }
  const parsed = DateTime.fromISO(`${local}${zone}`, { zone: 'utc' });
  if (!parsed.isValid) return undefined;
  const iso = parsed.toUTC().toISO() ?? undefined;
  return { text, a: m[1]!, b: m[2]!, c: m[3]!, order: 'YMD', hour: 0, minute: 0, second: 0, meridiem: false, iso };
}

function toIso(p: Parsed, order: Order): string | undefined {
  if (p.iso) return p.iso;
  const [y, mo, d] = order === 'YMD' ? [p.a, p.b, p.c] : order === 'DMY' ? [p.c, p.b, p.a] : ([p.c, p.a, p.b] as const);
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const fast = utcIso(year, Number(mo), Number(d), p.hour, p.minute, p.second);
  if (fast !== undefined) return fast;
  // The wrong day/month order is tried for every open date: a month or day out of range is no date
  // for Luxon either, and saying so costs nothing.
  if (!plausibleDay(Number(mo), Number(d), year)) return undefined;
  const value = DateTime.utc(year, Number(mo), Number(d), p.hour, p.minute, p.second);
  return value.isValid ? (value.toISO() ?? undefined) : undefined;
}

function hasDecidingLifetime(notBefore: Parsed | undefined, notAfter: Parsed | undefined, order: Order): boolean {
  if (!notBefore || !notAfter) return false;
  const from = toIso(notBefore, notBefore.order ?? order);
  const to = toIso(notAfter, notAfter.order ?? order);
  if (!from || !to) return false;
  // Both are UTC ISO strings: their difference in hours is plain arithmetic on the instants.
  const hours = (Date.parse(to) - Date.parse(from)) / 3_600_000;
  // Local clocks move across DST between the two dates: allow two hours either way.
  return DECIDING_LIFETIMES_DAYS.some((days) => Math.abs(hours - days * 24) <= 2);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function plausibleDay(month: number, day: number, year: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * Luxon's `DateTime.utc(...).toISO()` for an ordinary date and time, without building a DateTime
 * (the hot path of every listing). Undefined where the answer is not plainly a valid date (a year
 * before 1000, 24:00, out-of-range parts): the caller then asks Luxon, which decides as before.
 */
export function utcIso(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string | undefined {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > days) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.000Z`;
}
