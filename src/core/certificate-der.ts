import { Buffer } from 'node:buffer';
import { createPublicKey, verify } from 'node:crypto';
import { childrenOf, type Tlv } from './der.js';
import { utcIso } from './recognize/culture-dates.js';

/**
 * The facts of an ordinary certificate read straight from its DER, for parseCertificateDer's fast
 * path. Node's X509Certificate costs more than everything else a diagnosis of a short paste does
 * (OpenSSL 3 decodes the public key through its provider machinery on every parse), and nothing it
 * gives is needed for a certificate shaped the way CAs and Exchange issue them: an RSA key (or a
 * P-256/384/521 key when another key signed it), plain ASCII names, DNS names only, not a CA.
 * Anything else returns undefined and is read by Node as before, so that what is read here is always
 * what Node would have printed: each field is produced in the exact text form Node gives (its subject
 * lines, its SAN list), and parseCertificateDer turns both into facts the same way.
 */
export interface CertificateFields {
  /** As X509Certificate.subject / .issuer print them: one `TYPE=value` line per RDN. */
  subject: string;
  issuer: string;
  /** The DNS names of the subjectAltName extension (Node's `DNS:` entries), in order. */
  dnsNames: string[];
  notBefore: string | undefined;
  notAfter: string | undefined;
  /** Issuer equals subject and the certificate's own key verifies its signature. */
  selfSigned: boolean;
  key: { algorithm?: string; size?: number };
  /** As X509Certificate.serialNumber prints it (OpenSSL's BN_bn2hex). */
  serialNumber: string;
  isCA: boolean;
}

/** Attribute types OpenSSL prints by these short names (the only ones read here). */
const NAME_TYPES: ReadonlyMap<string, string> = new Map([
  ['550403', 'CN'],
  ['550404', 'SN'],
  ['550405', 'serialNumber'],
  ['550406', 'C'],
  ['550407', 'L'],
  ['550408', 'ST'],
  ['550409', 'street'],
  ['55040a', 'O'],
  ['55040b', 'OU'],
  ['55040c', 'title'],
  ['55042a', 'GN'],
  ['2a864886f70d010901', 'emailAddress'],
  ['0992268993f22c640119', 'DC'],
]);

/** sha*WithRSAEncryption (PKCS #1 v1.5): verified here with a key built from the modulus. */
const RSA_SIGNATURE_HASHES: ReadonlyMap<string, string> = new Map([
  ['2a864886f70d010105', 'sha1'],
  ['2a864886f70d01010e', 'sha224'],
  ['2a864886f70d01010b', 'sha256'],
  ['2a864886f70d01010c', 'sha384'],
  ['2a864886f70d01010d', 'sha512'],
]);

const RSA_ENCRYPTION = '2a864886f70d010101';
const BASIC_CONSTRAINTS = '551d13';
const SUBJECT_ALT_NAME = '551d11';
/** PrintableString, UTF8String, IA5String: ASCII content prints as it is. */
const PLAIN_STRINGS = new Set([0x13, 0x0c, 0x16]);
/**
 * Characters OpenSSL prints without an RFC 2253 escape, which the DN reader would otherwise have to
 * undo: a value with anything else (`,+"\<>;#`, control or non-ASCII characters) is left to Node.
 */
const PLAIN_VALUE =
  /^(?:[A-Za-z0-9.*_\-'()@:/=?!&]|[A-Za-z0-9.*_\-'()@:/=?!&][A-Za-z0-9 .*_\-'()@:/=?!&]*[A-Za-z0-9.*_\-'()@:/=?!&])?$/;
const PLAIN_DNS_NAME = /^[A-Za-z0-9.*_-]+$/;

