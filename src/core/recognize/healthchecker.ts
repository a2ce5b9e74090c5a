import { certificateRole } from '../certificate-role.js';
import { uniqueNames } from '../distinguished-name.js';
import { signatureHashFromName } from '../signature-algorithms.js';
import { readCultureDate } from './culture-dates.js';
import type {
  CertificateUseEvidence,
  Evidence,
  ParsedCertificate,
  Recognizer,
  RoleEvidence,
  VersionHint,
} from './evidence.js';
import { parseServiceNames } from './exchange-services.js';
import { hintFromBuild, hintFromWords } from './exchange-versions.js';
import { LIMITS, restSkipped } from './limits.js';
import { rolesFromServerRole } from './server-roles.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * CSS-Exchange HealthChecker's screen output: `Name: value` lines indented by tabs (spaces once a
 * console copied them). Its certificate section says, per certificate, what the admin most needs and
 * cannot see in Get-ExchangeCertificate: whether it is the internal transport certificate and the
 * current or next Auth certificate. Lifetime is in whole days from the report's Generation Time.
 */

const LINE = /^([ \t]*)([A-Za-z][A-Za-z0-9 ()/.-]{0,70}?):(?:[ \t]+(.*?))?[ \t]*$/;

/** The certificate section as some versions print it: `Lifetime: 14 day(s)`. */
const LIFETIME_DAYS = /^[ \t]*Lifetime:[ \t]*-?\d{1,6} day\(s\)[ \t]*$/m;

/**
 * A line only the certificate section prints: its per-certificate flags (the internal transport
 * certificate, the current and next Auth certificate) or its lifetime in either wording.
 */
const CERTIFICATE_SECTION =
  /^[ \t]*(?:Lifetime in days|Internal Transport Certificate|(?:Current|Next) Auth Certificate|Is current Auth Certificate)[ \t]*:/m;

/**
 * Whether the paste may hold HealthChecker output: the certificate section (a copy often starts at
 * its heading, without the report's Exchange Information) or the Exchange Information section.
 */
export function mayBeHealthChecker(text: string): boolean {
  return text.includes('Build Number:') || CERTIFICATE_SECTION.test(text) || LIFETIME_DAYS.test(text);
}

interface Field {
  indent: number;
  name: string;
  value: string;
}

interface CertificateBlock {
  indent: number;
  fields: Map<string, string>;
  namespaces: string[];
  inNamespaces: boolean;
}

export const recognizeHealthChecker: Recognizer = (text, shared) => {
  if (!CERTIFICATE_SECTION.test(text) && !LIFETIME_DAYS.test(text)) return serverSection(text);
  const blocks: CertificateBlock[] = [];
  let block: CertificateBlock | undefined;
  let more = false;
  for (const raw of shared?.lines?.() ?? text.split('\n')) {
    const line = raw.trimEnd();
    if (line === '') continue;
    const indent = indentOf(line);
    if (block?.inNamespaces) {
      if (indent > block.indent + 1 && !LINE.test(line)) {
        block.namespaces.push(line.trim());
        continue;
      }
      block.inNamespaces = false;
    }
    const field = readField(line);
    if (field?.name === 'Certificate' && field.value === '') {
      if (blocks.length >= LIMITS.certificateBlocks) {
        more = true;
        break;
      }
      block = { indent, fields: new Map(), namespaces: [], inNamespaces: false };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    if (indent <= block.indent) {
      block = undefined;
      continue;
    }
    // A verdict line ("Certificate has expired") belongs to the certificate above it.
    if (!field) continue;
    // Some versions list every certificate under one heading: a field seen again starts the next one.
    if ((field.name === 'FriendlyName' || field.name === 'Thumbprint') && block.fields.has(field.name)) {
      if (blocks.length >= LIMITS.certificateBlocks) {
        more = true;
        break;
      }
      block = { indent: block.indent, fields: new Map(), namespaces: [], inNamespaces: false };
      blocks.push(block);
    }
    if (field.name === 'Namespaces') block.inNamespaces = true;
    else block.fields.set(field.name, field.value);
  }
  const server = serverSection(text);
  const name = server.servers?.[0];
  const generated = readCultureDate(field(text, 'Generation Time') ?? '');
  const certificates: ParsedCertificate[] = [];
  const uses: CertificateUseEvidence[] = [];
  for (const found of blocks) {
    const cert = toCertificate(found, generated, name);
    if (!cert?.thumbprint) continue;
    certificates.push(cert);
    uses.push(...usesOf(found, cert.thumbprint, name));
  }
  const out: Partial<Evidence> = { ...server, certificates };
  if (uses.length > 0) out.certificateUses = uses;
  // The section's summary: the date the AuthAdmin servicelet promotes the staged next Auth certificate.
  const effective = readCultureDate(field(text, 'Next Auth Certificate Effective Date') ?? '');
  if (effective) out.authConfig = { nextEffectiveDate: effective };
  if (more) out.notes = [restSkipped('certificates', blocks.length)];
  return out;
};

/** A tab is one level; a console turns it into 8 columns (or 4 in some editors). */
function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === '\t') columns += 8 - (columns % 8);
    else if (ch === ' ') columns++;
    else break;
  }
  return Math.round(columns / 4) / 2;
}

