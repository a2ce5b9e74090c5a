import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ids } from '../../src/slack/ids.js';
import { FAKE_BOT, type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { freePort, type PostgresServer, postgresUnavailable, startPostgres } from '../helpers/postgres.js';
import {
  blockActionPayload,
  SIGNING_SECRET,
  sendCommand,
  sendEvent,
  sendInteraction,
} from '../helpers/slack-request.js';

/**
 * Two `npm start` processes on one Postgres, as two replicas behind a load balancer: probes and
 * metrics on each, Postgres stopped and started under them, SIGTERM drains and exits 0.
 */

const MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');
const unavailable = postgresUnavailable();

interface Replica {
  child: ChildProcess;
  port: number;
  metricsPort: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Every replica this file started, so `after` stops them even when a start failed half-way. */
const started: ChildProcess[] = [];

/**
 * `npm start` on two free ports. A port can be taken by someone else between `freePort` closing it
 * and the replica binding it, so a replica that exits before it answers is started once more on
 * fresh ports. Any other exit fails the test with everything the replica printed.
 */
async function startReplica(databaseUrl: string, slack: FakeSlack, attempts = 2): Promise<Replica> {
  const port = await freePort();
  const metricsPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: FAKE_BOT.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      // Never during the test: reminders are tested on their own.
      REMINDER_CRON: '0 0 1 1 *',
      REMINDER_CHANNEL: '',
      LOG_LEVEL: 'warn',
    },
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // 'close' comes after the last of stdout and stderr: what the replica said before it exited.
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const replica = { child, port, metricsPort, output: () => output, exited };
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await closed;
      if (attempts > 1 && /EADDRINUSE/.test(output)) return startReplica(databaseUrl, slack, attempts - 1);
      throw new Error(`replica exited (${child.exitCode ?? child.signalCode}): ${output}`);
    }
    const live = await get(port, '/livez').catch(() => undefined);
    if (live?.status === 200) return replica;
    if (performance.now() > deadline) throw new Error(`replica did not answer /livez: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function get(port: number, path: string) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.text(), ms: performance.now() - started };
}

const counter = (text: string, name: string) =>
  [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);

describe('two replicas on one Postgres', { skip: unavailable ?? false }, () => {
  let server: PostgresServer;
  let slack: FakeSlack;
  let a: Replica;
  let b: Replica;
  before(async () => {
    server = await startPostgres();
    slack = await startFakeSlack();
    const url = await server.newDatabase();
    [a, b] = await Promise.all([startReplica(url, slack), startReplica(url, slack)]);
  });
  after(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await slack?.close();
    await server?.stop();
  });

  test('probes and metrics on both ports; a slash command is counted', async () => {
    for (const r of [a, b]) {
      for (const port of [r.port, r.metricsPort]) {
        for (const path of ['/livez', '/readyz', '/healthz']) assert.equal((await get(port, path)).status, 200, path);
      }
    }
    const before = counter((await get(a.metricsPort, '/metrics')).body, 'certcheck_slash_commands_total');
    const ack = await sendCommand(`http://127.0.0.1:${a.port}/slack/events`, {
      text: 'help',
      response_url: slack.responseUrl('help'),
    });
    assert.equal(ack.status, 200);
    const metrics = (await get(a.metricsPort, '/metrics')).body;
    assert.equal(counter(metrics, 'certcheck_slash_commands_total'), before + 1);
    assert.match(metrics, /^process_resident_memory_bytes \d+/m);
    const event = await sendEvent(`http://127.0.0.1:${b.port}/slack/events`, {
      type: 'app_home_opened',
      user: 'U0ADMIN',
      channel: 'D0HOME',
      tab: 'home',
    });
    assert.equal(event.status, 200);
    assert.equal(
      counter((await get(b.metricsPort, '/metrics')).body, 'certcheck_events_total'),
      1,
      'counted by the replica that received it',
    );
    assert.match(metrics, /^certcheck_store_up 1$/m);
  });

  test('a reply from replica A whose 日本語 button is clicked on replica B is answered by B, in Japanese', async () => {
    const ack = await sendCommand(`http://127.0.0.1:${a.port}/slack/events`, {
      text: 'Log Name: Application\nSource: MSExchangeTransport\nEvent ID: 12015\nComputer: HUB01.contoso.local\nDescription:\nAn internal transport certificate expired. Thumbprint:3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C',
      response_url: slack.responseUrl('from-a'),
    });
    assert.equal(ack.status, 200);
    const deadline = performance.now() + 10_000;
    let reply: unknown;
    while (!reply && performance.now() < deadline) {
      reply =
        ack.body !== ''
          ? JSON.parse(ack.body)
          : slack.calls.find((c) => c.method === 'response' && c.path.endsWith('/from-a'))?.params;
      if (!reply) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const toggle = JSON.stringify(reply).match(
      new RegExp(`"action_id":"${ids.actions.toggleLanguage}"[^}]*?"value":"((?:[^"\\\\]|\\\\.)*)"`),
    );
    assert.ok(toggle?.[1], `the reply has a 日本語 button: ${JSON.stringify(reply).slice(0, 300)}`);
    const value = JSON.parse(`"${toggle[1]}"`) as string;
    const click = await sendInteraction(
      `http://127.0.0.1:${b.port}/slack/events`,
      blockActionPayload({ actionId: ids.actions.toggleLanguage, value, responseUrl: slack.responseUrl('on-b') }),
    );
    assert.equal(click.status, 200);
    let answered: unknown;
    const until = performance.now() + 10_000;
    while (!answered && performance.now() < until) {
      answered = slack.calls.find((c) => c.method === 'response' && c.path.endsWith('/on-b'))?.params;
      if (!answered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const text = JSON.stringify(answered);
    assert.match(text, /内部トランスポート証明書/, `B answered in Japanese: ${text.slice(0, 300)}\n${b.output()}`);
    assert.doesNotMatch(text, /30 分|30 minutes/, 'not "this answer has expired"');
  });

  test('Postgres stopped: /healthz 503 within 5 s while /readyz stays 200; back: 200 again, no restart', async () => {
    await server.pause();
    try {
      for (const r of [a, b]) {
        const health = await get(r.port, '/healthz');
        assert.equal(health.status, 503);
        assert.ok(health.ms < 5000, `answered in ${Math.round(health.ms)} ms`);
        assert.equal((await get(r.port, '/readyz')).status, 200);
      }
    } finally {
      await server.resume();
    }
    for (const r of [a, b]) {
      const deadline = performance.now() + 10_000;
      let status = 0;
      while (status !== 200 && performance.now() < deadline) status = (await get(r.port, '/healthz')).status;
      assert.equal(status, 200, 'healthy again without a restart');
    }
  });

  test('Postgres stopped: a /certcheck diagnosis is still acknowledged within 3 s and answered', async () => {
    await server.pause();
    try {
      const ack = await sendCommand(`http://127.0.0.1:${a.port}/slack/events`, {
        text: 'Thumbprint : 896777B6CA9D0066DB7463DB76DA36DD6241D5D5\nNotAfter : 12/10/2026 12:00:00 AM',
        response_url: slack.responseUrl('while-down'),
      });
      assert.equal(ack.status, 200, `${ack.body}\n${a.output()}`);
      assert.ok(ack.ms < 3000, `acknowledged in ${Math.round(ack.ms)} ms`);
      const deadline = performance.now() + 10_000;
      // The answer is the ack itself when the language is already known, else a response_url post.
      let answered = /8967/.test(ack.body);
      while (!answered && performance.now() < deadline) {
        answered = slack.calls.some(
          (c) => c.method === 'response' && c.path.endsWith('/while-down') && /8967/.test(JSON.stringify(c.params)),
        );
        if (!answered) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(answered, 'the diagnosis was answered');
    } finally {
      await server.resume();
    }
  });

  test('SIGTERM: readiness goes, the process drains and exits 0', async () => {
    a.child.kill('SIGTERM');
    assert.equal(await a.exited, 0, a.output());
    assert.equal((await get(b.port, '/readyz')).status, 200, 'the other replica keeps serving');
  });
});
