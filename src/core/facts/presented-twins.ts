import type { ParsedCertificate, PresentedEndpoint } from '../recognize/evidence.js';
import { commonName } from './plan-scope.js';

/** The widest gap between one instant written in a server's local time and in GMT (UTC-12 to UTC+14). */
const ZONE_SPREAD_MS = 15 * 3_600_000;

/**
 * The certificate an endpoint presented (openssl s_client -brief: subject and notAfter, no thumbprint)
 * that a listing also shows (Get-ExchangeCertificate, certutil) is one certificate seen twice: the
 * presented leaf takes the listed one's thumbprint, so the port it was presented on is known of that
 * certificate, and it is left out of the certificates, so it gets no plan of its own (a second
 * request for a certificate whose renewal the listing shows). Matched by common name and an expiry
 * within the spread of time zones; never when two listed certificates could be it. Only a leaf that
 * has expired or is about to is folded: a valid one presented where another belongs (a self-signed
 * certificate on port 25) keeps the finding about what the port presents.
 */
export function foldPresentedLeaves(
  certificates: readonly ParsedCertificate[],
  endpoints: readonly PresentedEndpoint[] = [],
  now: Date,
  warnDays: number,
): ParsedCertificate[] {
  const listed = certificates.filter((c) => c.thumbprint && c.source !== 's-client' && c.source !== 'event');
  const folded = new Set<ParsedCertificate>();
  for (const endpoint of endpoints) {
    const leaf = endpoint.chain[0];
    if (!leaf || leaf.thumbprint || !leaf.notAfter) continue;
    const cn = commonName(leaf.subject);
    const until = Date.parse(leaf.notAfter);
    if (!cn || Number.isNaN(until) || until - now.getTime() > warnDays * 86_400_000) continue;
    const twins = new Set(
      listed
        .filter((c) => {
          const at = c.notAfter ? Date.parse(c.notAfter) : Number.NaN;
          return commonName(c.subject) === cn && Math.abs(at - until) <= ZONE_SPREAD_MS;
        })
        .map((c) => c.thumbprint),
    );
    const [thumbprint] = [...twins];
    if (twins.size !== 1 || !thumbprint) continue;
    leaf.thumbprint = thumbprint;
    folded.add(leaf);
  }
  return folded.size === 0 ? [...certificates] : certificates.filter((c) => !folded.has(c));
}
