import type { PlanValues } from '../knowledge/plan-model.js';
import type { ServerCertificate, ServerFacts } from './server-facts.js';

/** What a plan decides from: the server's facts, the certificate it is about, the event that asked. */
export interface PlanScope {
  facts: ServerFacts;
  /** The certificate the finding is about (by thumbprint), when the paste shows it. */
  cert?: ServerCertificate;
  values: PlanValues;
  /** The event's source (MSExchangeTransport, MSExchangeFrontEndTransport) when the plan came from one. */
  source?: string;
  /** The event ID the plan came from. */
  eventId?: number;
  /** A hybrid symptom (451 5.7.3 from Exchange Online, 454 4.7.5 on the Office 365 queue) was pasted. */
  hybridSymptom?: boolean;
  /** Every server the paste shows: the steps repeated on each other server take their facts from here. */
  servers?: readonly ServerFacts[];
}

/** Valid (not expired) by what the paste shows; unknown dates count as valid. */
export function isValid(cert: ServerCertificate): boolean {
  return cert.daysLeft === undefined || cert.daysLeft >= 0;
}

export function isExpired(cert: ServerCertificate): boolean {
  return cert.daysLeft !== undefined && cert.daysLeft < 0;
}

/** A subject's CN, lower-cased, for comparing with host names. */
export const commonName = (subject: string): string | undefined =>
  /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim().toLowerCase();