/** Undefined whenever the certificate is not of the ordinary shape described above. */
export function readOrdinaryCertificate(der: Uint8Array, cert: Tlv): CertificateFields | undefined {
  const [tbs, outerAlgorithm, signature, ...extra] = childrenOf(der, cert) ?? [];
  if (!tbs || !outerAlgorithm || !signature || extra.length > 0) return undefined;
  if (tbs.tag !== 0x30 || outerAlgorithm.tag !== 0x30 || signature.tag !== 0x03) return undefined;
  const fields = childrenOf(der, tbs);
  if (!fields) return undefined;
  let at = 0;
  // Only X.509 v3 (and v1 without extensions): OpenSSL refuses versions it does not know.
  const version = fields[0]?.tag === 0xa0 ? fields[at++] : undefined;
  const isV3 = version !== undefined && hex(der, childrenOf(der, version)?.[0], 0x02) === '02';
  if (version && !isV3) return undefined;
  const [serial, innerAlgorithm, issuerName, validity, subjectName, spki, ...rest] = fields.slice(at);
  if (serial?.tag !== 0x02 || !innerAlgorithm || !issuerName || !validity || !subjectName || !spki) return undefined;
  const extensions = rest.length === 1 && isV3 && rest[0]!.tag === 0xa3 ? rest[0] : undefined;
  if (rest.length > (extensions ? 1 : 0)) return undefined;

  const serialNumber = serialHex(der, serial);
  const subject = nameLines(der, subjectName);
  const issuer = nameLines(der, issuerName);
  const [notBefore, notAfter, ...moreTimes] = childrenOf(der, validity) ?? [];
  const from = notBefore && timeIso(der, notBefore);
  const to = notAfter && timeIso(der, notAfter);
  const rsa = rsaKey(der, spki);
  const key = rsa ? { algorithm: 'RSA', size: rsa.bits } : ecKey(der, spki);
  const ext = extensions ? readExtensions(der, extensions) : { dnsNames: [] };
  if (serialNumber === undefined || subject === undefined || issuer === undefined) return undefined;
  if (!from || !to || moreTimes.length > 0 || !key || !ext) return undefined;
  // Only a certificate naming itself as its issuer needs its signature checked (Node compares the printed
  // names); an EC one is left to Node, whose check is the costly part anyway.
  const parts = { tbs, innerAlgorithm, outerAlgorithm, signature };
  const selfSigned = subject !== issuer ? false : rsa ? signedBy(der, parts, rsa) : undefined;
  if (selfSigned === undefined) return undefined;
  return {
    subject,
    issuer,
    dnsNames: ext.dnsNames,
    notBefore: from,
    notAfter: to,
    selfSigned,
    key,
    serialNumber,
    isCA: false,
  };
}

interface RsaKey {
  bits: number;
  modulus: Uint8Array;
  exponent: Uint8Array;
}

/** SubjectPublicKeyInfo holding an RSA key (rsaEncryption, NULL parameters): its modulus and exponent. */
function rsaKey(der: Uint8Array, spki: Tlv): RsaKey | undefined {
  const [algorithm, bits, ...extra] = childrenOf(der, spki) ?? [];
  if (!algorithm || !bits || extra.length > 0 || bits.tag !== 0x03) return undefined;
  const [oid, params, ...more] = childrenOf(der, algorithm) ?? [];
  if (hex(der, oid, 0x06) !== RSA_ENCRYPTION || hex(der, params, 0x05) !== '' || more.length > 0) return undefined;
  if (der[bits.contentStart] !== 0) return undefined;
  const inner = { ...bits, contentStart: bits.contentStart + 1 };
  const [sequence, ...after] = childrenOf(der, inner) ?? [];
  if (sequence?.tag !== 0x30 || after.length > 0) return undefined;
  const [n, e, ...others] = childrenOf(der, sequence) ?? [];
  const modulus = n && positiveInteger(der, n);
  const exponent = e && positiveInteger(der, e);
  if (!modulus || !exponent || others.length > 0) return undefined;
  const size = (modulus.length - 1) * 8 + (32 - Math.clz32(modulus[0]!));
  // Past OpenSSL's largest modulus: left to Node, whatever it makes of it.
  return size <= 16384 ? { bits: size, modulus, exponent } : undefined;
}

const EC_PUBLIC_KEY = '2a8648ce3d0201';

/**
 * The named curves read here, by OID: key size as Node reports it, the field prime p and the
 * coefficient b of y² = x³ − 3x + b.
 */
const CURVES: ReadonlyMap<string, { size: number; p: bigint; b: bigint }> = new Map([
  [
    '2a8648ce3d030107',
    {
      size: 256,
      p: BigInt('0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff'),
      b: BigInt('0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b'),
    },
  ],
  [
    '2b81040022',
    {
      size: 384,
      p: BigInt('0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff'),
      b: BigInt('0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef'),
    },
  ],
  [
    '2b81040023',
    {
      size: 521,
      p: (1n << 521n) - 1n,
      b: BigInt(
        '0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00',
      ),
    },
  ],
]);

/**
 * An EC key on a named curve (P-256, P-384, P-521) as an uncompressed point that lies on the curve:
 * OpenSSL refuses to load any other point (and Node then reports no key type or size), so that is
 * checked here too. A compressed point or another curve is left to Node.
 */
