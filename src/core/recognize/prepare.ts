import { collapseBlankLines, mayHaveBlankRuns } from '../blank-lines.js';

/**
 * What no recogniser wants, taken out once before they run: control characters (a stray NUL from a
 * UTF-16 file read as UTF-8, a terminal's escape) and long runs of blank lines, which every
 * line-by-line reader would otherwise walk again.
 */

// Built from a string: a control character written into a regex literal reads like a mistake.
const CONTROL_CLASS = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]';
const CONTROL = new RegExp(CONTROL_CLASS);
const CONTROLS = new RegExp(`${CONTROL_CLASS}+`, 'g');

export function preparePaste(text: string): string {
  const clean = CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
  return mayHaveBlankRuns(clean) ? collapseBlankLines(clean) : clean;
}
