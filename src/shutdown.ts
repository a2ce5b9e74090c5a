/** What `npm start` runs and must stop on SIGINT/SIGTERM, in this order. */
export interface Running {
  reminders?: { stop(): void } | undefined;
  app: { stop(): Promise<unknown> };
  store: { close(): void };
}

/** Stops the reminders and the app, and closes the store even when the app fails to stop. */
export async function shutdown({ reminders, app, store }: Running): Promise<void> {
  reminders?.stop();
  try {
    await app.stop();
  } finally {
    store.close();
  }
}
