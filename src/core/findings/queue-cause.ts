import type { CertificateFacts, EventFacts } from '../model.js';

/** Transport certificate events that break TLS between servers: gone, expired, or no internal certificate. */
const CERTIFICATE_CAUSES = new Set([12014, 12015, 12016, 12023]);
const shortName = (name: string): string => name.split('.')[0]?.toLowerCase() ?? '';

/**
 * Whether the paste shows a transport certificate problem on `server` (on any server when the queue
 * names none): an event that says the certificate is gone or expired, or an expired certificate
 * enabled for SMTP listed for that server. A dropped connection there is then most likely its effect.
 */
export function transportCertificateCause(
  events: readonly EventFacts[],
  certificates: readonly CertificateFacts[],
  server?: string,
): boolean {
  const here = (name?: string) => !server || !name || shortName(name) === shortName(server);
  if (events.some((e) => CERTIFICATE_CAUSES.has(e.id) && here(e.computer))) return true;
  return certificates.some(
    (c) =>
      (c.daysLeft ?? 0) < 0 &&
      (c.services ?? []).includes('SMTP') &&
      (!server || !c.servers?.length || c.servers.some((name) => here(name))),
  );
}

/**
 * The paste settles the overwrite prompt the admin asks about: an event says the internal transport
 * certificate expired or expires (12015, 12017) and no CA certificate is shown to renew, so the new
 * certificate is the server's own self-signed one and the answer is Y.
 */
export function internalRenewalOnly(events: readonly EventFacts[], certificates: readonly CertificateFacts[]): boolean {
  if (!events.some((e) => e.id === 12015 || e.id === 12017)) return false;
  return !certificates.some((c) => c.selfSigned === false && c.isCA !== true && (c.daysLeft ?? 0) <= 30);
}
