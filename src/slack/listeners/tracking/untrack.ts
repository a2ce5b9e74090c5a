import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import { trackedForButton } from './button-reply.js';
import { messageOf, refreshAfterChange } from './refresh.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';

/** **Untrack**: no more reminders for it; the digest shows who untracked it. */
export function createUntrack(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { body, action, ack, client } = args;
    await ack();
    const value = decodeCertificateAction(action.value);
    if (!value) return;
    if (!(await trackedForButton(deps, args, value.t))) return;
    await deps.tracking.store.untrack(value.t, body.user.id, deps.now().toISOString());
    await refreshAfterChange(deps, client, body.user.id, value.l, messageOf(body));
  };
}
