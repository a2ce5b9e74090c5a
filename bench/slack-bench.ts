import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '@slack/bolt';
import { FAKE_BOT, startFakeSlack } from '../test/helpers/fake-slack.js';
import { commandBody, post, SIGNING_SECRET } from '../test/helpers/slack-request.js';
import { silent, startCertcheck } from './certcheck-app.js';
import { scaled } from './mode.js';
import { type BenchResult, median, quantile } from './result.js';
import { type ResponseSink, startResponseSink } from './response-sink.js';

/**
 * `/certcheck <two-event paste>` through certcheck as `npm start` runs it against the floor: a
 * bare Bolt app that acks a fixed text, on loopback. Both run with processBeforeResponse off
 * (Slack's 3-second clock stops at the ack); a round only ends once every answer certcheck sent
 * through response_url has arrived, so the diagnosis and the reply are paid for inside it.
 * Rounds alternate (certcheck, bare, certcheck, …) on the same two running apps, and each side's
 * figure is its median round, so that drift on a shared machine hits both alike.
 */

const REQUESTS = scaled(1000, 40);
const CONCURRENCY = 8;
/** Long enough for V8 to optimise the heavier path too (50 requests measured it half-cold). */
const WARMUP = scaled(500, 20);
const ROUNDS = scaled(5, 1);

const PASTE = `Event Type:\tWarning
Event Source:\tMSExchangeTransport
Event ID:\t12015
Computer:\tHUB01
Description:
An internal transport certificate expired. Thumbprint:3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C

Event Type:\tError
Event Source:\tMSExchangeTransport
Event ID:\t12014
Computer:\tHUB01
Description:
Microsoft Exchange could not find a certificate that contains the domain name HUB01.contoso.local in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default HUB01 with a FQDN parameter of HUB01.contoso.local. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.`;

interface Round {
  rps: number;
  p99: number;
}

/** `count` commands, CONCURRENCY at a time; stops the clock once every deferred answer arrived. */
async function drive(url: string, sink: ResponseSink, count: number): Promise<Round> {
  const latencies: number[] = [];
  const answeredBefore = sink.count();
  let deferred = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < count) {
      next++;
      const res = await post(
        url,
        commandBody({ text: PASTE, response_url: sink.url }),
        'application/x-www-form-urlencoded',
      );
      if (res.status !== 200) throw new Error(`bench: HTTP ${res.status}`);
      latencies.push(res.ms);
      // An empty ack means the answer follows through response_url: wait for it too.
      if (res.body === '') deferred++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  await sink.until(answeredBefore + deferred);
  return { rps: count / ((performance.now() - started) / 1000), p99: quantile(latencies, 0.99) };
}

async function startBare(): Promise<{ url: string; stop(): Promise<void> }> {
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
  const port = address && typeof address === 'object' ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop().then(() => undefined) };
}

export async function benchSlack(): Promise<BenchResult[]> {
  const fake = await startFakeSlack();
  const sink = await startResponseSink();
  const dir = mkdtempSync(join(tmpdir(), 'certcheck-bench-slack-'));
  const bare = await startBare();
  const certcheck = await startCertcheck({ apiUrl: fake.apiUrl, dir });
  try {
    await drive(bare.url, sink, WARMUP);
    await drive(certcheck.url, sink, WARMUP);
    const real: Round[] = [];
    const floor: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      real.push(await drive(certcheck.url, sink, REQUESTS));
      floor.push(await drive(bare.url, sink, REQUESTS));
    }
    const rps = median(real.map((r) => r.rps));
    const bareRps = median(floor.map((r) => r.rps));
    const p99 = median(real.map((r) => r.p99));
    const bareP99 = median(floor.map((r) => r.p99));
    return [
      {
        name: `/certcheck with a two-event paste: requests/s (median of ${ROUNDS} alternating rounds of ${REQUESTS}, ${CONCURRENCY} connections)`,
        value: rps,
        unit: 'req/s',
        baseline: { name: 'bare Bolt ack: requests/s', value: bareRps },
        ratio: rps / bareRps,
        target: { text: 'ratio ≥ 0.8', met: rps / bareRps >= 0.8 },
      },
      {
        name: '/certcheck with a two-event paste: p99 ack latency (median round)',
        value: p99,
        unit: 'ms',
        baseline: { name: 'bare Bolt ack: p99', value: bareP99 },
        ratio: p99 / Math.max(bareP99, 0.001),
        target: { text: '≤ 20 ms', met: p99 <= 20 },
      },
    ];
  } finally {
    await certcheck.stop();
    await bare.stop();
    await sink.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
