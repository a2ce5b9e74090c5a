import { certificateRole, certificateVersionHints } from '../certificate-role.js';
import { hostLikeCommonNames, uniqueNames, windowsDn } from '../distinguished-name.js';
import type { ExchangeService } from '../model.js';
import { readCultureDate } from './culture-dates.js';
import type { AuthConfigFacts, CertificateUseEvidence, Evidence, ParsedCertificate, Recognizer } from './evidence.js';
import { decodeServiceLetters, parseServiceNames } from './exchange-services.js';
import { LIMITS } from './limits.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * `Get-ExchangeCertificate | ConvertTo-Json`, `Get-ChildItem Cert:\LocalMachine\My | ConvertTo-Json`
 * and `Get-AuthConfig | ConvertTo-Json`, as monitoring scripts dump them. Windows PowerShell writes a
 * date as `\/Date(1767225600000)\/` (milliseconds since 1970, a true UTC instant), PowerShell 7 as ISO
 * 8601; Services is the AllowedServices flag number (IMAP=1, POP=2, UM=4, IIS=8, SMTP=16,
 * Federation=32, UMCallRouter=64) or its names.
 */

const SERVICE_BITS: readonly [number, ExchangeService][] = [
  [1, 'IMAP'],
  [2, 'POP'],
  [4, 'UM'],
  [8, 'IIS'],
  [16, 'SMTP'],
  [32, 'Federation'],
  [64, 'UMCallRouter'],
];

const AUTH_KEYS: Record<string, keyof AuthConfigFacts> = {
  currentcertificatethumbprint: 'currentThumbprint',
  nextcertificatethumbprint: 'nextThumbprint',
  previouscertificatethumbprint: 'previousThumbprint',
};
const AUTH_USES: Record<string, CertificateUseEvidence['use']> = {
  currentThumbprint: 'authCurrent',
  nextThumbprint: 'authNext',
  previousThumbprint: 'authPrevious',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const recognizeJsonCertificates: Recognizer = (text) => {
  if (!/"(?:Thumbprint|CurrentCertificateThumbprint)"\s*:/i.test(text)) return {};
  const certificates: ParsedCertificate[] = [];
  const uses: CertificateUseEvidence[] = [];
  let authConfig: AuthConfigFacts | undefined;
  let japanese = false;
  for (const value of jsonValues(text)) {
    for (const object of objectsOf(value)) {
      const fields = lowerKeys(object);
      if (Object.keys(AUTH_KEYS).some((key) => key in fields)) {
        const facts = readAuthConfig(fields);
        authConfig = { ...authConfig, ...facts };
        for (const [key, use] of Object.entries(AUTH_USES)) {
          const thumbprint = facts[key as keyof AuthConfigFacts];
          if (thumbprint) uses.push({ thumbprint, use, source: 'get-authconfig' });
        }
        continue;
      }
      const cert = readCertificate(fields);
      if (!cert) continue;
      if (certificates.length >= LIMITS.certificateBlocks) break;
      if (/[\u3040-\u30ff]/.test(cert.friendlyName ?? '')) japanese = true;
      certificates.push(cert);
    }
  }
  if (certificates.length === 0 && !authConfig) return {};
  const out: Partial<Evidence> = {
    certificates,
    versionHints: certificates.flatMap((c) => certificateVersionHints(c)),
  };
  if (authConfig) out.authConfig = authConfig;
  if (uses.length > 0) out.certificateUses = uses;
  if (japanese) out.japanese = true;
  return out;
};

function readCertificate(fields: Record<string, Json>): ParsedCertificate | undefined {
  const thumbprint = normalizeThumbprint(str(fields.thumbprint))?.value;
  if (!thumbprint) return undefined;
  const subject = windowsDn(str(fields.subject));
  const names = domainsOf(fields.certificatedomains ?? fields.dnsnamelist);
  const cert: ParsedCertificate = {
    thumbprint,
    subject,
    issuer: windowsDn(str(fields.issuer)),
    domains: uniqueNames(names ?? hostLikeCommonNames(subject)),
    source: 'exchange-list',
    // A /Date(ms)/ or an ISO date with its offset is an instant, not the server's wall clock.
    localTime: false,
  };
  const notBefore = dateOf(fields.notbefore);
  const notAfter = dateOf(fields.notafter);
  if (notBefore) cert.notBefore = notBefore.iso;
  if (notAfter) {
    cert.notAfter = notAfter.iso;
    if (notAfter.local) cert.localTime = true;
  }
  const services = servicesOf(fields.services) ?? decodeServiceLetters(str(fields.servicesstringform));
  if (services) cert.services = services;
  const selfSigned = fields.isselfsigned;
  if (typeof selfSigned === 'boolean') cert.selfSigned = selfSigned;
  else if (cert.issuer !== '' && cert.issuer.toLowerCase() === subject.toLowerCase()) cert.selfSigned = true;
  const status = fields.status;
  if (typeof status === 'string' && status !== '') cert.status = status;
  const friendly = str(fields.friendlyname);
  if (friendly) cert.friendlyName = friendly;
  const server = str(fields.pscomputername);
  if (server) cert.servers = [server];
  const role = certificateRole(cert);
  if (role) cert.role = role;
  return cert;
}

function readAuthConfig(fields: Record<string, Json>): AuthConfigFacts {
  const facts: AuthConfigFacts = {};
  for (const [key, name] of Object.entries(AUTH_KEYS)) {
    const thumbprint = normalizeThumbprint(str(fields[key]))?.value;
    if (thumbprint) facts[name] = thumbprint;
  }
  const effective = dateOf(fields.nextcertificateeffectivedate);
  if (effective) facts.nextEffectiveDate = effective.iso;
  return facts;
}

/** A number is the AllowedServices flags; a string is their names ("IMAP, POP, IIS, SMTP"). */
function servicesOf(value: Json | undefined): ExchangeService[] | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 128)
    return SERVICE_BITS.filter(([bit]) => (value & bit) !== 0).map(([, name]) => name);
  if (typeof value === 'string' && value.trim() !== '') return parseServiceNames(value);
  return undefined;
}

