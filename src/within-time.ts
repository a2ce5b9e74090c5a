/**
 * `work`'s answer, or `late()`'s once `ms` have passed without one: for callers that must answer in
 * time (a Slack ack, a health probe) whatever a slow dependency does. The timer never outlives the race.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
