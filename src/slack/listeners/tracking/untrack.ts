import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import { replyToButton, trackedForButton } from './button-reply.js';
import { announceChange, refusalFor } from './permission-check.js';
import { noticeMessage } from '../../blocks/error-message.js';
import { userRef } from '../../blocks/mentions.js';
import { messageOf, refreshAfterChange } from './refresh.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';

/** **Untrack**: no more reminders for it; the digest shows who untracked it. */
export function createUntrack(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { body, action, ack, client } = args;
    await ack();
    const value = decodeCertificateAction(action.value);
    if (!value) return;
    const cert = await trackedForButton(deps, args, value.t);
    if (!cert) return;
    const lang = await deps.language.forUser(client, body.user.id);
    const refused = await refusalFor(deps, client, body.user.id, cert, 'untrack', lang);
    if (refused) return void (await replyToButton(args, noticeMessage(refused)));
    await deps.tracking.store.untrack(value.t, body.user.id, deps.now().toISOString());
    await refreshAfterChange(deps, client, body.user.id, value.l, messageOf(body));
    await announceChange(deps, client, cert, (t, name) => t.announce.untracked(name, userRef(body.user.id)), messageOf(body));
  };
}
