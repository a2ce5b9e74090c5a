import type { EventFacts, EventLevel } from '../model.js';
import { readCultureDate } from './culture-dates.js';

/** Small readers shared by the event layouts and the symptom lines. */

/** One event found in a layout, before the message text is read. */
export interface EventDraft {
  facts: EventFacts;
  /** Where the event starts in the text: events are returned in paste order. */
  start: number;
  /** Where it ends: an Event Viewer copy may carry the same event's XML right after. */
  end: number;
  /** Where its message text lies, [start, end). */
  body?: readonly [number, number];
  /** The XML view's `<Data>` values, in order. */
  data?: string[];
  japanese: boolean;
}

export type Range = readonly [number, number];

/** Line ends to LF and the look-alikes Japanese IMEs and blogs produce, keeping offsets stable after. */
export function normalizeEventText(raw: string): string {
  // The diagnosis has already narrowed all but the no-break space: each replace runs only when needed.
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('：')) text = text.replace(/：/g, ':');
  if (text.includes('\u3000') || text.includes('\u00a0')) text = text.replace(/\u3000|\u00a0/g, ' ');
  return text.includes('‘') || text.includes('’') ? text.replace(/[‘’]/g, "'") : text;
}

/** 40 upper-case hex digits, or undefined when the value is not a SHA-1 thumbprint. */
export function normalizeThumbprint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const hex = value.replace(/[\s:\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g, '');
  return /^[0-9a-fA-F]{40}$/.test(hex) ? hex.toUpperCase() : undefined;
}

const LEVEL_WORDS: Record<string, EventLevel> = {
  error: 'error',
  エラー: 'error',
  critical: 'error',
  重大: 'error',
  fehler: 'error',
  warning: 'warning',
  警告: 'warning',
  warnung: 'warning',
  information: 'information',
  informational: 'information',
  info: 'information',
  情報: 'information',
  informationen: 'information',
};
/** The XML view's numbers: 1 critical, 2 error, 3 warning, 4 information (0 = log always). */
const LEVEL_NUMBERS: Record<string, EventLevel> = {
  '0': 'information',
  '1': 'error',
  '2': 'error',
  '3': 'warning',
  '4': 'information',
  '5': 'information',
};

export function parseLevel(value: string | undefined): EventLevel | undefined {
  const word = value?.trim().split(/\s+/)[0]?.toLowerCase();
  if (!word) return undefined;
  return LEVEL_WORDS[word] ?? LEVEL_NUMBERS[word];
}

/** An event ID as pasted; a raw 32-bit tuple (3221499631) carries the ID in its low 16 bits. */
export function parseEventId(value: string | undefined): number | undefined {
  const digits = value?.trim().match(/^\d{1,10}(?!\d)/)?.[0];
  if (digits === undefined) return undefined;
  const n = Number(digits);
  if (n > 0xffffffff) return undefined;
  const id = n > 0xffff ? n & 0xffff : n;
  return id > 0 ? id : undefined;
}

/**
 * When the event was logged, as ISO-8601 without milliseconds. The paste's local time is read as UTC
 * (the paste does not say its zone; a day's error is within what the diagnosis tolerates), by the
 * same culture-date reader as the certificate listings.
 */
export function parseLoggedAt(date: string | undefined, time?: string): string | undefined {
  if (!date) return undefined;
  const text = `${date} ${time ?? ''}`.replace(/\s+/g, ' ').trim();
  if (text.length > 60) return undefined;
  return readCultureDate(text)?.replace(/\.\d{3}Z$/, 'Z');
}

/** Trims, joins wrapped lines and drops the sentence's full stop. */
export function cleanValue(value: string | undefined): string | undefined {
  const cleaned = value
    ?.replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;。、]+$/, '');
  return cleaned ? cleaned : undefined;
}

export function hasJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
}

/** Ranges of the text already read, merged and sorted so that a lookup is a binary search. */
export function rangeLookup(ranges: readonly Range[]): (offset: number) => boolean {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return (offset) => {
    let low = 0;
    let high = merged.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, end] = merged[mid]!;
      if (offset < start) high = mid - 1;
      else if (offset >= end) low = mid + 1;
      else return true;
    }
    return false;
  };
}
