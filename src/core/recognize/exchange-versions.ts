import type { ExchangeRelease, VersionHint } from './evidence.js';

/**
 * Exchange releases from build numbers and from words. 8.x is 2007, 14.x 2010, 15.0 2013, 15.1 2016,
 * 15.2 2019, and Subscription Edition shares 15.2 from build 2562 on.
 */
export function releaseFromBuild(major: number, minor: number, build?: number): ExchangeRelease | undefined {
  if (major === 8) return '2007';
  if (major === 14) return '2010';
  if (major !== 15) return undefined;
  if (minor === 0) return '2013';
  if (minor === 1) return '2016';
  if (minor === 2) return build !== undefined && build >= 2562 ? 'SE' : '2019';
  return undefined;
}

/** The coarse version the plans choose commands by. */
export function versionOf(release: ExchangeRelease): VersionHint['version'] {
  if (release === '2007') return '2007';
  if (release === '2010') return '2010';
  return '2013+';
}

/** `15.2.1544.37`, `15.02.1544.037`, `Version 15.0 (Build 1497.2)`, `8.3 (Build 83.6)`. */
const BUILD = /\b(8|14|15)\.0?([0-3])(?:\.(\d{1,4})\.\d{1,4}\b|\s*\(Build\s+(\d{1,4})\.\d{1,4}\))/i;

export function hintFromBuild(text: string, reason: string, server?: string): VersionHint | undefined {
  const match = BUILD.exec(text);
  if (!match) return undefined;
  const build = Number(match[3] ?? match[4]);
  const release = releaseFromBuild(Number(match[1]), Number(match[2]), Number.isNaN(build) ? undefined : build);
  if (!release) return undefined;
  return {
    version: versionOf(release),
    release,
    reason,
    strength: 'strong',
    quote: match[0].trim(),
    ...(server ? { server } : {}),
  };
}

/** "Exchange 2010 SP3", "Exchange Server 2016 CU23", "2019 CU14", "Exchange SE", "Exchange 2007 SP1 です". */
const NAMED =
  /\b(?:(?:Microsoft\s+)?Exchange(?:\s+Server)?\s+(2007|2010|2013|2016|2019|SE\b|Subscription\s+Edition|サブスクリプション\s?エディション)(?:\s+(?:SP|CU|RU)\s?\d{1,2})?|(2007|2010|2013|2016|2019)\s+(?:SP|CU|RU)\s?\d{1,2})(?![A-Za-z0-9])/i;

export function hintFromWords(text: string, reason: string, server?: string): VersionHint | undefined {
  const match = NAMED.exec(text);
  if (!match) return undefined;
  const year = (match[1] ?? match[2] ?? '').toUpperCase();
  const release: ExchangeRelease = /^(SE|SUBSCRIPTION|サブスクリプション)/.test(year) ? 'SE' : (year as ExchangeRelease);
  return {
    version: versionOf(release),
    release,
    reason,
    strength: 'strong',
    quote: match[0].trim(),
    ...(server ? { server } : {}),
  };
}

/**
 * A release as admins write it, long or short: "Exchange 2010 SP3", "EX2010 SP3 RU32", "Exch 2016
 * CU23", "E2013 CU23", "2010SP3", "Exchange2019", "E2K10", "Exchange SE", "2019 CU14",
 * 「Exchange 2010 SP3 ロールアップ 32」, 「Exchange 2016 累積更新プログラム 23」. The year needs a prefix
 * or a service pack, CU or rollup after it, so that a bare "2010" (a date, a count) is never one; a
 * host name (CN=EX2016, EX2010.contoso.local) is a server's name, not a release.
 */
const UPDATE = String.raw`(?:SP|CU|RU|UR|Service\s?Pack|Cumulative\s+Update|Update\s+Rollup|Rollup|ロールアップ|更新プログラムのロールアップ|累積更新プログラム|サービス\s?パック)\s?\d{1,2}`;
const YEAR = String.raw`(?:20(07|10|13|16|19)|2[Kk](7|07|10|13|16|19))`;
const PREFIX = String.raw`(?:(?:Microsoft\s+)?Exchange(?:\s+Server)?\s*|Exch\.?\s?|EX\s?|E)`;
/** Subscription Edition by its names: "Exchange SE", "Exchange Server Subscription Edition", 「サブスクリプション エディション」. */
const EDITION = String.raw`(SE\b|Subscription\s+Edition|サブスクリプション\s?エディション)`;
/** What may follow the edition's name: its RTM or a CU ("Exchange Server SE RTM", "Exchange SE CU1"). */
const EDITION_UPDATE = String.raw`(?:[\s,]{0,2}(?:RTM\b|${UPDATE}))?`;
export const VERSION_MENTIONS = new RegExp(
  String.raw`(?<![\w\\/.=-])(?:${PREFIX}${YEAR}(?![0-9])(?:[\s,]{0,2}${UPDATE}){0,3}|(?:Microsoft\s+)?Exchange(?:\s+Server)?\s+${EDITION}${EDITION_UPDATE}|20(07|10|13|16|19)(?:[\s,]{0,2}${UPDATE}){1,3})(?![\w-])(?!\.[A-Za-z])|(?<![\w-])(?:Update\s+Rollup|ロールアップ|RU)\s?(\d{1,2})(?![\w-])`,
  'gi',
);

/** "Update Rollup 24" and above exist only for Exchange 2010 SP3; 2007 SP3 stopped at 23. */
const LAST_2007_ROLLUP = 23;

/**
 * What one admin mention (a VERSION_MENTIONS match) says. A service pack, CU or rollup makes it
 * strong ("EX2010 SP3 RU32"); a name alone is weak ("Exchange 2016", "EX2010" may be a server's
 * name); a rollup without a year says 2010 only past 2007's last one, and rollups exist only before
 * 2013, so a CU never comes with one.
 */
export function hintFromMention(match: RegExpExecArray, reason: string): VersionHint | undefined {
  const [quote, year, shortYear, edition, bareYear, rollup] = match;
  const updates = /(?:SP|CU|RU|UR|Service\s?Pack|Cumulative|Rollup|ロールアップ|累積|サービス)/i.test(
    quote.replace(/^(?:Microsoft\s+)?Exchange(?:\s+Server)?\s*/i, ''),
  );
  if (rollup !== undefined) {
    if (Number(rollup) <= LAST_2007_ROLLUP) return undefined;
    // "Update Rollup 32" names 2010 SP3's; a bare "RU32" may be something else.
    const strength = /^RU/i.test(quote) ? 'weak' : 'strong';
    return { version: '2010', release: '2010', reason, strength, quote: quote.trim() };
  }
  // Subscription Edition is never a server's name and has no look-alike: its name alone is strong.
  if (edition) return { version: '2013+', release: 'SE', reason, strength: 'strong', quote: quote.trim() };
  const digits = (year ?? shortYear ?? bareYear ?? '').replace(/^0/, '');
  const release = (digits.length === 1 ? `200${digits}` : `20${digits}`) as ExchangeRelease;
  const cu = /\bCU\s?\d|Cumulative|累積/i.test(quote);
  const ru = /\b(?:RU|UR)\s?\d|Rollup|ロールアップ/i.test(quote);
  // A CU on 2007/2010 or a rollup on 2013+ does not exist: words that contradict themselves are weak.
  const contradicts =
    (cu && (release === '2007' || release === '2010')) || (ru && release !== '2007' && release !== '2010');
  return {
    version: versionOf(release),
    release,
    reason,
    strength: updates && !contradicts ? 'strong' : 'weak',
    quote: quote.trim(),
  };
}
