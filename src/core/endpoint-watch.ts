import { covers } from './findings/certificate-findings.js';

/**
 * What a new look at a tracked endpoint means, decided from what it presented before. Pure: the
 * reminder run gathers the looks and the tracked certificates, and acts on the answer.
 *
 * - The same leaf: nothing changed.
 * - A leaf never seen before that expires no earlier: the certificate was renewed.
 * - A leaf seen recently, or two leaves within one look: a load balancer in front of servers
 *   that present different certificates. Said as such, never as a renewal back and forth.
 * - A leaf never seen before that expires earlier: an older certificate came back (a server
 *   restored, a node not renewed); not a renewal.
 */

/** What the decision needs of a presented leaf. */
export interface Leaf {
  thumbprint: string;
  notAfter: string;
  domains: readonly string[];
}

export interface Seen {
  thumbprint: string;
  firstSeen: string;
  lastSeen: string;
}

export type EndpointChange =
  | { kind: 'first' }
  | { kind: 'same' }
  | { kind: 'renewed'; from: string; to: string }
  | { kind: 'alternating'; thumbprints: string[] }
  | { kind: 'older'; from: string; to: string };

/** How long a presented thumbprint is remembered: its return within this time is alternation, not renewal. */
export const RECENT_DAYS = 30;
/** Thumbprints remembered per endpoint at most. */
export const RECENT_MAX = 8;

const DAY_MS = 86_400_000;

/**
 * `samples`: the leaves the look's connections read, the first one first (a look connects again
 * when the first leaf differs from the last one, to catch a balancer alternating per connection).
 */
export function endpointChange(
  previousLeaf: Leaf | undefined,
  recent: readonly Seen[],
  samples: readonly Leaf[],
  now: Date,
): EndpointChange {
  const previous = previousLeaf?.thumbprint;
  const current = samples[0];
  if (!current) return previous === undefined ? { kind: 'first' } : { kind: 'same' };
  const distinct = [...new Set(samples.map((s) => s.thumbprint))];
  if (distinct.length > 1) {
    const withPrevious = previous && !distinct.includes(previous) ? [previous, ...distinct] : distinct;
    return { kind: 'alternating', thumbprints: withPrevious };
  }
  if (previous === undefined) return { kind: 'first' };
  if (current.thumbprint === previous) return { kind: 'same' };
  const cutoff = now.getTime() - RECENT_DAYS * DAY_MS;
  if (recent.some((s) => s.thumbprint === current.thumbprint && Date.parse(s.lastSeen) >= cutoff)) {
    return { kind: 'alternating', thumbprints: [previous, current.thumbprint] };
  }
  if (previousLeaf && Date.parse(current.notAfter) < Date.parse(previousLeaf.notAfter)) {
    return { kind: 'older', from: previous, to: current.thumbprint };
  }
  return { kind: 'renewed', from: previous, to: current.thumbprint };
}

/** The thumbprints to remember after a look: those just seen first, then the others still recent. */
export function rememberSeen(recent: readonly Seen[], samples: readonly Leaf[], now: Date): Seen[] {
  const at = now.toISOString();
  const cutoff = now.getTime() - RECENT_DAYS * DAY_MS;
  const seen = new Map<string, Seen>();
  for (const sample of samples) {
    if (seen.has(sample.thumbprint)) continue;
    const before = recent.find((s) => s.thumbprint === sample.thumbprint);
    seen.set(sample.thumbprint, { thumbprint: sample.thumbprint, firstSeen: before?.firstSeen ?? at, lastSeen: at });
  }
  for (const s of recent) {
    if (!seen.has(s.thumbprint) && Date.parse(s.lastSeen) >= cutoff) seen.set(s.thumbprint, { ...s });
  }
  return [...seen.values()].slice(0, RECENT_MAX);
}

/** A tracked certificate as the stale check reads it. */
export interface TrackedForNames extends Leaf {
  subject: string;
  status?: string;
}

/**
 * A tracked, active certificate for the same names that expires later than the presented leaf:
 * it was renewed (and tracked), but this endpoint still presents the old one. The latest such
 * certificate, or undefined. The endpoint's host counts as one of the names (unless an IP).
 */
export function newerTrackedFor<T extends TrackedForNames>(
  presented: Leaf,
  host: string | undefined,
  tracked: readonly T[],
): T | undefined {
  const names = new Set(presented.domains.map((d) => d.toLowerCase()));
  let newest: T | undefined;
  for (const cert of tracked) {
    if (cert.thumbprint === presented.thumbprint || (cert.status !== undefined && cert.status !== 'active')) continue;
    if (Date.parse(cert.notAfter) <= Date.parse(presented.notAfter)) continue;
    const same =
      cert.domains.some((d) => names.has(d.toLowerCase())) || (host !== undefined && covers(cert.domains, host));
    if (!same) continue;
    if (!newest || Date.parse(cert.notAfter) > Date.parse(newest.notAfter)) newest = cert;
  }
  return newest;
}
