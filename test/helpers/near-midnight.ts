import { makeCertificate } from '../probe/helpers/test-certs.js';
import { thumbprintOf } from '../probe/fixtures.js';

/**
 * A certificate that expires at 23:30 UTC: the 14th in London's winter, in UTC and in New York, the
 * 15th in Tokyo (08:30 JST). Every surface must show it as this one instant.
 */
export const NOT_AFTER = '2026-06-14T23:30:00.000Z';
/** The instant as Slack's date token carries it. */
export const NOT_AFTER_UNIX = Date.UTC(2026, 5, 14, 23, 30) / 1000;

const certificate = makeCertificate({
  cn: 'mail.tailspintoys.com',
  sans: ['mail.tailspintoys.com', 'autodiscover.tailspintoys.com'],
  notBefore: '2025-06-14T23:30:00Z',
  notAfter: NOT_AFTER,
});

export const NEAR_MIDNIGHT_PEM = certificate.certPem;
export const NEAR_MIDNIGHT_THUMBPRINT = thumbprintOf(certificate);
/** Its key, for a loopback server that presents it. */
export const NEAR_MIDNIGHT_KEY = certificate.keyPem;
