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
    const [from, to] = draft.body ?? [draft.start, draft.end];
    const window = text.slice(from, Math.min(text.length, Math.max(to, from) + REACH));
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
