import type { DiagnosisText } from '../i18n/diagnosis-text.js';
import { type CountdownWording, countdownWording } from '../i18n/local-time.js';
import type { CertificateFacts, EventFacts, Finding, Language } from '../model.js';
import { displayName, shortThumbprint } from './certificate-findings.js';

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

/**
 * A pasted private key is said first, whatever else is wrong: it needs action now. An expired
 * certificate its renewal already replaces (said as info) comes after every other finding: what the
 * admin sees fail has another cause.
 */
const rank = (f: Finding) =>
  f.code === 'PRIVATE_KEY_IN_INPUT'
    ? -1
    : f.code === 'CERT_EXPIRED' && f.severity === 'info'
      ? SEVERITY_RANK.info + 0.5
      : SEVERITY_RANK[f.severity];

/** Most severe first; among equals, the order the findings were made in. */
export function orderFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index)
    .map((x) => x.finding);
}

export interface SummaryInput {
  findings: Finding[];
  certificates: CertificateFacts[];
  events: EventFacts[];
  now: Date;
  language: Language;
  text: DiagnosisText;
  /** How a countdown is worded (the reader's zone); UTC to the day when not given. */
  countdown?: CountdownWording;
  /** The server the paste names when its events do not (a Get-WinEvent table, the admin's words). */
  server?: string;
  /** How many known error messages were read: with none of them a finding, still not "nothing". */
  symptoms?: number;
}

/** The verdict in one line: what the most severe finding is about, with its countdown. */
export function summarize({
  findings,
  certificates,
  events,
  now,
  language,
  text,
  countdown = countdownWording(now, language),
  server: named,
  symptoms = 0,
}: SummaryInput): string {
  const top = findings[0];
  const byThumbprint = (tp: string | undefined) => certificates.find((c) => tp && c.thumbprint === tp);
  if (!top) {
    const dated = certificates.filter((c) => c.notAfter);
    const first = dated[0];
    if (dated.length === 1 && first?.notAfter) {
      return text.summary.ok({ name: displayName(first), when: countdown({ ...first, notAfter: first.notAfter }) });
    }
    if (certificates.length > 0) return text.summary.okMany({ count: certificates.length });
    // The notes say the events were understood: the verdict must not say nothing was.
    if (events.length > 0 || symptoms > 0) return text.summary.eventsOnly({ count: events.length, symptoms });
    return text.summary.nothing();
  }
  const expiredInternal = findings.find((f) => f.code === 'TRANSPORT_CERT_EXPIRED' && f.eventId !== undefined);
  if (expiredInternal && findings.some((f) => f.code === 'STARTTLS_CERT_MISSING')) {
    const server = events.find((e) => e.id === expiredInternal.eventId)?.computer ?? named ?? '';
    return text.summary.transportAndStarttls({ server });
  }
  const cert = byThumbprint(top.thumbprint);
  const event = events.find((e) => e.id === top.eventId) ?? events[0];
  const name = cert
    ? cert.estimated && !cert.stated && !cert.subject && cert.thumbprint
      ? text.internalTransportCertificate(shortThumbprint(cert.thumbprint))
      : displayName(cert)
    : top.thumbprint
      ? shortThumbprint(top.thumbprint)
      : undefined;
  const when = cert?.notAfter ? countdown({ ...cert, notAfter: cert.notAfter }) : undefined;
  // An expiry read from a log line (Setup, an event) names no certificate: its message says more.
  if (!cert && (top.code === 'CERT_EXPIRED' || top.code === 'CERT_EXPIRING')) return firstSentence(top.message);
  // A certificate read from openssl s_client text has no thumbprint to look it up by: its message names it.
  if (name === undefined && top.code === 'SELF_SIGNED') return firstSentence(top.message);
  // A chain seen from outside (openssl) names its endpoint in the message, not by a thumbprint.
  if (top.code === 'CHAIN_INCOMPLETE' && !cert) return firstSentence(top.message);
  // The overwrite prompt's answer (or what decides it) is the message's first sentence.
  if (top.code === 'SMTP_OVERWRITE_PROMPT') return firstSentence(top.message);
  // A name alert from Outlook names its host in the message, not in an event.
  if (top.code === 'DOMAIN_MISMATCH' && !event?.fqdn) return firstSentence(top.message);
  // A binding read from netsh names its endpoint and certificate in the message, with no event's computer.
  if (top.code === 'SSL_BINDING_BROKEN' && !event?.computer) return firstSentence(top.message);
  return text.headline[top.code]({
    name: name ?? '',
    when: when ?? '',
    server: event?.computer ?? '',
    fqdn: event?.fqdn ?? '',
    id: event?.id ?? top.eventId ?? 0,
  });
}

function firstSentence(message: string): string {
  const end = message.search(/。|\.(\s|$)/);
  const sentence = end > 0 ? message.slice(0, end) : message;
  return sentence.length > 140 ? `${sentence.slice(0, 139)}…` : sentence;
}
