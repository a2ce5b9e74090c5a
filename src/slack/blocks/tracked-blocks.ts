import { formatDate } from '../../core/countdown.js';
import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Language } from '../../core/model.js';
import { normalizeThumbprint } from '../../core/tracking.js';
import type { Store, TrackedCertificate } from '../../store/store.js';
import { certificateLine } from './certificate-line.js';
import { type SlackBlock, escapeMrkdwn, section } from './kit.js';
import { channelRef, userRef } from './mentions.js';
import { certificateActions } from './tracking-actions.js';

/** At most this many tracked certificates are described under a diagnosis. */
const MAX_DESCRIBED = 3;

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
  const blocks: SlackBlock[] = [];
  for (const cert of await lookUp(thumbprints, store)) {
    blocks.push(section(await describeOne(cert, store, now, lang, timeZone)));
    if (cert.status === 'active') blocks.push(certificateActions(cert.thumbprint, lang));
  }
  return blocks;
}

export async function lookUp(thumbprints: readonly string[], store: Store): Promise<TrackedCertificate[]> {
  const found: TrackedCertificate[] = [];
  const seen = new Set<string>();
  for (const raw of thumbprints) {
    const thumbprint = normalizeThumbprint(raw);
    if (!thumbprint || seen.has(thumbprint)) continue;
    seen.add(thumbprint);
    const cert = await store.get(thumbprint);
    if (cert) found.push(cert);
    if (found.length >= MAX_DESCRIBED) break;
  }
  return found;
}

async function describeOne(cert: TrackedCertificate, store: Store, now: Date, lang: Language, timeZone: string) {
  const t = trackingText[lang].described;
  const lines = [`*${t.title}* (${t.status[cert.status]})`, certificateLine(cert, now, lang, timeZone)];
  const facts = [
    ...(cert.servers.length ? [`${t.servers}: ${escapeMrkdwn(cert.servers.join(', '))}`] : []),
    ...(cert.channel ? [`${t.channel}: ${channelRef(cert.channel)}`] : []),
    ...(cert.owner ? [`${t.owner}: ${userRef(cert.owner)}`] : []),
  ];
  if (facts.length) lines.push(facts.join(' · '));
  lines.push(`_${t.addedBy(userRef(cert.addedBy), formatDate(cert.addedAt, lang, timeZone))}_`);
  if (cert.status === 'renewed') {
    const renewal = await store.renewalOf(cert.thumbprint);
    if (renewal) lines.push(t.renewedTo(renewal.newThumbprint));
  }
  return lines.join('\n');
}
