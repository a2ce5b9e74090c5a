import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  Logger,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlashCommand,
  webApi,
} from '@slack/bolt';
import type { DiagnoseOptions, Diagnosis, Language } from '../core/model.js';
import type { HomeView } from './blocks/home-view.js';
import type { TrackedDescription } from './blocks/diagnosis-message.js';
import type { LanguageResolver } from './language.js';
import type { PasteCache } from './paste-cache.js';

export type WebClient = webApi.WebClient;
export type DiagnoseFn = (text: string, options: DiagnoseOptions) => Diagnosis;

/**
 * A `/certcheck <word> …` subcommand owned elsewhere (tracking: track, list, untrack). The command
 * listener has already acked; answer with `respond`.
 */
export type Subcommand = (args: {
  command: SlashCommand;
  /** The text after the subcommand word. */
  rest: string;
  respond: RespondFn;
  client: WebClient;
  logger: Logger;
}) => Promise<void>;

/** Renders the App Home for a user (the tracking dashboard replaces the default one). */
export type HomeRenderer = (args: { userId: string; lang: Language; client: WebClient }) => Promise<HomeView>;

/** Registers more listeners on the app (the tracking engineer's), with the same deps. */
export type AppExtension = (app: App, deps: ListenerDeps) => void;

/** What every listener factory receives: the world, injected. */
export interface ListenerDeps {
  now(): Date;
  logger: Logger;
  diagnose: DiagnoseFn;
  cache: PasteCache;
  language: LanguageResolver;
  /** For response_url posts outside Bolt's respond() and file downloads. */
  fetch: typeof fetch;
  botToken: string;
  defaultLanguage: Language;
  warnDays?: number;
  subcommands: Readonly<Record<string, Subcommand>>;
  home?: HomeRenderer;
  describeTracked?: TrackedDescriber;
}

/** What certcheck knows of pasted thumbprints it tracks (blocks under the diagnosis); none when untracked. */
export type TrackedDescriber = (thumbprints: readonly string[], lang: Language) => Promise<TrackedDescription>;

/** What Bolt hands a button's listener. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
