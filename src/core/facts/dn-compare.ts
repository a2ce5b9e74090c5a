import { parseDn } from '../distinguished-name.js';

/**
 * Two printed distinguished names name the same entity: the same RDNs, whatever the order (Windows
 * prints CN first, OpenSSL C first), spacing, case or quoting.
 */
export function sameDistinguishedName(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

function canonical(dn: string): string {
  const rdns = parseDn(dn);
  if (rdns.length === 0) return dn.replace(/\s+/g, '').toLowerCase();
  return rdns
    .map((rdn) => `${rdn.type.toUpperCase().replace(/^ST$/, 'S')}=${rdn.value.trim().toLowerCase()}`)
    .sort()
    .join('|');
}
