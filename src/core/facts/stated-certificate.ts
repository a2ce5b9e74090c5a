import type { ExchangeService } from '../model.js';
import type { Evidence, ParsedCertificate } from '../recognize/evidence.js';

/**
 * A certificate the admin describes in prose only: one thumbprint, when it expires ("expires
 * 2026/12/05 9:00:00", 「有効期限が 2026/12/05 9:00:00 に迫っています」), who issued it (DigiCert, an
 * internal CA, self-signed) and what it is enabled for ("IIS と SMTP に割り当て"). Those words are
 * evidence: the answer counts down to the date given (marked as the admin's, estimated), renews a
 * CA-issued certificate by request, and never says its expiry is unknown.
 */

const HEX40 = /(?<![0-9A-Fa-f])((?:[0-9A-Fa-f]{2}[ :]?){19}[0-9A-Fa-f]{2})(?![0-9A-Fa-f])/g;

/** Words that say the date next to them is the expiry. */
const EXPIRY_WORDS =
  /有効期限|期限|期日|失効|切れ|expir|runs?\s+out|valid\s+(?:until|through|to)|NotAfter|good\s+until|ends?\s+on/i;

/** 2026/12/05 9:00:00, 2026-12-05, 2026年12月5日 9時: a year first, so no day/month order to guess. */
const DATE =
  /(20\d{2})\s*(?:[/.-]|年)\s*(\d{1,2})\s*(?:[/.-]|月)\s*(\d{1,2})\s*日?(?:\s*(?:[T ]\s*)?(\d{1,2})\s*(?::|時)\s*(\d{2})?(?:\s*(?::|分)\s*(\d{2}))?)?/g;

const PUBLIC_CA =
  /\b(DigiCert|GlobalSign|Sectigo|Comodo|Let'?s\s*Encrypt|Entrust|GoDaddy|Cybertrust|SECOM|JPRS|Thawte|GeoTrust|RapidSSL|Certum|Buypass|ZeroSSL|IdenTrust|QuoVadis|SSL\.com)\b/i;
const PRIVATE_CA =
  /(?:社内|内部|エンタープライズ|企業)\s*CA|\b(?:internal|enterprise|in-house|corporate|our(?:\s+own)?)\s+CA\b|\bAD\s*CS\b/i;
const SELF_SIGNED = /自己署名|self[-\s]?signed/i;
const SERVICE_WORDS: readonly [RegExp, ExchangeService][] = [
  [/\bIIS\b|\bOWA\b|\bHTTPS\b/i, 'IIS'],
  [/\bSMTP\b/i, 'SMTP'],
  [/\bIMAP4?\b/i, 'IMAP'],
  [/\bPOP3?\b/i, 'POP'],
];

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('。', at), text.lastIndexOf('. ', at)) + 1;
  const ends = ['\n', '。', '. '].map((mark) => text.indexOf(mark, at)).filter((end) => end >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) + 1 : text.length);
}

/** The expiry the admin gives: a date in a sentence that speaks of expiry, read as UTC wall-clock time. */
function statedExpiry(text: string): string | undefined {
  for (const match of text.matchAll(DATE)) {
    if (!EXPIRY_WORDS.test(sentenceAround(text, match.index ?? 0))) continue;
    const [, y, mo, d, h, mi, s] = match;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const hour = Number(h ?? 0);
    if (hour > 23) continue;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${y}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(Number(mi ?? 0))}:${pad(Number(s ?? 0))}.000Z`;
  }
  return undefined;
}

/**
 * The admin's certificate, when the paste holds exactly one thumbprint, shows no certificate output
 * or event, and gives its expiry in words. Undefined otherwise.
 */
export function statedCertificate(
  text: string,
  evidence: Evidence,
  servers: readonly string[],
): ParsedCertificate | undefined {
  if (evidence.certificates.length > 0 || evidence.events.length > 0) return undefined;
  const thumbprints = [...new Set([...text.matchAll(HEX40)].map((m) => m[1]!.replace(/[ :]/g, '').toUpperCase()))];
  if (thumbprints.length !== 1) return undefined;
  const thumbprint = thumbprints[0]!;
  const notAfter = statedExpiry(text);
  if (!notAfter) return undefined;
  const cert: ParsedCertificate = {
    thumbprint,
    subject: '',
    issuer: '',
    domains: [],
    notAfter,
    source: 'event',
    estimated: true,
    stated: true,
    // The admin's clock time, with no zone: shown as written, never converted.
    localTime: true,
  };
  const publicCa = PUBLIC_CA.exec(text)?.[1];
  if (publicCa) {
    cert.issuer = publicCa;
    cert.selfSigned = false;
  } else if (PRIVATE_CA.test(text)) cert.selfSigned = false;
  else if (SELF_SIGNED.test(text)) cert.selfSigned = true;
  const at = text.toUpperCase().indexOf(thumbprint);
  const sentence = at >= 0 ? sentenceAround(text, at) : '';
  const services = SERVICE_WORDS.filter(([word]) => word.test(sentence)).map(([, service]) => service);
  if (services.length > 0) cert.services = services;
  if (servers.length > 0) cert.servers = [...servers];
  return cert;
}
