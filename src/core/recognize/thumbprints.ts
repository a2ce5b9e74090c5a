import { armourBlocks, bareBase64Blocks, maskedLines } from './armour.js';
import type { Recognizer } from './evidence.js';
import { hasHexRun, hexRuns } from './hex-runs.js';
import { LIMITS, restSkipped } from './limits.js';
import { matchesOf } from './matches.js';

/**
 * Characters that copy along with a thumbprint (the Windows certificate dialog prepends U+200E) and
 * make `-Thumbprint` fail while looking identical on screen.
 */
export const INVISIBLE_CHARACTERS: readonly string[] = [
  '\u00A0',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2060',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\uFEFF',
];
const INVISIBLE_TEST = /[\u00A0\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
const INVISIBLE_ALL = /[\u00A0\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

export interface NormalizedThumbprint {
  value: string;
  invisible: boolean;
  /** Code points of the invisible characters found, e.g. 'U+200E'. */
  invisibleChars?: string[];
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One value that should be a thumbprint: 40 hex, contiguous or as 20 space/colon-separated pairs. */
export function normalizeThumbprint(s: string): NormalizedThumbprint | undefined {
  const { clean, marks } = stripInvisible(s);
  const trimmed = clean.replace(/^[\s"'`]+|[\s"'`]+$/g, '');
  if (
    !/^[0-9A-Fa-f]{40}$/.test(trimmed) &&
    !/^[0-9A-Fa-f]{2}(?:([ :])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){18})$/.test(trimmed)
  ) {
    return undefined;
  }
  return result(
    trimmed,
    marks.map((mark) => mark.ch),
  );
}

function result(hex: string, found: string[]): NormalizedThumbprint {
  const value = hex.replace(/[ :]/g, '').toUpperCase();
  if (found.length === 0) return { value, invisible: false };
  return { value, invisible: true, invisibleChars: [...new Set(found.map(codePoint))] };
}

interface Mark {
  /** Position in the cleaned string just after which the character stood. */
  at: number;
  ch: string;
}

const NO_MARKS: readonly Mark[] = [];

/** NBSP becomes a plain space (it separates pairs); the others are dropped. Slices, not characters: lines can be long. */
function stripInvisible(line: string): { clean: string; marks: Mark[] } {
  if (!INVISIBLE_TEST.test(line))
    return { clean: line.includes('\u3000') ? line.replace(/\u3000/g, ' ') : line, marks: [] };
  const marks: Mark[] = [];
  const parts: string[] = [];
  let length = 0;
  let last = 0;
  for (const match of matchesOf(INVISIBLE_ALL, line)) {
    const before = line.slice(last, match.index).replace(/\u3000/g, ' ');
    parts.push(before);
    length += before.length;
    marks.push({ at: length, ch: match[0] });
    if (match[0] === '\u00A0') {
      parts.push(' ');
      length++;
    }
    last = match.index + match[0].length;
  }
  parts.push(line.slice(last).replace(/\u3000/g, ' '));
  return { clean: parts.join(''), marks };
}

/** A value after one of these labels is a hash or number of something else (openssl s_client's Session-ID and Master-Key too), never the thumbprint. */
const NOT_A_THUMBPRINT_LABEL =
  /session[\s-]*id|master[\s-]*key|session[\s-]*ticket|serial\s*(?:number)?\s*[:=]|シリアル番号|名前ハッシュ|キー\s*ID|キー\s*識別子|key\s*id|keyid|key\s*identifier|name\s*hash|modulus|signature|public[\s-]*key|\bpub:|\bpriv:|localkeyid|container|sha-?(?:224|256|384|512)|md5/i;
/** openssl puts these values on the following, deeper-indented lines. */
const BLOCK_LABEL =
  /^(?:X509v3 )?(?:authority key identifier|subject key identifier|serial number|modulus|signature value|signature algorithm|signature|pub|priv|public key|public-key|bag attributes|key attributes)\b[^:]*:/i;

/**
 * certutil -dump prints an extension's name alone on a line and its value on the next, deeper one
 * (`Subject Key Identifier` / `    3f7a…`): that value is a key's hash, never the thumbprint.
 */
const LABEL_ALONE =
  /^(?:X509v3 )?(?:subject key identifier|authority key identifier|サブジェクト\s*キー識別子|機関キー識別子|key id hash\([^)]*\)|キー\s*ID\s*ハッシュ\([^)]*\))\s*:?\s*$/i;

const SPACED_PAIRS = /(?:[0-9A-Fa-f]{2}[ :]){19}[0-9A-Fa-f]{2}/;
const PAIRS = /[0-9A-Fa-f]{2}(?:[ :][0-9A-Fa-f]{2})+/g;
const WORDISH = /[0-9A-Za-z_+/]/;

/** Every thumbprint in the paste, outside PEM/base64 and the hex dumps that are not thumbprints. */
export const recognizeThumbprints: Recognizer = (text) => {
  // Most pastes hold no 40-digit run at all: one scan of the whole text says so.
  if (!hasHexRun(text, 40) && !SPACED_PAIRS.test(text) && !INVISIBLE_TEST.test(text)) return { thumbprints: [] };
  const blocks = armourBlocks(text);
  const lines = maskedLines(text, [...blocks, ...bareBase64Blocks(text, 60, blocks)]);
  const found = new Map<string, NormalizedThumbprint>();
  let excludeDeeperThan = -1;
  // The line after a label alone is its value even when a chat app stripped the indentation.
  let excludeNext = false;
  let skipped = false;
  // What each line would be cleaned of, looked for once in the whole text: most pastes have none.
  const hasReturns = text.includes('\r');
  const hasWideColons = text.includes('：');
  const plain = !INVISIBLE_TEST.test(text) && !text.includes('\u3000');
  for (const rawLine of lines) {
    if (found.size >= LIMITS.thumbprints) {
      skipped = true;
      break;
    }
    let cut = hasReturns ? rawLine.replace(/\r$/, '') : rawLine;
    if (hasWideColons) cut = cut.replace(/：/g, ':');
    const { clean: line, marks } = plain ? { clean: cut, marks: NO_MARKS } : stripInvisible(cut);
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    if (excludeNext) {
      excludeNext = false;
      continue;
    }
    if (excludeDeeperThan >= 0 && indent > excludeDeeperThan) continue;
    const alone = LABEL_ALONE.test(line.trim());
    excludeDeeperThan = alone || (line.includes(':') && BLOCK_LABEL.test(line.trimStart())) ? indent : -1;
    if (alone) {
      excludeNext = true;
      continue;
    }
    for (const run of candidateRuns(line)) {
      if (NOT_A_THUMBPRINT_LABEL.test(line.slice(Math.max(0, run.start - 60), run.start))) continue;
      const reach = leadingSpaceStart(line, run.start);
      const hits = marks.filter((mark) => mark.at >= reach && mark.at <= run.end).map((mark) => mark.ch);
      const tp = result(line.slice(run.start, run.end), hits);
      const seen = found.get(tp.value);
      found.set(tp.value, seen ? merge(seen, tp) : tp);
    }
  }
  const thumbprints = [...found.values()];
  return skipped ? { thumbprints, notes: [restSkipped('thumbprints', thumbprints.length)] } : { thumbprints };
};

function candidateRuns(line: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  // Both shapes are at least 40 characters long.
  if (line.length < 40) return runs;
  for (const { start, end } of hexRuns(line, 40)) {
    if (end - start === 40 && bounded(line, start, end)) runs.push({ start, end });
  }
  for (const match of matchesOf(PAIRS, line)) {
    const run = match[0];
    if (run.length !== 59 || (run.includes(' ') && run.includes(':'))) continue;
    if (bounded(line, match.index, match.index + run.length)) runs.push({ start: match.index, end: match.index + 59 });
  }
  return runs;
}

/** Not glued to other word or base64 characters (a base64 line can hold 40 hex digits in a row). */
function bounded(line: string, start: number, end: number): boolean {
  const before = line[start - 1];
  const after = line[end];
  return !(before && WORDISH.test(before)) && !(after && (WORDISH.test(after) || after === '='));
}

function leadingSpaceStart(line: string, start: number): number {
  let i = start;
  while (i > 0 && line[i - 1] === ' ') i--;
  return i;
}

function merge(a: NormalizedThumbprint, b: NormalizedThumbprint): NormalizedThumbprint {
  if (!b.invisible) return a;
  if (!a.invisible) return b;
  return { ...a, invisibleChars: [...new Set([...(a.invisibleChars ?? []), ...(b.invisibleChars ?? [])])] };
}
