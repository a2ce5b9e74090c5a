import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import { DateTime } from 'luxon';
import { type CertificateFields, readOrdinaryCertificate } from './certificate-der.js';
import { certificateRole } from './certificate-role.js';
import { childrenOf, DER_TAG, oidOf, readTlv } from './der.js';
import { formatDn, hostLikeCommonNames, parseDn, type Rdn, toWindowsOrder, uniqueNames } from './distinguished-name.js';
import { utcIso } from './recognize/culture-dates.js';
import type { ParsedCertificate } from './recognize/evidence.js';
import { RSASSA_PSS_OID, signatureHashFromOid } from './signature-algorithms.js';

export { certificateRole } from './certificate-role.js';

export type CertificateSource = 'pem' | 'der' | 'pkcs7';

/**
 * A certificate's facts from its DER bytes. Throws on bytes that are not a certificate: callers turn
 * that into a ParseNote.
 */
export function parseCertificateDer(der: Uint8Array, source: CertificateSource): ParsedCertificate {
  const exact = firstTlvBytes(der);
  const cert = readTlv(exact, 0);
  // An ordinary certificate is read from its DER (certificate-der.ts says why); any other by Node.
  const read = (cert && readOrdinaryCertificate(exact, cert)) ?? readWithNode(exact);
  const subject = nodeDn(read.subject);
  const issuer = read.issuer === read.subject ? subject : nodeDn(read.issuer);
  const domains = uniqueNames([...hostLikeCommonNames(subject), ...read.dnsNames]);
  const facts: ParsedCertificate = {
    thumbprint: createHash('sha1').update(exact).digest('hex').toUpperCase(),
    subject,
    issuer,
    domains,
    notBefore: read.notBefore,
    notAfter: read.notAfter,
    selfSigned: read.selfSigned,
    keyAlgorithm: read.key.algorithm,
    keySize: read.key.size,
    signatureHash: signatureHash(exact),
    serialNumber: read.serialNumber.toUpperCase(),
    isCA: read.isCA,
    source,
  };
  return dropUndefined({ ...facts, role: certificateRole(facts) });
}

/**
 * Node's X509Certificate reads every key type (node-forge stops at EC keys with "OID is not RSA");
 * it throws on bytes that are not a certificate.
 */
export function readWithNode(exact: Uint8Array): CertificateFields {
  const x509 = new X509Certificate(exact);
  // Each getter of X509Certificate asks OpenSSL again (publicKey builds a new key object): read once.
  const [subject, issuer, publicKey] = [x509.subject, x509.issuer, publicKeyOf(x509)];
  return {
    subject,
    issuer,
    dnsNames: dnsNames(x509.subjectAltName),
    notBefore: opensslDate(x509.validFrom),
    notAfter: opensslDate(x509.validTo),
    selfSigned: subject === issuer && selfSignedCheck(x509, publicKey),
    key: keyFacts(publicKey),
    serialNumber: x509.serialNumber,
    isCA: x509.ca,
  };
}

/** Trailing bytes (an OpenSSL TRUSTED CERTIFICATE's trust settings, padding) are not part of it. */
function firstTlvBytes(der: Uint8Array): Uint8Array {
  const tlv = readTlv(der, 0);
  return tlv && tlv.tag === DER_TAG.sequence ? der.subarray(0, tlv.end) : der;
}

/** Node prints one RDN per line with RFC 2253 escapes (`O=Contoso\, Inc.`). */
function nodeDn(text: string): string {
  const rdns: Rdn[] = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => parseDn(line));
  return formatDn(toWindowsOrder(rdns));
}

function dnsNames(san: string | undefined): string[] {
  if (!san) return [];
  const names: string[] = [];
  for (const match of san.matchAll(/(?:^|, )DNS:("(?:[^"\\]|\\.)*"|[^,]*)/g)) {
    const raw = match[1]!.trim();
    names.push(raw.startsWith('"') ? unquoteJson(raw) : raw);
  }
  return names;
}

/** Node quotes a SAN that holds separators as a JSON string. */
function unquoteJson(raw: string): string {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const OPENSSL_DATE = /^([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})(?: GMT)?$/;

/** "Jun  1 00:00:00 2026 GMT", the only form Node 20 gives (and openssl -text prints). */
export function opensslDate(text: string): string | undefined {
  const match = OPENSSL_DATE.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[1]!.toLowerCase()) + 1 : 0;
  if (!match || month === 0) return undefined;
  const [day, hour, minute, second, year] = match.slice(2).map(Number) as [number, number, number, number, number];
  const fast = utcIso(year, month, day, hour, minute, second);
  if (fast !== undefined) return fast;
  const parsed = DateTime.utc(year, month, day, hour, minute, second);
  return parsed.isValid ? (parsed.toISO() ?? undefined) : undefined;
}

/**
 * Issuer equals subject (the caller checks it first) is not enough: a certificate can name itself and
 * be signed by another key.
 * checkIssued() is not used: it also demands keyCertSign, which Exchange's self-signed certificates lack.
 */
function selfSignedCheck(x509: X509Certificate, publicKey: KeyObject | undefined): boolean {
  try {
    return publicKey !== undefined && x509.verify(publicKey);
  } catch {
    return false;
  }
}

/** Undefined for a key type this OpenSSL build cannot load: the rest of the certificate is still read. */
function publicKeyOf(x509: X509Certificate): KeyObject | undefined {
  try {
    return x509.publicKey;
  } catch {
    return undefined;
  }
}

const CURVE_BITS: Readonly<Record<string, number>> = {
  prime256v1: 256,
  secp256r1: 256,
  'P-256': 256,
  secp384r1: 384,
  'P-384': 384,
  secp521r1: 521,
  'P-521': 521,
  secp256k1: 256,
  secp224r1: 224,
};

const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  rsa: 'RSA',
  'rsa-pss': 'RSA',
  ec: 'ECDSA',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
  dsa: 'DSA',
};

function keyFacts(key: KeyObject | undefined): { algorithm?: string; size?: number } {
  if (!key) return {};
  try {
    const type = key.asymmetricKeyType ?? '';
    const details = key.asymmetricKeyDetails ?? {};
    const algorithm = KEY_ALGORITHMS[type] ?? (type ? type.toUpperCase() : undefined);
    if (details.modulusLength) return { algorithm, size: details.modulusLength };
    if (details.namedCurve) return { algorithm, size: CURVE_BITS[details.namedCurve] };
    if (type === 'ed25519') return { algorithm, size: 256 };
    if (type === 'ed448') return { algorithm, size: 456 };
    return { algorithm };
  } catch {
    // A key type this OpenSSL build cannot load: the rest of the certificate is still worth reporting.
    return {};
  }
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }. */
function signatureHash(der: Uint8Array): string | undefined {
  const cert = readTlv(der, 0);
  const algorithm = cert && childrenOf(der, cert)?.[1];
  const parts = algorithm && childrenOf(der, algorithm);
  const oid = oidOf(der, parts?.[0]);
  if (!oid) return undefined;
  if (oid !== RSASSA_PSS_OID) return signatureHashFromOid(oid);
  // RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] EXPLICIT AlgorithmIdentifier DEFAULT sha1, … }
  const params = parts?.[1];
  const hashField = params && childrenOf(der, params)?.find((tlv) => tlv.tag === 0xa0);
  const hashAlgorithm = hashField && childrenOf(der, hashField)?.[0];
  const hashOid = hashAlgorithm && oidOf(der, childrenOf(der, hashAlgorithm)?.[0]);
  return hashOid ? signatureHashFromOid(hashOid) : 'SHA1';
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
