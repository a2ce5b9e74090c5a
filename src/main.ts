import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { ConfigError, loadConfig, slackStartProblems } from './config.js';
import { createPooledRunner, SERVING_NICE_INCREMENT } from './diagnosis/pooled-runner.js';
import { healthRoutes, metricsRoute, type OpsServer, startOpsServer } from './health.js';
import { keepHeapNearLiveSize } from './heap-growth.js';
import { countDiagnoses, createMetrics, timedFetch } from './metrics.js';
import { instrumentNotifier } from './reminders/instrumented-notifier.js';
import type { SchedulerHandle } from './reminders/scheduler.js';
import { startReminders } from './reminders/start-reminders.js';
import { startLocalSandbox, wantsSandbox } from './sandbox/index.js';
import { exitOnCrash, shutdown } from './shutdown.js';
import { createApp } from './slack/app.js';
import { identifyBot, StartupError } from './slack/connect.js';
import { createConsoleLogger, LOG_LEVELS } from './slack/console-logger.js';
import { createDirectory } from './slack/directory.js';
import { createLanguageResolver } from './slack/language.js';
import { openPasteStore } from './slack/pastes/open-paste-store.js';
import { createReceiver } from './slack/receiver.js';
import { countSlackRequests } from './slack/request-metrics.js';
import { fetchWithin } from './slack/respond.js';
import { createSlackNotifier } from './slack/slack-notifier.js';
import { openStore } from './store/open-store.js';

/**
 * `npm start`: the composition root. The only place (with cli.ts) that reads the real clock and
 * the environment; everything below gets them handed in.
 */
async function main(): Promise<number> {
  exitOnCrash(
    process,
    (line) => console.error(line),
    (code) => process.exit(code),
  );
  loadDotEnv();
  // No Slack tokens anywhere and no .env: a first run on a laptop gets the local sandbox page.
  if (wantsSandbox(process.env, existsSync('.env'))) return runSandbox();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const problems = slackStartProblems(config);
  if (problems.length > 0) {
    console.error(
      [
        'certcheck cannot connect to Slack yet:',
        ...problems.map((p) => `  - ${p}`),
        '',
        'Set them in .env (see .env.example and "Run it in Slack" in README.md), then run npm start again.',
        'To try certcheck without Slack, diagnose a paste on the command line:',
        '  npx certcheck diagnose examples/event-12015-exchange2007-hub.txt',
        '  Get-ExchangeCertificate | fl | npx certcheck diagnose -',
      ].join('\n'),
    );
    return 1;
  }

  keepHeapNearLiveSize();
  const clock = { now: () => new Date() };
  const logger = createConsoleLogger(LOG_LEVELS[config.logLevel]);
  let identity: Awaited<ReturnType<typeof identifyBot>>;
  try {
    identity = await identifyBot(config);
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(`certcheck could not start: ${error.message}`);
      return 1;
    }
    throw error;
  }
  // Postgres connections cut while idle (a database restart) are replaced by the pool: say so, go on.
  const onError = (error: Error) => logger.warn(`database connection lost: ${error.message}`);
  const store = openStore(config.databaseUrl, { onError });
  const pastes = openPasteStore(config.databaseUrl, { onError });
  let reminders: SchedulerHandle | undefined;
  // Set on SIGTERM: /readyz turns 503 so the load balancer stops sending requests while it drains.
  let draining = false;
  const monotonic = () => performance.now();
  const metrics = createMetrics({ now: clock.now, trackedCertificates: () => store.list() });
  const routes = [...healthRoutes({ store, draining: () => draining }), metricsRoute(metrics)];
  const runner = createPooledRunner({
    niceIncrement: SERVING_NICE_INCREMENT,
    onTimedOut: ({ bytes, ms, reason }) =>
      logger.warn(`a paste of ${bytes} bytes was not read in full (${reason}, ${ms} ms)`),
  });
  // Long pastes wait for a thread: take Slack traffic once every thread has loaded the core.
  await runner.ready();
  const language = createLanguageResolver(config.defaultLanguage, logger);
  const certcheck = createApp(
    config,
    {
      now: clock.now,
      logger,
      runner: countDiagnoses(runner, metrics, 'slack'),
      pastes,
      language,
      tracking: {
        store,
        timeZone: config.reminders.timeZone,
        ...(config.reminders.defaultChannel && { defaultChannel: config.reminders.defaultChannel }),
        nextRun: () => reminders?.nextRun(),
        directory: createDirectory({ now: clock.now }),
      },
      fetch: fetchWithin(timedFetch(globalThis.fetch, metrics, monotonic)),
    },
    {
      receiver: createReceiver(config, { logger, now: clock.now, routes, language: language.cached }),
      identity,
    },
  );
  certcheck.app.use(countSlackRequests(metrics));
  // METRICS_PORT: the probes and /metrics off the port Slack reaches. Socket Mode listens on no
  // port, so there they are served on PORT.
  const opsPort = config.metricsPort ?? (config.slack.appToken ? config.port : undefined);
  const ops: OpsServer | undefined = opsPort === undefined ? undefined : await startOpsServer(opsPort, routes);
  const { port } = await certcheck.start();
  console.log(
    config.slack.appToken
      ? 'certcheck is connected to Slack (Socket Mode).'
      : `certcheck is listening on port ${port}: Slack posts to /slack/events, health at /healthz.`,
  );
  reminders = startReminders({
    config,
    store,
    // Its own client: the runner does the retrying (Retry-After honoured), the client none.
    notifier: instrumentNotifier(
      createSlackNotifier({
        token: config.slack.botToken ?? '',
        ...(config.slack.apiUrl && { apiUrl: config.slack.apiUrl }),
      }),
      metrics,
      monotonic,
    ),
    metrics,
    clock: clock.now,
    processName: `${hostname()}:${process.pid}`,
    log: { info: (m) => console.log(m), error: (m) => console.error(m) },
  });
  console.log(
    `Reminders: ${config.reminders.cron} (${config.reminders.timeZone}); next ${reminders.nextRun()?.toISOString() ?? 'never'}.`,
  );
  stopOnSignal(() => {
    draining = true;
    return shutdown({ reminders, app: certcheck, store, pastes, runner, ops });
  });
  return 0;
}

/** The page that plays Slack against the real app, on loopback, until SIGINT/SIGTERM. */
async function runSandbox(): Promise<number> {
  const started = await startLocalSandbox({
    env: process.env,
    clock: () => new Date(),
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
  if (!started.ok) return started.code;
  stopOnSignal(() => started.stop());
  return 0;
}

/** On SIGINT or SIGTERM: `stop`, then exit 0, or 1 with the reason when it did not stop cleanly. */
function stopOnSignal(stop: () => Promise<unknown>): void {
  const onSignal = () => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('certcheck did not stop cleanly:', error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** `.env` in the working directory, when there is one; real environment variables win. */
function loadDotEnv() {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error('certcheck crashed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
