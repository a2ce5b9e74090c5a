import { DateTime } from 'luxon';
import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import { formatDate } from '../../../core/countdown.js';
import { noticeMessage } from '../../blocks/error-message.js';
import { userRef } from '../../blocks/mentions.js';
import { replyToButton, trackedForButton } from './button-reply.js';
import { announceChange, refusalFor } from './permission-check.js';
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
    const cert = await trackedForButton(deps, args, value.t);
    if (!cert) return;
    const lang = await deps.language.forUser(client, body.user.id);
    const refused = await refusalFor(deps, client, body.user.id, cert, 'snooze', lang);
    if (refused) return void (await replyToButton(args, noticeMessage(refused)));
    const now = deps.now();
    const until = snoozeEnd(now, days, deps.tracking.timeZone);
    await deps.tracking.store.snooze({ thumbprint: value.t, until, by: body.user.id, at: now.toISOString() });
    await refreshAfterChange(deps, client, body.user.id, value.l, messageOf(body));
    await announceChange(
      deps,
      client,
      cert,
      (t, name) =>
        t.announce.snoozed(name, formatDate(until, deps.defaultLanguage, deps.tracking.timeZone), userRef(body.user.id)),
      messageOf(body),
    );
  };
}
