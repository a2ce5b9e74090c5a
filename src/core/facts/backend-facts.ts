import type { PlanScope } from './plan-scope.js';

/**
 * The certificate about to be removed is the one Exchange Back End (port 444) is bound to. `netsh
 * http show sslcert ipport=0.0.0.0:444` or the binding in the paste decides; without it, Setup's
 * self-signed certificate is the one it binds there (rebind it), and a CA-issued one is not.
 * Undecided for a certificate whose issuer the paste does not show: the plan shows the binding first.
 */
export function oldOnBackEnd444(s: PlanScope): boolean | undefined {
  const cert = s.cert;
  if (cert?.backEnd444 !== undefined) return cert.backEnd444;
  // The Auth certificate signs OAuth tokens; Setup never binds it to a site.
  if (cert?.role === 'auth') return false;
  if (cert?.issuerKind === 'self-signed') return true;
  if (cert?.issuerKind === 'ca') return false;
  return undefined;
}
