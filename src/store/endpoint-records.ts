import type { ProbeRefusal } from '../core/probe/allow-list.js';
import type { ProbeFailure } from '../core/probe/observation.js';
import type { ProbeProtocol } from '../core/probe/target.js';
import type { TrackableCertificate } from '../core/tracking.js';

/**
 * A tracked endpoint: a host and port whose presented certificate every reminder run looks at
 * again. Its key is how the probe writes it back (`smtp://mail.contoso.com:25`), so the same port
 * typed two ways (`mail.contoso.com:25`, `smtp://MAIL.contoso.com`) is one endpoint.
 */

/** The presented leaf, as much of it as listings and the renewal logic need: a trackable certificate's own facts. */
export type PresentedCertificate = Pick<
  TrackableCertificate,
  'thumbprint' | 'subject' | 'issuer' | 'domains' | 'notBefore' | 'notAfter'
>;

/** What one look at the endpoint found; language-neutral, worded at display time. */
export interface EndpointProbe {
  /** When the look was taken (the run's now). */
  at: string;
  /** The address connected to. */
  address?: string;
  tlsVersion?: string;
  /** STARTTLS protocols: whether the server offered the upgrade, and its refusal when it refused. */
  startTls?: { offered: boolean; refusal?: string };
  leaf?: PresentedCertificate;
  /** When this look read no certificate: the leaf the endpoint presented last, to compare the next look with. */
  lastKnown?: PresentedCertificate;
  /** Why no certificate was read. */
  failure?: ProbeFailure;
  /** Not looked at: PROBE_ALLOW (or the name's addresses) no longer allow it. No connection was made. */
  refusal?: ProbeRefusal;
  /** The bound the look ran under, for the time-out message. */
  timeoutMs: number;
  maxBytes: number;
  /** Several certificates presented in turn (a load balancer in front of servers that differ). */
  alternates?: string[];
  /** A tracked certificate for the same names that expires later than the one presented. */
  newer?: { thumbprint: string; subject: string; notAfter: string };
}

/** A thumbprint the endpoint presented, and when: the memory that tells alternation from renewal. */
export interface SeenThumbprint {
  thumbprint: string;
  firstSeen: string;
  lastSeen: string;
}

export interface TrackedEndpoint {
  /** `smtp://mail.contoso.com:25`: protocol, host and port. */
  id: string;
  /** As first given. */
  target: string;
  host: string;
  port: number;
  protocol: ProbeProtocol;
  /** Tracked from Slack: every look re-checks PROBE_ALLOW and the name's addresses first. */
  guarded: boolean;
  channel?: string;
  owner?: string;
  addedBy: string;
  addedAt: string;
  status: 'active' | 'untracked';
  statusBy?: string;
  statusAt?: string;
  lastProbe?: EndpointProbe;
  /** Recently presented thumbprints, most recent first. */
  recent: SeenThumbprint[];
}

/** What tracking an endpoint writes. Channel and owner only overwrite when given. */
export type EndpointInput = Omit<TrackedEndpoint, 'status' | 'statusBy' | 'statusAt' | 'lastProbe' | 'recent'>;

/** A look to record, and the last look it follows: recorded only if no other run recorded one meanwhile. */
export interface ProbeRecord {
  probe: EndpointProbe;
  recent: SeenThumbprint[];
  /** The `at` of the look this one follows; null when there was none. */
  after: string | null;
}
