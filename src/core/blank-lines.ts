/**
 * Long runs of blank lines, cut to a few. Every line-by-line reader would otherwise walk them again,
 * and rewriting half a million CRLF pairs one by one costs more per pair the more there are (the
 * garbage of as many tiny pieces): cut first, rewrite after. A few blank lines are kept: Event
 * Viewer's Friendly View prints an empty event parameter as a line of spaces, and their count tells
 * which one is empty.
 */
export const KEPT_BLANK_LINES = 4;

/** True when the text has a blank line (spaces, tabs or a carriage return only) that could start a run. */
export function mayHaveBlankRuns(text: string): boolean {
  return text.includes('\n\n') || text.includes('\n\r') || /\n[ \t]+\r?\n/.test(text);
}

/** At most KEPT_BLANK_LINES blank lines in a row, by a plain scan: a regex or split over a million newlines is slow. */
export function collapseBlankLines(text: string): string {
  const parts: string[] = [];
  let copiedTo = 0;
  let lineStart = 0;
  let blanks = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let blank = true;
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      // Space, tab and the carriage return of a CRLF line end.
      if (c !== 32 && c !== 9 && c !== 13) {
        blank = false;
        break;
      }
    }
    blanks = blank ? blanks + 1 : 0;
    if (blanks === KEPT_BLANK_LINES + 1) {
      parts.push(text.slice(copiedTo, lineStart));
    } else if (blanks === 0 && copiedTo < 0) {
      copiedTo = lineStart;
    }
    if (blanks > KEPT_BLANK_LINES) copiedTo = -1;
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (parts.length === 0) return text;
  if (copiedTo >= 0) parts.push(text.slice(copiedTo));
  return parts.join('');
}
