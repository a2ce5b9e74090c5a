import { countdownText, formatDate } from '../core/countdown.js';
import { trackingText } from '../core/i18n/tracking-text.js';
import type { Language } from '../core/model.js';
import type { Store } from '../store/store.js';
import { lookUpTracked } from './look-up-tracked.js';

/**
 * The CLI's counterpart of the Slack `describeTracked` blocks: for each pasted thumbprint that is
 * tracked, what certcheck knows of it, as plain lines for the terminal report.
 */
export async function describeTrackedText(
  thumbprints: readonly string[],
  store: Store,
  now: Date,
  lang: Language,
): Promise<string[]> {
  const t = trackingText[lang].described;
  const lines: string[] = [];
  for (const { certificate: cert, renewedTo } of await lookUpTracked(thumbprints, store)) {
    lines.push(`${t.title} (${t.status[cert.status]}): ${cert.thumbprint}`);
    lines.push(`  ${cert.subject || cert.domains[0] || '?'} — ${countdownText(cert.notAfter, now, lang)}`);
    if (cert.services.length) lines.push(`  ${t.services}: ${cert.services.join(', ')}`);
    if (cert.servers.length) lines.push(`  ${t.servers}: ${cert.servers.join(', ')}`);
    if (cert.channel) lines.push(`  ${t.channel}: ${cert.channel}`);
    if (cert.owner) lines.push(`  ${t.owner}: ${cert.owner}`);
    lines.push(`  ${t.addedBy(cert.addedBy, formatDate(cert.addedAt, lang))}`);
    if (renewedTo) lines.push(`  ${t.renewedTo(renewedTo).replaceAll('`', '')}`);
  }
  return lines;
}
