import type { ServerCertificate } from '../model.js';
import { commonName, isValid, type PlanScope } from './plan-scope.js';

/**
 * Facts the renewal of a server's own self-signed (internal transport) certificate decides from:
 * whether the renewal is already done, and whether client-facing services have a CA certificate.
 */

const imapPop = (x: string) => x === 'IMAP' || x === 'POP';

/** A name clients use (mail.contoso.com), not the server's own (EX01, EX01.contoso.local). */
function clientName(cert: ServerCertificate, server: string | undefined): boolean {
  const cn = commonName(cert.subject);
  if (!cn?.includes('.')) return false;
  return cn.split('.')[0] !== server?.toLowerCase();
}

/**
 * A valid CA certificate on this server that lists IMAP or POP (the ft abbreviations `IP.WS..` too).
 * One whose issuer the paste hides counts when it carries a name clients use and is not Exchange's
 * own: IMAP and POP clients already get it, so a new self-signed certificate never takes them over.
 */
export function caCertForImapPop(s: PlanScope): ServerCertificate | undefined {
  const own = s.facts.name;
  return s.facts.certificates.find(
    (c) =>
      c !== s.cert &&
      (s.cert?.thumbprint === undefined || c.thumbprint !== s.cert.thumbprint) &&
      c.issuerKind !== 'self-signed' &&
      (c.issuerKind === 'ca' || (c.role !== 'exchange-self-signed' && c.role !== 'auth' && clientName(c, own))) &&
      isValid(c) &&
      (c.daysLeft === undefined || c.daysLeft > 0) &&
      (c.servicesHistory ?? c.servicesAtLeast ?? []).some(imapPop),
  );
}

/**
 * The internal transport certificate the paste shows already renewed: the certificate this plan is
 * about (expired or expiring, self-signed for the server's own name) is no longer the internal
 * transport certificate, and InternalTransportCertificateThumbprint names a newer valid one with the
 * same name. Or the admin says the renewal was made with Y (or that 12015 stopped since), and the
 * listing holds exactly one newer valid certificate of the same name enabled for SMTP: an event read
 * from the prose names the certificate the role had when it was logged, not since. Nothing is made
 * again: only what follows a renewal is left.
 */
export function internalRenewedAlready(s: PlanScope): ServerCertificate | undefined {
  const old = s.cert;
  if (!old?.thumbprint || old.issuerKind === 'ca') return undefined;
  const shown = old.internalTransport === false;
  // Said, against a listing that still shows the old one in the role, the listing wins; an event read
  // from the prose (12015) only says what the role was when it was logged.
  const said =
    s.values.internalRenewedSaid === 'yes' &&
    (old.internalTransport !== true || s.eventId === 12015 || s.eventId === 12017);
  if (!shown && !said) return undefined;
  const name = commonName(old.subject);
  if (!name) return undefined;
  const found = s.facts.certificates.filter(
    (c) =>
      c.thumbprint !== undefined &&
      c.thumbprint !== old.thumbprint &&
      (shown ? c.internalTransport === true : (c.servicesHistory ?? c.servicesAtLeast ?? []).includes('SMTP')) &&
      c.issuerKind !== 'ca' &&
      commonName(c.subject) === name &&
      c.daysLeft !== undefined &&
      c.daysLeft > 0 &&
      (old.daysLeft === undefined || c.daysLeft > old.daysLeft),
  );
  return found.length === 1 ? found[0] : undefined;
}
