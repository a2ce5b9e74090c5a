import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { parseFormBody } from './form-body.js';

/**
 * What a request to /slack/events must be before Bolt's handlers see it: signed by Slack within
 * five minutes either way (a replay or a clock set ahead is refused alike), and shaped like what
 * the handler it reaches reads. A signed body that is not (`payload=null`, JSON `null`, a click
 * without a user) is answered 400 here instead of throwing inside a listener.
 *
 * The body is read once as bytes, its signature checked over those bytes, and parsed once: the
 * parsed body is what Bolt's listeners get. A 100 KiB paste costs real time to decode, and a
 * forged body is refused before it is decoded at all.
 */
export type GuardVerdict =
  | { ok: true; kind: 'ssl_check' }
  | { ok: true; kind: 'url_verification'; challenge: string }
  | { ok: true; kind: 'slack'; body: SlackBody }
  | { ok: false; status: 400 | 401; reason: string };

/** A parsed body as Bolt hands it to listeners (form fields, an interaction payload, an event envelope). */
export type SlackBody = Record<string, unknown>;

/** Slack's replay window, in seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Slack's SSL check is a short unsigned form (`ssl_check=1&token=…`): a longer unsigned body is not parsed. */
const SSL_CHECK_MAX_BYTES = 1024;

export interface GuardedRequest {
  /** Decoded in place by the form parser (see form-body.ts): not to be read after the guard. */
  rawBody: Buffer;
  contentType: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

/**
 * `withoutPaste`: the request will only be told that certcheck is busy, so a command's `text` (the
 * paste, up to 1 MiB) is not decoded: its body comes back with `text` ''.
 */
export function guardSlackRequest(
  request: GuardedRequest,
  signingSecret: string,
  nowSeconds: number,
  options: { withoutPaste?: boolean } = {},
): GuardVerdict {
  const form = isForm(request.contentType);
  const refused = checkSignature(request, signingSecret, nowSeconds);
  if (refused) {
    // Slack's SSL check carries no signature; it is answered and whatever else it carried is dropped.
    const sslCheck = form && request.rawBody.length <= SSL_CHECK_MAX_BYTES && isSslCheck(request.rawBody);
    return sslCheck ? { ok: true, kind: 'ssl_check' } : refused;
  }
  return form ? checkForm(request.rawBody, options.withoutPaste ? PASTE_FIELD : undefined) : checkJson(request.rawBody);
}

/** Bolt compares the content type exactly; a charset parameter is tolerated here. */
function isForm(contentType: string | undefined): boolean {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded';
}

function isSslCheck(rawBody: Buffer): boolean {
  return parseFormBody(rawBody).ssl_check === '1';
}

type Refusal = Extract<GuardVerdict, { ok: false }>;

/** Why the signature or its age is refused; undefined when it is Slack's, and recent. */
function checkSignature(request: GuardedRequest, secret: string, nowSeconds: number): Refusal | undefined {
  const timestamp = Number(request.timestamp);
  if (!request.timestamp || !Number.isInteger(timestamp)) return refuse(401, 'no request timestamp');
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return refuse(401, 'request timestamp more than 5 minutes from now');
  }
  // Over the bytes as they arrived: no decoding, no copy of the body into a string.
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${request.timestamp}:`).update(request.rawBody).digest('hex')}`;
  const given = Buffer.from(request.signature ?? '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return refuse(401, 'bad signature');
  return undefined;
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

/** The field of a slash command that holds the paste. */
const PASTE_FIELD: ReadonlySet<string> = new Set(['text']);

/** A form body, parsed once the way Bolt parses it: the fields, or the JSON in `payload`. */
function checkForm(rawBody: Buffer, skip?: ReadonlySet<string>): GuardVerdict {
  const fields = parseFormBody(rawBody, skip);
  if (fields.ssl_check === '1') return { ok: true, kind: 'ssl_check' };
  const payload = fields.payload;
  if (payload === undefined) {
    const parsed = command.safeParse(fields);
    return parsed.success ? { ok: true, kind: 'slack', body: fields } : refuse(400, 'not a slash command');
  }
  const parsed = typeof payload === 'string' ? parseJson(payload) : undefined;
  return interaction.safeParse(parsed).success && isRecord(parsed)
    ? { ok: true, kind: 'slack', body: parsed }
    : refuse(400, 'not an interaction certcheck handles');
}

function checkJson(rawBody: Buffer): GuardVerdict {
  const body = parseJson(rawBody.toString('utf8'));
  const parsed = envelope.safeParse(body);
  if (!parsed.success || !isRecord(body)) return refuse(400, 'not an event envelope');
  if (parsed.data.type === 'url_verification') {
    return { ok: true, kind: 'url_verification', challenge: parsed.data.challenge };
  }
  const inner = parsed.data.event;
  const schema = knownEvents[inner.type];
  return !schema || schema.safeParse(inner).success
    ? { ok: true, kind: 'slack', body }
    : refuse(400, `${inner.type} without its fields`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is SlackBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const refuse = (status: 400 | 401, reason: string): Refusal => ({ ok: false, status, reason });
