import { type TrackingText, trackingText } from './i18n/tracking-text.js';
import type { CertificateFacts, Diagnosis, Language } from './model.js';

/**
 * Which certificates of a diagnosis can be tracked: every one with a thumbprint (the key) and an
 * expiry (estimated ones included: a 12017/12018 event gives "hours remaining"). The WMSvc
 * certificate of a Get-ExchangeCertificate listing is left out unless asked: it serves IIS's
 * management service only, and tracking it would remind about a certificate nobody renews.
 */

export interface TrackableCertificate {
  thumbprint: string;
  subject: string;
  issuer: string;
  domains: string[];
  notBefore?: string;
  notAfter: string;
  services: string[];
  servers: string[];
  role?: string;
  source: string;
  estimated: boolean;
}

export interface TrackSkip {
  reason: 'wmsvc' | 'no-thumbprint' | 'no-expiry';
  subject: string;
  thumbprint?: string;
}

export function trackableCertificates(
  diagnosis: Diagnosis,
  options: { includeWmsvc?: boolean } = {},
): { certificates: TrackableCertificate[]; skipped: TrackSkip[] } {
  const certificates = new Map<string, TrackableCertificate>();
  const skipped: TrackSkip[] = [];
  const computers = [...new Set(diagnosis.events.map((e) => e.computer).filter((c): c is string => !!c))];
  for (const cert of diagnosis.certificates) {
    const thumbprint = cert.thumbprint ? normalizeThumbprint(cert.thumbprint) : undefined;
    if (!thumbprint) {
      skipped.push({ reason: 'no-thumbprint', subject: cert.subject });
      continue;
    }
    const notAfter = isoOrUndefined(cert.notAfter);
    if (!notAfter) {
      skipped.push({ reason: 'no-expiry', subject: cert.subject, thumbprint });
      continue;
    }
    if (cert.role === 'wmsvc' && !options.includeWmsvc) {
      skipped.push({ reason: 'wmsvc', subject: cert.subject, thumbprint });
      continue;
    }
    if (certificates.has(thumbprint)) continue;
    const servers = serversFor(diagnosis, thumbprint, computers);
    const subject = trackedSubject(cert);
    certificates.set(thumbprint, toTrackable({ ...cert, subject }, thumbprint, notAfter, servers));
  }
  return { certificates: [...certificates.values()], skipped };
}

function toTrackable(cert: CertificateFacts, thumbprint: string, notAfter: string, servers: string[]) {
  const notBefore = isoOrUndefined(cert.notBefore);
  const trackable: TrackableCertificate = {
    thumbprint,
    subject: cert.subject,
    issuer: cert.issuer,
    domains: cert.domains,
    notAfter,
    services: cert.services ?? [],
    servers,
    source: cert.source,
    estimated: cert.estimated === true,
  };
  if (notBefore) trackable.notBefore = notBefore;
  if (cert.role) trackable.role = cert.role;
  return trackable;
}

/** Why a paste gave nothing to track, for the one line `track` answers with. */
export type NothingTracked = 'wmsvc' | 'table-without-dates' | 'no-certificate';

export function whyNothingTracked(diagnosis: Diagnosis, skipped: readonly TrackSkip[]): NothingTracked {
  if (skipped.length > 0 && skipped.every((s) => s.reason === 'wmsvc')) return 'wmsvc';
  // `Get-ExchangeCertificate` without `| fl` prints thumbprints and subjects only.
  if (diagnosis.certificates.some((c) => c.source === 'exchange-table' && !c.notAfter)) return 'table-without-dates';
  return 'no-certificate';
}

/** What `track` says when nothing was tracked, in the CLI and in Slack alike. */
export function nothingTrackedText(why: NothingTracked, t: TrackingText['track']): string {
  if (why === 'wmsvc') return t.skippedWmsvc;
  return why === 'table-without-dates' ? t.tableHasNoDates : t.noCertificate;
}

/**
 * The subject to store: language-neutral. A certificate known only from event 12017 has none: its
 * first domain as a CN, else empty — `trackedLabel` names it at display time, in the viewer's
 * language.
 */
export function trackedSubject(cert: Pick<CertificateFacts, 'subject' | 'domains'>): string {
  if (cert.subject.trim()) return cert.subject;
  const domain = cert.domains[0];
  return domain ? `CN=${domain}` : '';
}

/** The label older versions stored for an unnamed certificate, in either language: named afresh. */
const STORED_UNNAMED = new RegExp(
  `^(?:${Object.values(trackingText)
    .map((t) => t.unnamedSubject([]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?: \\(.*\\))?$`,
);

/**
 * The name to show for a tracked certificate, in the viewer's language: its subject, else its first
 * domain as a CN, else what it is and the server that logged it, so that `list`, digests and Home
 * never show a blank.
 */
/** The subject says nothing (empty, or a label an earlier version stored): name it at display time. */
export function isUnnamedSubject(subject: string): boolean {
  const trimmed = subject.trim();
  return trimmed === '' || STORED_UNNAMED.test(trimmed);
}

export function trackedLabel(
  cert: { subject: string; domains: readonly string[]; servers?: readonly string[] },
  lang: Language,
): string {
  if (!isUnnamedSubject(cert.subject)) return cert.subject;
  const domain = cert.domains[0];
  if (domain) return `CN=${domain}`;
  return trackingText[lang].unnamedSubject((cert.servers ?? []).map(hostName));
}

/** `HUB2010` of `HUB2010.corp.contoso.com`; an IP address stays whole. */
function hostName(server: string): string {
  return /^\d+(\.\d+){3}$/.test(server) ? server : (server.split('.')[0] ?? server);
}

/** The server an event about this certificate was logged on; else the paste's only server. */
function serversFor(diagnosis: Diagnosis, thumbprint: string, computers: string[]): string[] {
  const listed = diagnosis.certificates.find((c) => c.thumbprint === thumbprint)?.servers;
  if (listed?.length) return listed;
  const own = diagnosis.events
    .filter((e) => e.computer && e.thumbprint && normalizeThumbprint(e.thumbprint) === thumbprint)
    .map((e) => e.computer as string);
  if (own.length > 0) return [...new Set(own)];
  return computers.length === 1 ? computers : [];
}

/** 40 upper-case hex digits, from what people paste (spaces, colons, U+200E from the cert dialog). */
export function normalizeThumbprint(text: string): string | undefined {
  const hex = text.replace(/[\s:\u200e\u200f\u202a-\u202e\ufeff-]/g, '').toUpperCase();
  return /^[0-9A-F]{40}$/.test(hex) ? hex : undefined;
}

function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
