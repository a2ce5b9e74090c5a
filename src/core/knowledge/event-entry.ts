import type { SourceFamily } from './event-sources.js';
import { type TemplateField, template, templateAnchors } from './message-template.js';

/** The shape of one catalogue entry (event-catalogue.ts), and helpers to write entries. */

/** What the diagnosis does with the event. */
export type EventKind =
  | 'internal-cert-missing-ad'
  | 'internal-cert-corrupt-ad'
  | 'internal-cert-missing-local'
  | 'internal-cert-fallback'
  | 'internal-cert-expired'
  | 'internal-cert-expiring'
  | 'starttls-cert-missing'
  | 'starttls-cert-expired'
  | 'starttls-cert-expiring'
  | 'remote-internal-expired'
  | 'remote-starttls-expired'
  | 'federation-expiring'
  | 'federation-expired'
  | 'federation-cert-missing'
  | 'auth-cert-problem'
  | 'cert-expired-generic'
  | 'cert-expiring-generic'
  | 'cert-not-capi'
  | 'edge-credential-cert-missing'
  | 'schannel'
  /** HTTP.sys cannot use the SSL binding of an endpoint (HttpEvent 15021): 0.0.0.0:444 is Exchange Back End. */
  | 'ssl-binding-broken'
  /** A certificate event that reports normal operation (a roll-over, an installed copy). */
  | 'informational'
  | 'not-certificate';

export interface EventMessage {
  lang: 'en' | 'ja';
  regex: RegExp;
  /**
   * False when the text alone does not prove the event (EWS prints a certificate's ToString(),
   * which a pasted certificate also looks like): then it only fills fields of an event whose ID
   * the paste states.
   */
  standalone: boolean;
  /** Lower-case words the paste must contain before the regex is worth running (none: always run). */
  anchors: readonly string[];
}

export interface CatalogueEntry {
  id: number;
  family: SourceFamily;
  /** The sources that log it under this meaning, as Event Viewer prints them. */
  sources: readonly string[];
  /** The constant in Exchange's code (TransportEventLogConstants and friends). */
  symbolicName: string;
  certificateRelated: boolean;
  /** Corroborating only: on its own it does not prove an Exchange certificate problem (Schannel). */
  corroborating?: boolean;
  kind: EventKind;
  /** Something an admin can look up. */
  reference: string;
  /** English, for people reading the table; replies come from i18n. */
  title: string;
  /** Templates: the first that matches a paste gives the fields. Longest match wins. */
  messages: readonly EventMessage[];
  /** The XML view's `<Data>` elements, in order (null: a parameter we do not use). */
  data?: readonly (TemplateField | null)[];
  /** 12018 calls the FQDN "subject": copy it to `fqdn` as well. */
  subjectIsFqdn?: boolean;
  /** A bare number in running text may be read as this event (distinctive 120xx IDs only). */
  bareId?: boolean;
}

/** An English template (see message-template.ts). */
export function en(text: string, standalone = true): EventMessage {
  return { lang: 'en', regex: template(text), standalone, anchors: templateAnchors(text) };
}

/** A Japanese pattern, written as a regex: the verified Japanese text is fragmentary (§1.4). */
export function ja(regex: RegExp): EventMessage {
  return { lang: 'ja', regex, standalone: true, anchors: japaneseAnchors(regex) };
}

const KANA_OR_KANJI = /[\u3000-\u30ff\u4e00-\u9fff]/;

/**
 * The runs of Japanese text a pattern cannot match without: literal kana/kanji outside any group,
 * character class or alternation, less a last character made optional by a quantifier. Lower case
 * leaves them as they are, so they serve as anchors like the English templates' words. None when the
 * pattern has a top-level alternation.
 */
function japaneseAnchors(regex: RegExp): string[] {
  const source = regex.source;
  const anchors: string[] = [];
  let run = '';
  let depth = 0;
  let inClass = false;
  const flush = (next: string | undefined) => {
    const kept = next === '?' || next === '*' || next === '{' ? run.slice(0, -1) : run;
    if (kept.length >= 2) anchors.push(kept);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      flush(undefined);
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (depth === 0 && KANA_OR_KANJI.test(ch)) {
      run += ch;
      continue;
    }
    flush(ch);
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return [];
  }
  flush(undefined);
  return [...new Set(anchors)];
}
