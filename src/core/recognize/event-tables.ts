import type { EventFacts } from '../model.js';
import { type EventDraft, parseEventId, parseLevel, parseLoggedAt, type Range } from './event-values.js';
import { LIMITS } from './limits.js';

/**
 * Events in PowerShell's table view: `Get-WinEvent` (TimeCreated Id LevelDisplayName Message,
 * grouped under "ProviderName: …") and `Get-EventLog` (Index Time EntryType Source InstanceID
 * Message). Numbers are right-aligned and names may hold spaces, so rows are read by column type.
 */

type ColumnType = 'time' | 'number' | 'word' | 'text' | 'message';

const COLUMNS: Record<string, ColumnType> = {
  timecreated: 'time',
  timegenerated: 'time',
  time: 'time',
  id: 'number',
  eventid: 'number',
  instanceid: 'number',
  index: 'number',
  leveldisplayname: 'word',
  entrytype: 'word',
  level: 'word',
  providername: 'text',
  source: 'text',
  machinename: 'text',
  logname: 'text',
  message: 'message',
};

const PATTERNS: Record<ColumnType, string> = {
  time: '(\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\s+(?:午前|午後)?\\s*\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp][Mm])?|[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{1,2}:\\d{2})',
  number: '(\\d{1,10})',
  word: '(\\S{1,30})',
  text: '(\\S[^\\n]{0,200}?)',
  message: '(.*)',
};

const HEADER = /^[ \t]*[A-Za-z]{2,20}(?:[ \t]+[A-Za-z]{2,20}){1,8}[ \t]*$/;
const DASHES = /^[ \t]*-+(?:[ \t]+-+){1,8}[ \t]*$/;
const GROUP = /^[ \t]*ProviderName:[ \t]*(\S[^\n]*?)[ \t]*$/;

interface Line {
  start: number;
  text: string;
}

/** The paste's lines, each made into a Line only when a table reads it. */
interface Lines {
  length: number;
  at: (index: number) => Line;
}

export interface TableResult {
  drafts: EventDraft[];
  consumed: Range[];
}

export function readEventTables(text: string, pasteLines?: readonly string[]): TableResult {
  if (!/^[ \t]*-+[ \t]+-+/m.test(text)) return { drafts: [], consumed: [] };
  // Offsets only: a Line object per line of a long paste is garbage the collector pays for.
  const texts = pasteLines ?? text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of texts) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lines: Lines = { length: texts.length, at: (k) => ({ start: starts[k]!, text: texts[k]! }) };
  const drafts: EventDraft[] = [];
  const consumed: Range[] = [];
  for (let i = 0; i + 1 < texts.length; i++) {
    if (!HEADER.test(texts[i]!) || !DASHES.test(texts[i + 1]!)) continue;
    const header = lines.at(i);
    const columns = header.text.trim().split(/\s+/);
    const types = columns.map((name) => COLUMNS[name.toLowerCase()]);
    if (!types.every((type) => type !== undefined) || !types.some((type) => type === 'number')) continue;
    const group = findGroup(lines, i);
    const table = new Table(columns, types as ColumnType[], header.text, group?.provider);
    let last = i + 1;
    for (let j = i + 2; j < texts.length; j++) {
      if (texts[j]!.trim() === '') continue;
      if (table.drafts.length > LIMITS.events) break;
      const line = lines.at(j);
      if (table.readRow(line) || table.continueRow(line)) last = j;
      else break;
    }
    drafts.push(...table.drafts);
    const end = lines.at(last);
    consumed.push([group?.start ?? header.start, end.start + end.text.length]);
    i = last;
  }
  return { drafts, consumed };
}

function findGroup(lines: Lines, headerIndex: number): { provider: string; start: number } | undefined {
  for (let k = headerIndex - 1; k >= Math.max(0, headerIndex - 3); k--) {
    const line = lines.at(k);
    const match = GROUP.exec(line.text);
    if (match?.[1]) return { provider: match[1], start: line.start };
    if (line.text.trim() !== '') return undefined;
  }
  return undefined;
}

class Table {
  readonly drafts: EventDraft[] = [];
  private readonly row: RegExp;
  private readonly messageAt: number;

  constructor(
    private readonly columns: string[],
    types: ColumnType[],
    header: string,
    private readonly provider: string | undefined,
  ) {
    const patterns = types.map((type, index) =>
      type === 'message' && index < types.length - 1 ? PATTERNS.text : PATTERNS[type],
    );
    this.row = new RegExp(`^[ \\t]*${patterns.join('[ \\t]+')}[ \\t]*$`);
    this.messageAt = types[types.length - 1] === 'message' ? header.lastIndexOf(columns[columns.length - 1]!) : -1;
  }

  readRow(line: Line): boolean {
    const match = this.row.exec(line.text);
    if (!match) return false;
    const cells = new Map(this.columns.map((name, index) => [name.toLowerCase(), match[index + 1] ?? '']));
    const id = parseEventId(cells.get('id') ?? cells.get('eventid')) ?? parseEventId(cells.get('instanceid'));
    if (id === undefined) return false;
    const facts: EventFacts = { id, format: 'powershell' };
    const source = cells.get('providername') ?? cells.get('source') ?? this.provider;
    if (source) facts.source = source.trim();
    const level = parseLevel(cells.get('leveldisplayname') ?? cells.get('entrytype') ?? cells.get('level'));
    if (level) facts.level = level;
    const computer = cells.get('machinename')?.trim();
    if (computer) facts.computer = computer;
    const loggedAt = parseLoggedAt(cells.get('timecreated') ?? cells.get('timegenerated') ?? cells.get('time'));
    if (loggedAt) facts.loggedAt = loggedAt;
    const draft: EventDraft = { facts, start: line.start, end: line.start + line.text.length, japanese: false };
    const message = cells.get('message');
    if (message !== undefined && this.messageAt >= 0) {
      const at = line.text.length - message.length;
      draft.body = [line.start + at, line.start + line.text.length];
    }
    this.drafts.push(draft);
    return true;
  }

  /** `Format-Table -Wrap` continues a message on the next line, indented to its column. */
  continueRow(line: Line): boolean {
    const previous = this.drafts[this.drafts.length - 1];
    if (!previous?.body || this.messageAt <= 0 || line.text.slice(0, this.messageAt).trim() !== '') return false;
    previous.body = [previous.body[0], line.start + line.text.length];
    previous.end = line.start + line.text.length;
    return true;
  }
}
