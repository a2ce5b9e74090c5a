import type { RunReport } from '../reminders/runner.js';
import { findElement, withBlockIds, withViewBlockIds } from './block-ids.js';
import {
  type AppReply,
  commandBody,
  eventBody,
  interactionBody,
  newTriggerId,
  postSigned,
  type SlackEndpoint,
  sandboxTeam,
  sandboxUser,
  typedMessage,
} from './signer.js';
import { actionPayload, stateValues } from './interaction-payloads.js';
import { type Json, obj, str } from './json.js';
import { viewAnswer } from './web-api.js';
import { SANDBOX_BOT, SANDBOX_DM, SANDBOX_USER, type Workspace } from './workspace.js';

/**
 * Slack's side of the conversation: what a person does on the page (types, clicks, submits, opens
 * Home) becomes the signed request Slack would send, and what the app answers in the HTTP reply
 * (a command's ack body, a modal's response_action) is applied as Slack applies it.
 */

/** The running app, as the sandbox drives it. */
export interface SandboxApp {
  /** The app's own `/slack/events`. */
  eventsUrl: string;
  /** One reminder pass now; reminders without a channel go to `channel`. */
  runReminders(channel: string): Promise<RunReport>;
  stop(): Promise<void>;
}

export interface Outcome {
  ok: boolean;
  error?: string;
}

/** A pasted private key is never shown back on the page, even in your own message. */
export function maskPrivateKeys(text: string): string {
  return text.replace(
    /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g,
    '[private key not shown]',
  );
}

export class SlackSide {
  constructor(
    private readonly ws: Workspace,
    private readonly endpoint: SlackEndpoint,
    /** Base of the response URLs handed to the app: `http://127.0.0.1:<port>/response/`. */
    private readonly responseBase: string,
    private readonly app: Pick<SandboxApp, 'runReminders'>,
  ) {}

  private channel(id: string) {
    const conversation = this.ws.conversation(id);
    return conversation ? { id: conversation, name: this.ws.channelName(conversation) ?? conversation } : undefined;
  }

  private responseUrl(target: { channel: string; messageId?: string; threadTs?: string }): string {
    return `${this.responseBase}${this.ws.responseUrlTarget(target)}`;
  }

  /** What you typed: a slash command, a message mentioning @certcheck, or a plain message. */
  async send(channelId: string, text: string): Promise<Outcome> {
    const channel = this.channel(channelId);
    if (!channel) return { ok: false, error: 'That channel does not exist in the sandbox.' };
    if (text.trim() === '') return { ok: false, error: 'Type a message first.' };
    const command = /^\s*(\/\S+)(?:[ \t]+|\r?\n|$)([\s\S]*)$/.exec(text);
    if (command) return this.slashCommand(channel, command[1]!, command[2] ?? '');
    const typed = typedMessage(text);
    const shown = typedMessage(maskPrivateKeys(text));
    const posted = this.ws.post({
      channel: channel.id,
      author: 'user',
      text: shown.text,
      blocks: shown.blocks,
      ephemeral: false,
    });
    if (!/@certcheck\b/i.test(text)) {
      this.ws.setNotice('certcheck only sees messages that mention @certcheck, and /certcheck commands.');
      return { ok: true };
    }
    const event = {
      type: 'app_mention',
      user: SANDBOX_USER.id,
      text: typed.text,
      blocks: typed.blocks,
      ts: posted.ts,
      channel: channel.id,
      event_ts: posted.ts,
      team: sandboxTeam().id,
      client_msg_id: this.ws.nextId('cm'),
    };
    return this.deliver(
      'app_mention',
      await postSigned(this.endpoint, eventBody(event, this.endpoint.clock()), 'application/json'),
    );
  }

