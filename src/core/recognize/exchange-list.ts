import { certificateRole, certificateVersionHints } from '../certificate-role.js';
import { hostLikeCommonNames, uniqueNames, windowsDn } from '../distinguished-name.js';
import { signatureHashFromName, signatureHashFromOid } from '../signature-algorithms.js';
import { readCultureDate, readCultureDates } from './culture-dates.js';
import type { AuthConfigFacts, Evidence, ParsedCertificate, Recognizer, VersionHint } from './evidence.js';
import { decodeServiceLetters, parseServiceNames, servicesLengthHint } from './exchange-services.js';
import { LIMITS, restSkipped } from './limits.js';
import { type ListRecord, readListOutput } from './list-records.js';
import { bindToOwnHost, type Placed } from './listing-host.js';
import { normalizeThumbprint } from './thumbprints.js';

/** Names only Get-ExchangeCertificate prints: one of them makes a record a certificate. */
const CERTIFICATE_KEYS = [
  'Thumbprint',
  'CertificateDomains',
  'Services',
  'ServicesStringForm',
  'RootCAType',
  'IsSelfSigned',
  'HasPrivateKey',
  'PublicKeySize',
];
const AUTH_CONFIG_KEYS = {
  CurrentCertificateThumbprint: 'currentThumbprint',
  PreviousCertificateThumbprint: 'previousThumbprint',
  NextCertificateThumbprint: 'nextThumbprint',
} as const;

/** `Get-ExchangeCertificate | fl` (and `fl *`), and `Get-AuthConfig | fl`. */
export const recognizeExchangeList: Recognizer = (text, shared) => {
  const { records, prompts, more } = readListOutput(text, shared?.lines?.());
  const out: Pick<Evidence, 'certificates' | 'notes' | 'versionHints'> & { authConfig?: AuthConfigFacts } = {
    certificates: [],
    notes: [],
    versionHints: [],
  };
  const blocks = new Map<number, Placed[]>();
  for (const record of records) {
    const fields = record.fields;
    if (Object.keys(AUTH_CONFIG_KEYS).some((key) => fields.has(key)) || fields.has('NextCertificateEffectiveDate')) {
      out.authConfig = { ...out.authConfig, ...authConfig(fields) };
    }
    // `Get-ExchangeCertificate 254C… | fl Issuer` prints the issuer alone: the command names the certificate.
    const isCertificate =
      CERTIFICATE_KEYS.some((key) => fields.has(key)) ||
      (fields.has('NotAfter') && fields.has('Subject')) ||
      (fields.has('Issuer') && commandThumbprint(record) !== undefined);
    if (!isCertificate) continue;
    if (out.certificates.length >= LIMITS.certificateBlocks) {
      out.notes.push(restSkipped('certificates', out.certificates.length));
      break;
    }
    const placed = readCertificate(record, out);
    blocks.set(record.block, [...(blocks.get(record.block) ?? []), placed]);
  }
  for (const rows of blocks.values()) bindToOwnHost(rows);
  const servers = [...new Set(out.certificates.flatMap((cert) => cert.servers ?? []))];
  if (more) out.notes.push(restSkipped('records', LIMITS.records));
  if (prompts.some((prompt) => /documents and settings/i.test(prompt))) {
    // Exchange 2010 and later need Windows 2008: a Windows 2003 profile path means 2007.
    out.versionHints.push({ version: '2007', reason: 'w2003-prompt', strength: 'strong' });
  }
  return {
    ...out,
    ...(servers.length > 0 ? { servers } : {}),
  };
};

