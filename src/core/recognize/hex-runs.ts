/**
 * The thumbprint-shaped runs of hex digits a paste holds, looked for by a plain scan. A regex such
 * as /[0-9A-Fa-f]{40}/ starts again at every character of a run of hex letters that falls short
 * (English words are full of a–f), so over a whole paste it reads most characters many times; the
 * recognisers ask these questions of every paste before deciding whether to read it at all.
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

/**
 * `/(?:[0-9A-Fa-f]{2}[ :]){19}[0-9A-Fa-f]{2}/.test(text)`: twenty pairs of hex digits, each but the
 * last followed by a space or a colon, counting the pairs in a row that end just before each
 * position, for each of the three offsets a pair can start at.
 */
export function hasHexPairs(text: string): boolean {
  // One count per offset modulo 3, in locals: this runs over every character of every paste.
  let chain0 = 0;
  let chain1 = 0;
  let chain2 = 0;
  let slot = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    let chain = slot === 0 ? chain0 : slot === 1 ? chain1 : chain2;
    const pair = isHex(text.charCodeAt(i)) && isHex(text.charCodeAt(i + 1));
    // Nineteen separated pairs before this one, and this one ends the run.
    if (pair && chain >= 19) return true;
    const after = text.charCodeAt(i + 2); // NaN past the end
    chain = pair && (after === 0x20 || after === 0x3a) ? chain + 1 : 0;
    if (slot === 0) chain0 = chain;
    else if (slot === 1) chain1 = chain;
    else chain2 = chain;
    slot = slot === 2 ? 0 : slot + 1;
  }
  return false;
}
