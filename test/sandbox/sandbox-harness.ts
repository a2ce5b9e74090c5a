import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config.js';
import { type Sandbox, sandboxAppStarter, startSandbox } from '../../src/sandbox/index.js';
import { createMemoryPasteStore } from '../../src/slack/pastes/paste-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { recordingLogger } from '../helpers/slack-app.js';

/** The sandbox in front of the real app (memory stores, the corpus's clock), on loopback. */
export interface SandboxHarness {
  sandbox: Sandbox;
  store: Store;
  logs: string[];
  /** The page's own request: POST /sandbox/<path> with a JSON body. */
  page(path: string, body: Record<string, unknown>): Promise<{ ok: boolean; error?: string }>;
  close(): Promise<void>;
}

export async function startSandboxHarness(options: { processBeforeResponse?: boolean } = {}): Promise<SandboxHarness> {
  const store = createMemoryStore();
  const pastes = createMemoryPasteStore();
  const logs: string[] = [];
  const config = loadConfig({});
  const sandbox = await startSandbox({
    port: 0,
    clock: () => new Date(),
    startApp: sandboxAppStarter({
      config,
      store,
      pastes,
      now: () => REFERENCE_NOW,
      wallClock: () => new Date(),
      logger: recordingLogger(logs),
      processBeforeResponse: options.processBeforeResponse ?? true,
    }),
  });
  return {
    sandbox,
    store,
    logs,
    async page(path, body) {
      const response = await fetch(`http://127.0.0.1:${sandbox.port}/sandbox/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; error?: string };
    },
    async close() {
      await sandbox.stop();
      await pastes.close();
    },
  };
}

export const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
export const fixtureCert = (name: string) =>
  readFileSync(new URL(`../fixtures/certs/${name}`, import.meta.url), 'utf8');
