import { matchesOf } from './matches.js';

/**
 * The server the admin names in their own words: "Exchange 2019 CU14, EX19-02.", "Exchange 2013 CU23
 * (EX13-01, CAS+Mailbox)", "server EX16-WEB2", "サーバーは EXJ-HUB01 です". Only a name written as
 * Exchange servers are (capitals, digits and hyphens, with a digit) right after those words counts
 * (「Exchange 2019 CU14 の EXJ19-01」 too), and so does each name of a list there or alone in parentheses
 * ("(EX13-01, EX13-02)", 「（EX2019-01、EX2019-02）」): a step every server needs is given to each;
 * a sentence naming more than a few is left alone rather than guessed from.
 */
const NAME = '[A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3}';
/** Between two names of one list: "EX01, EX02", "EX01 and EX02", 「EX01、EX02」「EX01・EX02」「EX01/EX02」「EX01 と EX02」. */
const SEPARATOR = '\\s*(?:[,、・/]|\\s(?:and|&)\\s|と)\\s*';
const LIST = `(${NAME}(?:${SEPARATOR}${NAME}){0,5})`;
const END = '(?![\\w-]|\\.\\w)';
const PATTERNS: readonly { pattern: RegExp; fewest: number; siblings?: boolean }[] = [
  {
    pattern: new RegExp(
      `\\bExchange(?:\\s+Server)?\\s+(?:2007|2010|2013|2016|2019|SE)(?:\\s+(?:SP|CU|RU)\\s?\\d{1,2}){0,2}\\s*(?:[,(（:、]|の)\\s*${LIST}${END}`,
      'g',
    ),
    fewest: 1,
  },
  // The release, a few words of role, then the name in parentheses: 「Exchange 2013 CU23 の CAS/Mailbox 兼用 (EXCH01)」,
  // "Exchange 2019 CU14 multi-role server (EX19-01)".
  {
    pattern: new RegExp(
      `\\bExchange(?:\\s+Server)?\\s+(?:2007|2010|2013|2016|2019|SE)(?:\\s+(?:SP|CU|RU)\\s?\\d{1,2}){0,2}[^()（）\\n。.]{1,30}?[(（]\\s*${LIST}\\s*[)）]`,
      'g',
    ),
    fewest: 1,
  },
  { pattern: new RegExp(`\\b[Ss]ervers?(?:\\s+name)?(?:\\s+is)?\\s*:?\\s+${LIST}${END}`, 'g'), fewest: 1 },
  // 「サーバーは EXJ-HUB01」「サーバー名: EX01」, and 「(Exchange 2019 CU14, サーバー EX19-HY01)」 without は.
  { pattern: new RegExp(`サーバー(?:名)?\\s*(?:は|:|：)?\\s*${LIST}${END}`, 'g'), fewest: 1 },
  // A list of servers alone in parentheses, 「（EX2019-01、EX2019-02）」 or "(EX01 and EX02)": a single
  // word in parentheses is too often something else to count.
  { pattern: new RegExp(`[(（]\\s*${LIST}\\s*[)）]`, 'g'), fewest: 2 },
  // A list the admin counts: 「EXJ01 と EXJ02 の 2 台構成」.
  { pattern: new RegExp(`(?<![\\w-])${LIST}\\s*の?\\s*\\d\\s*台`, 'g'), fewest: 2 },
  // The servers that hold the same certificate: "Same cert on EXSE02", "EXSE02 has the same cert",
  // 「EXSV02 にも同じ証明書」. Each of them needs the renewal too.
  {
    pattern: new RegExp(
      `\\bsame\\s+cert(?:ificate)?s?\\s+(?:is\\s+|are\\s+)?(?:also\\s+)?(?:on|in|installed\\s+on|imported\\s+on)\\s+(?:the\\s+)?${LIST}${END}`,
      'gi',
    ),
    fewest: 1,
  },
  {
    pattern: new RegExp(
      `(?<![\\w-])${LIST}\\s+(?:also\\s+)?(?:has|have|holds?|uses?|carr(?:y|ies))\\s+the\\s+same\\s+cert`,
      'g',
    ),
    fewest: 1,
  },
  { pattern: new RegExp(`(?<![\\w-])${LIST}\\s*(?:に|にも|も)\\s*(?:同じ|同一の)\\s*証明書`, 'g'), fewest: 1 },
  // Numbered servers of one name side by side, anywhere: "EX01/EX02 are 2019 CU14", 「EXJ01・EXJ02 は」.
  { pattern: new RegExp(`(?<![\\w\\\\-])${LIST}${END}`, 'g'), fewest: 2, siblings: true },
];

/** Names that differ only in their number (EX01, EX02; MBX-1, MBX-2): one admin's servers. */
function siblings(names: readonly string[]): boolean {
  const stems = new Set(names.map((n) => /^(.*?)\d+$/.exec(n)?.[1] ?? n));
  const [stem = ''] = stems;
  // Domain controllers, CA intermediates (R10/R11, E5/E6) and releases are numbered too.
  if (stem.length < 2 || /^(?:DC|ADC?|ADFS|SQL|LB|FW|CA|TLS|SHA|CU|SP|RU|KB|WIN|SRV-DC)-?$/.test(stem)) return false;
  return stems.size === 1 && new Set(names).size === names.length;
}
const SPLIT = new RegExp(SEPARATOR);
/** Words that fit the shape but name no server. */
const NOT_A_SERVER =
  /^(?:SP\d+|CU\d+|RU\d+|TLS\d*|SHA\d+|RSA\d+|HTTP\d*|SMTP\d*|IIS\d*|KB\d+|W\d+|[A-Z]\d|[A-Z]{1,3})$/;
