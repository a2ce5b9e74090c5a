import type { EventDraft } from './event-values.js';

/**
 * An event read where its message file is missing (a collector's ForwardedEvents: "The description
 * for Event ID 12016 … cannot be found", 「… の説明が見つかりません」) still carries its insertion
 * strings, one per line after "The following information was included with the event:"
 * (「次の情報はイベントに含まれています:」): the same values, in the same order, as the XML view's
 * `<Data>`, so they are read as those.
 */
const INCLUDED = /The following information was included with the event\s*:|次の情報はイベントに含まれています\s*:/;
/** What Windows may print after the strings; never an insertion string itself. */
const AFTER = /^(?:The message resource is present|The handle is invalid|メッセージ リソースは存在しますが)/;
const MOST = 16;

export function readInsertionStrings(text: string, drafts: readonly EventDraft[]): void {
  for (const draft of drafts) {
    if (draft.data || !draft.body) continue;
    const body = text.slice(draft.body[0], draft.body[1]);
    const marker = INCLUDED.exec(body);
    if (!marker) continue;
    const values: string[] = [];
    for (const line of body.slice(marker.index + marker[0].length).split('\n')) {
      const value = line.trim();
      if (value === '') {
        if (values.length > 0) break;
        continue;
      }
      if (AFTER.test(value) || values.length === MOST) break;
      values.push(value);
    }
    if (values.length > 0) draft.data = values;
  }
}
