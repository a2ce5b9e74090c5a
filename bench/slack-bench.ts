import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { FAKE_BOT, type FakeSlack, startFakeSlack } from '../test/helpers/fake-slack.js';
import { startHarness } from '../test/helpers/slack-app.js';
import { commandBody, post, SIGNING_SECRET } from '../test/helpers/slack-request.js';
import { LogLevel, type Logger } from '@slack/bolt';
import type { BenchResult } from './result.js';

/**
 * `/certcheck <paste>` through the real app against the floor: a bare Bolt app that acks a fixed
 * text, in the same run, on loopback. Both run as in production (processBeforeResponse off: Slack's
 * 3-second clock stops at the ack), and the run only ends once every answer has reached the fake
 * response_url, so the diagnosis and the reply are paid for inside the measured time.
 */

const REQUESTS = 1200;
const CONCURRENCY = 8;
/**
 * Both sides get the same warm-up, long enough for V8 to optimise the heavier path too: with 50
 * requests the real app was measured half-cold (756 req/s cold against 953 warm in one run).
 */
const WARMUP = 500;
/** Rounds alternate bare and real so that drift on a shared machine hits both; each keeps its best. */
const ROUNDS = 2;
const PASTE = `Event Type:\tWarning
Event Source:\tMSExchangeTransport
Event ID:\t12015
Computer:\tHUB01
Description:
An internal transport certificate expired. Thumbprint:3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C`;

interface Run {
  rps: number;
  p99: number;
}

/** Logging would dominate a loopback benchmark; both apps get the same silent logger. */
const silent: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

async function drive(
  url: string,
  responseUrl: string,
  count: number,
  answered?: (n: number) => Promise<unknown>,
): Promise<Run> {
  const latencies: number[] = [];
  let deferred = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const res = await post(
        url,
        commandBody({ text: PASTE, response_url: responseUrl }),
        'application/x-www-form-urlencoded',
      );
      if (res.status !== 200) throw new Error(`bench: HTTP ${res.status}`);
      latencies.push(res.ms);
      // An empty ack means the answer follows through response_url: wait for it before stopping the clock.
      if (res.body === '') deferred++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await answered?.(deferred);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: count / seconds,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
  };
}

async function measureBare(responseUrl: string): Promise<Run> {
  const app = new App({
    token: FAKE_BOT.token,
    signingSecret: SIGNING_SECRET,
    botId: FAKE_BOT.botId,
    botUserId: FAKE_BOT.botUserId,
    logger: silent,
  });
  app.command('/certcheck', async ({ ack }) => {
    await ack('certcheck: ok');
  });
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const address = server.address();
  const url = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}/slack/events`;
  try {
    await drive(url, responseUrl, WARMUP);
    return await drive(url, responseUrl, REQUESTS);
  } finally {
    await app.stop();
  }
}

/**
 * Slack's side of the real app's answers: response_url posts, counted. A bare server rather than
 * the test fake, whose Block Kit checks would be charged to certcheck.
 */
async function startResponseSink() {
  let count = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200).end('ok');
      count++;
      for (const w of waiting.filter((w) => count >= w.n)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/response/bench`,
    until: (n: number) => new Promise<void>((resolve) => (count >= n ? resolve() : waiting.push({ n, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function measureCertcheck(fake: FakeSlack): Promise<Run> {
  const sink = await startResponseSink();
  const responseUrl = sink.url;
  const harness = await startHarness({ fake, processBeforeResponse: false });
  const url = harness.url;
  try {
    let before = 0;
    const answered = async (deferred: number) => {
      before += deferred;
      await sink.until(before);
    };
    await drive(url, responseUrl, WARMUP, answered);
    return await drive(url, responseUrl, REQUESTS, answered);
  } finally {
    await harness.close();
    await sink.close();
  }
}

export async function benchSlack(): Promise<BenchResult[]> {
  const fake = await startFakeSlack();
  try {
    let bare: Run = { rps: 0, p99: Number.POSITIVE_INFINITY };
    let real: Run = { rps: 0, p99: Number.POSITIVE_INFINITY };
    for (let round = 0; round < ROUNDS; round++) {
      bare = best(bare, await measureBare(fake.responseUrl('bench')));
      real = best(real, await measureCertcheck(fake));
    }
    const floor = { rps: 'bare Bolt ack: requests/s', p99: 'bare Bolt ack: p99' };
    return [
      {
        name: '/certcheck requests/s (real app, loopback)',
        value: round(real.rps),
        unit: 'req/s',
        baseline: { name: floor.rps, value: round(bare.rps) },
        ratio: round(real.rps / bare.rps),
      },
      {
        name: '/certcheck p99 latency (real app, loopback)',
        value: round(real.p99),
        unit: 'ms',
        baseline: { name: floor.p99, value: round(bare.p99) },
        ratio: round(real.p99 / Math.max(bare.p99, 0.001)),
      },
    ];
  } finally {
    await fake.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
const best = (a: Run, b: Run): Run => ({ rps: Math.max(a.rps, b.rps), p99: Math.min(a.p99, b.p99) });
