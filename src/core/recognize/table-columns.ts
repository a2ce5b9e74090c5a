/**
 * Cells of a Format-Table row, cut where the header (or its dash line) puts the columns.
 *
 * Format-Table pads by display width: a Japanese connector name takes two console cells a
 * character, so the next column starts fewer characters into the row than into the ASCII header.
 * And a hand-aligned or chat-mangled row is often one or two characters off, so a word can straddle
 * a column start (`…c845  {smtp:…` with `{` one character before AddressSpaces). Format-Table never
 * lets a cell run into the next column, so a straddling word belongs wholly to the side that holds
 * most of it; a cell is never cut inside a word.
 */

/** Console cells a character takes: two for the CJK, kana, Hangul and fullwidth ranges. */
function cellWidth(code: number): number {
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  )
    return 2;
  return 1;
}

/** The character index at which display column `column` starts (or the row's length). */
function indexAtColumn(chars: readonly string[], column: number): number {
  let at = 0;
  for (let i = 0; i < chars.length; i++) {
    if (at >= column) return i;
    at += cellWidth(chars[i]!.codePointAt(0)!);
  }
  return chars.length;
}

const SPACE = /\s/;

/** Moves a cut that falls inside a word to that word's edge on the side holding less of it. */
function snap(chars: readonly string[], cut: number): number {
  if (cut <= 0 || cut >= chars.length) return Math.min(Math.max(cut, 0), chars.length);
  if (SPACE.test(chars[cut - 1]!) || SPACE.test(chars[cut]!)) return cut;
  let start = cut;
  while (start > 0 && !SPACE.test(chars[start - 1]!)) start--;
  let end = cut;
  while (end < chars.length && !SPACE.test(chars[end]!)) end++;
  return cut - start <= end - cut ? start : end;
}

/**
 * The row's cells, one per column start (display columns as in the header, which Format-Table
 * prints in ASCII), each trimmed. A cell is empty where the row stops short.
 */
export function tableCells(row: string, starts: readonly number[]): string[] {
  const chars = [...row];
  const cuts = starts.map((start, index) => (index === 0 ? 0 : snap(chars, indexAtColumn(chars, start))));
  // A snapped cut never moves before the one to its left.
  for (let i = 1; i < cuts.length; i++) cuts[i] = Math.max(cuts[i]!, cuts[i - 1]!);
  return cuts.map((cut, index) =>
    chars
      .slice(cut, cuts[index + 1] ?? chars.length)
      .join('')
      .trim(),
  );
}

/**
 * A table value fit to stand in a command as an identity: the cell as read, unless it still carries
 * another column's text (a gap of two spaces and more), a brace of a multi-valued column, or
 * Format-Table's cut mark, any of which would make the command name something that does not exist.
 */
export function cleanIdentity(value: string | undefined): string | undefined {
  const cell = value?.trim();
  if (!cell) return undefined;
  if (/\s{2,}|[{}]|<I>|\.\.\.$|…$/.test(cell)) return undefined;
  return cell;
}
