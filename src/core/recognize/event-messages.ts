import { type CatalogueEntry, EVENT_CATALOGUE } from '../knowledge/event-catalogue.js';
import type { TemplateField } from '../knowledge/message-template.js';
import type { EventFacts } from '../model.js';
import { find12014Texts } from './event-12014.js';
import { find15021Texts } from './event-http.js';
import { cleanValue, normalizeThumbprint } from './event-values.js';
import { LIMITS } from './limits.js';
import { matchesOf } from './matches.js';

/** Event message texts found anywhere in the paste, and the fields they carry. */

export interface MessageMatch {
  entry: CatalogueEntry;
  start: number;
  end: number;
  lang: 'en' | 'ja';
  standalone: boolean;
  captures: Partial<Record<TemplateField, string>>;
  /** Parameters the text printed empty. */
  empty?: NonNullable<EventFacts['emptyFields']>;
}

/** 12014's wordings are read by find12014Texts, which keeps an empty parameter empty. */
const SCANNERS = EVENT_CATALOGUE.filter((entry) => entry.id !== 12014).flatMap((entry) =>
  entry.messages.map((message) => ({
    entry,
    lang: message.lang,
    standalone: message.standalone,
    anchors: message.anchors,
    regex: new RegExp(message.regex.source, `${message.regex.flags.replace('g', '')}g`),
  })),
);

/**
 * Every template match, overlaps resolved in favour of the longest: 12024's text starts with
 * 12013's, and a template's full form contains its truncated form. Matches of exactly the same
 * text are all kept: the event around them decides which one it is.
 */
export function findMessageMatches(text: string): MessageMatch[] {
  const all: MessageMatch[] = [];
  const lower = text.toLowerCase();
  // Scanners share most of their anchor words: look each one up once per paste.
  const present = new Map<string, boolean>();
  const has = (word: string): boolean => {
    let found = present.get(word);
    if (found === undefined) {
      found = lower.includes(word);
      present.set(word, found);
    }
    return found;
  };
  for (const scanner of SCANNERS) {
    if (!scanner.anchors.every(has)) continue;
    for (const match of matchesOf(scanner.regex, text)) {
      if (all.length > LIMITS.events * 4) break;
      if (match[0].length === 0) continue;
      all.push({
        entry: scanner.entry,
        start: match.index,
        end: match.index + match[0].length,
        lang: scanner.lang,
        standalone: scanner.standalone,
        captures: (match.groups ?? {}) as Partial<Record<TemplateField, string>>,
      });
    }
  }
  for (const match of find12014Texts(text, LIMITS.events)) all.push({ ...match, standalone: true });
  for (const match of find15021Texts(text, LIMITS.events)) all.push({ ...match, standalone: true });
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MessageMatch[] = [];
  let last: MessageMatch | undefined;
  for (const match of all) {
    const tie = last !== undefined && match.start === last.start && match.end === last.end;
    if (last !== undefined && match.start < last.end && !tie) continue;
    kept.push(match);
    last = match;
  }
  return kept;
}

/** Fills the facts a layout left empty from captured parameters (message text or XML `<Data>`). */
export function applyFields(
  facts: EventFacts,
  fields: Partial<Record<TemplateField, string>>,
  entry: CatalogueEntry | undefined,
): void {
  const set = <K extends keyof EventFacts>(key: K, value: EventFacts[K] | undefined) => {
    if (value !== undefined && facts[key] === undefined) facts[key] = value;
  };
  // A value PowerShell cut short ("mail.fab...") is worse than none.
  fields = Object.fromEntries(Object.entries(fields).filter(([, value]) => !/(?:\.\.\.|…)\s*$/.test(value ?? '')));
  set('thumbprint', normalizeThumbprint(fields.thumbprint));
  set('ephemeralThumbprint', normalizeThumbprint(fields.ephemeralThumbprint));
  const hours = cleanValue(fields.hoursRemaining);
  if (hours !== undefined && /^-?\d+$/.test(hours)) set('hoursRemaining', Number(hours));
  set('connector', cleanValue(fields.connector));
  const subject = cleanValue(fields.subject);
  set('subject', subject);
  // Some copies print the subject as a distinguished name (CN=mail.contoso.com, O=…): its CN is the FQDN.
  if (entry?.subjectIsFqdn)
    set('fqdn', subject?.replace(/^\s*CN\s*=\s*([^,]+?)\s*(?:,.*)?$/is, '$1').replace(/[.,;]+$/, ''));
  // A connector pinned by TlsCertificateName prints `<I>issuer<S>subject` where a host name would be;
  // the domain parameter carries it whole, the FQDN parameter (when it has it too) less reliably.
  const fqdn = cleanValue(fields.fqdn);
  const domain = cleanValue(fields.domain);
  const isPinned = (name: string | undefined): name is string => name !== undefined && /^<I>/i.test(name);
  set('tlsCertificateName', [domain, fqdn].find(isPinned));
  for (const name of [fqdn, domain]) {
    if (name !== undefined) set('fqdn', isPinned(name) ? subjectCommonName(name) : name);
  }
  // The name no certificate contains, when it is not the connector's FQDN (a pinned name says it whole).
  if (domain !== undefined && !/^<I>/i.test(domain) && domain.toLowerCase() !== fqdn?.toLowerCase())
    set('domain', domain);
}

/** Records the parameters a message printed empty, so the reply can say so instead of guessing. */
export function applyEmptyFields(facts: EventFacts, empty: MessageMatch['empty']): void {
  if (!empty?.length) return;
  const known = new Set(facts.emptyFields ?? []);
  for (const name of empty) known.add(name);
  facts.emptyFields = [...known];
}

/** The CN of the `<S>` part, as a host name (used when nothing better names the FQDN). */
function subjectCommonName(tlsCertificateName: string): string | undefined {
  const cn = /<S>[^\n]*?\bCN\s*=\s*([^,<\s]+)/i.exec(tlsCertificateName)?.[1];
  return cn?.replace(/[.,;]+$/, '');
}

/** XML `<Data>` values, named by the catalogue's parameter order. */
export function dataFields(
  data: readonly string[] | undefined,
  entry: CatalogueEntry | undefined,
): Partial<Record<TemplateField, string>> {
  const fields: Partial<Record<TemplateField, string>> = {};
  entry?.data?.forEach((name, index) => {
    const value = data?.[index];
    if (name !== null && value) fields[name] = value;
  });
  return fields;
}
