/**
 * The hash behind a certificate's signature, from its OID (DER, certutil) or its printed name
 * (openssl `sha1WithRSAEncryption`, certutil/.NET `sha1RSA`). EdDSA has no separate hash: we name
 * the scheme itself so that a reply can still say what signed the certificate.
 */
const BY_OID: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'MD2',
  '1.2.840.113549.1.1.4': 'MD5',
  '1.2.840.113549.1.1.5': 'SHA1',
  '1.3.14.3.2.29': 'SHA1',
  '1.2.840.113549.1.1.14': 'SHA224',
  '1.2.840.113549.1.1.11': 'SHA256',
  '1.2.840.113549.1.1.12': 'SHA384',
  '1.2.840.113549.1.1.13': 'SHA512',
  '1.2.840.10045.4.1': 'SHA1',
  '1.2.840.10045.4.3.1': 'SHA224',
  '1.2.840.10045.4.3.2': 'SHA256',
  '1.2.840.10045.4.3.3': 'SHA384',
  '1.2.840.10045.4.3.4': 'SHA512',
  '1.2.840.10040.4.3': 'SHA1',
  '2.16.840.1.101.3.4.3.1': 'SHA224',
  '2.16.840.1.101.3.4.3.2': 'SHA256',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  // Digest OIDs, for RSASSA-PSS parameters.
  '1.3.14.3.2.26': 'SHA1',
  '2.16.840.1.101.3.4.2.1': 'SHA256',
  '2.16.840.1.101.3.4.2.2': 'SHA384',
  '2.16.840.1.101.3.4.2.3': 'SHA512',
  '2.16.840.1.101.3.4.2.4': 'SHA224',
};

/** RSASSA-PSS: the hash sits in the parameters (SHA-1 when they are absent). */
export const RSASSA_PSS_OID = '1.2.840.113549.1.1.10';

export function signatureHashFromOid(oid: string): string | undefined {
  return BY_OID[oid];
}

/** `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, `sha1RSA`, `sha256ECDSA`, `ED25519`, `md5WithRSAEncryption` … */
export function signatureHashFromName(name: string): string | undefined {
  const lower = name.trim().slice(0, 100).toLowerCase();
  if (lower === 'ed25519') return 'Ed25519';
  if (lower === 'ed448') return 'Ed448';
  const match = /(sha-?(?:1|224|256|384|512)|md5|md2)/.exec(lower);
  if (!match) return undefined;
  return match[1]!.replace('-', '').toUpperCase();
}
