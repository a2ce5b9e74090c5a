import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countDiagnoses, createMetrics, daysLeftBucket, timedFetch } from '../src/metrics.js';
import { instrumentNotifier } from '../src/reminders/instrumented-notifier.js';
import { runReminders } from '../src/reminders/runner.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import { at } from './helpers/clock.js';
import { reminderOptions } from './helpers/reminder-run.js';
import { createFakeNotifier, rateLimited } from './reminders/fake-notifier.js';
import { aCertificate } from './store/store-contract.js';

const NOW = at('2026-11-30T09:00:00Z');

/** The Prometheus text format, line by line: `# HELP`/`# TYPE` per family, then samples. */
function parseExposition(text: string) {
  const help = new Map<string, string>();
  const type = new Map<string, string>();
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (comment) {
      (comment[1] === 'HELP' ? help : type).set(comment[2]!, comment[3]!);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/i.exec(line);
    assert.ok(sample, `not a valid exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const m of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[m[1]!] = m[2]!;
    samples.push({ name: sample[1]!, labels, value: Number(sample[3]) });
  }
  return { help, type, samples };
}

const value = (text: string, name: string, labels: Record<string, string> = {}) =>
  parseExposition(text)
    .samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe('metrics', () => {
  test('valid text format: every family has HELP and TYPE, ours are prefixed certcheck_, process metrics included', async () => {
    const metrics = createMetrics({ now: () => NOW });
    metrics.slashCommand('track');
    const text = await metrics.text();
    const { help, type, samples } = parseExposition(text);
    for (const s of samples) {
      const family = [...type.keys()].find((f) => s.name === f || s.name.startsWith(`${f}_`));
      assert.ok(family && help.has(family), `${s.name} has a HELP and a TYPE`);
      assert.match(s.name, /^(certcheck_|process_|nodejs_)/);
    }
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes']) {
      assert.ok(
        samples.some((s) => s.name === name),
        name,
      );
    }
    assert.equal(type.get('certcheck_slash_commands_total'), 'counter');
    assert.equal(type.get('certcheck_slack_api_duration_seconds'), 'histogram');
    assert.match(metrics.contentType, /^text\/plain; version=0\.0\.4/);
  });

  test('counts go up: commands, events, interactions, diagnoses by finding code', async () => {
    const metrics = createMetrics({ now: () => NOW, defaultMetrics: false });
    metrics.slashCommand('track');
    metrics.slashCommand('track');
    metrics.slashCommand('');
    metrics.event('app_mention');
    metrics.interaction('block_actions', 'snooze_1d');
    metrics.diagnosis('slack', ['certificate-expired', 'event-12014']);
    metrics.diagnosis('cli', ['certificate-expired']);
    const text = await metrics.text();
    assert.equal(value(text, 'certcheck_slash_commands_total', { subcommand: 'track' }), 2);
    assert.equal(value(text, 'certcheck_slash_commands_total', { subcommand: 'diagnose' }), 1);
    assert.equal(value(text, 'certcheck_events_total', { type: 'app_mention' }), 1);
    assert.equal(value(text, 'certcheck_interactions_total', { type: 'block_actions', action_id: 'snooze_1d' }), 1);
    assert.equal(value(text, 'certcheck_diagnoses_total'), 2);
    assert.equal(value(text, 'certcheck_diagnosis_findings_total', { code: 'certificate-expired' }), 2);
    assert.equal(value(text, 'certcheck_diagnosis_findings_total', { code: 'event-12014' }), 1);
  });

  test('a label with quotes and a newline stays one valid line', async () => {
    const metrics = createMetrics({ now: () => NOW, defaultMetrics: false });
    metrics.event('odd"type\nnext');
    const text = await metrics.text();
    assert.equal(value(text, 'certcheck_events_total'), 1);
  });

  test('tracked certificates by days left, read from the store at each scrape; a store that fails says so', async () => {
    const store = createMemoryStore();
    const expiries = ['2026-11-01', '2026-12-03', '2026-12-04', '2026-12-20', '2027-01-15', '2027-06-01'];
    for (const [i, day] of expiries.entries()) {
      await store.track(aCertificate({ thumbprint: `${i}`.repeat(40), notAfter: `${day}T12:00:00.000Z` }));
    }
    await store.untrack('5'.repeat(40), 'U0AIKO', NOW.toISOString());
    let failing = false;
    const metrics = createMetrics({
      now: () => NOW,
      defaultMetrics: false,
      trackedCertificates: () => (failing ? Promise.reject(new Error('database down')) : store.list()),
    });
    const text = await metrics.text();
    const band = (b: string) => value(text, 'certcheck_tracked_certificates', { days_left: b });
    assert.deepEqual(
      ['expired', '0-7', '8-30', '31-60', 'over-60'].map(band),
      [1, 2, 1, 1, 0],
      'the untracked one is not counted',
    );
    assert.equal(value(text, 'certcheck_store_up'), 1);
    await store.track(aCertificate({ thumbprint: '9'.repeat(40), notAfter: '2028-01-01T00:00:00.000Z' }));
    assert.equal(value(await metrics.text(), 'certcheck_tracked_certificates', { days_left: 'over-60' }), 1);
    failing = true;
    const down = await metrics.text();
    assert.equal(value(down, 'certcheck_store_up'), 0);
    assert.equal(parseExposition(down).samples.filter((s) => s.name === 'certcheck_tracked_certificates').length, 0);
  });

  test('bands match the badges: 7 days is still critical, 8 is not', () => {
    assert.deepEqual([-1, 0, 7, 8, 30, 31, 60, 61].map(daysLeftBucket), [
      'expired',
      '0-7',
      '0-7',
      '8-30',
      '8-30',
      '31-60',
      '31-60',
      'over-60',
    ]);
  });

  test('a reminder run counts its sends, 429s and Slack latency', async () => {
    const store = createMemoryStore();
    await store.track(aCertificate({ notAfter: '2026-12-05T00:00:00.000Z' }));
    await store.track(
      aCertificate({ thumbprint: 'A'.repeat(40), notAfter: '2026-12-06T00:00:00.000Z', channel: 'C0WEB' }),
    );
    const metrics = createMetrics({ now: () => NOW, defaultMetrics: false });
    const fake = createFakeNotifier();
    fake.failures.push(rateLimited(2));
    let clock = 0;
    const notifier = instrumentNotifier(fake, metrics, () => (clock += 250));
    const report = await runReminders(reminderOptions({ store, notifier, now: NOW, owner: 'metrics-test' }));
    metrics.reminderRun(report);
    const text = await metrics.text();
    assert.equal(value(text, 'certcheck_reminders_sent_total'), 2);
    assert.equal(value(text, 'certcheck_reminder_failures_total'), 0);
    assert.equal(value(text, 'certcheck_slack_api_rate_limited_total', { method: 'chat.postMessage' }), 1);
    assert.equal(value(text, 'certcheck_slack_api_duration_seconds_count', { method: 'chat.postMessage' }), 3);
    assert.equal(value(text, 'certcheck_slack_api_duration_seconds_sum', { method: 'chat.postMessage' }), 0.75);
  });
});

test('timedFetch: every Web API call timed by method, 429s counted, over real HTTP', async () => {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.url?.endsWith('chat.update')) return void res.writeHead(429, { 'retry-after': '1' }).end('{}');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const metrics = createMetrics({ now: () => NOW, defaultMetrics: false });
    let clock = 0;
    const fetchTimed = timedFetch(globalThis.fetch, metrics, () => (clock += 100));
    await fetchTimed(`${origin}/api/chat.postMessage`, { method: 'POST' });
    await fetchTimed(new URL(`${origin}/api/chat.update`), { method: 'POST' });
    await fetchTimed(`${origin}/response/abc`, { method: 'POST' });
    await assert.rejects(fetchTimed('http://127.0.0.1:1/api/auth.test'));
    const text = await metrics.text();
    assert.equal(
      value(text, 'certcheck_slack_api_duration_seconds_count', { method: 'chat.postMessage', outcome: 'ok' }),
      1,
    );
    assert.equal(value(text, 'certcheck_slack_api_rate_limited_total', { method: 'chat.update' }), 1);
    assert.equal(value(text, 'certcheck_slack_api_duration_seconds_count', { method: 'response_url' }), 1);
    assert.equal(
      value(text, 'certcheck_slack_api_duration_seconds_count', { method: 'auth.test', outcome: 'error' }),
      1,
    );
  } finally {
    server.close();
  }
});

test('countDiagnoses: the runner answers as before and each diagnosis is counted with its codes', async () => {
  const { createInlineRunner } = await import('../src/slack/deps.js');
  const metrics = createMetrics({ now: () => NOW, defaultMetrics: false });
  const runner = countDiagnoses(createInlineRunner(), metrics, 'slack');
  const diagnosis = await runner.diagnose('Thumbprint : 896777B6CA9D0066DB7463DB76DA36DD6241D5D5', {
    now: NOW,
    lang: 'en',
  });
  const text = await metrics.text();
  assert.equal(value(text, 'certcheck_diagnoses_total', { surface: 'slack' }), 1);
  assert.equal(
    value(text, 'certcheck_diagnosis_findings_total'),
    diagnosis.findings.length,
    'one count per finding, by its code',
  );
});
