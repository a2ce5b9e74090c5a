import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import { loadConfig } from '../../src/config.js';
import { diagnose as coreDiagnose } from '../../src/core/diagnose.js';
import type { DiagnoseOptions, Diagnosis } from '../../src/core/model.js';
import { type CertcheckApp, createApp } from '../../src/slack/app.js';
import { createInlineRunner, type DiagnosisRunner, type Subcommand, type TrackingDeps } from '../../src/slack/deps.js';
import { createLanguageResolver } from '../../src/slack/language.js';
import { createMemoryPasteStore, type PasteStore } from '../../src/slack/pastes/paste-store.js';
import { createReceiver } from '../../src/slack/receiver.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { blockKitProblems } from './block-kit-limits.js';
import { REFERENCE_NOW } from './clock.js';
import { FAKE_BOT, type FakeSlack, startFakeSlack } from './fake-slack.js';
import { type CommandFields, SIGNING_SECRET, sendCommand } from './slack-request.js';

/** The real certcheck app on loopback, talking to the fake Slack. */
export interface Harness {
  fake: FakeSlack;
  /** `http://127.0.0.1:<port>/slack/events` */
  url: string;
  origin: string;
  certcheck: CertcheckApp;
  /** Every log line the app wrote (to check that no secret leaks into logs). */
  logs: string[];
  /** Stops the app, and the fake Slack and paste store unless they were handed in. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  now?: () => Date;
  /** A synchronous core stand-in, run inline. */
  diagnose?: (text: string, options: DiagnoseOptions) => Diagnosis;
  runner?: DiagnosisRunner;
  tracking?: Partial<TrackingDeps>;
  /** Shared between two harnesses to play a restart or a second replica. */
  pastes?: PasteStore;
  fake?: FakeSlack;
  subcommands?: Record<string, Subcommand>;
  /** Default true: the HTTP reply waits for the listener, so its calls are recorded when the request returns. */
  processBeforeResponse?: boolean;
  warnDays?: number;
}

export async function startHarness(options: HarnessOptions = {}, env: Record<string, string> = {}): Promise<Harness> {
  const fake = options.fake ?? (await startFakeSlack());
  const logs: string[] = [];
  const logger = recordingLogger(logs);
  const now = options.now ?? (() => REFERENCE_NOW);
  const config = loadConfig({
    SLACK_BOT_TOKEN: FAKE_BOT.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  const pastes = options.pastes ?? createMemoryPasteStore();
  const certcheck = createApp(
    config,
    {
      now,
      logger,
      runner: options.runner ?? createInlineRunner(options.diagnose ?? coreDiagnose),
      pastes,
      language: createLanguageResolver(config.defaultLanguage, logger),
      tracking: { store: createMemoryStore(), timeZone: 'UTC', ...options.tracking },
      fetch: globalThis.fetch,
      ...(options.warnDays !== undefined && { warnDays: options.warnDays }),
    },
    {
      receiver: createReceiver(config, {
        logger,
        now: () => new Date(),
        processBeforeResponse: options.processBeforeResponse ?? true,
      }),
      identity: { botId: FAKE_BOT.botId, botUserId: FAKE_BOT.botUserId },
      retryConfig: { retries: 0 },
      ...(options.subcommands && { subcommands: options.subcommands }),
    },
  );
  let port: number | undefined;
  try {
    ({ port } = await certcheck.start({ port: 0, host: '127.0.0.1' }));
  } catch (error) {
    if (!options.fake) await fake.close();
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    fake,
    url: `${origin}/slack/events`,
    origin,
    certcheck,
    logs,
    async close() {
      await certcheck.stop();
      if (!options.pastes) await pastes.close();
      if (!options.fake) await fake.close();
    },
  };
}

export function recordingLogger(lines: string[]): Logger {
  let level = LogLevel.DEBUG;
  const write =
    (tag: string) =>
    (...msg: unknown[]) =>
      void lines.push(
        `${tag} ${msg.map((m) => (typeof m === 'string' ? m : (JSON.stringify(m) ?? String(m)))).join(' ')}`,
      );
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * Runs `/certcheck` and returns what the user sees: the ack body when certcheck answered in the
 * ack, else the response_url post. Ack bodies are checked against Block Kit's limits too.
 */
export async function commandReply(
  h: Harness,
  fields: Omit<CommandFields, 'response_url'> & { response_url?: string },
): Promise<{ via: 'ack' | 'response_url'; payload: Record<string, unknown> }> {
  const before = h.fake.callsTo('response').length;
  const res = await sendCommand(h.url, { response_url: h.fake.responseUrl('cmd'), ...fields });
  if (res.status !== 200) throw new Error(`/certcheck answered HTTP ${res.status}`);
  if (res.body !== '') {
    const payload = JSON.parse(res.body) as Record<string, unknown>;
    for (const problem of blockKitProblems('message', payload)) h.fake.violations.push(`ack: ${problem}`);
    return { via: 'ack', payload };
  }
  const reply = h.fake.callsTo('response')[before];
  if (!reply) throw new Error('/certcheck answered neither in the ack nor through response_url');
  return { via: 'response_url', payload: reply.params };
}

/**
 * One harness for the tests of a describe block: started before them, closed after them, and after
 * each test checked for Block Kit limit violations and reset. Call the returned function in a test.
 */
export function harnessPerSuite(options: HarnessOptions = {}): () => Harness {
  let harness: Harness | undefined;
  before(async () => {
    harness = await startHarness(options);
  });
  afterEach(() => {
    assert.deepEqual(harness?.fake.violations, []);
    harness?.fake.reset();
  });
  after(() => harness?.close());
  return () => {
    if (!harness) throw new Error('the harness is used before it started');
    return harness;
  };
}
