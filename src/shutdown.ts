/** What `npm start` runs and must stop on SIGINT/SIGTERM, in this order. */
export interface Running {
  reminders?: { stop(): void; drain?(): Promise<void> } | undefined;
  app: { stop(): Promise<unknown> };
  store: { close(): void | Promise<void> };
  pastes?: { close(): Promise<void> };
  /** The diagnosis threads. */
  runner?: { close(): Promise<void> };
  /** The METRICS_PORT server, closed last so probes answer while draining. */
  ops?: { close(): Promise<void> } | undefined;
}

/** Stops the reminders and the app, and closes the stores even when the app fails to stop. */
export async function shutdown({ reminders, app, store, pastes, runner, ops }: Running): Promise<void> {
  // The reminder run in progress finishes its post in flight and gives the rest back, while the app
  // stops taking requests and finishes the ones in flight; then the pools close.
  const drained = reminders?.drain ? reminders.drain() : Promise.resolve(reminders?.stop());
  try {
    const [stopped] = await Promise.allSettled([app.stop(), drained]);
    if (stopped.status === 'rejected') throw stopped.reason;
  } finally {
    await store.close();
    await pastes?.close();
    await runner?.close();
    await ops?.close();
  }
}

/**
 * An exception nothing caught leaves the process in a state nobody knows: log it and exit non-zero,
 * so the supervisor (systemd, Kubernetes) starts a clean one instead of a half-alive bot.
 */
export function exitOnCrash(
  proc: Pick<NodeJS.Process, 'on'>,
  log: (line: string) => void,
  exit: (code: number) => void,
): void {
  const crash = (kind: string) => (error: unknown) => {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : 'a non-error value';
    log(`certcheck stopped after an ${kind} (${what}); a supervisor should start it again`);
    exit(1);
  };
  proc.on('uncaughtException', crash('uncaught exception'));
  proc.on('unhandledRejection', crash('unhandled promise rejection'));
}
