import type { ServerCertificate } from '../model.js';
import type { PlanScope } from './plan-scope.js';

/**
 * The current Auth certificate is expired or gone, by what the paste shows: the certificate the plan
 * is about, else the one Get-AuthConfig or HealthChecker names as current. A symptom alone (OWA 1003,
 * a serialization failure) does not show it: the plan shows Get-AuthConfig first and branches,
 * because replacing a valid Auth certificate breaks OAuth (hybrid free/busy, Teams) for nothing.
 */
export function authNeedsReplacing(s: PlanScope): boolean | undefined {
  const current = s.cert ?? s.facts.certificates.find((c) => c.authCurrent === true);
  if (current?.daysLeft === undefined) return undefined;
  return current.daysLeft < 0;
}

/** Fewer days than this left on a staged certificate would soon put the same outage back. */
const STAGED_DAYS_ENOUGH = 30;

/**
 * The next Auth certificate already staged (Get-AuthConfig's NextCertificateThumbprint, HealthChecker's
 * Next Auth Certificate) when the paste shows it listed and valid for a while yet: promoting it ends
 * the outage at once, where a new certificate would have to be made, published and trusted again.
 */
export function stagedNextAuth(s: PlanScope): ServerCertificate | undefined {
  return s.facts.certificates.find(
    (c) =>
      c.authNext === true &&
      c.authCurrent !== true &&
      c.thumbprint !== s.cert?.thumbprint &&
      c.daysLeft !== undefined &&
      c.daysLeft >= STAGED_DAYS_ENOUGH,
  );
}
