import { formatDate } from '../../core/countdown.js';
import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Language } from '../../core/model.js';
import type { Store } from '../../store/store.js';
import { lookUpTracked, type TrackedLookup } from '../../tracking/look-up-tracked.js';
import type { Urgency } from '../../core/countdown.js';
import { countdownText } from '../../core/countdown.js';
import type { TrackStatus } from '../../store/store.js';
import { certificateLine, displayName, urgencyOf } from './certificate-line.js';
import { type SlackBlock, escapeMrkdwn, section } from './kit.js';
import { channelRef, userRef } from './mentions.js';
import { withUtcTime } from './slack-date.js';
import { certificateActions } from './tracking-actions.js';

/**
 * What certcheck knows of pasted thumbprints that are tracked (a bare thumbprint, a 12015/12017
 * event): blocks the diagnosis reply appends. Empty when none is tracked.
 */
export async function describeTracked(
  thumbprints: readonly string[],
  store: Store,
  now: Date,
  lang: Language,
  timeZone = 'UTC',
): Promise<SlackBlock[]> {
  return trackedBlocks(await lookUpTracked(thumbprints, store), now, lang, timeZone);
}

/** The blocks of certificates already looked up: each one's facts, and its buttons while it is tracked. */
export function trackedBlocks(
  tracked: readonly TrackedLookup[],
  now: Date,
  lang: Language,
  timeZone = 'UTC',
): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (const found of tracked) {
    blocks.push(section(describeOne(found, now, lang, timeZone)));
    if (found.certificate.status === 'active') blocks.push(certificateActions(found.certificate.thumbprint, lang));
  }
  return blocks;
}

/** What the diagnosis's verdict can say of a tracked certificate, without reading the store. */
export interface TrackedSummary {
  name: string;
  /** "expired 172 days ago (10 Jun 2026 23:30 UTC)": plain text for the verdict, so the instant in UTC. */
  countdown: string;
  urgency: Urgency;
  status: TrackStatus;
}

export function trackedSummaries(
  tracked: readonly TrackedLookup[],
  now: Date,
  lang: Language,
  timeZone = 'UTC',
): TrackedSummary[] {
  return tracked.map(({ certificate: cert }) => ({
    name: displayName(cert, lang),
    countdown: withUtcTime(countdownText(cert.notAfter, now, lang, timeZone), cert.notAfter, lang, timeZone),
    urgency: urgencyOf(cert, now),
    status: cert.status,
  }));
}

function describeOne({ certificate: cert, renewedTo }: TrackedLookup, now: Date, lang: Language, timeZone: string) {
  const t = trackingText[lang].described;
  const active = cert.status === 'active';
  // An active one is simply "Tracked by certcheck"; a closed one is a record, with its state.
  const heading = active ? `*${t.title}*` : `*${t.record}* (${t.status[cert.status]})`;
  const lines = [heading, certificateLine(cert, now, lang, timeZone)];
  const facts = [
    ...(cert.servers.length ? [`${t.servers}: ${escapeMrkdwn(cert.servers.join(', '))}`] : []),
    // No reminders go anywhere for a closed one: no reminder line.
    ...(active && cert.channel ? [`${t.channel}: ${channelRef(cert.channel)}`] : []),
    ...(cert.owner ? [`${t.owner}: ${userRef(cert.owner)}`] : []),
  ];
  if (facts.length) lines.push(facts.join(' · '));
  lines.push(`_${t.addedBy(userRef(cert.addedBy), formatDate(cert.addedAt, lang, timeZone))}_`);
  if (!active) {
    const who = cert.statusBy ? userRef(cert.statusBy) : trackingText[lang].notes.someone;
    const when = cert.statusAt ? formatDate(cert.statusAt, lang, timeZone) : '?';
    lines.push(`_${cert.status === 'renewed' ? t.renewedBy(who, when) : t.untrackedBy(who, when)}_`);
  }
  if (renewedTo) lines.push(t.renewedTo(escapeMrkdwn(renewedTo)));
  return lines.join('\n');
}
