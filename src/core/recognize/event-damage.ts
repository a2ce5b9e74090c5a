import { findCatalogueEntry } from '../knowledge/event-catalogue.js';
import type { EventDraft } from './event-values.js';
import { normalizeThumbprint } from './event-values.js';
import type { ParseNote } from './evidence.js';

/**
 * An event whose thumbprint was damaged on the way (a digit lost, an O for a 0, a line break inside
 * it) no longer matches its full template, so its thumbprint and hours are missing. They are looked
 * for near the text instead: the hours are kept, the damaged thumbprint is not repaired (a guess
 * would be run as a command) but reported in a note, so the reply can ask for it again.
 */
const THUMBPRINT_AFTER = /\bthumbprint(?:\s+of)?\s*:?\s*([^\s,;]{8,80})/i;
const HOURS_AFTER = /\bhours\s+remaining\s*:\s*(-?\d{1,7})\b/i;
const REACH = 400;

export function recoverDamagedFields(text: string, drafts: EventDraft[]): ParseNote[] {
  const notes: ParseNote[] = [];
  for (const draft of drafts) {
    const entry = findCatalogueEntry(draft.facts.id, draft.facts.source);
    if (!entry?.data?.includes('thumbprint') || draft.facts.thumbprint) continue;
    // An ID named in a sentence ("12015 on EX19-02") has no text of its own to be damaged: the
    // thumbprint after it belongs to whatever follows (a listing's first certificate).
    if (!draft.body && draft.facts.format === 'id-only') continue;
    // An XML event carries its own values in <Data> (read when the event is finished) and ends at
    // </Event>: a thumbprint after it is a listing's, never this event's.
    if (draft.facts.format === 'xml' && draft.data?.some((value) => normalizeThumbprint(value))) continue;
    const [from, to] = draft.body ?? [draft.start, draft.end];
    const reach = draft.facts.format === 'xml' ? 0 : REACH;
    const window = ownText(text.slice(from, Math.min(text.length, Math.max(to, from) + reach)));
    const hours = HOURS_AFTER.exec(window)?.[1];
    if (hours !== undefined && draft.facts.hoursRemaining === undefined && entry.data.includes('hoursRemaining'))
      draft.facts.hoursRemaining = Number(hours);
    const raw = THUMBPRINT_AFTER.exec(window)?.[1]?.replace(/[.,;]+$/, '');
    if (!raw) continue;
    const thumbprint = normalizeThumbprint(raw);
    if (thumbprint) {
      draft.facts.thumbprint = thumbprint;
      continue;
    }
    if (/^[0-9A-Za-z]{30,50}$/.test(raw)) {
      notes.push({ code: 'damaged-thumbprint', detail: `event ${draft.facts.id}: ${raw.slice(0, 60)}` });
    }
  }
  return notes;
}

/**
 * The text after an event up to where other output begins: a PowerShell prompt, or a listing's
 * `Thumbprint : …` field or column header. A thumbprint there is a certificate's in the store, not the
 * one the event named (an expiry warning would land on an unrelated certificate).
 */
function ownText(window: string): string {
  const other = /\n[ \t]*(?:\[PS\][^\n]*>|PS [A-Za-z]:\\[^\n]*>|Thumbprint[ \t]*:[ \t]*[0-9A-Fa-f]{40}\b|Thumbprint[ \t]{2,}\S)/i.exec(window);
  return other ? window.slice(0, other.index) : window;
}
