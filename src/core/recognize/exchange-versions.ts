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
  /\b(?:(?:Microsoft\s+)?Exchange(?:\s+Server)?\s+(2007|2010|2013|2016|2019|SE\b|Subscription\s+Edition)(?:\s+(?:SP|CU|RU)\s?\d{1,2})?|(2007|2010|2013|2016|2019)\s+(?:SP|CU|RU)\s?\d{1,2})\b/i;

export function hintFromWords(text: string, reason: string, server?: string): VersionHint | undefined {
  const match = NAMED.exec(text);
  if (!match) return undefined;
  const year = (match[1] ?? match[2] ?? '').toUpperCase();
  const release: ExchangeRelease = /^(SE|SUBSCRIPTION)/.test(year) ? 'SE' : (year as ExchangeRelease);
  return {
    version: versionOf(release),
    release,
    reason,
    strength: 'strong',
    quote: match[0].trim(),
    ...(server ? { server } : {}),
  };
}
