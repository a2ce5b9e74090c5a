import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What a request to /slack/events must be before Bolt's handlers see it: signed by Slack within
 * five minutes either way (a replay or a clock set ahead is refused alike), and shaped like what
 * the handler it reaches reads. A signed body that is not (`payload=null`, JSON `null`, a click
 * without a user) is answered 400 here instead of throwing inside the receiver.
 */
export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401; reason: string };

/** Slack's replay window, in seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface GuardedRequest {
  rawBody: string;
  contentType: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export function guardSlackRequest(request: GuardedRequest, signingSecret: string, nowSeconds: number): GuardVerdict {
  // Read once: a 100 KiB paste in a form body costs real time to unescape.
  const form =
    request.contentType === 'application/x-www-form-urlencoded' ? new URLSearchParams(request.rawBody) : undefined;
  // Slack's SSL check carries no signature; Bolt answers it and strips anything else it carried.
  if (form?.get('ssl_check') === '1') return { ok: true };
  const signed = checkSignature(request, signingSecret, nowSeconds);
  if (!signed.ok) return signed;
  return form ? checkForm(form) : checkJson(request.rawBody);
}

function checkSignature(request: GuardedRequest, secret: string, nowSeconds: number): GuardVerdict {
  const timestamp = Number(request.timestamp);
  if (!request.timestamp || !Number.isInteger(timestamp)) return refuse(401, 'no request timestamp');
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return refuse(401, 'request timestamp more than 5 minutes from now');
  }
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${request.timestamp}:${request.rawBody}`).digest('hex')}`;
  const given = Buffer.from(request.signature ?? '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return refuse(401, 'bad signature');
  return { ok: true };
}

const id = z.string().min(1);
const withUser = { user: z.looseObject({ id }) };

/** The fields each interactive payload's handler reads. */
const interaction = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('block_actions'),
    ...withUser,
    actions: z.array(z.looseObject({ action_id: id })).min(1),
    container: z.looseObject({}).optional(),
  }),
  z.looseObject({
    type: z.literal('view_submission'),
    ...withUser,
    view: z.looseObject({
      callback_id: z.string(),
      private_metadata: z.string().optional(),
      state: z.looseObject({ values: z.record(z.string(), z.unknown()) }),
    }),
  }),
  z.looseObject({ type: z.literal('view_closed'), ...withUser, view: z.looseObject({ callback_id: z.string() }) }),
  z.looseObject({
    type: z.literal('message_action'),
    ...withUser,
    callback_id: id,
    channel: z.looseObject({ id }),
    message: z.looseObject({ ts: id }),
  }),
  z.looseObject({ type: z.literal('shortcut'), ...withUser, callback_id: id }),
]);

/** A slash command's form fields. */
const command = z.looseObject({
  command: id,
  text: z.string(),
  user_id: id,
  channel_id: id,
  team_id: z.string().optional(),
});

const event = z.looseObject({ type: id });
const envelope = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string() }),
  z.looseObject({ type: z.literal('event_callback'), event }),
]);

/** The events certcheck listens to, with what their listeners read. */
const knownEvents: Record<string, z.ZodType> = {
  app_mention: z.looseObject({ channel: id, ts: id, text: z.string().optional(), user: z.string().optional() }),
  app_home_opened: z.looseObject({ user: id, tab: z.string().optional() }),
};

function checkForm(form: URLSearchParams): GuardVerdict {
  const payload = form.get('payload');
  if (payload === null) {
    return command.safeParse(Object.fromEntries(form)).success ? { ok: true } : refuse(400, 'not a slash command');
  }
  const parsed = parseJson(payload);
  return interaction.safeParse(parsed).success ? { ok: true } : refuse(400, 'not an interaction certcheck handles');
}

function checkJson(rawBody: string): GuardVerdict {
  const parsed = envelope.safeParse(parseJson(rawBody));
  if (!parsed.success) return refuse(400, 'not an event envelope');
  if (parsed.data.type === 'url_verification') return { ok: true };
  const inner = parsed.data.event;
  const schema = knownEvents[inner.type];
  return !schema || schema.safeParse(inner).success ? { ok: true } : refuse(400, `${inner.type} without its fields`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const refuse = (status: 400 | 401, reason: string): GuardVerdict => ({ ok: false, status, reason });
