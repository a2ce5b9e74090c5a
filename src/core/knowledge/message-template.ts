/**
 * Event message templates are written as the event text itself, so the catalogue reads like the
 * Microsoft pages it was copied from. `{name}` marks a parameter; `{...}` skips text up to the
 * next literal without crossing a blank line (two events pasted one after the other).
 */

/** The parameters a template can name; each becomes a named capture group. */
export type TemplateField =
  | 'thumbprint'
  | 'ephemeralThumbprint'
  | 'hoursRemaining'
  | 'fqdn'
  | 'subject'
  | 'connector'
  /** 12014's "domain name" parameter: a host name or a TlsCertificateName `<I>issuer<S>subject`. */
  | 'domain';

const HEX40 = '[0-9A-Fa-f]{40}(?![0-9A-Fa-f])';
const HOST = '[^\\s,;<>]{0,255}';
/** The subject part stops at the next '<': a DN has none, and it keeps a flood of `<S>` linear. */
const X509_OR_HOST = `<I>[\\s\\S]{0,600}?<S>[^<]{0,600}?|${HOST}`;
const CAPTURES: Record<TemplateField, string> = {
  thumbprint: HEX40,
  ephemeralThumbprint: HEX40,
  hoursRemaining: '-?\\d{1,7}',
  fqdn: X509_OR_HOST,
  subject: HOST,
  connector: '[\\s\\S]{0,256}?',
  domain: X509_OR_HOST,
};
/** Crosses a line break only into an indented line: PowerShell wraps a long Message that way. */
const GAP = '(?:[^\\n]|\\n[ \\t]+(?=\\S)){0,3000}?';

const TOKEN = /\{(\.\.\.|[a-zA-Z]+)\}|( +)|(:)|(['’])|([^{ :'’]+)/g;

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^$()|[\]\\/-]/g, '\\$&');
}

/**
 * Words a paste must contain for the template to have a chance: the long words before its first
 * parameter, lower-cased. Checking them with includes() spares running dozens of regexes over every
 * paste; the start of a message survives PowerShell's truncation, so these words do too.
 */
export function templateAnchors(text: string): string[] {
  const head = text.split('{', 1)[0] ?? '';
  return [...new Set(head.toLowerCase().match(/[a-z]{6,}/g) ?? [])];
}

/** Compiles an English template. Spaces next to a parameter or after a colon may vanish. */
export function template(text: string): RegExp {
  const parts: string[] = [];
  const tokens = [...text.matchAll(TOKEN)];
  tokens.forEach((token, index) => {
    const [, name, spaces, colon, quote, literal] = token;
    const previous = tokens[index - 1];
    if (name === '...') parts.push(GAP);
    else if (name !== undefined) {
      const capture = CAPTURES[name as TemplateField];
      if (capture === undefined) throw new Error(`template: unknown parameter {${name}}`);
      // A parameter that ends the template needs an end of its own, or a lazy one captures nothing.
      const end = index === tokens.length - 1 ? '(?=\\.?(?:[\\s<]|$))' : '';
      parts.push(`(?<${name}>${capture})${end}`);
    } else if (spaces !== undefined) {
      const loose = previous?.[3] !== undefined || [previous?.[1], tokens[index + 1]?.[1]].some((n) => n !== undefined);
      parts.push(loose ? '\\s*' : '\\s+');
    } else if (colon !== undefined) parts.push(tokens[index + 1]?.[2] === undefined ? ':\\s*' : ':');
    else if (quote !== undefined) parts.push("['’‘]");
    else if (literal !== undefined) parts.push(escapeRegExp(literal));
  });
  const boundary = /^\w/.test(text) ? '\\b' : '';
  return new RegExp(boundary + parts.join(''), 'i');
}
