import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startFakeSlack } from '../test/helpers/fake-slack.js';
import { commandBody, post } from '../test/helpers/slack-request.js';
import { compileForNode } from './compile.js';
import { scaled } from './mode.js';
import { type BenchResult, quantile } from './result.js';
import { startResponseSink } from './response-sink.js';

/**
 * Load: COMMANDS `/certcheck` commands, each with a 100 KiB paste, CONCURRENCY at a time, over
 * signed HTTP to certcheck running as `npm start` does: compiled to JavaScript, in its own plain
 * node process (the pooled runner reads these long pastes off the event loop). Slack's limit is 3 s per ack: every ack must make it, and
 * the process's peak memory (its worker threads included) must stay under 250 MB.
 */

const COMMANDS = scaled(1000, 20);
const CONCURRENCY = scaled(20, 5);
const PASTE_BYTES = 100 * 1024;
const ACK_LIMIT_MS = 3000;
const MEMORY_LIMIT_MB = 250;
/** However slow the machine, the bench ends: unanswered commands are reported, not waited for. */
const REPLIES_TIMEOUT_MS = scaled(300_000, 60_000);

/** 100 KiB of the corpus's own pastes (events, listings, certificates, certutil…), in a fixed order. */
function hundredKiBPaste(): string {
  const dir = new URL('../test/fixtures/corpus/', import.meta.url);
  const corpus = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.includes('private-key'))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  let paste = '';
  for (let i = 0; paste.length < PASTE_BYTES; i++) paste += `${corpus[i % corpus.length]}\n\n`;
  return paste.slice(0, PASTE_BYTES);
}

/** The node flags `npm start` runs certcheck with, so that the load is measured on what is deployed. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(' ').filter((word) => word.startsWith('--'));
}

export async function benchLoad(): Promise<BenchResult[]> {
  const fake = await startFakeSlack();
  const sink = await startResponseSink();
  const dir = mkdtempSync(join(tmpdir(), 'certcheck-bench-load-'));
  const compiled = compileForNode(['bench/load-app-child.ts']);
  const child = spawn(
    process.execPath,
    [...startFlags(), join(compiled, 'bench', 'load-app-child.js'), fake.apiUrl, dir],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let exited = '';
  child.on('exit', (code, signal) => {
    exited = `certcheck exited (${signal ?? `code ${code}`})`;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async <T>() => JSON.parse(((await lines.next()).value as string | undefined) ?? '{}') as T;
  try {
    const { url } = await nextLine<{ url: string }>();
    if (!url) throw new Error('bench: certcheck did not start');
    const paste = hundredKiBPaste();
    const acks: number[] = [];
    // A command without an HTTP answer (a reset connection) is a missed ack, counted, not a crash.
    const unanswered: string[] = [];
    let deferred = 0;
    // Acks with a body: the "busy, send it again" answer given at once while too much is held.
    let answeredInAck = 0;
    let next = 0;
    const started = performance.now();
    const client = async () => {
      while (next < COMMANDS) {
        const n = next++;
        // Each command its own text: nothing may be answered from an earlier one.
        const text = `${paste.slice(0, PASTE_BYTES - 16)}\n# command ${n}`;
        const body = commandBody({ text, response_url: sink.url });
        const res = await post(url, body, 'application/x-www-form-urlencoded').catch((error: Error) => {
          unanswered.push(`${String(error.cause ?? error.message)}${exited && `, ${exited}`}`);
          return undefined;
        });
        if (!res) continue;
        if (res.status !== 200) throw new Error(`bench: HTTP ${res.status}`);
        acks.push(res.ms);
        if (res.body === '') deferred++;
        else answeredInAck++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    const answered = await Promise.race([
      sink.until(deferred).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), REPLIES_TIMEOUT_MS).unref()),
    ]);
    const seconds = (performance.now() - started) / 1000;
    child.stdin.end();
    const { maxRssMb, mainHeapMb } = await nextLine<{ maxRssMb: number; mainHeapMb: number }>();
    const slowest = Math.max(...acks);
    const late = acks.filter((ms) => ms >= ACK_LIMIT_MS).length + unanswered.length;
    const lost = unanswered.length > 0 ? `, ${unanswered.length} unanswered: ${unanswered[0]}` : '';
    return [
      {
        name: `load: slowest of ${COMMANDS} acks (100 KiB pastes, ${CONCURRENCY} at a time; p99 ${Math.round(quantile(acks, 0.99))} ms, ${late} at or over 3 s${lost})`,
        value: slowest,
        unit: 'ms',
        target: { text: `every ack < ${ACK_LIMIT_MS} ms`, met: late === 0 },
      },
      {
        name: `load: answers through response_url (${answered ? 'all' : `${sink.count()} of ${deferred}`} arrived; ${answeredInAck} more told in the ack to send again)`,
        value: sink.count() / seconds,
        unit: 'answers/s',
      },
      {
        name: `load: certcheck peak RSS (process and its worker threads; the event loop's heap peaked at ${Math.round(mainHeapMb)} MB)`,
        value: maxRssMb,
        unit: 'MB',
        target: { text: `< ${MEMORY_LIMIT_MB} MB`, met: maxRssMb < MEMORY_LIMIT_MB },
      },
    ];
  } finally {
    if (child.exitCode === null) child.kill();
    await sink.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(compiled, { recursive: true, force: true });
  }
}
