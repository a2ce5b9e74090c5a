import { type CatalogueEntry, findCatalogueEntry } from '../knowledge/event-catalogue.js';
import type { TemplateField } from '../knowledge/message-template.js';

/**
 * Event 12014 in every wording seen in real logs: "could not find" (2010+), "couldn't find" (2007 and
 * several later builds), the apostrophe straight or curly, the text wrapped by a console or a mail
 * client, the domain, connector and FQDN parameters each possibly EMPTY ("contains the domain name
 * in the personal store", "a FQDN parameter of ."), and the Japanese text of Exchange 2007. An empty
 * parameter is captured as empty, never as the word next to it: the reply must say it is empty and
 * how to find the value, not build a command on "If" or "in".
 */

export interface Wording12014Match {
  entry: CatalogueEntry;
  start: number;
  end: number;
  lang: 'en' | 'ja';
  captures: Partial<Record<TemplateField, string>>;
  /** Parameters the event printed but left empty. */
  empty: ('domain' | 'fqdn' | 'connector')[];
}

/** Between words: spaces, or a line break where a console or mail client wrapped the text. */
const W = '(?:[ \\t]+(?:\\n[ \\t>]*)?|[ \\t]*\\n[ \\t>]*)';
const S = '[ \\t]*(?:\\n[ \\t>]*)?';
const words = (text: string) => text.split(' ').join(W);
const COULD_NOT = `(?:could${W}not|couldn't|couldn’t)`;

/**
 * A text is a chain of fixed phrases with a parameter between each two. Each phrase is looked up
 * forward from where the last one ended (and remembered), so that no parameter is scanned twice: a
 * paste of the opening words repeated a thousand times stays linear.
 */
interface Wording {
  lang: 'en' | 'ja';
  /** Opens the text. */
  open: RegExp;
  /** Then, in order: the parameter's name, the phrase that ends it, how far the phrase may be. */
  steps: readonly { name: 'domain' | 'connector' | 'fqdn'; close: RegExp; reach: number }[];
  /** After the last parameter: the end of the sentence (the text may also stop there). */
  tail?: { name: 'fqdn'; close: RegExp; reach: number };
}

const ENGLISH: Wording = {
  lang: 'en',
  open: new RegExp(
    `\\bMicrosoft${W}Exchange${W}${COULD_NOT}${W}${words('find a certificate that contains the domain name')}`,
    'gi',
  ),
  steps: [
    { name: 'domain', close: new RegExp(words('in the personal store on the local computer'), 'gi'), reach: 1400 },
    {
      name: 'connector',
      // The second sentence may be cut off (a table column, a truncated copy).
      close: new RegExp(words('with a FQDN parameter of'), 'gi'),
      reach: 500,
    },
  ],
  tail: { name: 'fqdn', close: /\.?(?:[ \t]*(?:\n[ \t>]*)?)(?:If\b|\n\s*\n)|\.?\s*$/g, reach: 1400 },
};
/** Between the domain's phrase and the connector's: "Therefore, it is unable … for the connector". */
const ENGLISH_MIDDLE = new RegExp(
  `\\.${S}${words('Therefore, it is unable to support the STARTTLS SMTP verb for the connector')}`,
  'iy',
);

const JAPANESE: Wording = {
  lang: 'ja',
  open: /(?:ローカル\s*コンピュータ[ー]?の個人用ストアに\s*)?ドメイン名/g,
  steps: [
    { name: 'domain', close: /を含む証明書が見つかりません(?:でした)?。?/g, reach: 1400 },
    { name: 'fqdn', close: /のコネクタ/g, reach: 1400 },
    { name: 'connector', close: /に対する\s*STARTTLS/g, reach: 500 },
  ],
};
/** Between the domain's phrase and the FQDN's: "このため、FQDN パラメータが". */
const JAPANESE_MIDDLE = /[^\n]{0,40}?FQDN\s*パラメータ[ー]?が/y;

/** Every 12014 text in the paste, its parameters as printed (an empty one as ''). */
export function find12014Texts(text: string, limit: number): Wording12014Match[] {
  const entry = findCatalogueEntry(12014);
  if (!entry) return [];
  const found: Wording12014Match[] = [];
  if (/contains\s+the\s+domain\s+name/i.test(text)) read(text, ENGLISH, ENGLISH_MIDDLE, entry, limit, found);
  if (text.includes('を含む証明書が見つかりません')) read(text, JAPANESE, JAPANESE_MIDDLE, entry, limit, found);
  return found;
}

function read(
  text: string,
  wording: Wording,
  middle: RegExp,
  entry: CatalogueEntry,
  limit: number,
  found: Wording12014Match[],
): void {
  const next = new Map<RegExp, { from: number; at: number; end: number }>();
  /** The first match of `phrase` at or after `from`, remembered: later calls ask from further on. */
  const nextMatch = (phrase: RegExp, from: number): { at: number; end: number } | undefined => {
    const known = next.get(phrase);
    if (known && known.from <= from && (known.at < 0 || known.at >= from)) return known.at < 0 ? undefined : known;
    phrase.lastIndex = from;
    const match = phrase.exec(text);
    const result = match ? { from, at: match.index, end: match.index + match[0].length } : { from, at: -1, end: -1 };
    next.set(phrase, result);
    return match ? result : undefined;
  };
  wording.open.lastIndex = 0;
  for (let open = wording.open.exec(text); open && found.length < limit; open = wording.open.exec(text)) {
    const captures: Partial<Record<TemplateField, string>> = {};
    const empty: Wording12014Match['empty'] = [];
    const keep = (name: 'domain' | 'connector' | 'fqdn', value: string) => {
      const clean = unwrap(value);
      if (clean === '') empty.push(name);
      else captures[name] = clean;
    };
    let pos = open.index + open[0].length;
    let complete = true;
    for (const [index, step] of wording.steps.entries()) {
      if (index === 1) {
        middle.lastIndex = pos;
        const bridge = middle.exec(text);
        if (!bridge) {
          complete = false;
          break;
        }
        pos = bridge.index + bridge[0].length;
      }
      const close = nextMatch(step.close, pos);
      if (!close || close.at - pos > step.reach) {
        if (index === 0) pos = -1;
        complete = false;
        break;
      }
      const value = text.slice(pos, close.at);
      // A domain is one name (or an <I>…<S>… value): Japanese prose between the two phrases means the
      // opening words were the admin's own ("ドメイン名が空欄なのですが…"), not the event's.
      if (index === 0 && !value.trimStart().startsWith('<I>') && /[。、\u3040-\u30ff\u4e00-\u9fff]/.test(value)) {
        pos = -1;
        break;
      }
      keep(step.name, value);
      pos = close.end;
    }
    if (pos < 0) continue;
    if (complete && wording.tail) {
      const close = nextMatch(wording.tail.close, pos);
      if (close && close.at - pos <= wording.tail.reach) {
        keep(wording.tail.name, text.slice(pos, close.at));
        pos = close.at;
      }
    }
    found.push({ entry, start: open.index, end: pos, lang: wording.lang, captures, empty });
    wording.open.lastIndex = Math.max(wording.open.lastIndex, pos);
  }
}

/** A value wrapped over lines is one value; a lone full stop is the sentence's, not the value's. */
function unwrap(value: string): string {
  return value
    .replace(/\s*\n[\s>]*/g, ' ')
    .trim()
    .replace(/^[.。]$/, '');
}
