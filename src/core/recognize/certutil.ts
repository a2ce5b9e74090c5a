import { certificateRole, certificateVersionHints } from '../certificate-role.js';
import { hostLikeCommonNames, uniqueNames, windowsDn } from '../distinguished-name.js';
import { signatureHashFromName, signatureHashFromOid } from '../signature-algorithms.js';
import { readCultureDates } from './culture-dates.js';
import type { Evidence, ParsedCertificate, Recognizer } from './evidence.js';
import { LIMITS, restSkipped } from './limits.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * `certutil -dump` / `-store` / `-verify` output. Labels are English on most servers; the Japanese
 * ones (発行者, サブジェクト, 証明書ハッシュ(sha1)) are reported by third parties only. NotBefore and
 * NotAfter are culture dates without seconds.
 */
const BLOCK_START = /^(?:=+\s*(?:Certificate|証明書)\s+\d+\s*=+|X509 Certificate:|X\.509 証明書:)\s*$/;
/**
 * Cheap tests first: a regex starting `^\s*` or `=+` retried at every offset of a paste of blank
 * lines or of `=` signs costs the square of its length.
 */
function hasMarkers(text: string): boolean {
  return (
    text.includes('Cert Hash(sha1)') ||
    text.includes('証明書ハッシュ(sha1)') ||
    text.includes('X509 Certificate:') ||
    /^[ \t]*NotAfter: /m.test(text) ||
    /= (?:Certificate|証明書) \d+ =/.test(text)
  );
}
const LABELS: readonly [RegExp, Field][] = [
  [/^(?:Serial Number|シリアル番号):\s*(.*)$/, 'serial'],
  [/^(?:Issuer|発行者):\s*(.*)$/, 'issuer'],
  [/^(?:Subject|サブジェクト):\s*(.*)$/, 'subject'],
  [/^NotBefore:\s*(.*)$/, 'notBefore'],
  [/^NotAfter:\s*(.*)$/, 'notAfter'],
  [/^(?:Cert Hash\(sha1\)|証明書ハッシュ\(sha1\)):\s*(.*)$/, 'hash'],
  [/^(?:Public Key Length|公開キーの長さ):\s*(\d+)/, 'keyLength'],
  [/^(?:Signature Algorithm|署名アルゴリズム):\s*(.*)$/, 'signature'],
  [/^(?:Public Key Algorithm|公開キー アルゴリズム):\s*(.*)$/, 'keyAlgorithm'],
];
type Field =
  | 'serial'
  | 'issuer'
  | 'subject'
  | 'notBefore'
  | 'notAfter'
  | 'hash'
  | 'keyLength'
  | 'signature'
  | 'keyAlgorithm';

export const recognizeCertutil: Recognizer = (text, shared) => {
  if (!hasMarkers(text)) return {};
  const out: Pick<Evidence, 'certificates' | 'notes' | 'versionHints'> = {
    certificates: [],
    notes: [],
    versionHints: [],
  };
  let examined = 0;
  for (const block of splitBlocks(text, shared?.lines?.() ?? text.split('\n'))) {
    // Blocks examined, not certificates found: a paste of block markers alone finds none.
    if (++examined > LIMITS.certificateBlocks) {
      out.notes.push(restSkipped('certificates', LIMITS.certificateBlocks));
      break;
    }
    const cert = readBlock(block, out);
    if (cert) out.certificates.push(cert);
  }
  for (const cert of out.certificates) out.versionHints.push(...certificateVersionHints(cert));
  return { ...out, ...(/発行者|サブジェクト|証明書ハッシュ/.test(text) ? { japanese: true } : {}) };
};

function splitBlocks(text: string, lines: readonly string[]): string[][] {
  const blocks: string[][] = [[]];
  // Looked for once in the whole text rather than replaced on every line: most pastes have neither.
  const hasReturns = text.includes('\r');
  const hasWideColons = text.includes('：');
  for (const raw of lines) {
    let line = hasReturns ? raw.replace(/\r$/, '') : raw;
    if (hasWideColons) line = line.replace(/：/g, ':');
    // Every block start has a `=` or a `:`.
    const starts = (line.includes('=') || line.includes(':')) && BLOCK_START.test(line.trim());
    if (starts && blocks.at(-1)!.some((l) => l.trim() !== '')) blocks.push([]);
    blocks.at(-1)!.push(line);
  }
  return blocks;
}

