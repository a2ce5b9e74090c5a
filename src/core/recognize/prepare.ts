/**
 * What no recogniser wants, taken out once before they run: control characters (a stray NUL from a
 * UTF-16 file read as UTF-8, a terminal's escape) and long runs of blank lines, which every
 * line-by-line reader would otherwise walk again. A few blank lines are kept: Event Viewer's Friendly
 * View prints an empty event parameter as a line of spaces, and their count tells which one is empty.
 */
const KEPT_BLANK_LINES = 4;

// Built from a string: a control character written into a regex literal reads like a mistake.
const CONTROL_CLASS = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]';
const CONTROL = new RegExp(CONTROL_CLASS);
const CONTROLS = new RegExp(`${CONTROL_CLASS}+`, 'g');

export function preparePaste(text: string): string {
  const clean = CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
  return clean.includes('\n\n') || /\n[ \t]+\n/.test(clean) ? collapseBlankLines(clean) : clean;
}

/** At most KEPT_BLANK_LINES blank lines in a row, by a plain scan: a regex or split over a million newlines is slow. */
function collapseBlankLines(text: string): string {
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
      if (c !== 32 && c !== 9) {
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
