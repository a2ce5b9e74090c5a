import { createHmac, randomBytes } from 'node:crypto';
import { SANDBOX_BOT, SANDBOX_TEAM, SANDBOX_USER } from './workspace.js';

/**
 * What the page's input becomes on the wire: requests shaped exactly as Slack sends them to
 * /slack/events, signed with this run's secret (v0 HMAC-SHA256 over `v0:<ts>:<body>`), so Bolt's
 * own verification is what lets them in. Slash commands and interactivity are form bodies
 * (interactivity as one `payload` field), events are JSON.
 */

export interface SlackEndpoint {
  /** The app's `/slack/events` URL. */
  url: string;
  signingSecret: string;
  /** The wall clock: Bolt refuses a signature older than five minutes. */
  clock: () => Date;
}

export interface AppReply {
  status: number;
  body: string;
  contentType: string;
}

export function newSigningSecret(): string {
  return randomBytes(32).toString('hex');
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

type ContentType = 'application/x-www-form-urlencoded' | 'application/json';

export async function postSigned(endpoint: SlackEndpoint, body: string, contentType: ContentType): Promise<AppReply> {
  const timestamp = Math.floor(endpoint.clock().getTime() / 1000);
  const response = await fetch(endpoint.url, {
    method: 'POST',
    // A string body with this exact content type: Bolt compares it byte for byte.
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(endpoint.signingSecret, timestamp, body),
    },
  });
  return {
    status: response.status,
    body: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
  };
}

/** Hand-built `key=value&…` (a URLSearchParams body would get a charset suffix Bolt refuses). */
export function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** Slack sends &, < and > in typed text as entities; the app decodes them. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function newTriggerId(): string {
  return `${randomBytes(4).readUInt32BE()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString('hex')}`;
}

export interface CommandInput {
  command: string;
  text: string;
  channel: { id: string; name: string };
  responseUrl: string;
  triggerId: string;
}

/** The fields of a slash command, in the order Slack sends them. */
export function commandBody(input: CommandInput): string {
  return formBody({
    token: 'sandbox-verification-token',
    team_id: SANDBOX_TEAM.id,
    team_domain: SANDBOX_TEAM.domain,
    channel_id: input.channel.id,
    channel_name: input.channel.name,
    user_id: SANDBOX_USER.id,
    user_name: SANDBOX_USER.name,
    command: input.command,
    text: slackEscape(input.text),
    api_app_id: SANDBOX_BOT.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  });
}

/** The Events API envelope around one event. */
export function eventBody(event: Record<string, unknown>, eventTime: Date): string {
  return JSON.stringify({
    token: 'sandbox-verification-token',
    team_id: SANDBOX_TEAM.id,
    api_app_id: SANDBOX_BOT.appId,
    event,
    type: 'event_callback',
    event_id: `Ev0${randomBytes(6).toString('hex').toUpperCase()}`,
    event_time: Math.floor(eventTime.getTime() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: SANDBOX_TEAM.id,
        user_id: SANDBOX_BOT.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
}

/** block_actions, view_submission, shortcuts: one form field holding the JSON payload. */
export function interactionBody(payload: Record<string, unknown>): string {
  return formBody({ payload: JSON.stringify(payload) });
}

export const sandboxUser = () => ({
  id: SANDBOX_USER.id,
  username: SANDBOX_USER.name,
  name: SANDBOX_USER.name,
  team_id: SANDBOX_TEAM.id,
});

export const sandboxTeam = () => ({ id: SANDBOX_TEAM.id, domain: SANDBOX_TEAM.domain });

/**
 * The text of a message you type, as Slack delivers it: entities escaped, `@certcheck` turned
 * into the bot's `<@U…>` reference, and the rich_text block Slack adds (code fences become
 * rich_text_preformatted, kept verbatim).
 */
export function typedMessage(text: string): { text: string; blocks: unknown[] } {
  const mention = /@certcheck\b/gi;
  const escaped = slackEscape(text).replace(mention, `<@${SANDBOX_BOT.userId}>`);
  const elements: unknown[] = [];
  text.split('```').forEach((part, i, all) => {
    if (part === '') return;
    if (i % 2 === 1 && i < all.length - 1) {
      elements.push({
        type: 'rich_text_preformatted',
        elements: [{ type: 'text', text: part.replace(/^\n|\n$/g, '') }],
      });
      return;
    }
    const leaves: unknown[] = [];
    part.split(mention).forEach((piece, j) => {
      if (j > 0) leaves.push({ type: 'user', user_id: SANDBOX_BOT.userId });
      if (piece) leaves.push({ type: 'text', text: piece });
    });
    elements.push({ type: 'rich_text_section', elements: leaves });
  });
  return { text: escaped, blocks: [{ type: 'rich_text', block_id: 'typed', elements }] };
}
