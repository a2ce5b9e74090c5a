import type { ExchangeService } from '../model.js';
import type { VersionHint } from './evidence.js';

/** ServicesStringForm: one letter per AllowedServices flag, in this order, `.` when unset. */
const LETTERS: readonly [string, ExchangeService][] = [
  ['I', 'IMAP'],
  ['P', 'POP'],
  ['U', 'UM'],
  ['W', 'IIS'],
  ['S', 'SMTP'],
  ['F', 'Federation'],
  ['C', 'UMCallRouter'],
];

// Some consoles print one more unset flag than there are letters ("IP.WS..."): a trailing dot.
export const SERVICE_LETTERS = /^[IPUWSFC.]{5,7}\.?$/;

/** `IP.WS..` → IMAP, POP, IIS, SMTP; undefined when a letter sits in the wrong position. */
export function decodeServiceLetters(form: string): ExchangeService[] | undefined {
  if (!SERVICE_LETTERS.test(form)) return undefined;
  const services: ExchangeService[] = [];
  for (let i = 0; i < form.length; i++) {
    const ch = form[i]!;
    if (ch === '.') continue;
    const [letter, service] = LETTERS[i]!;
    if (ch !== letter) return undefined;
    services.push(service);
  }
  return services;
}

const NAMES: Readonly<Record<string, ExchangeService>> = {
  imap: 'IMAP',
  imap4: 'IMAP',
  pop: 'POP',
  pop3: 'POP',
  um: 'UM',
  iis: 'IIS',
  smtp: 'SMTP',
  federation: 'Federation',
  umcallrouter: 'UMCallRouter',
};

/** `IMAP, POP, IIS, SMTP`, `None`, `Federation`; PowerShell may cut a long value short with `...`. */
export function parseServiceNames(value: string): ExchangeService[] {
  const services: ExchangeService[] = [];
  for (const word of value.split(/[,\s]+/)) {
    const service = NAMES[word.replace(/\.+$/, '').toLowerCase()];
    if (service && !services.includes(service)) services.push(service);
  }
  return services;
}

/**
 * `IMAP, POP...` cut by a table: the services it still shows, the rest unknown. The word before the
 * ellipsis counts only when it is a whole name (`SM...` is not; `UM...` may be UMCallRouter).
 */
export function servicesShownBeforeCut(value: string): ExchangeService[] {
  const words = value
    .replace(/(?:\.{3}|…)$/, '')
    .split(/[,\s]+/)
    .filter((word) => word !== '');
  const last = words.at(-1)?.toLowerCase();
  if (last === undefined || last === 'um' || !NAMES[last]) words.pop();
  return parseServiceNames(words.join(','));
}

/** The letter string's length follows the version that printed it (7 on 2013+; 6 and 5 are weaker). */
export function servicesLengthHint(form: string): VersionHint | undefined {
  if (form.length === 7) return { version: '2013+', reason: 'services-7' };
  if (form.length === 6) return { version: '2010', reason: 'services-6' };
  if (form.length === 5) return { version: '2007', reason: 'services-5' };
  return undefined;
}
