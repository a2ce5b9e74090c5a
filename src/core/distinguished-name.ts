/**
 * Distinguished names as Windows prints them (`CN=mail.contoso.com, O="Contoso, Inc."`), read from
 * the shapes pastes carry them in: Node's one-RDN-per-line form with RFC 2253 escapes, OpenSSL's
 * `CN = x` (≥1.1) or `/C=US/CN=x` (1.0), and Windows' own.
 */
export interface Rdn {
  type: string;
  value: string;
}

const MAX_DN_LENGTH = 4096;

/** One RDN after another, in the order given, joined the way Windows joins them. */
export function formatDn(rdns: readonly Rdn[]): string {
  return rdns.map((rdn) => `${rdn.type}=${quoteValue(rdn.value)}`).join(', ');
}

function quoteValue(value: string): string {
  if (!/[,+="\n]|^\s|\s$/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * Reads `TYPE=value` pairs separated by `,`, `+` or newlines; values may be "quoted" (with `""` or
 * `\"` inside) or carry backslash escapes. Spaces around `=` are allowed (OpenSSL ≥1.1 prints them).
 */
export function parseDn(text: string): Rdn[] {
  const input = text.slice(0, MAX_DN_LENGTH);
  if (/^\s*\/[A-Za-z]+=/.test(input)) return parseSlashDn(input);
  const out: Rdn[] = [];
  let i = 0;
  while (i < input.length) {
    const eq = input.indexOf('=', i);
    if (eq < 0) break;
    const type = input
      .slice(i, eq)
      .replace(/^[\s,+]+/, '')
      .trim();
    let j = eq + 1;
    while (input[j] === ' ') j++;
    let value = '';
    if (input[j] === '"') {
      j++;
      while (j < input.length) {
        const ch = input[j]!;
        if (ch === '\\' && j + 1 < input.length) {
          value += input[j + 1];
          j += 2;
        } else if (ch === '"' && input[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (ch === '"') {
          j++;
          break;
        } else {
          value += ch;
          j++;
        }
      }
      while (j < input.length && !/[,+\n]/.test(input[j]!)) j++;
    } else {
      while (j < input.length && !/[,+\n]/.test(input[j]!)) {
        if (input[j] === '\\' && j + 1 < input.length) {
          value += input[j + 1];
          j += 2;
        } else {
          value += input[j];
          j++;
        }
      }
      value = value.trim();
    }
    if (type) out.push({ type, value });
    i = j + 1;
  }
  return out;
}

function parseSlashDn(text: string): Rdn[] {
  return text
    .trim()
    .split('/')
    .filter((part) => part.includes('='))
    .map((part) => {
      const eq = part.indexOf('=');
      return { type: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
    });
}

/**
 * A DN in the certificate's own order (as X.509 and OpenSSL print it: C first) turned into the
 * order and names Windows and Exchange print (CN first, S= for ST=), so that a subject reads the same
 * whichever way it was pasted and can be used in `<I>issuer<S>subject` for TlsCertificateName.
 */
export function toWindowsOrder(rdns: readonly Rdn[]): Rdn[] {
  return [...rdns].reverse().map((rdn) => (rdn.type.toUpperCase() === 'ST' ? { ...rdn, type: 'S' } : rdn));
}

/** An OpenSSL-printed DN (certificate order) as Windows prints it. */
export function windowsDnFromCertificateOrder(text: string): string {
  const rdns = parseDn(text);
  return rdns.length > 0 ? formatDn(toWindowsOrder(rdns)) : text.trim();
}

/** Any DN text to the Windows form; text that holds no `TYPE=value` pair is returned trimmed. */
export function windowsDn(text: string): string {
  const rdns = parseDn(text);
  return rdns.length > 0 ? formatDn(rdns) : text.trim();
}

/** The CN values of a DN, in order. */
export function commonNames(dn: string): string[] {
  return parseDn(dn)
    .filter((rdn) => rdn.type.toUpperCase() === 'CN' && rdn.value !== '')
    .map((rdn) => rdn.value);
}

/** CN values that can be host names (the Auth certificate's CN is not one). */
export function hostLikeCommonNames(dn: string): string[] {
  return commonNames(dn).filter((cn) => /^[A-Za-z0-9*_][A-Za-z0-9._*-]*$/.test(cn));
}

/** Names deduplicated case-insensitively, first spelling kept. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
