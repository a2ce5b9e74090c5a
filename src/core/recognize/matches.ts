/**
 * Every match of a global regex, in the order and with the results String.prototype.matchAll gives,
 * without the copy of the regex that matchAll makes on every call: for the catalogue's long patterns
 * (every event source, every message template) that copy costs more than scanning a short paste, and
 * a diagnosis makes dozens of such scans. The position is kept here and set before each exec, so one
 * scan may run inside another scan of the same regex.
 */
export function* matchesOf(regex: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  // matchAll refuses a regex without the g flag too: exec would then find the first match forever.
  if (!regex.global) throw new TypeError('matchesOf needs a global regex');
  let from = 0;
  try {
    while (from <= text.length) {
      regex.lastIndex = from;
      const match = regex.exec(text);
      if (!match) return;
      from = regex.lastIndex;
      // An empty match would be found again at the same place: step over it as matchAll does.
      if (match[0] === '') from = nextIndex(text, from, regex.unicode || regex.flags.includes('v'));
      yield match;
    }
  } finally {
    // As matchAll leaves it: whoever uses the regex next starts from the beginning.
    regex.lastIndex = 0;
  }
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
