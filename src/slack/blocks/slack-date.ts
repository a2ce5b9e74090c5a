import { formatDate, formatDateTime } from '../../core/countdown.js';
import type { Language } from '../../core/model.js';

/**
 * An instant as Slack's date token: each reader sees it in their own time zone (so a certificate
 * expiring at 23:30 UTC is not "14 Jun" in one place and "15 Jun" in another), and a client that
 * cannot render the token shows the UTC text after the bar.
 */
export function slackDate(at: Date, lang: Language): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} {time}|${formatDateTime(at.toISOString(), lang, 'UTC')}>`;
}

/**
 * The core's countdown ("expired 58 days ago (1 Oct 2026)") with its date, written in `zone`,
 * replaced by the token; unchanged when the date is not in it.
 */
export function withSlackDate(text: string, iso: string, lang: Language, zone = 'UTC'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return text;
  const written = formatDate(iso, lang, zone);
  return text.includes(written) ? text.replace(written, slackDate(at, lang)) : text;
}