function readBlock(lines: string[], out: Pick<Evidence, 'notes'>): ParsedCertificate | undefined {
  const values = new Map<Field, string>();
  let selfSigned: boolean | undefined;
  let isCA: boolean | undefined;
  const sans: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    // Every label below but "Non-root Certificate" has a `:` or `=`: most lines of a long paste
    // have neither, and need not be tried against each of them.
    if (!trimmed.includes(':') && !trimmed.includes('=')) {
      if (/^Non-root Certificate/i.test(trimmed)) selfSigned = false;
      continue;
    }
    if (/^Root Certificate: Subject matches Issuer/i.test(trimmed)) selfSigned = true;
    else if (/^Non-root Certificate/i.test(trimmed)) selfSigned = false;
    else if (/^Subject Type=CA/i.test(trimmed)) isCA = true;
    else if (/^Subject Type=End Entity/i.test(trimmed)) isCA = false;
    const dns = /^DNS Name=(.+)$/.exec(trimmed);
    if (dns) sans.push(dns[1]!.trim());
    for (const [label, field] of LABELS) {
      const match = label.exec(trimmed);
      if (!match || values.has(field)) continue;
      const indent = lines[i]!.length - lines[i]!.trimStart().length;
      values.set(field, match[1]!.trim() || following(lines, i, indent, field));
    }
  }
  const hash = normalizeThumbprint(values.get('hash') ?? '')?.value;
  if (!hash && !values.get('notAfter') && !values.get('subject')) return undefined;
  const subject = windowsDn(values.get('subject') ?? '');
  const issuer = windowsDn(values.get('issuer') ?? '');
  const dates = readCultureDates([values.get('notBefore'), values.get('notAfter')]);
  const cert: ParsedCertificate = {
    subject,
    issuer,
    domains: uniqueNames([...hostLikeCommonNames(subject), ...sans]),
    source: 'certutil',
  };
  if (hash) cert.thumbprint = hash;
  if (dates.values[0]) cert.notBefore = dates.values[0];
  if (dates.values[1]) cert.notAfter = dates.values[1];
  if (dates.ambiguous) {
    cert.dateAmbiguous = true;
    out.notes.push({ code: 'date-ambiguous', detail: dates.detail, ...(hash ? { thumbprint: hash } : {}) });
  }
  const ownSigned = selfSigned ?? (subject && issuer ? subject.toLowerCase() === issuer.toLowerCase() : undefined);
  if (ownSigned !== undefined) cert.selfSigned = ownSigned;
  if (isCA !== undefined) cert.isCA = isCA;
  const keyLength = Number(values.get('keyLength'));
  if (keyLength > 0) cert.keySize = keyLength;
  const keyAlgorithm = keyAlgorithmOf(values.get('keyAlgorithm') ?? '');
  if (keyAlgorithm) cert.keyAlgorithm = keyAlgorithm;
  const signatureHash = signatureOf(values.get('signature') ?? '');
  if (signatureHash) cert.signatureHash = signatureHash;
  const serial = values.get('serial')?.replace(/\s/g, '').toUpperCase();
  if (serial && /^[0-9A-F]+$/.test(serial)) cert.serialNumber = serial;
  const role = certificateRole(cert);
  if (role) cert.role = role;
  return cert;
}

/**
 * A label with its value below it: `Issuer:` then one RDN per deeper line (`-dump`), or
 * `Signature Algorithm:` then `Algorithm ObjectId: 1.2.840.113549.1.1.5 sha1RSA`.
 */
function following(lines: string[], at: number, indent: number, field: Field): string {
  const parts: string[] = [];
  for (let i = at + 1; i < lines.length && i <= at + 12; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.length - line.trimStart().length <= indent) break;
    const trimmed = line.trim();
    if (field === 'issuer' || field === 'subject') {
      if (/^[A-Za-z][A-Za-z0-9.]*=/.test(trimmed)) parts.push(trimmed);
    } else if (/^Algorithm ObjectId:/i.test(trimmed)) {
      return trimmed.replace(/^Algorithm ObjectId:\s*/i, '');
    }
  }
  return parts.join(', ');
}

function signatureOf(value: string): string | undefined {
  const oid = /\b(\d+(?:\.\d+){3,})\b/.exec(value)?.[1];
  return (oid ? signatureHashFromOid(oid) : undefined) ?? (value ? signatureHashFromName(value) : undefined);
}

function keyAlgorithmOf(value: string): string | undefined {
  if (/1\.2\.840\.113549\.1\.1\.1\b|\bRSA\b/.test(value)) return 'RSA';
  if (/1\.2\.840\.10045\.2\.1\b|\bECC\b|\bECDSA/.test(value)) return 'ECDSA';
  if (/1\.3\.101\.112\b|Ed25519/i.test(value)) return 'Ed25519';
  return undefined;
}
