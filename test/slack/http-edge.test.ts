import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { identifyBot, StartupError } from '../../src/slack/connect.js';
import { fakeDiagnose } from '../helpers/diagnoses.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { type Harness, startHarness } from '../helpers/slack-app.js';
import { commandBody, formBody, post, SIGNING_SECRET, sendInteraction } from '../helpers/slack-request.js';
import { tempDir } from '../helpers/temp-db.js';

const FORM = 'application/x-www-form-urlencoded';
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Runs a node process (through tsx) and gives its exit code, output and how long it took. */
function run(args: string[], options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env.PATH ?? '', NODE_PATH: `${process.cwd()}/node_modules`, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end(options.stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

describe('the HTTP edge: malformed but signed requests get a 4xx, never a crash', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ diagnose: fakeDiagnose() });
  });
  after(() => h.close());

  const cases: { name: string; body: string; type: typeof FORM | 'application/json' }[] = [
    { name: 'payload=null', body: 'payload=null', type: FORM },
    { name: 'payload that is not JSON', body: 'payload=%7Bnot-json', type: FORM },
    { name: 'JSON body null', body: 'null', type: 'application/json' },
    { name: 'JSON body that is an array', body: '[1,2]', type: 'application/json' },
    { name: 'event_callback without its event', body: '{"type":"event_callback"}', type: 'application/json' },
    {
      name: 'app_mention without a channel',
      body: JSON.stringify({ type: 'event_callback', event: { type: 'app_mention', text: 'hi', ts: '1.2' } }),
      type: 'application/json',
    },
    {
      name: 'a button click without a user',
      body: formBody({
        payload: JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'share_in_channel' }] }),
      }),
      type: FORM,
    },
    {
      name: 'a button click without actions',
      body: formBody({ payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' } }) }),
      type: FORM,
    },
    {
      name: 'a modal submission without its view',
      body: formBody({ payload: JSON.stringify({ type: 'view_submission', user: { id: 'U1' } }) }),
      type: FORM,
    },
    {
      name: 'a payload of an unknown type',
      body: formBody({ payload: JSON.stringify({ type: 'dialog_submission', user: { id: 'U1' } }) }),
      type: FORM,
    },
    { name: 'a slash command without its user', body: 'command=%2Fcertcheck&text=help&channel_id=C1', type: FORM },
  ];
  for (const c of cases) {
    it(`${c.name}: 400`, async () => {
      const res = await post(h.url, c.body, c.type);
      assert.equal(res.status, 400);
    });
  }

  it('after all of them the app still answers', async () => {
    for (const c of cases) await post(h.url, c.body, c.type);
    const health = await fetch(`${h.origin}/healthz`);
    assert.equal(health.status, 200);
    const res = await post(h.url, commandBody({ text: 'help', response_url: h.fake.responseUrl('edge') }), FORM);
    assert.equal(res.status, 200);
  });

  it('refuses a request more than 5 minutes in the future like a stale one', async () => {
    const body = commandBody({ text: 'help', response_url: h.fake.responseUrl('late') });
    assert.equal((await post(h.url, body, FORM, { timestamp: nowSeconds() + 6 * 60 })).status, 401);
    assert.equal((await post(h.url, body, FORM, { timestamp: nowSeconds() - 6 * 60 })).status, 401);
    assert.equal((await post(h.url, body, FORM, { timestamp: nowSeconds() + 60 })).status, 200);
  });

  it('a path nobody serves is 404, and not logged as an error', async () => {
    const res = await fetch(`${h.origin}/wp-login.php`);
    assert.equal(res.status, 404);
    assert.ok(!h.logs.some((line) => line.startsWith('error') && line.includes('wp-login')));
  });

  it('refuses a forged signature before looking at the body', async () => {
    const res = await post(h.url, 'payload=null', FORM, { secret: 'not-the-secret' });
    assert.equal(res.status, 401);
  });

  it('a well-formed click still reaches its listener', async () => {
    const res = await sendInteraction(h.url, {
      type: 'block_actions',
      user: { id: 'U0ADMIN' },
      container: { type: 'message', is_ephemeral: true },
      response_url: h.fake.responseUrl('ok'),
      actions: [{ type: 'button', action_id: 'toggle_language', value: '{"p":"gone","l":"en"}' }],
    });
    assert.equal(res.status, 200);
  });
});

describe('control: without the guard, Bolt alone is killed by one signed payload=null', () => {
  it('the bare HTTP receiver crashes the process', async () => {
    // Bolt's own HTTP receiver, signed correctly, nothing in front of it.
    const script = `
      import { App } from '@slack/bolt';
      const app = new App({ token: 'xoxb-x', signingSecret: '${SIGNING_SECRET}', botId: 'B0', botUserId: 'U0', logLevel: 'error' });
      const server = await app.start({ port: 0, host: '127.0.0.1' });
      console.log(server.address().port);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() });
    const port = await new Promise<string>((resolve) =>
      child.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await post(`http://127.0.0.1:${port}/slack/events`, 'payload=null', FORM).catch(() => undefined);
    const code = await Promise.race([exited, new Promise<'alive'>((r) => setTimeout(() => r('alive'), 5000))]);
    if (code === 'alive') child.kill();
    assert.notEqual(code, 'alive', 'Bolt survived payload=null: the guard would no longer be needed');
    assert.notEqual(code, 0);
  });
});

describe('an uncaught exception', () => {
  it('is logged, and the process exits non-zero for its supervisor to restart', async () => {
    const result = await run([
      '--input-type=module',
      '-e',
      `import { exitOnCrash } from '${process.cwd()}/src/shutdown.ts';
       exitOnCrash(process, (line) => console.error(line), (code) => process.exit(code));
       setTimeout(() => { throw new TypeError('boom'); }, 10);
       setTimeout(() => console.log('still alive'), 2000);`,
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /uncaught exception \(TypeError: boom\)/);
    assert.doesNotMatch(result.stdout, /still alive/);
  });
});

describe('Slack unreachable at start', () => {
  let closedPort: number;
  let blackHole: Server;
  const sockets = new Set<Socket>();
  before(async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    // Accepts connections and never answers.
    blackHole = createServer(() => {});
    blackHole.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => blackHole.close(() => r()));
  });

  it('npm start exits non-zero within 30 s with one line saying the API could not be reached, not the token', async () => {
    const dir = tempDir('unreachable');
    const result = await run([`${process.cwd()}/src/main.ts`], {
      cwd: process.cwd(),
      env: {
        SLACK_BOT_TOKEN: FAKE_BOT.token,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/`,
        DATABASE_URL: `file:${dir}/certcheck.db`,
        PORT: '0',
      },
    });
    assert.notEqual(result.code, 0);
    assert.ok(result.ms < 30_000, `took ${Math.round(result.ms)} ms`);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] ?? '', /Slack API could not be reached .*connection refused/);
    assert.doesNotMatch(result.stderr, /token/i);
  });

  it('a Slack API that never answers is reported as timed out', async () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: FAKE_BOT.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/api/`,
    });
    await assert.rejects(
      identifyBot(config, { attemptTimeoutMs: 200, pauseMs: 0 }),
      (error: Error) => error instanceof StartupError && /could not be reached .*timed out/.test(error.message),
    );
  });
});
