import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { sentences, trackingText } from '../../../core/i18n/tracking-text.js';
import { type TrackableCertificate, trackedSubject } from '../../../core/tracking.js';
import { type TrackOutcome, trackAll, trackDiagnosis } from '../../../tracking/track-certificates.js';
import type { TrackValue } from '../../blocks/button-values.js';
import { LIMITS, section, truncate } from '../../blocks/kit.js';
import { channelRef } from '../../blocks/mentions.js';
import { trackedLines } from '../../blocks/tracked-lines.js';
import { ids } from '../../ids.js';
import { plainText, trackIntoRefusal } from './permission-check.js';
import { publishHome } from './refresh.js';
import { decodeTrackMetadata } from './track-metadata.js';
import type { ListenerDeps } from '../../deps.js';

/**
 * The track modal's submission. With the paste still kept, it is diagnosed again so the full
 * facts (services, issuer, server) are stored; otherwise the button's own facts are enough.
 */
export function createTrackSubmitted(deps: ListenerDeps) {
  return async ({ view, body, ack, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = decodeTrackMetadata(view.private_metadata);
    if (!metadata) return void (await ack());
    const value = metadata.v;
    const selected = view.state.values[ids.blocks.trackChannel]?.[ids.inputs.trackChannel]?.selected_conversation;
    const channel = selected ?? metadata.origin;
    if (channel && !channel.startsWith('D')) {
      const existing = await Promise.all(value.certs.map((c) => deps.tracking.store.get(c.thumbprint)));
      const refused = await trackIntoRefusal(
        deps,
        client,
        body.user.id,
        channel,
        value.l,
        existing.filter((c) => c !== undefined),
      );
      if (refused) {
        await ack({ response_action: 'errors', errors: { [ids.blocks.trackChannel]: plainText(refused) } });
        return;
      }
    }
    await ack();
    const now = deps.now();
    const request = { addedBy: body.user.id, ownerIfNew: body.user.id, now, ...(channel && { channel }) };
    const paste = value.p ? await deps.pastes.get(value.p, now) : undefined;
    // The same reading of the paste as `/certcheck track`: a WMSvc certificate is left out alike.
    const outcome: TrackOutcome = paste
      ? await trackDiagnosis(
          deps.tracking.store,
          await deps.runner.diagnose(paste.text, { now, lang: value.l }),
          request,
        )
      : { tracked: await trackAll(deps.tracking.store, fromButton(value), request), skipped: [] };
    const t = trackingText[value.l].track;
    const text = sentences(t.tracked(outcome.tracked.length), channel ? t.remindIn(channelRef(channel)) : '');
    const lines = trackedLines(outcome, now, value.l, deps.tracking.timeZone);
    await client.chat.postEphemeral({
      channel: metadata.origin ?? body.user.id,
      user: body.user.id,
      text,
      blocks: [section(truncate([text, ...lines].join('\n'), LIMITS.section))],
    });
    await publishHome(deps, client, body.user.id, await deps.language.forUser(client, body.user.id));
  };
}

function fromButton(value: TrackValue): TrackableCertificate[] {
  return value.certs.flatMap((c) =>
    c.notAfter
      ? [
          {
            thumbprint: c.thumbprint,
            // The paste is gone: no server to name an event's certificate by.
            subject: trackedSubject(c),
            issuer: '',
            domains: c.domains,
            notAfter: new Date(c.notAfter).toISOString(),
            services: [],
            servers: [],
            source: 'slack',
            estimated: false,
          },
        ]
      : [],
  );
}
