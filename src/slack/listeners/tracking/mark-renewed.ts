import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import { markRenewedModal } from '../../blocks/tracking-modals.js';
import { displayName } from '../../blocks/certificate-line.js';
import { noticeMessage } from '../../blocks/error-message.js';
import { replyToButton, trackedForButton } from './button-reply.js';
import { refusalFor } from './permission-check.js';
import { encodeRenewalMetadata } from './renewal-metadata.js';
import { messageOf } from './refresh.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';

/** **Mark renewed**: a modal to paste the new certificate (or its thumbprint). */
export function createMarkRenewed(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { body, action, ack, client } = args;
    await ack();
    const value = decodeCertificateAction(action.value);
    if (!value) return;
    // trigger_id lives 3 s: one quick lookup for the title, then open.
    const cert = await trackedForButton(deps, args, value.t);
    if (!cert) return;
    // `l` stays the digest's, to redraw it; the modal speaks the clicker's language when known.
    const metadata = encodeRenewalMetadata({ t: value.t, l: value.l, ...messageOf(body) });
    const lang = deps.language.known(body.user.id) ? deps.language.cached(body.user.id) : value.l;
    // Asked again when the modal is submitted: the modal's metadata could be replayed by anyone.
    const refused = await refusalFor(deps, client, body.user.id, cert, 'renew', lang);
    if (refused) return void (await replyToButton(args, noticeMessage(refused)));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: markRenewedModal(lang, displayName(cert, lang), metadata),
    });
  };
}