function ecKey(der: Uint8Array, spki: Tlv): { algorithm: string; size: number } | undefined {
  const [algorithm, bits, ...extra] = childrenOf(der, spki) ?? [];
  if (!algorithm || bits?.tag !== 0x03 || extra.length > 0) return undefined;
  const [oid, named, ...more] = childrenOf(der, algorithm) ?? [];
  const curve = CURVES.get(hex(der, named, 0x06) ?? '');
  if (hex(der, oid, 0x06) !== EC_PUBLIC_KEY || !curve || more.length > 0) return undefined;
  const length = Math.ceil(curve.size / 8);
  const start = bits.contentStart;
  if (der[start] !== 0 || der[start + 1] !== 0x04 || bits.contentEnd - start !== 2 + 2 * length) return undefined;
  const x = BigInt(`0x${hex(der, { ...bits, contentStart: start + 2, contentEnd: start + 2 + length }, 0x03)}`);
  const y = BigInt(`0x${hex(der, { ...bits, contentStart: start + 2 + length }, 0x03)}`);
  const { p, b } = curve;
  if (x >= p || y >= p) return undefined;
  const onCurve = (y * y - (x * x * x - 3n * x + b)) % p === 0n;
  return onCurve ? { algorithm: 'ECDSA', size: curve.size } : undefined;
}

/** The magnitude of a positive INTEGER, without leading zero bytes. */
function positiveInteger(der: Uint8Array, tlv: Tlv): Uint8Array | undefined {
  if (tlv.tag !== 0x02 || tlv.contentEnd === tlv.contentStart || (der[tlv.contentStart]! & 0x80) !== 0)
    return undefined;
  let start = tlv.contentStart;
  while (start < tlv.contentEnd && der[start] === 0) start++;
  return start < tlv.contentEnd ? der.subarray(start, tlv.contentEnd) : undefined;
}

/** BN_bn2hex of a positive serial: two digits per byte, leading zero bytes dropped. */
function serialHex(der: Uint8Array, serial: Tlv): string | undefined {
  const magnitude = positiveInteger(der, serial);
  if (!magnitude) return undefined;
  let out = '';
  for (const byte of magnitude) out += HEX_BYTE[byte];
  return out;
}

/** Name ::= SEQUENCE OF SET OF AttributeTypeAndValue; one single-valued RDN per line, as Node prints it. */
function nameLines(der: Uint8Array, name: Tlv): string | undefined {
  if (name.tag !== 0x30) return undefined;
  const rdns = childrenOf(der, name);
  if (!rdns) return undefined;
  const lines: string[] = [];
  for (const rdn of rdns) {
    const [pair, ...multi] = (rdn.tag === 0x31 && childrenOf(der, rdn)) || [];
    if (!pair || multi.length > 0 || pair.tag !== 0x30) return undefined;
    const [oid, value, ...extra] = childrenOf(der, pair) ?? [];
    const type = NAME_TYPES.get(hex(der, oid, 0x06) ?? '');
    if (!type || !value || extra.length > 0 || !PLAIN_STRINGS.has(value.tag)) return undefined;
    const text = ascii(der, value);
    if (text === undefined || !PLAIN_VALUE.test(text)) return undefined;
    lines.push(`${type}=${text}`);
  }
  return lines.join('\n');
}

/** UTCTime `YYMMDDHHMMSSZ` or GeneralizedTime `YYYYMMDDHHMMSSZ`, as opensslDate reads Node's print of it. */
function timeIso(der: Uint8Array, tlv: Tlv): string | undefined {
  const text = ascii(der, tlv);
  if (text === undefined) return undefined;
  let digits: string;
  let year: number;
  if (tlv.tag === 0x17 && /^\d{12}Z$/.test(text)) {
    const yy = Number(text.slice(0, 2));
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    digits = text.slice(2);
  } else if (tlv.tag === 0x18 && /^\d{14}Z$/.test(text)) {
    year = Number(text.slice(0, 4));
    digits = text.slice(4);
  } else return undefined;
  const part = (i: number) => Number(digits.slice(i, i + 2));
  return utcIso(year, part(0), part(2), part(4), part(6), part(8));
}

/**
 * The extensions, each at most once (OpenSSL marks a repeated one invalid): the DNS names of the
 * subjectAltName, and a basicConstraints that does not make the certificate a CA. Node's `ca` is
 * true only with cA TRUE, which is left to Node (it also weighs keyUsage and every other extension).
 */
