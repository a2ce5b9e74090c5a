import { runReminders } from '../src/reminders/runner.js';
import { createSlackNotifier } from '../src/slack/slack-notifier.js';
import { openStore } from '../src/store/open-store.js';
import { startDigestSlack } from '../test/helpers/digest-slack.js';
import { FAKE_BOT } from '../test/helpers/fake-slack.js';
import { postgresUnavailable, startPostgres } from '../test/helpers/postgres.js';
import type { BenchResult } from './result.js';

/**
 * Replicas racing on one Postgres: 1,000 tracked certificates due across 50 channels, four runners
 * (each with its own connection pool, as four replicas would have) at the same instant, posting
 * through the real Slack notifier to a loopback fake Slack. Checked, not only timed: every
 * certificate in exactly one delivered digest, none twice, none lost. Baseline: one runner alone
 * on the same data.
 */

const CERTIFICATES = 1000;
const CHANNELS = 50;
const RUNNERS = 4;
const NOW = new Date('2026-11-30T09:00:00.000Z');

/** `more`: further measurements on a fresh database of the same server (the dry run's, for one). */
export async function benchRemindersPostgres(
  more: (url: string) => Promise<BenchResult[]> = async () => [],
): Promise<BenchResult[]> {
  const unavailable = postgresUnavailable();
  if (unavailable) {
    console.log(`reminders on Postgres (replicas, dry run): skipped (${unavailable})`);
    return [];
  }
  const server = await startPostgres();
  try {
    const alone = await race(await server.newDatabase(), 1);
    const racing = await race(await server.newDatabase(), RUNNERS);
    const others = await more(await server.newDatabase());
    return [
      ...others,
      {
        name: `${RUNNERS} runners at once, ${CERTIFICATES.toLocaleString('en')} due in ${CHANNELS} channels (${racing.messages} digests, no duplicate, no loss)`,
        value: racing.ms,
        unit: 'ms',
        baseline: { name: 'one runner alone', value: alone.ms },
        ratio: racing.ms / alone.ms,
      },
    ];
  } finally {
    await server.stop();
  }
}

async function race(url: string, runners: number): Promise<{ ms: number; messages: number }> {
  await seed(url);
  const slack = await startDigestSlack();
  const stores = Array.from({ length: runners }, () => openStore(url));
  try {
    const notifier = createSlackNotifier({ token: FAKE_BOT.token, apiUrl: slack.apiUrl });
    const started = performance.now();
    const reports = await Promise.all(
      stores.map((store, i) =>
        runReminders({
          store,
          notifier,
          now: NOW,
          thresholds: [60, 30, 14, 7, 3, 1, 0],
          timeZone: 'UTC',
          lang: 'en',
          dryRun: false,
          owner: `bench-${i}`,
        }),
      ),
    );
    const ms = performance.now() - started;
    await verify(
      stores[0]!,
      slack.delivered.map((m) => m.ts),
      reports.flatMap((r) => r.sent.flatMap((s) => s.thumbprints)),
    );
    return { ms, messages: slack.delivered.length };
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await slack.close();
  }
}

/** Exactly once: each certificate sent by one runner, recorded against a digest Slack received, no digest unrecorded. */
async function verify(store: ReturnType<typeof openStore>, delivered: string[], sent: string[]): Promise<void> {
  const problems: string[] = [];
  if (sent.length !== CERTIFICATES) problems.push(`${sent.length} reminders reported sent, not ${CERTIFICATES}`);
  if (new Set(sent).size !== sent.length) problems.push('a certificate was sent by two runners');
  const ledger = await store.ledger();
  const recorded = new Set(ledger.map((e) => e.messageTs));
  if (ledger.length !== CERTIFICATES || ledger.some((e) => e.messageTs === undefined)) {
    problems.push(`${ledger.filter((e) => e.messageTs).length} of ${CERTIFICATES} confirmed`);
  }
  if (new Set(delivered).size !== delivered.length || delivered.some((ts) => !recorded.has(ts))) {
    problems.push('a digest was delivered that no reminder records (a duplicate)');
  }
  if (problems.length > 0) throw new Error(`reminders on Postgres: ${problems.join('; ')}`);
}

/** 1,000 certificates, all crossing a threshold today, spread evenly over 50 channels. */
async function seed(url: string): Promise<void> {
  const store = openStore(url);
  try {
    for (let i = 0; i < CERTIFICATES; i++) {
      await store.track({
        thumbprint: i.toString(16).toUpperCase().padStart(40, '0'),
        subject: `CN=host${i}.bench.example`,
        issuer: 'CN=Bench CA',
        domains: [`host${i}.bench.example`],
        notAfter: new Date(NOW.getTime() + ((i % 50) + 1) * 86_400_000).toISOString(),
        services: ['IIS', 'SMTP'],
        servers: [],
        source: 'pem',
        channel: `C0BENCH${String(i % CHANNELS).padStart(2, '0')}`,
        addedBy: 'bench',
        addedAt: NOW.toISOString(),
        estimated: false,
      });
    }
  } finally {
    await store.close();
  }
}
