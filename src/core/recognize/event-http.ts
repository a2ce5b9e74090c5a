import { findCatalogueEntry } from '../knowledge/event-catalogue.js';
import type { Wording12014Match } from './event-12014.js';
import { matchesOf } from './matches.js';

/**
 * HttpEvent 15021's message, English and Japanese: with it a paste of the text alone (no Event Viewer
 * header) is still the event. The endpoint itself is read by the binding recogniser.
 */
const TEXTS: readonly { lang: 'en' | 'ja'; regex: RegExp; anchor: string }[] = [
  {
    lang: 'en',
    regex: /An error occurred while using SSL configuration for endpoint[ \t]+\S+?:\d{1,5}/gi,
    anchor: 'SSL configuration for endpoint',
  },
  {
    lang: 'ja',
    regex: /エンドポイント[ \t]*\S+?:\d{1,5}[ \t]*の[ \t]*SSL[ \t]*構成を使用中にエラーが発生しました/g,
    anchor: 'SSL 構成を使用中に',
  },
];

/** Looked up once: resolving the source name on every paste cost more than the two anchor tests. */
const ENTRY_15021 = findCatalogueEntry(15021, 'Microsoft-Windows-HttpEvent');

export function find15021Texts(text: string, limit: number): Wording12014Match[] {
  const entry = ENTRY_15021;
  if (!entry) return [];
  const found: Wording12014Match[] = [];
  for (const { lang, regex, anchor } of TEXTS) {
    if (!text.includes(anchor)) continue;
    for (const match of matchesOf(regex, text)) {
      if (found.length >= limit) break;
      found.push({ entry, start: match.index, end: match.index + match[0].length, lang, captures: {}, empty: [] });
    }
  }
  return found;
}
