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
