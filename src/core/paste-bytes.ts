/**
 * A file's bytes as the text the core reads. Windows PowerShell 5.1 writes `> file.txt` as UTF-16LE
 * (with a BOM; other tools without), certificates come as binary DER (.cer, .der), PKCS#7 (.p7b) or
 * PKCS#12 (.pfx): binary becomes bare base64, which the recognisers tell apart (a PKCS#12 holds a
 * private key and is flagged as one).
 */
export interface PasteFromBytes {
  text: string;
  /** How the bytes were read, for a reply that says so. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary';
}

export function pasteFromBytes(bytes: Uint8Array): PasteFromBytes {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3)) ?? binary(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  if (!hasControlBytes(bytes)) {
    const text = utf8(bytes);
    if (text) return text;
  }
  return binary(bytes);
}

function utf8(bytes: Uint8Array): PasteFromBytes | undefined {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return undefined;
  }
}

function decode(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** ASCII text in UTF-16 has a zero in every other byte; DER does not look like that. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.1) return 'utf-16be';
  return undefined;
}

function hasControlBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return true;
  return false;
}

function binary(bytes: Uint8Array): PasteFromBytes {
  return { text: Buffer.from(bytes).toString('base64'), encoding: 'binary' };
}
