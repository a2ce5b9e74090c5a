import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { trackingText } from '../../../core/i18n/tracking-text.js';
import { normalizeThumbprint, trackableCertificates } from '../../../core/tracking.js';
import { trackAll } from '../../../tracking/track-certificates.js';
import { displayName } from '../../blocks/certificate-line.js';
import { ids } from '../../ids.js';
import type { TrackingListenerDeps } from '../../tracking-deps.js';
import { refreshAfterChange } from './refresh.js';
import { decodeRenewalMetadata } from './renewal-metadata.js';

/**
 * The renewal modal's submission: the new certificate is tracked (same channel and owner as the
 * old one) and the old one closed as renewed. A bare thumbprint records the renewal only: without
 * an expiry there is nothing to remind about until the certificate itself is pasted.
 */
export function createMarkRenewedSubmitted(deps: TrackingListenerDeps) {
  return async ({ view, body, ack, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = decodeRenewalMetadata(view.private_metadata);
    const text = view.state.values[ids.blocks.renewal]?.[ids.inputs.renewal]?.value?.trim() ?? '';
    const lang = metadata?.l ?? deps.defaultLanguage;
    const t = trackingText[lang].renewModal;
    const now = deps.now();
    const diagnosis = deps.diagnose(text, { now, lang });
    const { certificates } = trackableCertificates(diagnosis, { includeWmsvc: true });
    const fresh = certificates.filter((c) => c.thumbprint !== metadata?.t);
    const newThumbprint =
      fresh[0]?.thumbprint ??
      diagnosis.thumbprints.map((p) => normalizeThumbprint(p)).find((p) => p !== undefined && p !== metadata?.t) ??
      normalizeThumbprint(text);
    if (!metadata || !newThumbprint) {
      await ack({ response_action: 'errors', errors: { [ids.blocks.renewal]: t.nothingFound } });
      return;
    }
    await ack();
    const { store } = deps.tracking;
    const old = await store.get(metadata.t);
    if (fresh[0]) {
      // A PEM does not say which services it will serve: the renewal takes over the old one's.
      const services = fresh[0].services.length > 0 ? fresh[0].services : (old?.services ?? []);
      await trackAll(store, [{ ...fresh[0], services }], {
        addedBy: body.user.id,
        now,
        ...(old?.channel && { channel: old.channel }),
        ...(old?.owner && { owner: old.owner }),
      });
    }
    await store.markRenewed({ oldThumbprint: metadata.t, newThumbprint, by: body.user.id, at: now.toISOString() });
    await refreshAfterChange(deps, client, body.user.id, lang, metadata);
    const subject = old ? displayName(old) : metadata.t;
    await client.chat.postEphemeral({
      channel: metadata.channel ?? body.user.id,
      user: body.user.id,
      text: t.done(subject, newThumbprint),
    });
  };
}
