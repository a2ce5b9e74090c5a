import type { ProbeTarget } from './target.js';

/** Why a probe ended without a certificate, in the terms the finding's message uses. */
export type ProbeFailureKind = 'dns' | 'refused' | 'unreachable' | 'timeout' | 'closed' | 'tls' | 'flood' | 'protocol';

/** Where in the dialogue it happened. */
export type ProbeStage = 'connect' | 'greeting' | 'capabilities' | 'starttls' | 'handshake';

export interface ProbeFailure {
  kind: ProbeFailureKind;
  stage: ProbeStage;
  /** The system's or server's own words (error code, reply line), shown as received. */
  detail?: string;
}

/**
 * What the network adapter saw at one endpoint, before any judgement: the bytes and replies as
 * they came, so that the verdict is a pure function of them and of `now`.
 */
export interface ProbeObservation {
  target: ProbeTarget;
  /** The address connected to (the checked one when an allow-list applied). */
  address?: string;
  /** The greeting as received (SMTP 220 lines, IMAP `* OK`, POP3 `+OK`); null for implicit TLS. */
  banner: string | null;
  /**
   * STARTTLS protocols: whether the server advertised the upgrade, and its answer when asked.
   * Absent for implicit TLS.
   */
  startTls?: { offered: boolean; refusal?: string };
  tlsVersion: string | null;
  /** DER of each certificate as presented, leaf first. */
  chain: Uint8Array[];
  /** The budget of `--timeout`, for messages about time-outs. */
  timeoutMs: number;
  /** The byte cap, for the message about a flooding server. */
  maxBytes: number;
  failure?: ProbeFailure;
}
