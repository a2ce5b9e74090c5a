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

/**
 * mrkdwn written by the core (a finding, a step), each expiry's date shown as the token. Two
 * expiries on the same day take the first one's token: the day reads the same in UTC either way.
 */
export function withSlackDates(text: string, isos: readonly string[], lang: Language): string {
  let out = text;
  for (const iso of isos) {
    const at = new Date(iso);
    if (!Number.isNaN(at.getTime())) out = replaceDate(out, formatDate(iso, lang, 'UTC'), slackDate(at, lang));
  }
  return out;
}

/**
 * Plain text, where no token renders (the header, the notification): the date, written in `zone`,
 * becomes the instant in UTC ("14 Jun 2026 23:30 UTC"), so no reader takes a bare date for their
 * own day when it is the day before or after.
 */
export function withUtcTime(text: string, iso: string, lang: Language, zone = 'UTC'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return text;
  return replaceDate(text, formatDate(iso, lang, zone), formatDateTime(at.toISOString(), lang, 'UTC'));
}

/**
 * Every `written` date that stands alone (not the end of "14 Jun" when looking for "4 Jun", not
 * inside a token or followed by a time already) becomes `shown`.
 */
function replaceDate(text: string, written: string, shown: string): string {
  const alone = new RegExp(`(?<![\\d/])${escapeRegExp(written)}(?![\\d/]| \\d{2}:\\d{2})`, 'g');
  return text
    .split(/(<!date\^[^>]*>)/)
    .map((part) => (part.startsWith('<!date^') ? part : part.replace(alone, () => shown)))
    .join('');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