function readField(line: string): Field | undefined {
  const match = LINE.exec(line);
  if (!match) return undefined;
  return { indent: indentOf(line), name: match[2]!.trim(), value: (match[3] ?? '').trim() };
}

/** The first `Name: value` of the report with that name (Exchange Information section). */
function field(text: string, name: string): string | undefined {
  const match = new RegExp(`^[ \\t]*${name}:[ \\t]*(\\S[^\\n]{0,200})$`, 'm').exec(text);
  return match?.[1]?.trim();
}

function toCertificate(
  block: CertificateBlock,
  generated: string | undefined,
  server: string | undefined,
): ParsedCertificate | undefined {
  const get = (name: string) => block.fields.get(name) ?? '';
  const thumbprint = normalizeThumbprint(get('Thumbprint'))?.value;
  if (!thumbprint) return undefined;
  const names = block.namespaces.filter((n) => n !== 'None' && !/\s/.test(n));
  const cert: ParsedCertificate = {
    thumbprint,
    subject: '',
    issuer: '',
    domains: uniqueNames(names),
    source: 'healthchecker',
  };
  const friendlyName = get('FriendlyName');
  if (friendlyName) cert.friendlyName = friendlyName;
  const days = /^(-?\d{1,6})(?: day\(s\))?$/.exec(get('Lifetime in days') || get('Lifetime'))?.[1];
  const lifetime = days === undefined ? undefined : Number(days);
  if (lifetime !== undefined && generated) {
    cert.notAfter = new Date(Date.parse(generated) + lifetime * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  } else if (lifetime !== undefined) {
    cert.lifetimeDays = lifetime;
  }
  const status = get('Certificate status');
  if (status && status !== 'Unknown') cert.status = status;
  if (block.fields.has('Bound to services')) cert.services = parseServiceNames(get('Bound to services'));
  const keySize = get('Key size') || get('Key Size');
  if (/^\d{3,5}$/.test(keySize)) cert.keySize = Number(keySize);
  if (/^true$/i.test(get('ECC Certificate'))) cert.keyAlgorithm = 'ECDSA';
  const hash = signatureHashFromName(get('Signature Hash Algorithm') || get('Signature Algorithm'));
  if (hash) cert.signatureHash = hash;
  if (server) cert.servers = [server];
  // The Auth certificate's only namespace is its common name.
  const auth = [...block.namespaces, friendlyName].find((n) => /^Microsoft Exchange Server Auth Certificate$/i.test(n));
  const role = certificateRole({ ...cert, subject: auth ? `CN=${auth}` : '' });
  if (role) cert.role = role;
  return cert;
}

function usesOf(block: CertificateBlock, thumbprint: string, server: string | undefined): CertificateUseEvidence[] {
  const flags: [string, CertificateUseEvidence['use']][] = [
    ['Internal Transport Certificate', 'internalTransport'],
    ['Current Auth Certificate', 'authCurrent'],
    ['Is current Auth Certificate', 'authCurrent'],
    ['Next Auth Certificate', 'authNext'],
  ];
  return flags
    .filter(([name]) => /^true$/i.test(block.fields.get(name) ?? ''))
    .map(([, use]) => ({ thumbprint, use, source: 'healthchecker', ...(server ? { server } : {}) }));
}

/** The report's Exchange Information: the server's name, version and role, all strong. */
function serverSection(text: string): Partial<Evidence> {
  if (!/^Exchange Information\s*$/m.test(text) && !text.includes('Build Number:')) return {};
  // The Exchange Information section says Name; the Exchange Server Membership section says Server.
  const name = field(text, 'Name') ?? field(text, 'Server');
  const server = name && /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name) ? name : undefined;
  const hints: VersionHint[] = [];
  const build = field(text, 'Build Number');
  const byBuild = build ? hintFromBuild(build, 'healthchecker-build', server) : undefined;
  if (byBuild) hints.push(byBuild);
  const version = field(text, 'Version');
  const byWords = version ? hintFromWords(version, 'healthchecker-version', server) : undefined;
  if (byWords) hints.push(byWords);
  const roleText = field(text, 'Server Role');
  const roles: RoleEvidence[] = roleText
    ? rolesFromServerRole(roleText).map((role) => ({
        role,
        strength: 'strong' as const,
        reason: 'healthchecker-server-role',
        quote: `Server Role: ${roleText}`,
        ...(server ? { server } : {}),
      }))
    : [];
  const out: Partial<Evidence> = {};
  if (server) out.servers = [server];
  if (hints.length > 0) out.versionHints = hints;
  if (roles.length > 0) {
    out.roleEvidence = roles;
    out.roles = [...new Set(roles.map((r) => r.role).filter((r) => r !== 'frontend'))] as Evidence['roles'];
  }
  return out;
}
