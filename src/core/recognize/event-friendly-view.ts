import type { EventFacts } from '../model.js';
import { type EventDraft, hasJapanese, parseEventId, parseLevel, parseLoggedAt, type Range } from './event-values.js';
import { LIMITS } from './limits.js';

/**
 * Event Viewer's Details tab in Friendly View, copied: the System and EventData trees with `- `
 * before each branch, `[ Name]  value` for attributes and `Name value` for elements, and no message
 * text. The names are XML's, so a Japanese Windows prints them in English too. EventData holds the
 * event's parameters one per line; an empty parameter is a line of spaces, and is kept as ''.
 */

export interface FriendlyViewResult {
  drafts: EventDraft[];
  consumed: Range[];
}

const SYSTEM = /^[ \t]*-[ \t]*System[ \t]*$/;
const EVENT_DATA = /^[ \t]*-[ \t]*(?:EventData|UserData)[ \t]*$/;
const ATTRIBUTE = /^[ \t]*\[[ \t]*([A-Za-z]+)\][ \t]+(.*?)[ \t]*$/;
const ELEMENT = /^[ \t]*(?:-[ \t]*)?([A-Za-z]+)(?:[ \t]+(.*?))?[ \t]*$/;

interface Line {
  start: number;
  text: string;
}

export function readFriendlyView(text: string, pasteLines?: readonly string[]): FriendlyViewResult {
  if (!/-[ \t]*System[ \t]*\n/.test(text) || !/\bEventID\b/.test(text)) return { drafts: [], consumed: [] };
  const lines: Line[] = [];
  let offset = 0;
  for (const line of pasteLines ?? text.split('\n')) {
    lines.push({ start: offset, text: line });
    offset += line.length + 1;
  }
  const drafts: EventDraft[] = [];
  const consumed: Range[] = [];
  for (let i = 0; i < lines.length && drafts.length <= LIMITS.events; i++) {
    if (!SYSTEM.test(lines[i]!.text)) continue;
    const read = readOne(lines, i);
    if (read.draft) {
      drafts.push(read.draft);
      consumed.push([read.draft.start, read.draft.end]);
    }
    i = Math.max(i, read.last);
  }
  return { drafts, consumed };
}

function readOne(lines: Line[], systemAt: number): { draft?: EventDraft; last: number } {
  const values = new Map<string, string>();
  let parent = '';
  let i = systemAt + 1;
  let last = systemAt;
  for (; i < lines.length; i++) {
    const line = lines[i]!.text;
    if (line.trim() === '') continue;
    if (SYSTEM.test(line) || EVENT_DATA.test(line)) break;
    const attribute = ATTRIBUTE.exec(line);
    if (attribute) {
      values.set(`${parent}.${attribute[1]!.toLowerCase()}`, attribute[2] ?? '');
      last = i;
      continue;
    }
    const element = ELEMENT.exec(line);
    if (!element) break;
    const name = element[1]!.toLowerCase();
    parent = name;
    if (element[2] !== undefined) values.set(name, element[2]);
    last = i;
  }
  const data: string[] = [];
  if (i < lines.length && EVENT_DATA.test(lines[i]!.text)) {
    last = i;
    const rows = dataRows(lines, i + 1);
    data.push(...rows.values);
    last = Math.max(last, rows.last);
  }
  const id = parseEventId(values.get('eventid'));
  if (id === undefined) return { last };
  const facts: EventFacts = { id, format: 'friendly-view' };
  const source = values.get('provider.name') ?? values.get('provider.eventsourcename');
  if (source) facts.source = source;
  const level = parseLevel(values.get('level'));
  if (level) facts.level = level;
  const computer = values.get('computer');
  if (computer) facts.computer = computer;
  const loggedAt = parseLoggedAt(values.get('timecreated.systemtime'));
  if (loggedAt) facts.loggedAt = loggedAt;
  const start = lines[systemAt]!.start;
  const end = lines[last]!.start + lines[last]!.text.length;
  const japanese = lines.slice(systemAt, last + 1).some((line) => hasJapanese(line.text));
  return { draft: { facts, start, end, japanese, data }, last };
}

/**
 * The parameters under EventData: one line each, a line of spaces for an empty one. The blank line
 * right after the `- EventData` heading and those at the end (before the next paste) are no
 * parameters; Event Viewer indents every parameter alike, so a line indented less ends the list.
 */
function dataRows(lines: Line[], from: number): { values: string[]; last: number } {
  const rows: { text: string; index: number }[] = [];
  let indent = -1;
  for (let i = from; i < lines.length && rows.length < 64; i++) {
    const text = lines[i]!.text;
    if (text.trim() !== '') {
      const own = text.length - text.trimStart().length;
      if (indent < 0) indent = own;
      if (own < indent || SYSTEM.test(text)) break;
    }
    rows.push({ text, index: i });
  }
  // The heading's own blank line, and trailing lines with nothing in them.
  if (rows[0]?.text === '') rows.shift();
  while (rows.length > 0 && rows.at(-1)!.text === '') rows.pop();
  return { values: rows.map((row) => row.text.trim()), last: rows.at(-1)?.index ?? from - 1 };
}
