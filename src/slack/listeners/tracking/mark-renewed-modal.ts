import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { trackingText } from '../../../core/i18n/tracking-text.js';
import { normalizeThumbprint, trackableCertificates } from '../../../core/tracking.js';
import { trackAll } from '../../../tracking/track-certificates.js';
import { displayName, shortThumbprint } from '../../blocks/certificate-line.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { userRef } from '../../blocks/mentions.js';
import { ids } from '../../ids.js';
import { announceChange, plainText, refusalFor } from './permission-check.js';
import { refreshAfterChange } from './refresh.js';
import { decodeRenewalMetadata } from './renewal-metadata.js';
import type { ListenerDeps } from '../../deps.js';

/**
 * The renewal modal's submission: the new certificate is tracked (same channel and owner as the
 * old one) and the old one closed as renewed. A bare thumbprint records the renewal only: without
 * an expiry there is nothing to remind about until the certificate itself is pasted. The old
 * certificate itself (its PEM or thumbprint) is refused, and so is a second renewal of it.
 */
export function createMarkRenewedSubmitted(deps: ListenerDeps) {
  return async ({ view, body, ack, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = decodeRenewalMetadata(view.private_metadata);
    const text = view.state.values[ids.blocks.renewal]?.[ids.inputs.renewal]?.value?.trim() ?? '';
    // The modal's errors cannot wait on Slack: the submitter's language as known, else the digest's.
    const userId = body.user.id;
    const lang = deps.language.known(userId) ? deps.language.cached(userId) : (metadata?.l ?? deps.defaultLanguage);
    const t = trackingText[lang].renewModal;
    const now = deps.now();
    const old = metadata?.t;
    const diagnosis = await deps.runner.diagnose(text, { now, lang });
    const { certificates } = trackableCertificates(diagnosis, { includeWmsvc: true });
    const fresh = certificates.filter((c) => c.thumbprint !== old);
    const pasted = [
      ...certificates.map((c) => c.thumbprint),
      ...diagnosis.thumbprints.map((p) => normalizeThumbprint(p)),
      normalizeThumbprint(text),
    ].filter((p): p is string => p !== undefined);
    const newThumbprint = fresh[0]?.thumbprint ?? pasted.find((p) => p !== old);
    if (!metadata || !old || !newThumbprint) {
      const error = old && pasted.includes(old) ? t.sameCertificate : t.nothingFound;
      await ack({ response_action: 'errors', errors: { [ids.blocks.renewal]: error } });
      return;
    }
    const { store } = deps.tracking;
    const oldCert = await store.get(old);
    const refused = oldCert && (await refusalFor(deps, client, userId, oldCert, 'renew', lang));
    if (refused) {
      await ack({ response_action: 'errors', errors: { [ids.blocks.renewal]: plainText(refused) } });
      return;
    }
    await ack();
    const subject = escapeMrkdwn(oldCert ? displayName(oldCert, lang) : old);
    const tell = (message: string) =>
      client.chat.postEphemeral({ channel: metadata.channel ?? userId, user: userId, text: message });
    // Closed first: of two admins submitting at once, only the first one's renewal is kept.
    const closed = await store.markRenewed({ oldThumbprint: old, newThumbprint, by: userId, at: now.toISOString() });
    if (!closed) {
      const earlier = await store.renewalOf(old);
      const by = earlier?.by ? userRef(earlier.by) : trackingText[lang].notes.someone;
      await tell(t.alreadyRenewed(by, escapeMrkdwn(shortThumbprint(earlier?.newThumbprint ?? '?'))));
      return;
    }
    if (fresh[0]) {
      // A PEM does not say which services it will serve: the renewal takes over the old one's.
      const services = fresh[0].services.length > 0 ? fresh[0].services : (oldCert?.services ?? []);
      await trackAll(store, [{ ...fresh[0], services }], {
        addedBy: userId,
        now,
        ...(oldCert?.channel && { channel: oldCert.channel }),
        ...(oldCert?.owner && { owner: oldCert.owner }),
      });
    }
    await refreshAfterChange(deps, client, userId, metadata.l, metadata);
    if (oldCert) {
      await announceChange(
        deps,
        client,
        oldCert,
        (t, name) => t.announce.renewed(name, userRef(userId), newThumbprint),
        metadata,
      );
    }
    // A thumbprint alone tracks nothing new, unless that certificate was tracked already.
    const replacement = await store.get(newThumbprint);
    const shown = escapeMrkdwn(newThumbprint);
    await tell(replacement?.status === 'active' ? t.done(subject, shown) : t.recorded(subject, shown));
  };
}
