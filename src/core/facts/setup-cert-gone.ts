import type { CertificateFacts } from '../model.js';
import { isOwnName } from './conditions.js';
import { commonName, isValid } from './plan-scope.js';
import type { ServerCertificate, ServerFacts } from './server-facts.js';

/** Where a certificate is read from a server's own store listing. */
const LISTING_SOURCES: ReadonlySet<string> = new Set(['exchange-list', 'exchange-table', 'certutil', 'healthchecker']);

/** Self-signed certificates Exchange makes for other purposes than Setup's own (OAuth, federation, Web Management). */
const OTHER_SELF_SIGNED: ReadonlySet<string | undefined> = new Set(['auth', 'federation', 'wmsvc']);

/** The certificates of this server that the paste shows in a listing of its store. */
function listedOn(facts: ServerFacts, certificates: readonly CertificateFacts[]): ServerCertificate[] {
  return facts.certificates.filter(
    (c) =>
      c.thumbprint !== undefined &&
      certificates.some((k) => k.thumbprint === c.thumbprint && LISTING_SOURCES.has(k.source)),
  );
}

/** Setup's self-signed certificate, or another the server made for its own names. */
function isServersOwn(cert: ServerCertificate, facts: ServerFacts): boolean {
  if (cert.role === 'exchange-self-signed') return true;
  if (cert.issuerKind === 'self-signed' && !OTHER_SELF_SIGNED.has(cert.role)) return true;
  return isOwnName(commonName(cert.subject), facts.name);
}

/**
 * On 2013 and later Setup's self-signed certificate (CN=EX01, the server's own names) is both the
 * internal transport certificate and the one Exchange Back End (444) is bound to. A listing of the
 * server's store with at least two certificates and none for the server's own names, nor one Exchange
 * signed itself for them, says it is gone: both uses need a new one. A single certificate is no
 * listing of the store (Get-ExchangeCertificate -Thumbprint shows one).
 */
export function setupCertificateGone(facts: ServerFacts, certificates: readonly CertificateFacts[]): boolean {
  // Without the server's name a certificate for it cannot be told from others.
  if (!facts.name) return false;
  const listed = listedOn(facts, certificates);
  return listed.length >= 2 && !listed.some((c) => isServersOwn(c, facts));
}

/**
 * A valid certificate of the listing that Exchange Back End (444) can be bound to for now, while the
 * Management Shell cannot connect: any valid certificate of the store serves there. Not the Auth,
 * federation or Web Management certificate, which have purposes of their own.
 */
export function interimBackendCertificate(
  facts: ServerFacts,
  certificates: readonly CertificateFacts[],
): ServerCertificate | undefined {
  const pending = new Set(certificates.filter((c) => c.status === 'PendingRequest').map((c) => c.thumbprint));
  const usable = listedOn(facts, certificates).filter(
    (c) => c.daysLeft !== undefined && isValid(c) && !OTHER_SELF_SIGNED.has(c.role) && !pending.has(c.thumbprint),
  );
  // The one that lasts longest: it is the one least likely to be renewed and removed soon.
  return usable.sort((a, b) => (b.daysLeft ?? 0) - (a.daysLeft ?? 0))[0];
}
