import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  Logger,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlashCommand,
  webApi,
} from '@slack/bolt';
import { diagnose } from '../core/diagnose.js';
import type { DiagnoseOptions, Diagnosis, Language } from '../core/model.js';
import type { DiagnosisRunner as RunnerPort } from '../diagnosis/runner.js';
import type { Store } from '../store/store.js';
import type { Directory } from './directory.js';
import type { LanguageResolver } from './language.js';
import type { PasteStore } from './pastes/paste-store.js';

export type WebClient = webApi.WebClient;

/**
 * Reads a paste: the worker pool main.ts builds (a long paste never delays another user's ack), or
 * a function on the event loop (tests, the sandbox).
 */
export type DiagnosisRunner = Pick<RunnerPort, 'diagnose'>;

export function createInlineRunner(
  read: (text: string, options: DiagnoseOptions) => Diagnosis = diagnose,
): DiagnosisRunner {
  return { diagnose: async (text, options) => read(text, options) };
}

/** What the tracking listeners need: the store, and how the team reads dates. */
export interface TrackingDeps {
  store: Store;
  /** REMINDER_TZ: dates in digests and Home are shown in it. */
  timeZone: string;
  defaultChannel?: string;
  /** The scheduler's next run, for the digest footer. */
  nextRun?: () => Date | undefined;
  /** Who a user is (membership, admin), for who may change and see what; cached briefly. */
  directory?: Directory;
}

/** Everything the app's listeners use, built in main.ts (or a test) before the app exists. */
export interface SlackDeps {
  /** The clock: every countdown is computed against it. */
  now(): Date;
  logger: Logger;
  runner: DiagnosisRunner;
  pastes: PasteStore;
  language: LanguageResolver;
  tracking: TrackingDeps;
  /** For response_url posts outside Bolt's respond() and file downloads. */
  fetch: typeof fetch;
  warnDays?: number;
}

/** What every listener factory receives: the world, injected, plus what the config says. */
export interface ListenerDeps extends SlackDeps {
  botToken: string;
  defaultLanguage: Language;
}

/**
 * A `/certcheck <word> …` subcommand. The command listener has already acked; answer with
 * `respond`.
 */
export type Subcommand = (args: {
  command: SlashCommand;
  /** The text after the subcommand word. */
  rest: string;
  respond: RespondFn;
  client: WebClient;
  logger: Logger;
}) => Promise<void>;

/** What Bolt hands a button's listener. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
