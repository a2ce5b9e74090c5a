import { childrenOf, DER_TAG, oidOf, readTlv, type Tlv } from '../der.js';

const PKCS7_DATA_OID = '1.2.840.113549.1.7.1';

/**
 * Bare base64 of a private key (PKCS#8 plain or encrypted, PKCS#1 RSA, SEC1 EC) or of a PFX, which
 * carries one: pasted without armour, it must still count as a key and never be echoed.
 */
export function looksLikePrivateKeyDer(der: Uint8Array): boolean {
  const outer = readTlv(der, 0);
  if (!outer || outer.tag !== DER_TAG.sequence) return false;
  const parts = childrenOf(der, outer);
  if (!parts || parts.length < 2) return false;
  const [first, second] = parts as [Tlv, Tlv];
  const version = smallInteger(der, first);
  // PrivateKeyInfo ::= SEQUENCE { version 0, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, … }
  if (version === 0 && second.tag === DER_TAG.sequence && parts[2]?.tag === DER_TAG.octetString) return true;
  // RSAPrivateKey ::= SEQUENCE { version 0, modulus, publicExponent, privateExponent, prime1, prime2, … }
  if (version === 0 && second.tag === DER_TAG.integer && parts.length >= 9) return true;
  // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey }
  if (version === 1 && second.tag === DER_TAG.octetString) return true;
  // PFX ::= SEQUENCE { version 3, authSafe ContentInfo (data), macData }
  if (version === 3 && second.tag === DER_TAG.sequence) {
    return oidOf(der, childrenOf(der, second)?.[0]) === PKCS7_DATA_OID;
  }
  // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
  if (parts.length === 2 && first.tag === DER_TAG.sequence && second.tag === DER_TAG.octetString) {
    const algorithm = oidOf(der, childrenOf(der, first)?.[0]);
    return (
      algorithm?.startsWith('1.2.840.113549.1.5.') === true || algorithm?.startsWith('1.2.840.113549.1.12.') === true
    );
  }
  return false;
}

function smallInteger(der: Uint8Array, tlv: Tlv): number | undefined {
  if (tlv.tag !== DER_TAG.integer || tlv.contentEnd - tlv.contentStart !== 1) return undefined;
  return der[tlv.contentStart];
}
