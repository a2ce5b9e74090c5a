import { collapseBlankLines, mayHaveBlankRuns } from './blank-lines.js';
const WIDE_PUNCTUATION = /[：\u3000［］‘’“”]/;
const WIDE_PUNCTUATION_ALL = /[：\u3000［］‘’“”]/g;
const NARROW: Readonly<Record<string, string>> = {
  '：': ':',
  '\u3000': ' ',
  '［': '[',
  '］': ']',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
};
const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * What Slack and copy-paste do to text, undone before any recogniser reads it: CRLF, HTML
 * entities, auto-links, code fences and quote markers, full-width punctuation. Invisible marks
 * are kept: the thumbprint recogniser must see them to warn about them.
 */
export function normalizePaste(raw: string): string {
  // Each rewrite runs only when the character it rewrites is there: most pastes need none of them,
  // and a regex replace reads the whole paste even when it changes nothing.
  let text = raw.includes('\r') ? unixLineEnds(raw) : raw;
  if (text.includes('<')) text = undoSlackLinks(text);
  // One pass per rewrite, not one per character: what a rewrite writes is never matched by another.
  if (text.includes('&'))
    text = text.replace(/&(?:lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!).replace(/&amp;/g, '&');
  if (text.includes('```')) text = text.replace(/^[ \t]*```[a-zA-Z]*[ \t]*$/gm, '').replace(/```/g, '\n');
  if (text.includes('>') || text.includes('&gt;')) text = text.replace(/^&gt; ?|^> (?=\S)/gm, '');
  return WIDE_PUNCTUATION.test(text) ? text.replace(WIDE_PUNCTUATION_ALL, (ch) => NARROW[ch]!) : text;
}

/** LF line ends; a long run of blank CRLF lines is cut before the rewrite, which would pay for every pair. */
function unixLineEnds(raw: string): string {
  const cut = mayHaveBlankRuns(raw) ? collapseBlankLines(raw) : raw;
  return cut.replace(/\r\n?/g, '\n');
}

/**
 * Slack wraps what it takes for links: `<http://mail.contoso.com|mail.contoso.com>`,
 * `<mailto:a@b.c|a@b.c>`, `<http://x.y>`. Only well-formed link tokens are unwrapped, so that
 * the `<I>issuer<S>subject` of a 12014 event survives.
 */
function undoSlackLinks(text: string): string {
  return text
    .replace(/<(?:https?|mailto|tel):[^<>|\s]{1,2000}\|([^<>]{1,2000})>/g, '$1')
    .replace(/<((?:https?|mailto):[^<>|\s]{1,2000})>/g, (_, url: string) => url.replace(/^mailto:/, ''));
}

const PRIVATE_KEY_BLOCK =
  /-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY)-----[\s\S]*?(?:-----END \1-----|$)/g;

/**
 * Removes the body of every private-key block, keeping a marker so that a later diagnosis of the
 * same text still says a key was pasted. Use before caching, logging or re-posting any paste.
 */
export function redactPrivateKeys(text: string): string {
  return text.replace(
    PRIVATE_KEY_BLOCK,
    (_, label: string) => `-----BEGIN ${label}-----\n[removed by certcheck]\n-----END ${label}-----`,
  );
}

/**
 * True when the text is written partly in Japanese: the reply follows the paste's language. A word,
 * not a stray character: binary bytes decoded as text, or one kanji in an English log, do not count.
 */
export function looksJapanese(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const replaced = sample.match(/\uFFFD/g)?.length ?? 0;
  if (replaced > 8 && replaced > sample.length / 200) return false;
  return /[\u3040-\u30ff\u4e00-\u9fff]{2}/.test(sample) && hasJapaneseCharacters(sample, 3);
}

/** At least `count` kana or kanji: counted until there are enough, not listed (a Japanese paste is all of them). */
function hasJapaneseCharacters(text: string, count: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) && ++found >= count) return true;
  }
  return false;
}
