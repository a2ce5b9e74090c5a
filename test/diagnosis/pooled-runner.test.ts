import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { type Diagnosis, diagnosisSchema } from '../../src/core/model.js';
import { createPooledRunner } from '../../src/diagnosis/pooled-runner.js';
import { createInlineRunner, type DiagnosisRunner, RunnerClosedError } from '../../src/diagnosis/runner.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { KEY_BODY, PASTE_12015 } from '../helpers/diagnoses.js';
import { HANG_MARKER } from './stuck-worker.js';

const OPTIONS = { now: REFERENCE_NOW };
const STUCK_WORKER = new URL('./stuck-worker.ts', import.meta.url);

/** PASTE_12015 (a real event) followed by harmless lines until the paste is `bytes` long. */
function longPaste(bytes: number, head = PASTE_12015): string {
  const filler = 'Get-ExchangeCertificate output was not pasted here.\n';
  return `${head}\n\n${filler.repeat(Math.ceil(bytes / filler.length))}`.slice(0, bytes);
}

/** A long paste the stuck worker hangs on (its first 8 KiB are ordinary). */
const hangingPaste = (bytes: number) => `${longPaste(bytes)}${HANG_MARKER}`;

const codes = (d: Diagnosis) => d.findings.map((f) => f.code);

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('inline runner', () => {
  it('answers exactly what the core answers, and refuses after close', async () => {
    const runner = createInlineRunner();
    assert.deepEqual(await runner.diagnose(PASTE_12015, OPTIONS), diagnose(PASTE_12015, OPTIONS));
    await runner.close();
    await assert.rejects(runner.diagnose(PASTE_12015, OPTIONS), RunnerClosedError);
  });
});

describe('pooled runner with the real core', () => {
  const runners: DiagnosisRunner[] = [];
  after(() => Promise.all(runners.map((r) => r.close())));

  it('reads a long paste on a thread with the same result as the core inline', async () => {
    const runner = createPooledRunner({ maxThreads: 1 });
    runners.push(runner);
    await runner.ready();
    const paste = longPaste(40 * 1024);
    const pooled = await runner.diagnose(paste, OPTIONS);
    assert.deepEqual(pooled, diagnose(paste, OPTIONS));
    assert.ok(pooled.events.some((e) => e.id === 12015));
    assert.ok(!codes(pooled).includes('INPUT_TIMED_OUT'));
  });

  it('answers a 1 MiB paste over its budget with INPUT_TIMED_OUT within about the budget', async () => {
    // 60 ms for the whole is far below what a MiB of events costs, however fast the core becomes.
    const budgetMs = 80;
    const runner = createPooledRunner({ budgetMs, maxThreads: 2 });
    runners.push(runner);
    await runner.ready();
    const paste = `${PASTE_12015}\n\n`.repeat(Math.ceil((1024 * 1024) / (PASTE_12015.length + 2)));
    const { value, ms } = await timed(() => runner.diagnose(paste, OPTIONS));
    assert.ok(codes(value).includes('INPUT_TIMED_OUT'), codes(value).join());
    assert.equal(value.severity === 'ok' || value.severity === 'info', false);
    diagnosisSchema.parse(value);
    assert.ok(ms < budgetMs + 700, `answered after ${Math.round(ms)} ms`);
  });
});

