import { countdownText } from '../../core/countdown.js';
import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Language } from '../../core/model.js';
import type { TrackOutcome } from '../../tracking/track-certificates.js';
import { displayName } from './certificate-line.js';
import { escapeMrkdwn } from './kit.js';
import { withSlackDate } from './slack-date.js';

/** A tracked certificate's countdown with its expiry as Slack's date token: one instant for every reader. */
export function trackedCountdown(c: { notAfter: string }, now: Date, lang: Language, timeZone: string): string {
  return withSlackDate(countdownText(c.notAfter, now, lang, timeZone), c.notAfter, lang, timeZone);
}

/**
 * What was just tracked, one line per certificate, and that a WMSvc certificate was left out: the
 * same answer for `/certcheck track` and the Track button.
 */
export function trackedLines(outcome: TrackOutcome, now: Date, lang: Language, timeZone: string): string[] {
  const lines = outcome.tracked.map(({ certificate: c }) => {
    // Two certificates of one name (each server's Auth certificate) are told apart by their servers.
    const servers = c.servers.length ? ` · 📍 ${escapeMrkdwn(c.servers.slice(0, 5).join(', '))}` : '';
    return `• *${escapeMrkdwn(displayName(c, lang))}* — ${trackedCountdown(c, now, lang, timeZone)}${servers}`;
  });
  if (outcome.skipped.some((s) => s.reason === 'wmsvc')) lines.push(`_${trackingText[lang].track.skippedWmsvc}_`);
  return lines;
}
