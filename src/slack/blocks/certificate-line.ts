import { countdownText, daysLeft, formatDate, type Urgency, urgency } from '../../core/countdown.js';
import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Language } from '../../core/model.js';
import { trackedLabel } from '../../core/tracking.js';
import type { TrackedCertificate } from '../../store/store.js';
import { escapeMrkdwn, truncate } from './kit.js';
import { userRef } from './mentions.js';
import { urgencyEmoji } from './severity.js';
import { withSlackDate } from './slack-date.js';

/** What the tracking blocks show of a certificate (a tracked record or a digest item). */
export type CertificateSummary = Pick<
  TrackedCertificate,
  'thumbprint' | 'subject' | 'domains' | 'services' | 'notAfter' | 'estimated'
> &
  Partial<Pick<TrackedCertificate, 'servers'>>;

/** `6F62…FAB0`: enough to tell certificates apart on screen; buttons carry the whole one. */
export function shortThumbprint(thumbprint: string): string {
  return thumbprint.length <= 12 ? thumbprint : `${thumbprint.slice(0, 4)}…${thumbprint.slice(-4)}`;
}

/**
 * The name people use, in the viewer's language: the CN, else the first domain, else the whole
 * subject; an event's certificate (no subject, no domain) is named by what it is and its server.
 */
export function displayName(
  cert: Pick<CertificateSummary, 'subject' | 'domains' | 'servers'> & { thumbprint?: string },
  lang: Language,
): string {
  const label = trackedLabel(cert, lang);
  const cn = /(?:^|,\s*)CN=([^,]+)/i.exec(label)?.[1]?.trim();
  const fallback = cert.thumbprint ? shortThumbprint(cert.thumbprint) : '?';
  return truncate(cn || cert.domains[0] || label || fallback, 120);
}

export function urgencyOf(cert: Pick<CertificateSummary, 'notAfter'>, now: Date): Urgency {
  return urgency(daysLeft(cert.notAfter, now));
}

/**
 * 🔴 *EXHUB01* (SMTP, IMAP, POP) — expired 58 days ago (1 Oct 2026) · `6F62…FAB0` · 📍 EXHUB01; the
 * servers (`withServers`) tell apart two rows of the same name, such as two servers' Auth certificates.
 */
export function certificateLine(
  cert: CertificateSummary,
  now: Date,
  lang: Language,
  timeZone = 'UTC',
  options: { withServers?: boolean } = {},
): string {
  const services = cert.services.length > 0 ? ` (${escapeMrkdwn(cert.services.slice(0, 7).join(', '))})` : '';
  const countdown = withSlackDate(countdownText(cert.notAfter, now, lang, timeZone), cert.notAfter, lang, timeZone);
  const servers =
    options.withServers && cert.servers?.length ? ` · 📍 ${escapeMrkdwn(cert.servers.slice(0, 5).join(', '))}` : '';
  return `${urgencyEmoji(urgencyOf(cert, now))} *${escapeMrkdwn(displayName(cert, lang))}*${services} — ${countdown} · \`${escapeMrkdwn(shortThumbprint(cert.thumbprint))}\`${servers}`;
}

/** 💤 snoozed until 5 Dec 2026 by @aiko: the digest's note and Home's line say it alike. */
export function snoozedText(until: string, by: string | undefined, lang: Language, timeZone: string): string {
  const t = trackingText[lang].notes;
  return `💤 ${t.snoozed(formatDate(until, lang, timeZone), by ? userRef(by) : t.someone)}`;
}