describe('pooled runner with a thread stuck in a regular expression', () => {
  const budgetMs = 1500;
  // One runner for the first three tests: starting threads under tsx is slow on a busy machine.
  const runner = createPooledRunner({ budgetMs, maxThreads: 2, workerUrl: STUCK_WORKER });
  before(() => runner.ready());
  after(() => runner.close());

  it('answers within the budget with what the beginning of the paste showed', async () => {
    const { value, ms } = await timed(() => runner.diagnose(hangingPaste(64 * 1024), OPTIONS));
    assert.ok(ms < budgetMs + 500, `answered after ${Math.round(ms)} ms`);
    diagnosisSchema.parse(value);
    assert.equal(value.findings[0]?.code, 'INPUT_TIMED_OUT');
    assert.match(
      value.findings[0]?.message ?? '',
      /took too long to read \(over 1\.5 s\); here is what was understood from its first 8 KiB/,
    );
    // What the first 8 KiB held: the 12015 event and its finding, verdict and steps.
    assert.deepEqual(
      value.events.map((e) => e.id),
      [12015],
    );
    assert.ok(codes(value).includes('TRANSPORT_CERT_EXPIRED'), codes(value).join());
    assert.ok(value.steps.length > 0);
    const beginning = diagnose(PASTE_12015, OPTIONS);
    assert.equal(value.severity, beginning.severity);
    assert.equal(value.summary, beginning.summary);
  });

  it('keeps answering short and long pastes, and the event loop free, while one paste is stuck', async () => {
    await runner.ready(); // the thread stopped by the previous test has been replaced
    let stuckAnswered = false;
    const stuck = runner.diagnose(hangingPaste(200 * 1024), OPTIONS).finally(() => {
      stuckAnswered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the stuck paste is on its thread now
    let worstLag = 0;
    for (let i = 0; i < 20; i++) {
      const { ms } = await timed(() => runner.diagnose(PASTE_12015, OPTIONS));
      const lag = await timed(() => new Promise((resolve) => setImmediate(resolve)));
      worstLag = Math.max(worstLag, ms, lag.ms);
    }
    // Far below the stuck paste's 1.5 s: nothing waited for it.
    assert.ok(worstLag < 500, `a short paste or the event loop waited ${Math.round(worstLag)} ms`);
    const japanese = `イベント ID: 12015\n説明: 内部トランスポート証明書の有効期限が切れました。\n`;
    assert.equal((await runner.diagnose(japanese, OPTIONS)).language, 'ja');
    // A long paste goes to the other thread and is read in full while the stuck one still runs.
    const long = await runner.diagnose(longPaste(20 * 1024), OPTIONS);
    assert.ok(!codes(long).includes('INPUT_TIMED_OUT'));
    assert.equal(stuckAnswered, false, 'the long paste was answered before the stuck one');
    assert.equal(codes(await stuck)[0], 'INPUT_TIMED_OUT');
  });

  it('still reports a private key pasted after the part it could read, without echoing it', async () => {
    const key = `\n-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----`;
    const paste = `${longPaste(64 * 1024)}${key}${HANG_MARKER}`;
    const value = await runner.diagnose(paste, { ...OPTIONS, lang: 'ja' });
    assert.deepEqual(codes(value).slice(0, 2), ['PRIVATE_KEY_IN_INPUT', 'INPUT_TIMED_OUT']);
    assert.ok(value.inputKinds.includes('private-key'));
    assert.equal(value.language, 'ja');
    assert.match(value.findings[1]?.message ?? '', /読み取りに時間がかかりすぎました \(1\.5 秒超\)/);
    assert.ok(!JSON.stringify(value).includes(KEY_BODY.slice(0, 20)));
  });

  it('starts a fresh thread after a stuck one, and close() leaves no thread', async () => {
    const single = createPooledRunner({ budgetMs: 400, maxThreads: 1, workerUrl: STUCK_WORKER });
    await single.ready();
    assert.equal(single.threadCount(), 1);
    const stuck = await single.diagnose(hangingPaste(20 * 1024), OPTIONS);
    assert.equal(codes(stuck)[0], 'INPUT_TIMED_OUT');
    // One thread: only the thread that replaced the stopped one can read this long paste.
    const next = await single.diagnose(longPaste(20 * 1024), OPTIONS);
    assert.ok(codes(next).includes('TRANSPORT_CERT_EXPIRED'), codes(next).join());
    await single.close();
    assert.equal(single.threadCount(), 0);
    await assert.rejects(single.diagnose(longPaste(20 * 1024), OPTIONS), RunnerClosedError);
    await assert.rejects(single.diagnose(PASTE_12015, OPTIONS), RunnerClosedError);
  });
});

describe('pooled runner when long pastes arrive faster than they can be read', () => {
  it('answers at once that it is busy instead of holding more pastes than its queue', async () => {
    const runner = createPooledRunner({ budgetMs: 1000, maxThreads: 1, maxQueue: 1, workerUrl: STUCK_WORKER });
    await runner.ready();
    try {
      const stuck = runner.diagnose(hangingPaste(20 * 1024), OPTIONS);
      await new Promise((resolve) => setTimeout(resolve, 100)); // on the thread now
      const queued = runner.diagnose(longPaste(20 * 1024), OPTIONS);
      const { value: busy, ms } = await timed(() => runner.diagnose(longPaste(30 * 1024), { ...OPTIONS, lang: 'ja' }));
      assert.ok(ms < 200, `the busy answer took ${Math.round(ms)} ms`);
      assert.equal(busy.findings[0]?.code, 'INPUT_TIMED_OUT');
      assert.match(busy.findings[0]?.message ?? '', /ほかの長い貼り付けを読み取っているため/);
      assert.equal(busy.summary, 'この貼り付けは読み取りに時間がかかりすぎました');
      diagnosisSchema.parse(busy);
      // The paste that found a place in the queue is read in full once the stuck one is stopped.
      assert.equal(codes(await stuck)[0], 'INPUT_TIMED_OUT');
      assert.ok(!codes(await queued).includes('INPUT_TIMED_OUT'));
    } finally {
      await runner.close();
    }
  });
});
