import { EVENT_SOURCES, findCatalogueEntry } from '../knowledge/event-catalogue.js';
import { parseEventId } from './event-values.js';
import { matchesOf } from './matches.js';

/**
 * Event IDs named without a layout: "12015", "event 12014", "EventID 12016", "イベント ID 12014",
 * "MSExchangeTransport 12015". Numbers are everywhere in a paste (dates, hours, PIDs, ports,
 * SMTP codes, thumbprints), so an unlabelled number counts only when it is a distinctive 120xx ID
 * or the paste is nothing but numbers; an unknown number counts only after the word "event".
 */

export interface Mention {
  id: number;
  start: number;
  source?: string;
  japanese: boolean;
}

const NUMBER_END = '(?!\\d|[.:/-]\\d)';
const LIST = `\\d{2,10}(?:[ \\t]*(?:,|&|\\band\\b|\\bor\\b|、|と|・)[ \\t]*\\d{2,10}){0,20}${NUMBER_END}`;

/** "event 4242" is an event even when unknown (so the diagnosis can say it does not know it). */
const EVENT_LABEL = new RegExp(
  `(?:\\bevents?(?:[ \\t]*[-_]?[ \\t]*ids?)?|イベント[ \\t]*(?:ID)?)[ \\t]*(?:#|no\\.?|number)?[ \\t]*[:=]?[ \\t]*(${LIST})`,
  'gi',
);
/** "ID 12015": only catalogued IDs, and not after the words that make it another kind of ID. */
const ID_LABEL = new RegExp(
  `(?<!(?:process|thread|record|activity|session|user|message|request|correlation|instance|queue|provider|object|task|job|build|ticket|case|incident|order|tenant|app|client|key)[ \\t]*)(?<![A-Za-z])ID[ \\t]*[:#=]?[ \\t]*(${LIST})`,
  'gi',
);
const SOURCE_LABEL = new RegExp(
  `(${EVENT_SOURCES.map((source) => source.name.replace(/ /g, '[ \\t]*')).join('|')})[ \\t]*(?:event[ \\t]*(?:id)?)?[ \\t]*[:#]?[ \\t]*(${LIST})`,
  'gi',
);
const BARE = /(?<![A-Za-z0-9_.:/\\-])\d{4,5}(?![A-Za-z0-9_]|[.:/\\-]\d)/g;
const NOT_AN_EVENT_BEFORE =
  /(?:port|pid|process(?:[ \t]*id)?|thread|remaining|hours?|index|record|serial|size|length|count|line|build|version|kb|ms|bytes|code|status|number|no|sp|cu|su)\W{0,3}$/i;
const NOT_AN_EVENT_AFTER = /^[ \t]*(?:ports?|hours?|hrs?|時間|days?|日|bytes|ms|秒|seconds?|minutes?|分|%)/i;
/** Numbers looked at per paste before giving up on finding more event IDs. */
const MAX_LOOKS = 4000;
const ONLY_NUMBERS = /^\s*\d{4,10}(?:[\s,、]{1,10}\d{4,10}){0,50}\s*$/;

export function findIdMentions(text: string, isExcluded: (offset: number) => boolean): Mention[] {
  const mentions: Mention[] = [];
  // Only the first mention of an ID is used; a paste of thousands of "Event ID: 12014" lines stops here.
  const seen = new Set<number>();
  let looked = 0;
  const add = (id: number | undefined, start: number, extra: Partial<Mention> = {}) => {
    looked++;
    if (id === undefined || seen.has(id) || isExcluded(start)) return;
    seen.add(id);
    mentions.push({ id, start, japanese: false, ...extra });
  };
  const enough = () => looked > MAX_LOOKS;
  const numbersIn = (list: string, listStart: number) =>
    [...matchesOf(/\d+/g, list)].map((number) => ({ id: parseEventId(number[0]), start: listStart + number.index }));

  for (const match of matchesOf(EVENT_LABEL, text)) {
    if (enough()) break;
    const list = match[1]!;
    const japanese = match[0].startsWith('イベント');
    for (const { id, start } of numbersIn(list, match.index + match[0].length - list.length)) {
      add(id, start, { japanese });
    }
  }
  for (const match of matchesOf(ID_LABEL, text)) {
    if (enough()) break;
    const list = match[1]!;
    for (const { id, start } of numbersIn(list, match.index + match[0].length - list.length)) {
      if (id !== undefined && findCatalogueEntry(id)) add(id, start);
    }
  }
  for (const match of matchesOf(SOURCE_LABEL, text)) {
    if (enough()) break;
    const list = match[2]!;
    for (const { id, start } of numbersIn(list, match.index + match[0].length - list.length)) {
      add(id, start, { source: match[1]!.replace(/[ \t]+/g, ' ') });
    }
  }
  if (ONLY_NUMBERS.test(text)) {
    for (const { id, start } of numbersIn(text, 0)) {
      if (id !== undefined && findCatalogueEntry(id)) add(id, start);
    }
  } else {
    for (const match of matchesOf(BARE, text)) {
      if (enough()) break;
      const id = Number(match[0]);
      if (!findCatalogueEntry(id)?.bareId) continue;
      const before = text.slice(Math.max(0, match.index - 24), match.index);
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
      if (NOT_AN_EVENT_BEFORE.test(before) || NOT_AN_EVENT_AFTER.test(after)) continue;
      add(id, match.index);
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
