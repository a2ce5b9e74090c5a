/**
 * The labels of Event Viewer's "Copy details as text" (Windows 2003 and 2008+, English and
 * Japanese) and of PowerShell's `Format-List` view of Get-WinEvent / Get-EventLog.
 */

export type LabelKey =
  | 'logName'
  | 'source'
  | 'date'
  | 'time'
  | 'eventId'
  | 'instanceId'
  | 'category'
  | 'level'
  | 'levelName'
  | 'keywords'
  | 'user'
  | 'computer'
  /** Event Viewer's Description: everything after it is the message. */
  | 'description'
  /** PowerShell's Message: the value and its indented continuation lines. */
  | 'message'
  /** A known label whose value certcheck does not use. */
  | 'other';

/** Which layout a label gives away; 'any' labels appear in several. */
export type LabelStyle = 'w2003' | 'w2008' | 'powershell' | 'any';

export interface LabelInfo {
  key: LabelKey;
  style: LabelStyle;
  /** Only the first label of a layout: it always opens a new event, even inside a description. */
  opens?: boolean;
}

const label = (key: LabelKey, style: LabelStyle, opens = false): LabelInfo => ({ key, style, opens });

/**
 * Keyed by the label in lower case, spaces kept: Event Viewer's "Log Name" opens an event, while
 * Format-List's "LogName" sits in the middle of one.
 */
export const EVENT_LABELS: ReadonlyMap<string, LabelInfo> = new Map([
  ['log name', label('logName', 'w2008', true)],
  ['ログの名前', label('logName', 'w2008', true)],
  ['logname', label('logName', 'powershell')],
  ['event type', label('level', 'w2003', true)],
  ['イベントの種類', label('level', 'w2003', true)],
  ['source', label('source', 'any')],
  ['ソース', label('source', 'w2008')],
  ['event source', label('source', 'w2003')],
  ['イベント ソース', label('source', 'w2003')],
  ['イベントソース', label('source', 'w2003')],
  ['providername', label('source', 'powershell')],
  ['date', label('date', 'any')],
  ['日付', label('date', 'any')],
  // The General tab's grid says "Logged" / 「ログの日付」 where the copied details say "Date".
  ['logged', label('date', 'w2008')],
  ['ログの日付', label('date', 'w2008')],
  ['time', label('time', 'w2003')],
  // Windows 2003's Event Properties dialog: "Type:" and 「種類:」 for the level, 「分類:」 for the category.
  ['type', label('level', 'any')],
  ['種類', label('level', 'any')],
  ['分類', label('category', 'any')],
  ['時刻', label('time', 'w2003')],
  ['timecreated', label('date', 'powershell')],
  ['timegenerated', label('date', 'powershell')],
  ['event id', label('eventId', 'any')],
  ['eventid', label('eventId', 'any')],
  ['イベント id', label('eventId', 'any')],
  ['イベントid', label('eventId', 'any')],
  ['id', label('eventId', 'powershell')],
  ['instanceid', label('instanceId', 'powershell')],
  ['task category', label('category', 'w2008')],
  ['タスクのカテゴリ', label('category', 'w2008')],
  ['event category', label('category', 'w2003')],
  ['イベント カテゴリ', label('category', 'w2003')],
  ['イベントカテゴリ', label('category', 'w2003')],
  ['category', label('category', 'any')],
  ['level', label('level', 'any')],
  ['レベル', label('level', 'w2008')],
  ['entrytype', label('levelName', 'powershell')],
  ['leveldisplayname', label('levelName', 'powershell')],
  ['keywords', label('keywords', 'any')],
  ['キーワード', label('keywords', 'w2008')],
  ['user', label('user', 'any')],
  ['ユーザー', label('user', 'any')],
  ['username', label('user', 'powershell')],
  ['userid', label('user', 'powershell')],
  ['computer', label('computer', 'any')],
  ['コンピューター', label('computer', 'w2008')],
  ['コンピュータ', label('computer', 'w2003')],
  ['machinename', label('computer', 'powershell')],
  ['description', label('description', 'any')],
  ['説明', label('description', 'any')],
  ['message', label('message', 'powershell')],
  ['opcode', label('other', 'w2008')],
  ['オペコード', label('other', 'w2008')],
  ['more information', label('other', 'w2008')],
  ['詳細情報', label('other', 'w2008')],
  ['event xml', label('other', 'w2008')],
  ...[
    'timewritten',
    'index',
    'recordid',
    'replacementstrings',
    'categorynumber',
    'version',
    'qualifiers',
    'task',
    'providerid',
    'processid',
    'threadid',
    'activityid',
    'relatedactivityid',
    'containerlog',
    'matchedqueryids',
    'bookmark',
    'opcodedisplayname',
    'taskdisplayname',
    'keywordsdisplaynames',
    'properties',
    'data',
    'container',
    'site',
    'splitlines',
  ].map((name) => [name, label('other', 'powershell')] as const),
]);

