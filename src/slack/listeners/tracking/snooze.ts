import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import type { TrackingListenerDeps } from '../../tracking-deps.js';
import { trackedForButton } from './button-reply.js';
import { messageOf, refreshAfterChange } from './refresh.js';
import type { ButtonArgs } from '../../deps.js';

/** **Snooze 1 day / 1 week**: no reminder for this certificate until then; the digest says who. */
export function createSnooze(deps: TrackingListenerDeps, days: number) {
  return async (args: ButtonArgs) => {
    const { body, action, ack, client } = args;
    await ack();
    const value = decodeCertificateAction(action.value);
    if (!value) return;
    if (!(await trackedForButton(deps, args, value.t))) return;
    const now = deps.now();
    await deps.tracking.store.snooze({
      thumbprint: value.t,
      until: new Date(now.getTime() + days * 86_400_000).toISOString(),
      by: body.user.id,
      at: now.toISOString(),
    });
    await refreshAfterChange(deps, client, body.user.id, value.l, messageOf(body));
  };
}
