import type { ServerCertificate } from '../model.js';
import { commonName, isValid, type PlanScope } from './plan-scope.js';


/**
 * A valid CA-issued certificate on this server that IIS can be given when 443 still serves the
 * expired Setup certificate: clients trust it, where a new self-signed one would warn them as the old
 * one did. Issued by a CA as the paste shows it, or with an unknown issuer and a name that is not the
 * server's own (mail.…); enabled for IIS, or with services the paste does not show (a table cut them
 * off). The one that lasts longest.
 */
export function iisCaCandidate(s: PlanScope): ServerCertificate | undefined {
  const own = s.facts.name?.toLowerCase();
  const candidates = s.facts.certificates.filter(
    (c) =>
      c.thumbprint !== undefined &&
      c.thumbprint !== s.cert?.thumbprint &&
      c.issuerKind !== 'self-signed' &&
      (c.issuerKind === 'ca' || (c.role !== 'exchange-self-signed' && commonName(c.subject) !== own)) &&
      c.role !== 'exchange-self-signed' &&
      !/^CN=(?:Microsoft Exchange Server Auth Certificate|WMSvc-|Federation)/i.test(c.subject) &&
      isValid(c) &&
      c.daysLeft !== undefined &&
      (c.servicesHistory === undefined || c.servicesHistory.includes('IIS')),
  );
  return candidates.sort((a, b) => (b.daysLeft ?? 0) - (a.daysLeft ?? 0))[0];
}