/** CertificateDomains serialises as strings or as objects (Domain / Address); DnsNameList as Unicode/Punycode. */
function domainsOf(value: Json | undefined): string[] | undefined {
  if (!Array.isArray(value)) return typeof value === 'string' && value !== '' ? [value] : undefined;
  const names: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') names.push(item);
    else if (item && typeof item === 'object' && !Array.isArray(item)) {
      const fields = lowerKeys(item);
      const name = [fields.address, fields.domain, fields.unicode, fields.punycode].map(str).find((n) => n !== '');
      if (name) names.push(name);
    }
  }
  return names.filter((name) => /^[*A-Za-z0-9][A-Za-z0-9.*-]{0,252}$/.test(name));
}

/**
 * `/Date(1767225600000)/` (Windows PowerShell; a UTC instant), an ISO date with or without an offset
 * (PowerShell 7; without one it is the server's wall clock), or a DateTime with its ETS members
 * (`{"value": "/Date(…)/", "DateTime": "…"}`).
 */
function dateOf(value: Json | undefined): { iso: string; local: boolean } | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) return dateOf(lowerKeys(value).value);
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = /^\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/$/.exec(value)?.[1];
  if (ms !== undefined) {
    const date = new Date(Number(ms));
    return Number.isNaN(date.getTime()) ? undefined : { iso: date.toISOString(), local: false };
  }
  const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (iso) {
    const date = new Date(`${iso[1]}${iso[3] ?? 'Z'}`);
    return Number.isNaN(date.getTime()) ? undefined : { iso: date.toISOString(), local: iso[3] === undefined };
  }
  const culture = readCultureDate(value);
  return culture ? { iso: culture, local: true } : undefined;
}

function str(value: Json | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function lowerKeys(object: JsonObject): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(object)) out[key.toLowerCase()] = value;
  return out;
}

function objectsOf(value: Json): JsonObject[] {
  if (Array.isArray(value))
    return value.filter((item): item is JsonObject => !!item && typeof item === 'object' && !Array.isArray(item));
  return value && typeof value === 'object' ? [value] : [];
}

/**
 * Every JSON array or object that starts a line of the paste and parses, read up to its matching
 * bracket (strings and their escapes skipped): the prose and prompts around it are left alone.
 */
function jsonValues(text: string): Json[] {
  const out: Json[] = [];
  // `[` or `{` opening its line, alone or followed by a key or an object (`-Compress`: `[{"Thumbprint":…`).
  const starts = /^[ \t]*(?:[[{][ \t]*$|\[[ \t]*\{?[ \t]*"|\{[ \t]*")/gm;
  let from = 0;
  // A few tries: a paste of many lines that open a bracket never closed must not be scanned again for each.
  let tries = 0;
  for (let match = starts.exec(text); match && out.length < 8 && tries < 32; match = starts.exec(text)) {
    if (match.index < from) continue;
    tries++;
    const open = match.index + match[0].search(/[[{]/);
    const end = closingBracket(text, open);
    if (end < 0) continue;
    try {
      out.push(JSON.parse(text.slice(open, end + 1)) as Json);
      from = end + 1;
      starts.lastIndex = end + 1;
    } catch {
      // Not JSON after all (a PowerShell hashtable, a cut paste): left to the other readers.
    }
  }
  return out;
}

function closingBracket(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, open + 2_000_000);
  for (let i = open; i < limit; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