const MOST = 3;

/**
 * A run of servers written as a range, "EX01-EX03", or "EXDAG01-03" where the admin also gives that
 * many servers ("3 mailbox servers"): each of them. Otherwise "SRV01-02" is one server's name.
 */
function expandRange(name: string, count: number | undefined): string[] {
  const range = /^([A-Z][A-Z0-9]*?)(\d{1,3})-(\1)?(\d{1,3})$/.exec(name);
  if (!range) return [name];
  const [, prefix = '', first = '', repeated, last = ''] = range;
  const from = Number(first);
  const to = Number(last);
  if (first.length !== last.length || to <= from || to - from > 5 || !/[A-Z]$/.test(prefix)) return [name];
  if (!repeated && count !== to - from + 1) return [name];
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${prefix}${String(n).padStart(first.length, '0')}`);
  return out;
}

/**
 * How many servers the admin says serve the names: "DAG of 3", "3-node DAG", "three mailbox servers",
 * "both servers", 「3 台の DAG」「DAG 3 台」「3 台構成」. Undefined when the paste gives no number.
 */
const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, both: 2 };
const COUNT_PATTERNS: readonly RegExp[] = [
  /\bDAG\s+(?:of|with)\s+(\d|two|three|four|five|six)\b/i,
  /\b(\d|two|three|four|five|six)[- ](?:node|member|server)\s+DAG\b/i,
  /\b(\d|two|three|four|five|six|both)\s+(?:of\s+(?:our|the)\s+)?(?:Exchange\s+|mailbox\s+|MBX\s+|CAS\s+)?servers\b/i,
  /(\d)\s*台(?:の|で|構成)/,
  /DAG\s*(?:は|が)?\s*[(（]?\s*(\d)\s*台/,
];

export function readServerCount(text: string): number | undefined {
  for (const pattern of COUNT_PATTERNS) {
    const word = pattern.exec(text)?.[1]?.toLowerCase();
    if (!word) continue;
    const count = COUNT_WORDS[word] ?? Number(word);
    if (count >= 2 && count <= 6) return count;
  }
  return undefined;
}

export function readProseServerNames(text: string): string[] {
  const count = readServerCount(text);
  const names: string[] = [];
  for (const { pattern, fewest, siblings: alike } of PATTERNS) {
    let seen = 0;
    for (const match of matchesOf(pattern, text)) {
      if (++seen > 20) break;
      const listed = (match[1] ?? '').split(SPLIT).flatMap((name) => expandRange(name, count));
      if (listed.length < fewest) continue;
      if (alike && !siblings(listed)) continue;
      for (const name of listed) {
        if (!name || !/\d/.test(name) || NOT_A_SERVER.test(name)) continue;
        if (!names.includes(name)) names.push(name);
      }
    }
  }
  return names.length <= MOST ? names : [];
}

/**
 * The AD site an Edge subscription is imported for: `Site : contoso.com/Configuration/Sites/HQ`
 * (Get-ExchangeServer | fl), `-Site 'HQ'` in a pasted command, a queue's `edgesync - HQ to internet`, or the admin's "site Default-First-Site-Name"
 * / 「サイトは Tokyo-Site」. In prose only a hyphenated name counts: "site" is a common word.
 */
const SITE_PATTERNS: readonly RegExp[] = [
  /\/Configuration\/Sites\/([A-Za-z0-9][A-Za-z0-9-]{0,62})\b/,
  /-Site\s+['"]?([A-Za-z0-9][A-Za-z0-9-]{0,62})\b/,
  // The send connector EdgeSync makes for a site, as a queue's NextHopDomain prints it (lower case:
  // AD site names are not case-sensitive).
  /\bEdgeSync\s+-\s+([A-Za-z0-9][A-Za-z0-9-]{0,62})\s+to\s+Internet\b/i,
  /\b(?:AD\s+)?[Ss]ite(?:\s+name)?\s*(?:is\s+|:\s*)?([A-Za-z0-9]{1,30}(?:-[A-Za-z0-9]{1,30}){1,6})\b/,
  /サイト(?:名)?\s*(?:は|:|：|\s)\s*([A-Za-z0-9]{1,30}(?:-[A-Za-z0-9]{1,30}){0,6})\b/,
  // A one-word site the admin names by what the Edge is subscribed to: "subscribed to site HQ",
  // "the AD site is HQ", 「HQ サイトにサブスクライブ」, 「AD サイト「HQ」」.
  /\bsubscribed\s+(?:to|in|for)\s+(?:the\s+)?(?:AD\s+|Active\s+Directory\s+)?site\s+['"“]?([A-Za-z0-9][A-Za-z0-9-]{0,62})\b/i,
  /\b(?:AD|Active\s+Directory)\s+site\s+(?:is\s+|named\s+|called\s+|:\s*)?['"“]?([A-Z0-9][A-Za-z0-9-]{0,62})\b/,
  /(?:AD\s*)?サイト\s*[「『"']([A-Za-z0-9][A-Za-z0-9-]{0,62})[」』"']/,
  /(?<![\w-])([A-Z][A-Za-z0-9-]{0,62})\s*サイト\s*(?:に|へ|で)\s*サブスクライブ/,
];

export function readAdSite(text: string): string | undefined {
  for (const pattern of SITE_PATTERNS) {
    const site = pattern.exec(text)?.[1];
    if (site) return site;
  }
  return undefined;
}
