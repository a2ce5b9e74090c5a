import { DateTime } from 'luxon';
import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import { trackedForButton } from './button-reply.js';
import { messageOf, refreshAfterChange } from './refresh.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';

/**
 * The end of a snooze: the start of the team's day (REMINDER_TZ) `days` later, so that the first
 * scheduled run of that day reminds again ("1 day" skips one daily run, "1 week" lasts a week).
 */
export function snoozeEnd(now: Date, days: number, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).plus({ days }).startOf('day').toUTC().toISO() as string;
}

/** **Snooze 1 day / 1 week**: no reminder for this certificate until then; the digest says who. */
export function createSnooze(deps: ListenerDeps, days: number) {
  return async (args: ButtonArgs) => {
    const { body, action, ack, client } = args;
    await ack();
    const value = decodeCertificateAction(action.value);
    if (!value) return;
    if (!(await trackedForButton(deps, args, value.t))) return;
    const now = deps.now();
    await deps.tracking.store.snooze({
      thumbprint: value.t,
      until: snoozeEnd(now, days, deps.tracking.timeZone),
      by: body.user.id,
      at: now.toISOString(),
    });
    await refreshAfterChange(deps, client, body.user.id, value.l, messageOf(body));
  };
}