  private async slashCommand(channel: { id: string; name: string }, name: string, text: string): Promise<Outcome> {
    const firstLine = `${name} ${text}`.trim().split('\n')[0] ?? name;
    const more = text.split('\n').length - 1;
    this.ws.post({
      channel: channel.id,
      author: 'user',
      text:
        maskPrivateKeys(firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine) +
        (more > 0 ? ` (+${more} lines)` : ''),
      ephemeral: true,
      command: true,
    });
    if (name.toLowerCase() !== '/certcheck') {
      this.sandboxSays(channel.id, `${name} is not a command in this workspace. Try /certcheck.`);
      return { ok: true };
    }
    const reply = await postSigned(
      this.endpoint,
      commandBody({
        command: name.toLowerCase(),
        text,
        channel,
        responseUrl: this.responseUrl({ channel: channel.id }),
        triggerId: newTriggerId(),
      }),
      'application/x-www-form-urlencoded',
    );
    if (reply.status !== 200) return this.failed(channel.id, name, reply);
    const answer = parseJson(reply.body);
    if (reply.body.trim() !== '') {
      const body = answer ?? { text: reply.body };
      const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
      this.ws.post({
        channel: channel.id,
        author: 'app',
        text: str(body.text) ?? '',
        ...(blocks && { blocks: withBlockIds(blocks) }),
        ephemeral: body.response_type !== 'in_channel',
      });
    }
    return { ok: true };
  }

  /** A button, select or date picker on a message, in a modal or on Home. */
  async act(request: {
    messageId?: string;
    viewId?: string;
    blockId: string;
    actionId: string;
    value?: string;
  }): Promise<Outcome> {
    const message = request.messageId ? this.ws.byId(request.messageId) : undefined;
    const view = request.viewId ? this.ws.findView(request.viewId) : undefined;
    const blocks = message ? message.blocks : view?.view.blocks;
    const element = findElement(blocks, request.blockId, request.actionId);
    if (!element || (!message && !view)) return { ok: false, error: 'That control is no longer there.' };
    const action = actionPayload(element, request.blockId, request.value, this.ws.nextTs());
    const common = {
      type: 'block_actions',
      user: sandboxUser(),
      api_app_id: SANDBOX_BOT.appId,
      token: 'sandbox-verification-token',
      trigger_id: newTriggerId(),
      team: sandboxTeam(),
      enterprise: null,
      is_enterprise_install: false,
      state: { values: {} },
      actions: [action],
    };
    let payload: Json;
    if (message) {
      const channel = this.channel(message.channel)!;
      payload = {
        ...common,
        container: {
          type: 'message',
          message_ts: message.ts,
          channel_id: channel.id,
          is_ephemeral: message.ephemeral,
          ...(message.threadTs && { thread_ts: message.threadTs }),
        },
        channel,
        // Slack leaves the message out of clicks on ephemeral messages.
        ...(!message.ephemeral && {
          message: {
            type: 'message',
            ts: message.ts,
            text: message.text,
            blocks: message.blocks ?? [],
            ...(message.author === 'app'
              ? { bot_id: SANDBOX_BOT.botId, user: SANDBOX_BOT.userId }
              : { user: SANDBOX_USER.id }),
            ...(message.threadTs && { thread_ts: message.threadTs }),
          },
        }),
        response_url: this.responseUrl({
          channel: channel.id,
          messageId: message.id,
          ...(message.threadTs && { threadTs: message.threadTs }),
        }),
      };
    } else {
      const v = view!;
      payload = { ...common, container: { type: 'view', view_id: v.id }, view: viewAnswer(v) };
    }
    return this.deliver(
      'block_actions',
      await postSigned(this.endpoint, interactionBody(payload), 'application/x-www-form-urlencoded'),
    );
  }

  /** Submit on a modal: the values typed and chosen, in the shapes view.state.values has in Slack. */
  async submit(viewId: string, values: Record<string, Record<string, string>>): Promise<Outcome> {
    const view = this.ws.modalStack.find((v) => v.id === viewId);
    if (!view) return { ok: false, error: 'That dialog is already closed.' };
    const { state, missing } = stateValues(view, values);
    if (Object.keys(missing).length > 0) {
      view.errors = missing;
      this.ws.changed();
      return { ok: true };
    }
    const payload = {
      type: 'view_submission',
      team: sandboxTeam(),
      user: sandboxUser(),
      api_app_id: SANDBOX_BOT.appId,
      token: 'sandbox-verification-token',
      trigger_id: newTriggerId(),
      view: { ...viewAnswer(view), state: { values: state }, root_view_id: this.ws.modalStack[0]?.id ?? view.id },
      response_urls: [],
      enterprise: null,
      is_enterprise_install: false,
    };
    const reply = await postSigned(this.endpoint, interactionBody(payload), 'application/x-www-form-urlencoded');
    if (reply.status !== 200) {
      view.errors = {
        '': `The app did not accept this (HTTP ${reply.status}). Slack would say: “We had some trouble connecting.”`,
      };
      this.ws.changed();
      return { ok: true };
    }
    const answer = parseJson(reply.body) ?? {};
    const next = obj(answer.view);
    switch (answer.response_action) {
      case 'errors':
        view.errors = Object.fromEntries(Object.entries(obj(answer.errors) ?? {}).map(([k, v]) => [k, String(v)]));
        break;
      case 'update':
        if (next) Object.assign(view, { view: withViewBlockIds(next), hash: this.ws.nextId('h'), errors: undefined });
        break;
      case 'push':
        if (next) this.ws.modalStack.push(this.ws.newView(withViewBlockIds(next)));
        break;
      case 'clear':
        this.ws.modalStack = [];
        break;
      default:
        this.ws.modalStack = this.ws.modalStack.filter((v) => v !== view);
    }
    this.ws.changed();
    return { ok: true };
  }

