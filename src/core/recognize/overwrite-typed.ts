/**
 * What the paste shows of an overwrite-default-SMTP prompt beyond its two certificates: the answer
 * the admin already typed at it, and the certificate piped into New-ExchangeCertificate that asked
 * (without -GenerateRequest, Exchange makes a self-signed copy of that certificate).
 */

/** `[Y] Yes … (default is "Y"): n` / `… (既定値は "Y"): n`: A (Yes to All) is Y, L (No to All) is N. */
const TYPED = /\((?:default\s+is|既定値は)\s*["“]?[YN]["”]?\s*\)\s*[:：][ \t]*([YyNnAaLl])[ \t]*(?:\r?\n|$)/;

export function promptTyped(text: string, index: number): 'Y' | 'N' | undefined {
  const typed = TYPED.exec(text.slice(index, index + 800))?.[1]?.toUpperCase();
  if (typed === 'Y' || typed === 'A') return 'Y';
  if (typed === 'N' || typed === 'L') return 'N';
  return undefined;
}

const PIPED =
  /Get-ExchangeCertificate\s+(?:-Thumbprint\s+)?["']?([0-9A-Fa-f]{40})["']?[^\n|]*\|\s*New-ExchangeCertificate\b([^\n]*)/gi;

/** The thumbprint piped into the New-ExchangeCertificate that brought the prompt up, without -GenerateRequest. */
export function promptPipedFrom(text: string, index: number): string | undefined {
  const before = text.slice(Math.max(0, index - 2000), index);
  const last = [...before.matchAll(PIPED)].pop();
  if (!last || /-GenerateRequest\b/i.test(last[2] ?? '')) return undefined;
  return last[1]?.toUpperCase();
}
