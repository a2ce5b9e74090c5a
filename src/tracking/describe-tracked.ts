import { countdownText, formatDate } from '../core/countdown.js';
import { localCountdown } from '../core/i18n/local-time.js';
import { trackingText } from '../core/i18n/tracking-text.js';
import type { Language } from '../core/model.js';
import { trackedLabel } from '../core/tracking.js';
import type { Store } from '../store/store.js';
import { lookUpTracked } from './look-up-tracked.js';

/**
 * The CLI's counterpart of the Slack `describeTracked` blocks: for each pasted thumbprint that is
 * tracked, what certcheck knows of it, as plain lines for the terminal report; the expiry in
 * `zone` (the reader's) when one is given.
 */
export async function describeTrackedText(
  thumbprints: readonly string[],
  store: Store,
  now: Date,
  lang: Language,
  zone?: string,
): Promise<string[]> {
  const t = trackingText[lang].described;
  const lines: string[] = [];
  for (const { certificate: cert, renewedTo } of await lookUpTracked(thumbprints, store)) {
    lines.push(`${cert.status === 'active' ? t.title : t.record} (${t.status[cert.status]}): ${cert.thumbprint}`);
    const countdown = zone ? localCountdown(cert.notAfter, now, lang, zone) : countdownText(cert.notAfter, now, lang);
    lines.push(`  ${trackedLabel(cert, lang)} — ${countdown}`);
    if (cert.services.length) lines.push(`  ${t.services}: ${cert.services.join(', ')}`);
    if (cert.servers.length) lines.push(`  ${t.servers}: ${cert.servers.join(', ')}`);
    if (cert.status === 'active' && cert.channel) lines.push(`  ${t.channel}: ${cert.channel}`);
    if (cert.owner) lines.push(`  ${t.owner}: ${cert.owner}`);
    lines.push(`  ${t.addedBy(cert.addedBy, formatDate(cert.addedAt, lang, zone))}`);
    if (cert.status !== 'active') {
      const when = cert.statusAt ? formatDate(cert.statusAt, lang, zone) : '?';
      const who = cert.statusBy ?? trackingText[lang].notes.someone;
      lines.push(`  ${cert.status === 'renewed' ? t.renewedBy(who, when) : t.untrackedBy(who, when)}`);
    }
    if (renewedTo) lines.push(`  ${t.renewedTo(renewedTo).replaceAll('`', '')}`);
  }
  return lines;
}
