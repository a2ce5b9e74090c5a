import { childrenOf, DER_TAG, oidOf, readTlv } from './der.js';

const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';

/** True when the bytes are a PKCS#7 ContentInfo holding SignedData (a .p7b chain). */
export function isPkcs7(der: Uint8Array): boolean {
  const info = readTlv(der, 0);
  if (!info || info.tag !== DER_TAG.sequence) return false;
  return oidOf(der, childrenOf(der, info)?.[0]) === SIGNED_DATA_OID;
}

/**
 * The exact DER of every certificate in a PKCS#7 SignedData, in order. We walk the structure
 * ourselves because forge.pkcs7 parses each certificate with its RSA-only reader and fails on EC.
 *
 * ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT SignedData }
 * SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE,
 *                           certificates [0] IMPLICIT SET OF Certificate OPTIONAL, crls [1] …, signerInfos SET }
 */
export function pkcs7Certificates(der: Uint8Array): Uint8Array[] | undefined {
  const info = readTlv(der, 0);
  if (!info || info.tag !== DER_TAG.sequence) return undefined;
  const [contentType, explicit] = childrenOf(der, info) ?? [];
  if (oidOf(der, contentType) !== SIGNED_DATA_OID || !explicit || explicit.tag !== 0xa0) return undefined;
  const signedData = childrenOf(der, explicit)?.[0];
  if (!signedData || signedData.tag !== DER_TAG.sequence) return undefined;
  const fields = childrenOf(der, signedData);
  if (!fields) return undefined;
  const certificates = fields.find((tlv) => tlv.tag === 0xa0);
  if (!certificates) return [];
  const entries = childrenOf(der, certificates);
  if (!entries) return undefined;
  return entries.filter((tlv) => tlv.tag === DER_TAG.sequence).map((tlv) => der.subarray(tlv.start, tlv.end));
}
