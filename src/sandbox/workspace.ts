import type { Channel } from './render/block-kit.js';

/**
 * What the sandbox's Slack holds while it runs: channels, the messages in them (with threads and
 * ephemerals), the open modal stack, each user's App Home, and every Web API call the app made.
 * In memory only: nothing a user pasted is written anywhere. Every change bumps `version`, which
 * the page waits on.
 */

export const SANDBOX_TEAM = { id: 'T0SANDBOX', domain: 'sandbox' } as const;
export const SANDBOX_USER = { id: 'U0SANDBOXME', name: 'you' } as const;
export const SANDBOX_BOT = {
  userId: 'U0CERTCHECK',
  botId: 'B0CERTCHECK',
  name: 'certcheck',
  appId: 'A0CERTCHECK',
} as const;
export const SANDBOX_CHANNELS: readonly Channel[] = [
  { id: 'C0EXCHOPS', name: 'exchange-ops' },
  { id: 'C0GENERAL', name: 'general' },
];

/** The app's direct-message conversation with you: where a post to your user id lands. */
export const SANDBOX_DM: Channel = { id: 'D0CERTCHECK', name: 'certcheck (direct message)' };

export interface SandboxMessage {
  /** The page's key for the message (its DOM id). */
  id: string;
  channel: string;
  ts: string;
  threadTs?: string;
  author: 'user' | 'app' | 'sandbox';
  text: string;
  blocks?: unknown[];
  ephemeral: boolean;
  metadata?: unknown;
  /** Your slash command, shown to you only (Slack does not post it). */
  command?: boolean;
  /** Bumped when chat.update or a response_url replaces it in place. */
  version: number;
  edited: boolean;
}

export interface SandboxView {
  id: string;
  /** The view as the app sent it (type, title, blocks, callback_id, private_metadata…). */
  view: Record<string, unknown>;
  hash: string;
  errors?: Record<string, string>;
}

export interface RecordedCall {
  n: number;
  method: string;
  /** One short line: channel, text, block count. */
  summary: string;
  ok: boolean;
}

export interface ResponseTarget {
  channel: string;
  /** The message a button was pressed on (replace_original / delete_original act on it). */
  messageId?: string;
  threadTs?: string;
  uses: number;
}

export class Workspace {
  readonly channels = SANDBOX_CHANNELS;
  readonly messages: SandboxMessage[] = [];
  /** The open modal, bottom view first. */
  modalStack: SandboxView[] = [];
  readonly homes = new Map<string, SandboxView>();
  readonly calls: RecordedCall[] = [];
  readonly responseTargets = new Map<string, ResponseTarget>();
  /** A line the page shows in its status region (a reminder run's outcome, an app error). */
  notice = '';
  version = 0;
  private counter = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => Date) {}

  /** Slack's ts: seconds since the epoch, then a per-workspace counter so every ts is unique. */
  nextTs(): string {
    const seconds = Math.floor(this.now().getTime() / 1000);
    return `${seconds}.${String(++this.counter).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  channelName(id: string): string | undefined {
    return [...this.channels, SANDBOX_DM].find((c) => c.id === id)?.name;
  }

  /** A channel id, your user id (a DM) or the DM's id → the conversation; undefined when unknown. */
  conversation(id: string): string | undefined {
    if (id === SANDBOX_USER.id || id === SANDBOX_DM.id) return SANDBOX_DM.id;
    return this.channels.some((c) => c.id === id) ? id : undefined;
  }

  userName(id: string): string | undefined {
    if (id === SANDBOX_USER.id) return SANDBOX_USER.name;
    if (id === SANDBOX_BOT.userId) return SANDBOX_BOT.name;
    return undefined;
  }

  post(message: Omit<SandboxMessage, 'id' | 'ts' | 'version' | 'edited'> & { ts?: string }): SandboxMessage {
    const posted: SandboxMessage = {
      ...message,
      id: this.nextId('m'),
      ts: message.ts ?? this.nextTs(),
      version: 1,
      edited: false,
    };
    this.messages.push(posted);
    this.changed();
    return posted;
  }

  find(channel: string, ts: string): SandboxMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  byId(id: string): SandboxMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  replace(message: SandboxMessage, content: { text: string; blocks?: unknown[]; metadata?: unknown }): void {
    message.text = content.text;
    message.blocks = content.blocks;
    if (content.metadata !== undefined) message.metadata = content.metadata;
    message.version++;
    message.edited = true;
    this.changed();
  }

  remove(message: SandboxMessage): void {
    const at = this.messages.indexOf(message);
    if (at >= 0) this.messages.splice(at, 1);
    this.changed();
  }

  record(method: string, summary: string, ok: boolean): void {
    this.calls.push({ n: this.calls.length + 1, method, summary, ok });
    if (this.calls.length > 200) this.calls.splice(0, this.calls.length - 200);
    this.changed();
  }

  responseUrlTarget(target: Omit<ResponseTarget, 'uses'>): string {
    const id = this.nextId('r');
    this.responseTargets.set(id, { ...target, uses: 0 });
    return id;
  }

  newView(view: Record<string, unknown>): SandboxView {
    return { id: this.nextId('V0VIEW'), view, hash: this.nextId('h') };
  }

  findView(id: string | undefined, externalId?: string): SandboxView | undefined {
    const all = [...this.modalStack, ...this.homes.values()];
    return all.find((v) => (id && v.id === id) || (externalId && v.view.external_id === externalId));
  }

  setNotice(text: string): void {
    this.notice = text;
    this.changed();
  }

  changed(): void {
    this.version++;
    for (const wake of this.waiters) wake();
  }

  /** Resolves once the version has moved past `version`, or after `timeoutMs` (long polling). */
  waitForChange(version: number, timeoutMs: number): Promise<void> {
    if (this.version !== version) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Wakes every waiting page (the server is stopping). */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
