import { pins } from './build-facts.js';
import { sameDistinguishedName } from './dn-compare.js';
import type { PlanScope } from './plan-scope.js';

/** The connectors the Hybrid Configuration Wizard makes: outbound to Exchange Online, inbound from it. */
const HYBRID_CONNECTOR = /^(?:Outbound to Office 365|Default Frontend)/i;

const isHybridName = (name: string) => HYBRID_CONNECTOR.test(name.replace(/^[^\\]*\\/, '').trim());

function parts(tlsCertificateName: string): { issuer: string; subject: string } | undefined {
  const m = /^<I>(.*)<S>(.*)$/s.exec(tlsCertificateName.trim());
  return m ? { issuer: (m[1] ?? '').trim(), subject: (m[2] ?? '').trim() } : undefined;
}

/** Two `<I>issuer<S>subject` values name the same certificate, whatever the spacing or RDN order. */
export function sameTlsCertificateName(a: string, b: string): boolean {
  const x = parts(a);
  const y = parts(b);
  if (!x || !y) return a.trim().toLowerCase() === b.trim().toLowerCase();
  return sameDistinguishedName(x.issuer, y.issuer) && sameDistinguishedName(x.subject, y.subject);
}

/**
 * A hybrid connector pins the certificate this plan is about (the one a 12014 cannot find, or the
 * one being renewed). A partner TLS connector pins a certificate of its own: when the paste shows the
 * hybrid connectors pinning another certificate, they are healthy and stay as they are. Undecided
 * when the paste does not show what they pin.
 */
export function hybridPinsThisCertificate(s: PlanScope): boolean | undefined {
  // Exchange Online's 451 5.7.3 / the Office 365 queue's 454 4.7.5 come through the hybrid connectors.
  if (s.hybridSymptom) return true;
  if (s.values.connector && isHybridName(s.values.connector)) return true;
  const hybrid = s.facts.connectors.filter((c) => isHybridName(c.name));
  const shown = hybrid.flatMap((c) => (c.tlsCertificateName ? [c.tlsCertificateName] : []));
  const gone = s.values.pinned;
  if (shown.length > 0) {
    if (gone) return shown.some((name) => sameTlsCertificateName(name, gone));
    if (s.cert?.subject) return shown.some((name) => s.cert !== undefined && pins(name, s.cert));
    return undefined;
  }
  if (s.cert?.pinnedBy.some(isHybridName)) return true;
  // A full send connector listing without an Office 365 connector: not a hybrid.
  if (hybrid.length === 0 && s.facts.connectors.some((c) => c.namedBy === 'listing' && c.kind === 'send')) return false;
  return undefined;
}
