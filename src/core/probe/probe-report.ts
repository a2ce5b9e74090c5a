import type { CertificateFacts, Finding, Language } from '../model.js';
import type { ProbeFailure, ProbeObservation } from './observation.js';
import { probeText } from './probe-text.js';
import { endpointLabel, type ProbeProtocol } from './target.js';

/** One certificate of the chain as the JSON shows it. */
export interface ProbedCertificate {
  thumbprint: string;
  subject: string;
  issuer: string;
  domains: string[];
  notBefore: string | null;
  notAfter: string | null;
  daysLeft: number | null;
  selfSigned: boolean;
  keyAlgorithm: string | null;
  keySize: number | null;
  signatureHash: string | null;
}

/** One endpoint of `certcheck probe --json`. */
export interface ProbeEndpointReport {
  target: string;
  host: string;
  port: number;
  protocol: ProbeProtocol;
  /** Added: the address connected to. */
  address: string | null;
  /** true: upgraded; false: not offered, refused or failed; null: implicit TLS or never asked. */
  startTls: boolean | null;
  banner: string | null;
  tlsVersion: string | null;
  chain: ProbedCertificate[];
  findings: Pick<Finding, 'code' | 'severity' | 'thumbprint' | 'message'>[];
  /** Added: why no certificate was read, when none was. */
  failure: ProbeFailure | null;
}

export function startTlsOutcome(observation: ProbeObservation): boolean | null {
  const offer = observation.startTls;
  if (!offer) return null;
  if (!offer.offered || offer.refusal !== undefined) return false;
  return observation.chain.length > 0;
}

export function chainEntry(cert: CertificateFacts): ProbedCertificate {
  return {
    thumbprint: cert.thumbprint ?? '',
    subject: cert.subject,
    issuer: cert.issuer,
    domains: cert.domains,
    notBefore: cert.notBefore ?? null,
    notAfter: cert.notAfter ?? null,
    daysLeft: cert.daysLeft ?? null,
    selfSigned: cert.selfSigned ?? false,
    keyAlgorithm: cert.keyAlgorithm ?? null,
    keySize: cert.keySize ?? null,
    signatureHash: cert.signatureHash ?? null,
  };
}

/** One line on how the endpoint was reached, for the reply's notes. */
export function endpointNote(observation: ProbeObservation, language: Language): string {
  const label = probeText[language].label;
  const parts = [endpointLabel(observation.target)];
  if (observation.address && observation.address !== observation.target.host) parts.push(observation.address);
  if (observation.startTls) {
    parts.push(`${label.startTls} ${observation.startTls.offered ? label.offered : label.notOffered}`);
  }
  if (observation.tlsVersion) parts.push(observation.tlsVersion);
  return parts.join(' · ');
}
