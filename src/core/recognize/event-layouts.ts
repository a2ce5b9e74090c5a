import type { EventFacts } from '../model.js';
import {
  EVENT_LABELS,
  type LabelKey,
  type LabelLine,
  type LabelStyle,
  looksLikeListLine,
  readLabelLines,
} from './event-labels.js';
import { type EventDraft, hasJapanese, parseEventId, parseLevel, parseLoggedAt, type Range } from './event-values.js';
import { LIMITS } from './limits.js';

/**
 * Events in labelled layouts: Event Viewer's copy-as-text (2003 and 2008+, English and Japanese)
 * and PowerShell's Format-List. A new event starts at a layout's first label or when a label
 * repeats; the message runs until then.
 */

interface Block {
  start: number;
  values: Map<LabelKey, string>;
  styles: Set<LabelStyle>;
  japanese: boolean;
  /** After Description: every line is message until a new event opens. */
  mode: 'header' | 'description' | 'list-message';
  body?: [number, number];
  headers: Range[];
}

export interface LayoutResult {
  drafts: EventDraft[];
  /** The label lines: numbers on them are not event mentions. */
  headers: Range[];
}

/**
 * Every label that gives an event its ID ("Event ID:", "EventID :", "Id :", "InstanceId :",
 * "イベント ID:") ends in "id" before its colon, and a layout without an ID is no event: a paste
 * without such a line (a listing, a symptom, prose) is not read line by line at all. Should a label
 * ever be added that does not end so, every paste is read again.
 */
const ID_LABEL = [...EVENT_LABELS]
  .filter(([, info]) => info.key === 'eventId' || info.key === 'instanceId')
  .every(([name]) => name.endsWith('id'))
  ? /id[ \t]*:/i
  : /(?:)/;

export function readLabelledEvents(
  text: string,
  isConsumed: (offset: number) => boolean,
  lines?: readonly string[],
): LayoutResult {
  const drafts: EventDraft[] = [];
  const headers: Range[] = [];
  if (!ID_LABEL.test(text)) return { drafts, headers };
  let block: Block | undefined;
  const close = () => {
    const draft = block && toDraft(block);
    if (draft && block) {
      drafts.push(draft);
      headers.push(...block.headers);
    }
    block = undefined;
  };

  let offset = 0;
  for (const line of lines ?? text.split('\n')) {
    if (drafts.length > LIMITS.events) break;
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    if (isConsumed(lineStart)) {
      close();
      continue;
    }
    const labels = readLabelLines(line);
    const label = labels[0];
    if (block && isMessageLine(block, line, label)) {
      if (line.trim() === '' && block.body === undefined) continue;
      block.body = [block.body?.[0] ?? lineStart, lineEnd];
      if (block.mode === 'header') block.mode = 'description';
      continue;
    }
    for (const [index, each] of labels.entries()) {
      const key = each.info.key;
      if (!block || each.info.opens || (key !== 'other' && block.values.has(key))) {
        close();
        block = {
          start: lineStart,
          values: new Map(),
          styles: new Set(),
          japanese: false,
          mode: 'header',
          headers: [],
        };
      }
      // A line's later pairs share its range: the header range is pushed once.
      addLabel(block, each, lineStart, lineEnd, index === 0);
    }
  }
  close();
  return { drafts, headers };
}

/** Whether a line belongs to the current event's message rather than starting a label. */
function isMessageLine(block: Block, line: string, label: LabelLine | undefined): boolean {
  if (block.mode === 'list-message') return !looksLikeListLine(line);
  if (block.mode === 'description') {
    return !label || !(label.info.opens || (label.info.key !== 'other' && block.values.has(label.info.key)));
  }
  // Header lines run together; the first other text line is the message (pastes without Description:).
  return !label && line.trim() !== '' && !/^[^:\n]{1,25}:/.test(line);
}

function addLabel(block: Block, label: LabelLine, lineStart: number, lineEnd: number, firstOnLine = true): void {
  const { key, style } = label.info;
  block.styles.add(style);
  block.japanese ||= hasJapanese(label.text) || hasJapanese(label.value);
  if (firstOnLine) block.headers.push([lineStart, lineEnd]);
  if (key === 'other') return;
  block.values.set(key, label.value);
  if (key === 'description' || key === 'message') {
    block.mode = key === 'message' ? 'list-message' : 'description';
    if (label.value !== '') block.body = [lineStart + label.valueOffset, lineEnd];
    if (firstOnLine) block.headers.pop();
  }
}

function toDraft(block: Block): EventDraft | undefined {
  const { values } = block;
  const id = parseEventId(values.get('eventId')) ?? parseEventId(values.get('instanceId'));
  if (id === undefined) return undefined;
  const facts: EventFacts = { id, format: formatOf(block) };
  const source = values.get('source');
  if (source) facts.source = source;
  const level = parseLevel(values.get('levelName')) ?? parseLevel(values.get('level'));
  if (level) facts.level = level;
  const computer = values.get('computer');
  if (computer) facts.computer = computer;
  const loggedAt = parseLoggedAt(values.get('date'), values.get('time'));
  if (loggedAt) facts.loggedAt = loggedAt;
  const end = Math.max(block.body?.[1] ?? 0, ...block.headers.map(([, headerEnd]) => headerEnd));
  const draft: EventDraft = { facts, start: block.start, end, japanese: block.japanese };
  if (block.body) draft.body = block.body;
  return draft;
}

function formatOf(block: Block): EventFacts['format'] {
  const keys = [...block.values.keys()].filter((key) => key !== 'description' && key !== 'message');
  if (keys.every((key) => key === 'eventId' || key === 'instanceId')) return 'id-only';
  if (block.styles.has('w2003')) return 'w2003';
  if (block.styles.has('powershell')) return 'powershell';
  return 'w2008';
}
