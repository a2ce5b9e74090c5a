import { countdownText, formatDateTime } from '../../core/countdown.js';
import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Digest, DigestItem, DigestNote } from '../../reminders/notifier.js';
import { certificateLine, displayName, snoozedText } from './certificate-line.js';
import { context, escapeMrkdwn, header, LIMITS, mrkdwn, type SlackBlock, type SlackMessage, truncate } from './kit.js';
import { endpointBlocks, endpointTitle } from './endpoint-blocks.js';
import { userRef } from './mentions.js';
import { withUtcTime } from './slack-date.js';
import { certificateActions } from './tracking-actions.js';

/**
 * Certificates per digest message. Each takes a section and an actions block (≤ ~550 characters
 * with a 120-character name), so 15 stay within 50 blocks and well under the ~12k text cap.
 */
export const DIGEST_ITEMS_PER_MESSAGE = 15;

/**
 * The reminder digest of one channel: the count in the header, each
 * certificate with its countdown and buttons, the next run in the footer. After an action the same
 * message is redrawn with a note in place of that certificate's buttons.
 */
export function digestMessage(digest: Digest): SlackMessage {
  const t = trackingText[digest.lang];
  const now = new Date(digest.now);
  const part = digest.parts > 1 ? ` ${t.digest.part(digest.part, digest.parts)}` : '';
  // A redrawn digest whose every certificate was handled: no "0 need attention".
  const allHandled = digest.total === 0 && digest.items.length > 0;
  const title = allHandled ? t.digest.allHandled : t.digest.header(digest.total);
  const blocks: SlackBlock[] = [header(`${title}${part}`)];
  for (const item of digest.items.slice(0, DIGEST_ITEMS_PER_MESSAGE)) {
    blocks.push({ type: 'section', block_id: `digest:${item.thumbprint}`, text: mrkdwnLine(itemText(item, digest)) });
    // Snoozing is not finishing: a snoozed certificate can still be renewed or untracked.
    if (!item.note || item.note.kind === 'snoozed') {
      blocks.push(certificateActions(item.thumbprint, digest.lang, { snoozed: item.note?.kind === 'snoozed' }));
    }
  }
  if (digest.endpoints?.length) {
    const shown = { now, lang: digest.lang, timeZone: digest.timeZone };
    blocks.push(
      ...endpointBlocks(endpointTitle(digest.lang, 'digest', digest.endpoints.length), digest.endpoints, shown, {
        maxBlocks: 2,
      }),
    );
  }
  const footer = [t.digest.listHint];
  if (digest.nextRun) footer.unshift(t.digest.nextRun(formatDateTime(digest.nextRun, digest.lang, digest.timeZone)));
  blocks.push(context(footer.join(' · ')));
  const first = digest.items.find((item) => !item.note);
  const fallback = allHandled
    ? t.digest.allHandled
    : first
      ? t.digest.fallback(
          digest.total,
          `${escapeMrkdwn(displayName(first, digest.lang))} — ${withUtcTime(countdownText(first.notAfter, now, digest.lang), first.notAfter, digest.lang)}`,
        )
      : t.digest.header(digest.total);
  return { text: truncate(fallback, LIMITS.fallback), blocks };
}

function itemText(item: DigestItem, digest: Digest): string {
  const t = trackingText[digest.lang];
  const now = new Date(digest.now);
  const line = certificateLine(item, now, digest.lang, digest.timeZone, { withServers: true });
  // Only a finished certificate (renewed, untracked) is struck through; a snoozed one is not.
  if (item.note?.kind === 'snoozed') return `${line}\n${noteText(item.note, digest)}`;
  if (item.note) return `~${line}~\n${noteText(item.note, digest)}`;
  const why = item.threshold === null ? t.digest.dailyAfterExpiry : t.digest.firstReminder(item.threshold);
  const extra = [why, ...(item.estimated ? [t.digest.estimated] : [])];
  const domains =
    item.domains.length > 1 ? ` · ${escapeMrkdwn(truncate(item.domains.slice(0, 4).join(', '), 160))}` : '';
  return `${line}\n_${extra.join(' · ')}_${domains}`;
}

function noteText(note: DigestNote, digest: Digest): string {
  const t = trackingText[digest.lang].notes;
  // userRef: `certcheck untrack` records 'cli', which must not render as a broken <@cli> mention.
  const by = note.by ? userRef(note.by) : t.someone;
  switch (note.kind) {
    case 'snoozed':
      return snoozedText(note.until, note.by, digest.lang, digest.timeZone);
    case 'renewed':
      return `✅ ${t.renewed(by)}${note.newThumbprint ? ` → \`${escapeMrkdwn(note.newThumbprint)}\`` : ''}`;
    case 'untracked':
      return `🚫 ${t.untracked(by)}`;
  }
}

const mrkdwnLine = (text: string) => mrkdwn(text);
