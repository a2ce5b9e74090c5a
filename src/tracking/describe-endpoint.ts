import { countdownText, formatDateTime } from '../core/countdown.js';
import { endpointText } from '../core/i18n/endpoint-text.js';
import type { Language } from '../core/model.js';
import { endpointFindings } from '../core/probe/endpoint-findings.js';
import type { ProbeObservation } from '../core/probe/observation.js';
import { probeText } from '../core/probe/probe-text.js';
import type { EndpointProbe, PresentedCertificate, TrackedEndpoint } from '../store/store.js';
import { type EndpointWhere, probeTargetOf } from './endpoint-target.js';

/**
 * Endpoints and what changed at them, in words: the same for the CLI (plain) and Slack (mrkdwn),
 * through `Format`, which quotes thumbprints and escapes what a server sent.
 */
export interface Format {
  /** A thumbprint or endpoint as code. */
  code(text: string): string;
  /** Text that came from a server or a person (a subject, a refusal line). */
  text(text: string): string;
}

export const plainFormat: Format = { code: (t) => t, text: (t) => t };

/** `8967…4269`: enough to tell certificates apart on screen. */
export function shortPrint(thumbprint: string): string {
  return thumbprint.length <= 12 ? thumbprint : `${thumbprint.slice(0, 4)}…${thumbprint.slice(-4)}`;
}

/** The name people use for a presented certificate: its CN, else its first domain. */
export function leafName(leaf: Pick<PresentedCertificate, 'subject' | 'domains'>): string {
  return /(?:^|,\s*)CN=([^,]+)/i.exec(leaf.subject)?.[1]?.trim() || leaf.domains[0] || leaf.subject;
}

export interface Shown {
  now: Date;
  lang: Language;
  timeZone: string;
  format: Format;
}

/** `presents 8967…4269 mail.contoso.com — expires in 176 days (1 Jun 2027)` */
export function presentsText(leaf: PresentedCertificate, shown: Shown): string {
  return endpointText[shown.lang].presents({
    thumbprint: shown.format.code(shortPrint(leaf.thumbprint)),
    name: shown.format.text(leafName(leaf)),
    countdown: countdownText(leaf.notAfter, shown.now, shown.lang, shown.timeZone),
  });
}

/** Why the look read no certificate, as the probe words it (refused, timed out, STARTTLS not offered…). */
export function lookReason(where: EndpointWhere, probe: EndpointProbe, lang: Language): string {
  const observation: ProbeObservation = {
    target: probeTargetOf(where),
    banner: null,
    tlsVersion: probe.tlsVersion ?? null,
    chain: [],
    timeoutMs: probe.timeoutMs,
    maxBytes: probe.maxBytes,
    ...(probe.startTls && { startTls: probe.startTls }),
    ...(probe.failure && { failure: probe.failure }),
  };
  const findings = endpointFindings(observation, undefined, probeText[lang]).filter(
    (f) => f.code === 'ENDPOINT_UNREACHABLE' || f.code === 'STARTTLS_NOT_OFFERED',
  );
  return findings.map((f) => f.message).join(' ') || '?';
}

/**
 * What an endpoint presents as of its last look, and what is wrong with it: one part per fact,
 * for the caller to join (` · ` on a line, or one per line).
 */
export function endpointStatus(endpoint: TrackedEndpoint, shown: Shown): string[] {
  const t = endpointText[shown.lang];
  const probe = endpoint.lastProbe;
  if (!probe) return [t.notProbedYet];
  const parts: string[] = [];
  if (probe.refusal) parts.push(t.notAllowed({ endpoint: shown.format.code(endpoint.id) }));
  else if (probe.leaf) parts.push(presentsText(probe.leaf, shown));
  else parts.push(t.nothingRead({ reason: shown.format.text(lookReason(endpoint, probe, shown.lang)) }));
  if (probe.alternates && probe.alternates.length > 1) {
    parts.push(
      t.alternating({
        count: probe.alternates.length,
        thumbprints: probe.alternates.map((a) => shown.format.code(shortPrint(a))).join(', '),
      }),
    );
  }
  if (probe.newer) {
    parts.push(
      t.stale({
        newer: shown.format.code(shortPrint(probe.newer.thumbprint)),
        countdown: countdownText(probe.newer.notAfter, shown.now, shown.lang, shown.timeZone),
        endpoint: endpoint.id,
      }),
    );
  }
  parts.push(t.probedAt({ when: formatDateTime(probe.at, shown.lang, shown.timeZone) }));
  return parts;
}

/** What a reminder run says in an endpoint's channel when what it presents changed. */
export type EndpointNotice = { endpoint: string; channel?: string } & (
  | { kind: 'renewed'; from: string; to: PresentedCertificate }
  | { kind: 'alternating'; thumbprints: string[] }
  | { kind: 'stale'; presented: PresentedCertificate; newer: { thumbprint: string; notAfter: string } }
  | { kind: 'older'; presented: PresentedCertificate; before: string }
  | { kind: 'unreachable'; where: EndpointWhere; probe: EndpointProbe }
  | { kind: 'not-allowed' }
  | { kind: 'recovered'; presented: PresentedCertificate }
);

export function noticeText(notice: EndpointNotice, shown: Shown): string {
  const t = endpointText[shown.lang].notice;
  const { format } = shown;
  const endpoint = format.code(notice.endpoint);
  const print = (thumbprint: string) => format.code(shortPrint(thumbprint));
  const named = (leaf: PresentedCertificate) => `${print(leaf.thumbprint)} ${format.text(leafName(leaf))}`;
  const countdown = (notAfter: string) => countdownText(notAfter, shown.now, shown.lang, shown.timeZone);
  switch (notice.kind) {
    case 'renewed':
      return t.renewed({
        endpoint,
        from: print(notice.from),
        to: named(notice.to),
        countdown: countdown(notice.to.notAfter),
      });
    case 'alternating':
      return t.alternating({
        endpoint,
        count: notice.thumbprints.length,
        thumbprints: notice.thumbprints.map(print).join(', '),
      });
    case 'stale':
      return t.stale({
        endpoint,
        presented: named(notice.presented),
        newer: print(notice.newer.thumbprint),
        countdown: countdown(notice.newer.notAfter),
        id: format.text(notice.endpoint),
      });
    case 'older':
      return t.older({ endpoint, presented: named(notice.presented), before: print(notice.before) });
    case 'unreachable':
      return t.unreachable({ endpoint, reason: format.text(lookReason(notice.where, notice.probe, shown.lang)) });
    case 'not-allowed':
      return t.notAllowed({ endpoint });
    case 'recovered':
      return t.recovered({ endpoint, presented: named(notice.presented) });
  }
}
