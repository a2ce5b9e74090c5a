import { LIMITS } from './limits.js';

/**
 * Where a paste holds encoded blobs: PEM armour (`-----BEGIN X-----` … `-----END X-----`, anywhere on
 * a line, even all on one line) and bare base64 runs. Shared by the PEM recogniser, which decodes
 * them, and the thumbprint recogniser, which must not read hex out of them.
 */
export interface ArmourBlock {
  label: string;
  start: number;
  end: number;
  /** The text between the markers (for a block without END, what follows BEGIN). */
  body: string;
  complete: boolean;
}

export interface TextRange {
  start: number;
  end: number;
}

const BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 ]{0,40}?)-----/g;
const BASE64_LINE = /^[\s>`]*[A-Za-z0-9+/]+={0,2}[\s`]*$/;
const KEY_HEADER_LINE = /^\s*(?:Proc-Type|DEK-Info|Comment):/;

export function isPrivateKeyLabel(label: string): boolean {
  return /PRIVATE KEY/.test(label);
}

export function armourBlocks(text: string): ArmourBlock[] {
  return readArmour(text).blocks;
}

/** The armour blocks, at most LIMITS.certificateBlocks of them; `more` when the paste held others. */
export function readArmour(text: string): { blocks: ArmourBlock[]; more: boolean } {
  const blocks: ArmourBlock[] = [];
  if (!text.includes('-----BEGIN ')) return { blocks, more: false };
  // The next END of each label, found once: searching from every BEGIN of a paste of BEGINs without
  // END would read the rest of the paste again for each one.
  const nextEnd = new Map<string, number>();
  const endFrom = (marker: string, from: number): number => {
    const known = nextEnd.get(marker);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const found = text.indexOf(marker, from);
    nextEnd.set(marker, found);
    return found;
  };
  BEGIN.lastIndex = 0;
  for (let match = BEGIN.exec(text); match; match = BEGIN.exec(text)) {
    if (blocks.length >= LIMITS.certificateBlocks) return { blocks, more: true };
    const label = match[1]!;
    const bodyStart = match.index + match[0].length;
    const endMarker = `-----END ${label}-----`;
    const endAt = endFrom(endMarker, bodyStart);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (endAt >= 0 && (nextBegin < 0 || endAt < nextBegin)) {
      blocks.push({
        label,
        start: match.index,
        end: endAt + endMarker.length,
        body: text.slice(bodyStart, endAt),
        complete: true,
      });
      BEGIN.lastIndex = endAt + endMarker.length;
    } else {
      // Truncated: the block runs on while its lines still look like base64 (or key headers).
      const end = base64TailEnd(text, bodyStart, nextBegin < 0 ? text.length : nextBegin);
      blocks.push({ label, start: match.index, end, body: text.slice(bodyStart, end), complete: false });
      BEGIN.lastIndex = Math.max(end, bodyStart);
    }
  }
  return { blocks, more: false };
}

function base64TailEnd(text: string, from: number, limit: number): number {
  let pos = from;
  while (pos < limit) {
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline < 0 || newline >= limit ? limit : newline;
    const line = text.slice(pos, lineEnd);
    const blank = line.trim() === '';
    // The rest of the BEGIN line is part of the block; after it, stop at the first non-base64 line.
    if (pos !== from && !blank && !BASE64_LINE.test(line) && !KEY_HEADER_LINE.test(line)) return pos;
    pos = lineEnd + 1;
  }
  return limit;
}

/**
 * Runs of base64-only lines (one long line, or wrapped) that start like DER (`MI…`: a SEQUENCE), in
 * the text as `maskRanges(text, masked)` would give it. Only a run whose first base64 character is
 * an `M` can be one, so the scan jumps from `M` to `M` and reads just the lines around each: a long
 * paste of prose or logs is not tested line by line.
 */
export function bareBase64Blocks(
  text: string,
  minLength = 200,
  masked: readonly TextRange[] = [],
): (TextRange & { body: string })[] {
  const view = maskedView(text, masked);
  const out: (TextRange & { body: string })[] = [];
  let from = 0;
  for (let at = view.nextM(0); at >= 0; at = view.nextM(from)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let runEnd = lineEndAt(text, at);
    from = runEnd + 1;
    if (!BASE64_LINE.test(view.slice(lineStart, runEnd))) continue;
    // The run this line belongs to: back to its first base64 line (none of which held an `M`
    // before this one, or it would have been read already), then on to its last.
    let runStart = lineStart;
    while (runStart > 0) {
      const previous = text.lastIndexOf('\n', runStart - 2) + 1;
      if (!BASE64_LINE.test(view.slice(previous, runStart - 1))) break;
      runStart = previous;
    }
    while (runEnd < text.length) {
      const next = lineEndAt(text, runEnd + 1);
      if (!BASE64_LINE.test(view.slice(runEnd + 1, next))) break;
      runEnd = next;
    }
    from = runEnd + 1;
    const body = view.slice(runStart, runEnd).replace(/[^A-Za-z0-9+/=]/g, '');
    if (body.length >= minLength && body.startsWith('MI')) out.push({ start: runStart, end: runEnd, body });
  }
  return out;
}

/**
 * The text with ranges blanked, read without building it (a copy of a long paste costs more than
 * the whole scan): blanking keeps every newline where it was, so only a slice that meets a range is
 * rebuilt, and an `M` inside a range is skipped.
 */
function maskedView(text: string, ranges: readonly TextRange[]) {
  const merged: [number, number][] = [];
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (end <= start) continue;
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  /** The first merged range that ends after `offset`. */
  const rangeAfter = (offset: number): number => {
    let low = 0;
    let high = merged.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (merged[mid]![1] <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return {
    /** Whether [start, end) meets a range. */
    meets: (start: number, end: number): boolean => (merged[rangeAfter(start)]?.[0] ?? end) < end,
    nextM(from: number): number {
      let at = text.indexOf('M', from);
      while (at >= 0) {
        const range = merged[rangeAfter(at)];
        if (!range || at < range[0]) return at;
        at = text.indexOf('M', range[1]);
      }
      return at;
    },
    slice(start: number, end: number): string {
      let pos = start;
      const parts: string[] = [];
      for (let i = rangeAfter(start); i < merged.length && merged[i]![0] < end; i++) {
        const [from, to] = merged[i]!;
        const blankFrom = Math.max(from, pos);
        const blankTo = Math.min(to, end);
        parts.push(text.slice(pos, blankFrom), blank(text.slice(blankFrom, blankTo)));
        pos = blankTo;
      }
      if (parts.length === 0) return text.slice(start, end);
      parts.push(text.slice(pos, end));
      return parts.join('');
    },
  };
}

function lineEndAt(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** `maskRanges(text, ranges).split('\n')`, rebuilding only the lines that meet a range. */
export function maskedLines(text: string, ranges: readonly TextRange[]): string[] {
  const lines = text.split('\n');
  if (ranges.length === 0) return lines;
  const view = maskedView(text, ranges);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const end = offset + lines[i]!.length;
    if (view.meets(offset, end)) lines[i] = view.slice(offset, end);
    offset = end + 1;
  }
  return lines;
}

/** Every character but the newlines as a space (what `replace(/[^\n]/g, ' ')` does, without a regex per character). */
function blank(text: string): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}