  /** Cancel / Escape: the view closes; the app hears of it only when it asked (notify_on_close). */
  async close(viewId: string): Promise<Outcome> {
    const view = this.ws.modalStack.find((v) => v.id === viewId);
    if (!view) return { ok: true };
    this.ws.modalStack = this.ws.modalStack.filter((v) => v !== view);
    this.ws.changed();
    if (view.view.notify_on_close !== true) return { ok: true };
    const payload = {
      type: 'view_closed',
      team: sandboxTeam(),
      user: sandboxUser(),
      api_app_id: SANDBOX_BOT.appId,
      token: 'sandbox-verification-token',
      view: viewAnswer(view),
      is_cleared: false,
    };
    return this.deliver(
      'view_closed',
      await postSigned(this.endpoint, interactionBody(payload), 'application/x-www-form-urlencoded'),
    );
  }

  /** The Home tab was opened: app_home_opened, as Slack sends it. */
  async openHome(): Promise<Outcome> {
    const home = this.ws.homes.get(SANDBOX_USER.id);
    const ts = this.ws.nextTs();
    const event = {
      type: 'app_home_opened',
      user: SANDBOX_USER.id,
      channel: SANDBOX_DM.id,
      tab: 'home',
      event_ts: ts,
      ...(home && { view: viewAnswer(home) }),
    };
    return this.deliver(
      'app_home_opened',
      await postSigned(this.endpoint, eventBody(event, this.endpoint.clock()), 'application/json'),
    );
  }

  async runReminders(channelId: string): Promise<Outcome> {
    const channel = this.channel(channelId);
    if (!channel) return { ok: false, error: 'That channel does not exist in the sandbox.' };
    const report = await this.app.runReminders(channel.id);
    this.ws.setNotice(reminderSummary(report));
    return { ok: report.failed.length === 0, ...(report.failed[0] && { error: report.failed[0].error }) };
  }

  private sandboxSays(channel: string, text: string) {
    this.ws.post({ channel, author: 'sandbox', text, ephemeral: true });
  }

  private failed(channel: string, name: string, reply: AppReply): Outcome {
    // What Slack shows when the app answers a command with an error or not within 3 seconds.
    const error =
      reply.status === 404 ? 'operation_timeout' : reply.status === 401 ? 'invalid_signature' : `http_${reply.status}`;
    this.sandboxSays(channel, `${name} failed with the error "${error}"`);
    return { ok: false, error: `The app answered HTTP ${reply.status}.` };
  }

  private deliver(what: string, reply: AppReply): Outcome {
    if (reply.status === 200) return { ok: true };
    const error = `The app answered ${what} with HTTP ${reply.status}${reply.status === 404 ? ' (no answer within 3 seconds)' : ''}.`;
    this.ws.setNotice(error);
    return { ok: false, error };
  }
}

function parseJson(body: string): Json | undefined {
  try {
    return obj(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function reminderSummary(report: RunReport): string {
  const sent = report.sent.reduce((n, s) => n + s.thumbprints.length, 0);
  if (report.due.length === 0) {
    return report.unrouted.length > 0
      ? `Reminder run: ${report.unrouted.length} due but with no channel to go to.`
      : 'Reminder run: nothing is due (track a certificate that expires within 60 days, or it was already reminded for this threshold).';
  }
  const parts = [
    `Reminder run: ${sent} reminder${sent === 1 ? '' : 's'} sent in ${report.sent.length} message${report.sent.length === 1 ? '' : 's'}`,
  ];
  if (report.failed.length) parts.push(`${report.failed.length} failed (${report.failed[0]!.error})`);
  return `${parts.join(', ')}.`;
}
