import type { ExchangeVersion, Language, StepRole } from '../model.js';

/**
 * Remediation knowledge as data. A plan is an ordered list of step templates; a finding names
 * the plans it needs, with the values read from the paste. Placeholders in `{braces}` are filled
 * from those values, and a value the paste did not give stays a visible `<placeholder>`.
 */

/** The values a plan may use. Every one is optional: the paste decides. */
export interface PlanValues {
  thumbprint?: string;
  /** A thumbprint pasted on its own beside the event: the certificate the admin means to use. */
  candidate?: string;
  /** 'yes' when the event says this is the internal transport certificate (12015, 12017). */
  internal?: 'yes';
  /** 'yes' when the same server's internal certificate is recreated for this FQDN (12015 with 12014). */
  renewing?: 'yes';
  fqdn?: string;
  /** Comma-separated names for -DomainName (host, FQDN, SANs). */
  domains?: string;
  /** The server's short name (EX01) and its FQDN when known. */
  server?: string;
  serverFqdn?: string;
  connector?: string;
  /** The full `<I>…<S>…` value a connector pins. */
  pinned?: string;
  subject?: string;
  cn?: string;
  services?: string;
  peer?: string;
  peerHost?: string;
  queue?: string;
  site?: string;
}

/** Where a step runs; resolved against the version and the roles the paste shows. */
export type RoleClass = StepRole | 'transport' | 'client-access';

export interface PlanContext {
  version: ExchangeVersion;
  /** The paste says this is (or may be) an Edge Transport server. */
  edge: 'yes' | 'no' | 'unknown';
  frontEnd: boolean;
  values: PlanValues;
}

type VersionedCommand = { default: string } & Partial<Record<Exclude<ExchangeVersion, 'unknown'>, string>>;

export interface StepTemplate {
  /** Stable within a plan; steps with the same command are shown once. */
  id: string;
  role: RoleClass;
  title: Record<Language, string>;
  why: Record<Language, string>;
  command?: string | VersionedCommand;
  /**
   * Shown after the title when the version is unknown and the command (the 2013+ form) differs on
   * Exchange 2007/2010: the reader must see what to run there instead. A step whose `versions` leave
   * out 2007 (or 2010) gets "Exchange 2010 (2013) and later" without one.
   */
  unknownNote?: Record<Language, string>;
  /** Only for these versions ('unknown' included when listed). */
  versions?: ExchangeVersion[];
  when?: (context: PlanContext) => boolean;
  /** Clean-up (removing the old certificate): shown after every other step of every plan. */
  last?: boolean;
  /** The step runs on another server than the one in the paste (12019: the peer). */
  runsOn?: 'peer';
}

export interface Plan {
  id: PlanId;
  reference: string;
  steps: StepTemplate[];
}

export type PlanId =
  | 'internal-transport-renew'
  | 'starttls-missing'
  | 'starttls-pinned'
  | 'starttls-renew'
  | 'remote-peer-renew'
  | 'internal-missing-local'
  | 'internal-missing-ad'
  | 'auth-renew'
  | 'auth-stage-next'
  | 'auth-check-thumbprint'
  | 'federation-renew'
  | 'federation-expired'
  | 'send-connector-pin'
  | 'setup-cert-expired'
  | 'revocation-check'
  | 'pending-request'
  | 'ca-renew'
  | 'self-signed-client-facing'
  | 'identify-thumbprint'
  | 'list-with-dates'
  | 'clean-thumbprint';