export interface LabelLine {
  info: LabelInfo;
  /** The label as pasted (to tell Japanese labels). */
  text: string;
  value: string;
  /** Offset of the value inside the line. */
  valueOffset: number;
}

const LABEL_LINE = /^([ \t]*)([^:：\n]{1,40}?)[ \t]*[:：][ \t]*/;

/** The label at the start of a line, when it is one the layouts use. */
export function readLabelLine(line: string): LabelLine | undefined {
  if (!line.includes(':') && !line.includes('：')) return undefined;
  const match = LABEL_LINE.exec(line);
  if (!match) return undefined;
  const text = match[2]!;
  const info = EVENT_LABELS.get(text.toLowerCase().replace(/\s+/g, ' '));
  if (!info) return undefined;
  return { info, text, value: line.slice(match[0].length).trim(), valueOffset: match[0].length };
}

/** The labels of the General tab's right-hand column. */
const RIGHT_COLUMN: ReadonlySet<LabelKey> = new Set(['date', 'category', 'keywords', 'computer']);

/**
 * Every label on a line. Event Viewer's General tab is a two-column grid, so one copied line holds
 * two pairs, the columns parted by a tab ("Source:\tMSExchangeTransport\tLogged:\t11/28/2026 …",
 * 「イベント ID:\t12014\tタスクのカテゴリ:\tTransportService」); a value is cut where a tab is
 * followed by another known label and its colon.
 */
export function readLabelLines(line: string): LabelLine[] {
  const first = readLabelLine(line) ?? laterLabel(line);
  if (!first) return [];
  if (!/\t| {2}/.test(line.slice(first.valueOffset))) return [first];
  const found: LabelLine[] = [];
  let current = first;
  for (;;) {
    const cut = /\t[ \t]*| {2,}/g;
    cut.lastIndex = current.valueOffset;
    let next: LabelLine | undefined;
    let cutAt = -1;
    for (let m = cut.exec(line); m; m = cut.exec(line)) {
      const start = m.index + m[0].length;
      // A label is short: a bounded slice keeps a line of many tabs linear.
      const candidate = readLabelLine(line.slice(start, start + 120));
      // Where a chat turned the tab into spaces, only the grid's right-hand labels cut a value.
      if (candidate && (m[0].includes('\t') || RIGHT_COLUMN.has(candidate.info.key))) {
        next = { ...candidate, valueOffset: start + candidate.valueOffset };
        cutAt = m.index;
        break;
      }
    }
    if (!next) {
      found.push({ ...current, value: line.slice(current.valueOffset).trim() });
      return found;
    }
    found.push({ ...current, value: line.slice(current.valueOffset, cutAt).trim() });
    current = next;
  }
}

/**
 * The first known label after a tab when the line opens with one certcheck does not use: Windows
 * 2003's Event Properties grid puts "Type:\tError" before "Event ID:\t12015" on one line.
 */
function laterLabel(line: string): LabelLine | undefined {
  if (!line.includes('\t') || !line.includes(':')) return undefined;
  const cut = /\t[ \t]*/g;
  for (let m = cut.exec(line); m; m = cut.exec(line)) {
    const start = m.index + m[0].length;
    const candidate = readLabelLine(line.slice(start, start + 120));
    if (candidate) return { ...candidate, valueOffset: start + candidate.valueOffset };
  }
  return undefined;
}

/** "Foo    : bar": the shape of a Format-List line, label or not known. */
export function looksLikeListLine(line: string): boolean {
  return /^[ \t]*[A-Za-z][A-Za-z0-9]{0,40}[ \t]+:(?:[ \t]|$)/.test(line);
}