function readExtensions(der: Uint8Array, wrapper: Tlv): { dnsNames: string[] } | undefined {
  const [list, ...extra] = childrenOf(der, wrapper) ?? [];
  if (list?.tag !== 0x30 || extra.length > 0) return undefined;
  const seen = new Set<string>();
  let dnsNames: string[] = [];
  for (const extension of childrenOf(der, list) ?? [undefined]) {
    if (extension?.tag !== 0x30) return undefined;
    const parts = childrenOf(der, extension) ?? [];
    const oid = hex(der, parts[0], 0x06);
    const value = parts[parts.length - 1];
    const critical = parts.length === 3 ? parts[1] : undefined;
    if (oid === undefined || seen.has(oid) || parts.length < 2 || parts.length > 3) return undefined;
    if (critical && (critical.tag !== 0x01 || critical.contentEnd - critical.contentStart !== 1)) return undefined;
    if (value?.tag !== 0x04) return undefined;
    seen.add(oid);
    const [inner, ...after] = childrenOf(der, value) ?? [];
    if (oid === BASIC_CONSTRAINTS) {
      if (inner?.tag !== 0x30 || after.length > 0) return undefined;
      const first = childrenOf(der, inner)?.[0];
      if (first?.tag === 0x01 && der[first.contentStart] !== 0) return undefined;
    } else if (oid === SUBJECT_ALT_NAME) {
      if (inner?.tag !== 0x30 || after.length > 0) return undefined;
      const names = dnsNamesOf(der, inner);
      if (!names) return undefined;
      dnsNames = names;
    }
  }
  return { dnsNames };
}

/** dNSName and iPAddress entries only: Node prints any other kind in ways the SAN reader must not meet. */
function dnsNamesOf(der: Uint8Array, names: Tlv): string[] | undefined {
  const out: string[] = [];
  for (const name of childrenOf(der, names) ?? [undefined]) {
    if (name?.tag === 0x87) continue;
    if (name?.tag !== 0x82) return undefined;
    const text = ascii(der, name);
    if (text === undefined || !PLAIN_DNS_NAME.test(text)) return undefined;
    out.push(text);
  }
  return out;
}

/**
 * X509_verify with the certificate's own key, for a sha*WithRSAEncryption signature whose algorithm is
 * the same bytes inside and outside the signed part: the PKCS #1 v1.5 check over the signed bytes as
 * they are. The key is built from its modulus and exponent (JWK), which OpenSSL does without its
 * decoders. Undefined for any other signature: Node checks it.
 */
function signedBy(
  der: Uint8Array,
  parts: { tbs: Tlv; innerAlgorithm: Tlv; outerAlgorithm: Tlv; signature: Tlv },
  key: RsaKey,
): boolean | undefined {
  const { tbs, innerAlgorithm, outerAlgorithm, signature } = parts;
  const inner = der.subarray(innerAlgorithm.start, innerAlgorithm.end);
  const outer = der.subarray(outerAlgorithm.start, outerAlgorithm.end);
  if (!sameBytes(outer, inner) || der[signature.contentStart] !== 0) return undefined;
  const [oid, params, ...more] = childrenOf(der, outerAlgorithm) ?? [];
  const hash = RSA_SIGNATURE_HASHES.get(hex(der, oid, 0x06) ?? '');
  if (!hash || more.length > 0 || (params && hex(der, params, 0x05) !== '')) return undefined;
  try {
    const publicKey = createPublicKey({
      key: { kty: 'RSA', n: base64url(key.modulus), e: base64url(key.exponent) },
      format: 'jwk',
    });
    return verify(
      hash,
      der.subarray(tbs.start, tbs.end),
      publicKey,
      der.subarray(signature.contentStart + 1, signature.contentEnd),
    );
  } catch {
    return false;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url');
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());

/** The content of a TLV of the given tag as lower-case hex; undefined for another tag or none. */
function hex(der: Uint8Array, tlv: Tlv | undefined, tag: number): string | undefined {
  if (!tlv || tlv.tag !== tag) return undefined;
  let out = '';
  for (let i = tlv.contentStart; i < tlv.contentEnd; i++) out += HEX_BYTE[der[i]!]!.toLowerCase();
  return out;
}

/** Printable ASCII content only (what OpenSSL prints unchanged). */
function ascii(der: Uint8Array, tlv: Tlv): string | undefined {
  let out = '';
  for (let i = tlv.contentStart; i < tlv.contentEnd; i++) {
    const byte = der[i]!;
    if (byte < 0x20 || byte > 0x7e) return undefined;
    out += String.fromCharCode(byte);
  }
  return out;
}
