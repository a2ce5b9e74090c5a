import { commonName, isValid, type PlanScope } from './plan-scope.js';
import type { ServerCertificate } from './server-facts.js';

/**
 * The certificate about to be removed is the one Default Web Site serves on 443. The binding or a
 * probe of 443 in the paste decides, and so does another certificate shown there or a valid CA-issued
 * one enabled for IIS (almost always the one bound). A listing whose Services lack IIS says it never
 * served IIS; one that lists IIS says only that it once did, and a probe of port 25 says nothing about
 * 443. Undecided otherwise: the plan shows the binding before the removal.
 */
export function oldOnFrontEnd443(s: PlanScope): boolean | undefined {
  const cert = s.cert;
  if (cert?.iisFrontEnd !== undefined) return cert.iisFrontEnd;
  if (cert?.presentedOn.includes(443)) return true;
  const others = s.facts.certificates.filter((c) => c.thumbprint !== cert?.thumbprint);
  if (others.some((c) => c.iisFrontEnd === true || c.presentedOn.includes(443))) return false;
  if (others.some((c) => servesClients(c, s.facts.name) && isValid(c) && c.iisFrontEnd !== false)) return false;
  if (cert?.servicesHistory !== undefined && !cert.servicesHistory.includes('IIS')) return false;
  // A server Get-ExchangeServer shows as Hub Transport or Edge only serves no clients over IIS.
  const strong = s.facts.roles.filter((r) => r.strength === 'strong').map((r) => r.value);
  if (strong.length > 0 && strong.every((r) => r === 'hub' || r === 'edge')) return false;
  return undefined;
}


/**
 * A certificate enabled for IIS that is CA-issued, or whose issuer the paste does not show but which
 * carries a name other than the server's own (mail.…): the one clients are served, not Setup's.
 */
function servesClients(c: ServerCertificate, server: string | undefined): boolean {
  if (!c.servicesHistory?.includes('IIS') || c.issuerKind === 'self-signed') return false;
  return (
    c.issuerKind === 'ca' || (c.role !== 'exchange-self-signed' && commonName(c.subject) !== server?.toLowerCase())
  );
}
