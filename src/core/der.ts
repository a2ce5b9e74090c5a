import forge from 'node-forge';

/**
 * A minimal DER/BER walker. We slice certificates out of their containers by byte offsets rather than
 * re-encoding parsed ASN.1 (forge.asn1.toDer): a thumbprint is the SHA-1 of the exact bytes, and a
 * re-encoding of anything not strictly DER would change it.
 */
export interface Tlv {
  tag: number;
  constructed: boolean;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content (and past the end-of-contents octets of an indefinite length). */
  end: number;
  /** Offset just past the content bytes proper (excludes end-of-contents octets). */
  contentEnd: number;
}

export const DER_TAG = { integer: 0x02, octetString: 0x04, oid: 0x06, sequence: 0x30, set: 0x31 } as const;

const MAX_DEPTH = 24;

/** Reads the TLV at `offset`; undefined when the bytes do not hold a whole, well-formed one. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length, depth = 0): Tlv | undefined {
  if (depth > MAX_DEPTH || offset + 2 > limit) return undefined;
  const tag = bytes[offset]!;
  // High tag numbers never occur in the structures we walk.
  if ((tag & 0x1f) === 0x1f) return undefined;
  const constructed = (tag & 0x20) !== 0;
  const first = bytes[offset + 1]!;
  let pos = offset + 2;
  if (first === 0x80) {
    if (!constructed) return undefined;
    // Indefinite length (BER, seen in some PKCS#7 files): children until the 00 00 end-of-contents.
    let child = pos;
    while (child + 2 <= limit && !(bytes[child] === 0 && bytes[child + 1] === 0)) {
      const inner = readTlv(bytes, child, limit, depth + 1);
      if (!inner) return undefined;
      child = inner.end;
    }
    if (child + 2 > limit) return undefined;
    return { tag, constructed, start: offset, contentStart: pos, contentEnd: child, end: child + 2 };
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4 || pos + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos + i]!;
    pos += count;
  }
  if (pos + length > limit) return undefined;
  return { tag, constructed, start: offset, contentStart: pos, contentEnd: pos + length, end: pos + length };
}

/** The TLVs directly inside a constructed TLV; undefined when one of them is malformed. */
export function childrenOf(bytes: Uint8Array, parent: Tlv, depth = 0): Tlv[] | undefined {
  const out: Tlv[] = [];
  let pos = parent.contentStart;
  while (pos < parent.contentEnd) {
    const child = readTlv(bytes, pos, parent.contentEnd, depth + 1);
    if (!child) return undefined;
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** The dotted form of an OBJECT IDENTIFIER TLV. */
export function oidOf(bytes: Uint8Array, tlv: Tlv | undefined): string | undefined {
  if (!tlv || tlv.tag !== DER_TAG.oid || tlv.contentEnd <= tlv.contentStart) return undefined;
  try {
    return forge.asn1.derToOid(binaryString(bytes.subarray(tlv.contentStart, tlv.contentEnd)));
  } catch {
    return undefined;
  }
}

function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}
