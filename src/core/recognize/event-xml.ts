import type { EventFacts } from '../model.js';
import { type EventDraft, hasJapanese, parseEventId, parseLevel, parseLoggedAt, type Range } from './event-values.js';
import { LIMITS } from './limits.js';
import { matchesOf } from './matches.js';

/** Events in Event Viewer's XML view (or `Get-WinEvent … | % ToXml()`). */

export interface XmlResult {
  drafts: EventDraft[];
  consumed: Range[];
}

const EVENT_OPEN = /<Event[\s>]/g;
const SYSTEM_OPEN = /<System>/g;
const EVENT_CLOSE = '</Event>';

export function readXmlEvents(text: string): XmlResult {
  if (!text.includes('<EventID')) return { drafts: [], consumed: [] };
  let starts = [...matchesOf(EVENT_OPEN, text)].map((match) => match.index);
  if (starts.length === 0) starts = [...matchesOf(SYSTEM_OPEN, text)].map((match) => match.index);
  if (starts.length === 0) starts = [text.indexOf('<EventID')];
  const closes = [...matchesOf(/<\/Event>/g, text)].map((match) => match.index + EVENT_CLOSE.length);
  const drafts: EventDraft[] = [];
  const consumed: Range[] = [];
  let closeIndex = 0;
  starts = starts.slice(0, LIMITS.events + 1);
  starts.forEach((start, index) => {
    const next = starts[index + 1] ?? text.length;
    while (closeIndex < closes.length && closes[closeIndex]! <= start) closeIndex++;
    const close = closes[closeIndex];
    const end = close !== undefined && close <= next ? close : next;
    const draft = readXmlEvent(text, start, end);
    if (!draft) return;
    drafts.push(draft);
    consumed.push([start, end]);
  });
  return { drafts, consumed };
}

function readXmlEvent(text: string, start: number, end: number): EventDraft | undefined {
  const xml = text.slice(start, end);
  const id = parseEventId(element(xml, 'EventID'));
  if (id === undefined) return undefined;
  const facts: EventFacts = { id, format: 'xml' };
  const source = attribute(xml, 'Provider', 'Name') ?? attribute(xml, 'Provider', 'EventSourceName');
  if (source) facts.source = source;
  const level = parseLevel(element(xml, 'Level'));
  if (level) facts.level = level;
  const computer = element(xml, 'Computer');
  if (computer) facts.computer = computer;
  const loggedAt = parseLoggedAt(attribute(xml, 'TimeCreated', 'SystemTime'));
  if (loggedAt) facts.loggedAt = loggedAt;
  const data = [...matchesOf(/<Data(?:\s[^>]{0,200})?(?:\/>|>([\s\S]{0,4000}?)<\/Data>)/g, xml)].map((match) =>
    decodeEntities(match[1] ?? '').trim(),
  );
  const draft: EventDraft = { facts, start, end, japanese: hasJapanese(xml), data };
  // Saved with display information, the XML carries the rendered message too.
  const message = /<Message>([\s\S]{0,20000}?)<\/Message>/.exec(xml);
  if (message?.[1] !== undefined) {
    const bodyStart = start + message.index + '<Message>'.length;
    draft.body = [bodyStart, bodyStart + message[1].length];
  }
  return draft;
}

function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]{0,200})?>([^<]{0,1000})</${name}>`).exec(xml);
  const value = match?.[1]?.trim();
  return value ? decodeEntities(value) : undefined;
}

function attribute(xml: string, name: string, attributeName: string): string | undefined {
  const match = new RegExp(`<${name}\\s[^>]{0,500}?\\b${attributeName}=(["'])([^"'<>]{0,300})\\1`).exec(xml);
  const value = match?.[2]?.trim();
  return value ? decodeEntities(value) : undefined;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