function readCertificate(
  record: ListRecord,
  out: Pick<Evidence, 'certificates' | 'notes' | 'versionHints'>,
): Placed {
  const fields = record.fields;
  const get = (key: string) => fields.get(key)?.trim() ?? '';
  const thumbprint = normalizeThumbprint(get('Thumbprint'))?.value ?? commandThumbprint(record);
  // A copy cut mid-value (an RDP window, a console buffer) leaves a thumbprint of fewer than 40 digits:
  // damaged, not empty, so it says nothing about PowerShell's serialization or the Auth certificate.
  const cutThumbprint = !thumbprint && /^[0-9A-Fa-f]{1,39}$/.test(get('Thumbprint').replace(/\s/g, ''));
  if (cutThumbprint) out.notes.push({ code: 'damaged-thumbprint', detail: `listing: ${get('Subject')}` });
  if ((fields.has('Thumbprint') && !thumbprint && !cutThumbprint) || (fields.has('Subject') && get('Subject') === '')) {
    out.notes.push({
      code: 'empty-exchange-fields',
      detail: emptyNames(fields),
      ...(thumbprint ? { thumbprint } : {}),
    });
  }
  const subject = windowsDn(get('Subject'));
  const dates = readCultureDates([get('NotBefore') || undefined, get('NotAfter') || undefined]);
  if (dates.ambiguous) {
    out.notes.push({ code: 'date-ambiguous', detail: dates.detail, ...(thumbprint ? { thumbprint } : {}) });
  }
  const letters = get('ServicesStringForm');
  const services = fields.has('Services') ? parseServiceNames(get('Services')) : decodeServiceLetters(letters);
  const rawDomains = get('CertificateDomains') || get('DnsNameList');
  const domainList = listValue(rawDomains);
  // `{a, b, owa.tailwindtrad` was cut before its closing brace: its last name is incomplete.
  const namesCut = rawDomains.startsWith('{') && !rawDomains.endsWith('}');
  if (namesCut) domainList.pop();
  const facts: ParsedCertificate = {
    subject,
    issuer: windowsDn(get('Issuer')),
    domains: uniqueNames(
      fields.has('CertificateDomains') || fields.has('DnsNameList') ? domainList : hostLikeCommonNames(subject),
    ),
    source: 'exchange-list',
  };
  const put = <K extends keyof ParsedCertificate>(key: K, value: ParsedCertificate[K] | undefined) => {
    if (value !== undefined && value !== '') facts[key] = value;
  };
  put('thumbprint', thumbprint);
  put('notBefore', dates.values[0]);
  put('notAfter', dates.values[1]);
  const sameNames = facts.subject !== '' && facts.subject.toLowerCase() === facts.issuer.toLowerCase();
  put(
    'selfSigned',
    bool(get('IsSelfSigned')) ?? (fields.has('Issuer') && fields.has('Subject') ? sameNames : undefined),
  );
  put('services', services);
  put('keySize', /^\d+$/.test(get('PublicKeySize')) ? Number(get('PublicKeySize')) : undefined);
  put('signatureHash', signatureHash(get('SignatureAlgorithm')));
  put('status', get('Status'));
  put('rootCAType', get('RootCAType'));
  put('friendlyName', get('FriendlyName'));
  put('serialNumber', get('SerialNumber').replace(/[\s:]/g, '').toUpperCase());
  if (dates.ambiguous) facts.dateAmbiguous = true;
  if (cutThumbprint || namesCut) facts.cut = true;
  // Invoke-Command adds PSComputerName; Identity is SERVER\Thumbprint: which server holds this copy.
  // The server `-Server` asked (or a `== EX02` heading named) comes first: over remote PowerShell,
  // PSComputerName names the endpoint connected to, whichever server was asked.
  const stated = record.serverStrength === 'remote' ? undefined : record.server;
  const identityServer = get('Identity').includes('\\') ? get('Identity').split('\\')[0]?.trim() : '';
  const server = stated || identityServer || get('PSComputerName') || record.server;
  if (server) facts.servers = [server];
  put('role', certificateRole(facts));
  out.certificates.push(facts);
  out.versionHints.push(...certificateVersionHints(facts), ...listVersionHints(letters, get('IISServices')));
  return { cert: facts, weak: !stated && !identityServer };
}

/**
 * `Get-ExchangeCertificate 78EA… | fl Subject,NotAfter` prints no Thumbprint: the one it asked for
 * is the record's (only the first record after the command, and only when the command names one,
 * also after the server it asked: `Get-ExchangeCertificate -Server EX01 -Thumbprint 5C84…`).
 */
function commandThumbprint(record: ListRecord): string | undefined {
  const command = record.command;
  if (!command || record.fields.has('Thumbprint')) return undefined;
  const asked =
    /^Get-ExchangeCertificate\s+(?:-Server\s+["']?[A-Za-z0-9.-]{1,253}["']?\s+)?(?:-Thumbprint\s+|-Identity\s+)?["']?(?:[A-Za-z0-9-]{1,63}\\)?([0-9A-Fa-f]{40})["']?(?=[\s|]|$)/i.exec(
      command,
    );
  return asked?.[1] ? normalizeThumbprint(asked[1])?.value : undefined;
}

function listVersionHints(letters: string, iisServices: string): VersionHint[] {
  const hints: VersionHint[] = [];
  const byLength = decodeServiceLetters(letters) ? servicesLengthHint(letters) : undefined;
  if (byLength) hints.push(byLength);
  if (/W3SVC\/2\b/i.test(iisServices)) hints.push({ version: '2013+', reason: 'iis-backend-site' });
  return hints;
}

function emptyNames(fields: Map<string, string>): string {
  const empty = ['Thumbprint', 'Subject', 'Status', 'Services'].filter((key) => fields.has(key) && !fields.get(key));
  return `empty: ${empty.join(', ')}`;
}

/** `{EX2016, EX2016.corp.contoso.com}`; `{}` is none. */
function listValue(value: string): string[] {
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && !name.endsWith('...') && !name.endsWith('…'));
}

function bool(value: string): boolean | undefined {
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return undefined;
}

/** `fl *` prints an Oid object; some pastes expand it to its FriendlyName (`sha256RSA`) or value. */
function signatureHash(value: string): string | undefined {
  if (/^\d+(?:\.\d+)+$/.test(value)) return signatureHashFromOid(value);
  return value ? signatureHashFromName(value) : undefined;
}

function authConfig(fields: Map<string, string>): AuthConfigFacts {
  const facts: AuthConfigFacts = {};
  for (const [key, name] of Object.entries(AUTH_CONFIG_KEYS)) {
    const value = normalizeThumbprint(fields.get(key) ?? '')?.value;
    if (value) facts[name] = value;
  }
  const effective = fields.get('NextCertificateEffectiveDate');
  const date = effective ? readCultureDate(effective) : undefined;
  if (date) facts.nextEffectiveDate = date;
  return facts;
}
