import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Language } from '../../core/model.js';
import type { Snooze, TrackedCertificate, TrackedEndpoint } from '../../store/store.js';
import { certificateLine, snoozedText, urgencyOf } from './certificate-line.js';
import { type HomeView, howToBlocks } from './home-view.js';
import { context, header, mrkdwn, type SlackBlock, section } from './kit.js';
import { channelRef, userRef } from './mentions.js';
import { certificateActions } from './tracking-actions.js';
import { endpointBlocks, endpointTitle } from './endpoint-blocks.js';

/** Header, summary, the footer line and how to use certcheck: Home's 100 blocks leave two per certificate. */
export const HOME_MAX_CERTIFICATES = 47;

/** The App Home dashboard: every tracked certificate, soonest expiry first, with a badge and buttons. */
export function trackingHomeView(
  certificates: TrackedCertificate[],
  snoozes: Snooze[],
  options: { now: Date; lang: Language; timeZone: string; defaultChannel?: string; endpoints?: TrackedEndpoint[] },
): HomeView {
  const t = trackingText[options.lang];
  const counts = { expired: 0, critical: 0, soon: 0, fine: 0 };
  for (const c of certificates) counts[urgencyOf(c, options.now)]++;
  const blocks: SlackBlock[] = [header(t.home.title)];
  // The endpoints, with what they present: two blocks, taken from the certificates' share of Home's 100.
  const endpoints = options.endpoints ?? [];
  const endpointPart = endpointBlocks(
    endpointTitle(options.lang, 'home', endpoints.length),
    endpoints,
    { now: options.now, lang: options.lang, timeZone: options.timeZone },
    { maxBlocks: 2, withChannel: true, ...(options.defaultChannel && { defaultChannel: options.defaultChannel }) },
  );
  if (certificates.length === 0) {
    blocks.push(section(t.home.empty), ...endpointPart, ...howToBlocks(options.lang));
    return { type: 'home', blocks };
  }
  blocks.push(context(t.home.summary(counts)));
  const snoozedUntil = new Map(snoozes.map((s) => [s.thumbprint, s]));
  const maxCertificates = HOME_MAX_CERTIFICATES - (endpointPart.length > 0 ? 1 : 0);
  for (const cert of certificates.slice(0, maxCertificates)) {
    const badge = t.badges[urgencyOf(cert, options.now)];
    const channel = cert.channel ?? options.defaultChannel;
    const details = [
      `*${badge}*`,
      channel ? t.list.channel(channelRef(channel)) : t.list.noChannel,
      ...(cert.owner ? [t.list.owner(userRef(cert.owner))] : []),
      ...(cert.estimated ? [t.digest.estimated] : []),
    ];
    const snooze = snoozedUntil.get(cert.thumbprint);
    if (snooze) details.push(snoozedText(snooze.until, snooze.by, options.lang, options.timeZone));
    const line = certificateLine(cert, options.now, options.lang, options.timeZone, { withServers: true });
    blocks.push({
      type: 'section',
      block_id: `home:${cert.thumbprint}`,
      text: mrkdwn(`${line}\n${details.join(' · ')}`),
    });
    blocks.push(certificateActions(cert.thumbprint, options.lang));
  }
  if (certificates.length > maxCertificates) {
    blocks.push(context(t.home.more(certificates.length - maxCertificates)));
  }
  blocks.push(...endpointPart);
  blocks.push(...howToBlocks(options.lang));
  return { type: 'home', blocks };
}
