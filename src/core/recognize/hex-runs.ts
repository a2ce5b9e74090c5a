/**
 * Runs of hex digits as long as a thumbprint, looked for by a plain scan. A regex such as
 * /[0-9A-Fa-f]{40}/ starts again at every character of a run of hex letters that falls short
 * (English words are full of a–f, base64 more so), so over a whole paste it reads most characters
 * many times; the recognisers ask this of every paste before deciding whether to read it at all.
 * The spaced shape (`AB CD …`) stays a regex: measured, the engine reads that one faster than a scan.
 */

const HEX = new Uint8Array(128);
for (const ch of '0123456789abcdefABCDEF') HEX[ch.charCodeAt(0)] = 1;

function isHex(code: number): boolean {
  return code < 128 && HEX[code] === 1;
}

/** `/[0-9A-Fa-f]{length}/.test(text)`. */
export function hasHexRun(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isHex(text.charCodeAt(i))) run = 0;
    else if (++run >= length) return true;
  }
  return false;
}

/** Every maximal run of at least `length` hex digits, as `/[0-9A-Fa-f]{length,}/g` finds them. */
export function hexRuns(text: string, length: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isHex(text.charCodeAt(i))) continue;
    if (i - start >= length) runs.push({ start, end: i });
    start = i + 1;
  }
  return runs;
}
