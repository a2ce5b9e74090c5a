import { randomUUID } from 'node:crypto';
import type { Language } from '../core/model.js';
import { type DuePlan, type DueReminder, dueReminders, stillDue } from '../core/reminders.js';
import type { LedgerEntry, Store, TrackedCertificate, TrackedEndpoint } from '../store/store.js';
import type { EndpointNotice } from '../tracking/describe-endpoint.js';
import { type WatchOptions, type WatchReport, watchEndpoints } from '../tracking/watch-endpoints.js';
import { type Digest, digestItem, type Notifier, NotifierError } from './notifier.js';

/**
 * One reminder run: reconcile what a dead run left behind, ask core what is due, claim it in the
 * ledger, post one digest per channel, confirm with the message ts.
 *
 * The guarantee (README, "Guarantees"):
 * - A reminder is posted by at most one process: the claim is a row under UNIQUE(thumbprint, slot),
 *   re-checked inside an IMMEDIATE transaction.
 * - A failed post (after bounded retries) is released and is due again on the next run.
 * - A live run renews the leases it holds (a heartbeat before each post and before each wait for
 *   Slack's rate limits), and posts only what it still holds: a claim taken over meanwhile is
 *   left to the run that took it.
 * - A claim whose process died keeps its lease (15 min) and is then reconciled: if Slack's history
 *   holds a message carrying its batch key (message metadata) it is confirmed with that ts,
 *   otherwise it is released and sent again. Only when that lookup itself fails can a reminder be
 *   sent twice: certcheck prefers a duplicate to a lost reminder.
 */

export interface RunRemindersOptions {
  store: Store;
  notifier: Notifier;
  now: Date;
  thresholds: readonly number[];
  timeZone: string;
  defaultChannel?: string;
  lang: Language;
  /** Computes and reports only: nothing is claimed, posted or reconciled. */
  dryRun: boolean;
  /** Names this run in the ledger's claim_owner (host:pid:uuid). */
  owner: string;
  nextRun?: Date;
  /** Injected so that tests never wait; production passes a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Milliseconds since the run began (a monotonic clock in production): leases are measured on the
   * run's clock, `now` plus this, so that `--now` runs and the bot's runs compare alike.
   */
  elapsed?: () => number;
  /** Retries after the first attempt, per message. */
  retries?: number;
  /** A Retry-After longer than this gives up for this run instead of holding the run. */
  maxRetryAfterMs?: number;
  leaseMs?: number;
  newBatch?: () => string;
  /**
   * Aborted when the process drains (SIGTERM): the post in flight finishes and is recorded, nothing
   * more is posted, and the claims not yet posted are given back for the next run (any replica).
   */
  signal?: AbortSignal;
  /**
   * Looks at every tracked endpoint before working out what is due (not in a dry run): PROBE_ALLOW
   * for those tracked from Slack, the probe's bounds, how many at once.
   */
  endpoints?: Omit<WatchOptions, 'store' | 'now'>;
}

export interface RunReport {
  due: DueReminder[];
  /** Due, but with no channel and no REMINDER_CHANNEL: never sent, dry run or not. */
  unrouted: DuePlan['unrouted'];
  sent: { channel: string; ts: string; thumbprints: string[] }[];
  /** Claimed by another process at the same time: it sends them. */
  skipped: DueReminder[];
  failed: { channel: string; thumbprints: string[]; error: string }[];
  reconciled: { confirmed: number; released: number };
  /** The tracked endpoints as the run left them; what its looks found and said (none in a dry run). */
  endpoints?: {
    listed: TrackedEndpoint[];
    looked: WatchReport['looked'];
    notices: EndpointNotice[];
    said: { channel: string; ts: string }[];
    unsaid: { channel: string | null; error: string }[];
  };
}

const DEFAULT_LEASE_MS = 15 * 60_000;
const DEFAULT_RETRIES = 4;
const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;

export async function runReminders(options: RunRemindersOptions): Promise<RunReport> {
  const { store, now } = options;
  const nowIso = now.toISOString();
  const report: RunReport = {
    due: [],
    unrouted: [],
    sent: [],
    skipped: [],
    failed: [],
    reconciled: { confirmed: 0, released: 0 },
  };
  const run: RunState = { options, held: new Set() };
  if (!options.dryRun) report.reconciled = await reconcile(run);
  // Before what is due: a renewal seen on an endpoint closes the old certificate, not reminded again.
  const watched =
    !options.dryRun && options.endpoints ? await watchEndpoints({ ...options.endpoints, store, now }) : undefined;

  const [certificates, history, snoozes] = await Promise.all([
    store.list(),
    store.reminderHistory(),
    store.activeSnoozes(nowIso),
  ]);
  const plan = dueReminders({
    certificates,
    history,
    snoozedUntil: new Map(snoozes.map((s) => [s.thumbprint, s.until])),
    thresholds: options.thresholds,
    now,
    timeZone: options.timeZone,
    ...(options.defaultChannel !== undefined && { defaultChannel: options.defaultChannel }),
  });
  report.due = plan.due;
  report.unrouted = plan.unrouted;
  const listed = await store.listEndpoints();
  report.endpoints = {
    listed,
    looked: watched?.looked ?? [],
    notices: watched?.notices ?? [],
    said: [],
    unsaid: [],
  };
  if (watched && watched.notices.length > 0) await sayNotices(run, watched.notices, report);
  if (options.dryRun || plan.due.length === 0) return report;
  run.endpoints = listed;

  const claimed = await store.claim(
    plan.due.map(({ thumbprint, slot, threshold, day, channel }) => ({ thumbprint, slot, threshold, day, channel })),
    claimOptions(run),
    stillDue,
  );
  for (const e of claimed) run.held.add(e.id);
  const won = new Set(claimed.map((e) => `${e.thumbprint}|${e.slot}`));
  report.skipped = plan.due.filter((d) => !won.has(`${d.thumbprint}|${d.slot}`));

  const byThumbprint = new Map(certificates.map((c) => [c.thumbprint, c]));
  const urgency = new Map(plan.due.map((d, i) => [`${d.thumbprint}|${d.slot}`, i]));
  const byChannel = groupBy(claimed, (e) => e.channel);
  for (const [channel, entries] of byChannel) {
    entries.sort((a, b) => urgency.get(`${a.thumbprint}|${a.slot}`)! - urgency.get(`${b.thumbprint}|${b.slot}`)!);
    await sendChannel(run, channel, entries, byThumbprint, report);
  }
  return report;
}

/** What one run holds while it sends: its options and the ids of the unsent claims it owns. */
interface RunState {
  options: RunRemindersOptions;
  held: Set<number>;
  /** Shown under the digest of the channel they remind in. */
  endpoints?: TrackedEndpoint[];
}

/** One message per channel saying what changed at its endpoints; one try, reported when refused. */
async function sayNotices(run: RunState, notices: EndpointNotice[], report: RunReport): Promise<void> {
  const { options } = run;
  const endpoints = report.endpoints!;
  const byChannel = groupBy(notices, (n) => n.channel ?? options.defaultChannel ?? '');
  for (const [channel, list] of byChannel) {
    if (channel === '') {
      endpoints.unsaid.push({ channel: null, error: 'no channel and no REMINDER_CHANNEL' });
      continue;
    }
    if (!options.notifier.postNotices) continue;
    try {
      const posted = await options.notifier.postNotices({
        channel,
        notices: list,
        now: options.now.toISOString(),
        lang: options.lang,
        timeZone: options.timeZone,
      });
      endpoints.said.push({ channel, ts: posted.ts });
    } catch (error) {
      endpoints.unsaid.push({ channel, error: describe(error) });
    }
  }
}

/** The run's clock: `now` plus the time the run has taken so far. */
function runNow(run: RunState, aheadMs = 0): Date {
  return new Date(run.options.now.getTime() + (run.options.elapsed?.() ?? 0) + aheadMs);
}

/**
 * The heartbeat: moves the lease of every unsent claim this run holds to a full lease after
 * `aheadMs` from now (the wait about to start). Forgets those another run has taken over.
 */
async function heartbeat(run: RunState, aheadMs = 0): Promise<void> {
  if (run.held.size === 0) return;
  const { store, owner } = run.options;
  const leaseUntil = new Date(runNow(run, aheadMs).getTime() + leaseMs(run.options)).toISOString();
  const still = new Set(await store.renew([...run.held], owner, leaseUntil));
  for (const id of run.held) if (!still.has(id)) run.held.delete(id);
}

async function sendChannel(
  run: RunState,
  channel: string,
  entries: LedgerEntry[],
  certificates: Map<string, TrackedCertificate>,
  report: RunReport,
): Promise<void> {
  const { options } = run;
  const { store, notifier } = options;
  await heartbeat(run);
  // A claim taken over while this run was busy elsewhere belongs to the run that took it.
  const lost = entries.filter((e) => !run.held.has(e.id));
  if (lost.length > 0) {
    const lostKeys = new Set(lost.map((e) => `${e.thumbprint}|${e.slot}`));
    report.skipped.push(...report.due.filter((d) => lostKeys.has(`${d.thumbprint}|${d.slot}`)));
    entries = entries.filter((e) => run.held.has(e.id));
  }
  const size = Math.max(1, notifier.maxItemsPerMessage);
  const parts = Math.ceil(entries.length / size);
  for (let part = 0; part < parts; part++) {
    const chunk = entries.slice(part * size, (part + 1) * size);
    const ids = chunk.map((e) => e.id);
    if (options.signal?.aborted) {
      await giveBack(run, channel, entries.slice(part * size), report);
      return;
    }
    const digest: Digest = {
      channel,
      items: chunk.map((e) => digestItem(certificates.get(e.thumbprint)!, e.threshold)),
      part: part + 1,
      parts,
      total: entries.length,
      now: options.now.toISOString(),
      lang: options.lang,
      timeZone: options.timeZone,
      ...(options.nextRun && { nextRun: options.nextRun.toISOString() }),
      ...endpointsOf(run, channel, part + 1 === parts),
    };
    const batch = (options.newBatch ?? randomUUID)();
    // Stamped before the post: from here on, a dead process's claim is looked up, not blindly resent.
    await store.assignBatch(ids, batch, options.owner);
    const outcome = await postWithRetries(run, digest, { batch, claimIds: ids }, chunk[0]!.claimedAt);
    const thumbprints = chunk.map((e) => e.thumbprint);
    if ('ts' in outcome) {
      // Not caught: if recording fails the claim stays, and the next run finds the message by its batch.
      await store.confirm(ids, {
        messageTs: outcome.ts,
        sentAt: tsToIso(outcome.ts),
        confirmedAt: options.now.toISOString(),
      });
      for (const id of ids) run.held.delete(id);
      report.sent.push({ channel, ts: outcome.ts, thumbprints });
    } else if ('lost' in outcome) {
      // Taken over during a wait: the run that took them sends them; give back only what is still ours.
      const ours = ids.filter((id) => run.held.has(id));
      if (ours.length > 0) await store.release(ours);
      for (const id of ours) run.held.delete(id);
      const lostSlots = new Set(chunk.map((e) => `${e.thumbprint}|${e.slot}`));
      report.skipped.push(...report.due.filter((d) => lostSlots.has(`${d.thumbprint}|${d.slot}`)));
    } else {
      await store.release(ids);
      for (const id of ids) run.held.delete(id);
      report.failed.push({ channel, thumbprints, error: outcome.error });
    }
  }
}

/** The endpoints reminding in `channel`, for the last part of its digest. */
function endpointsOf(run: RunState, channel: string, last: boolean): Pick<Digest, 'endpoints'> {
  if (!last || !run.endpoints) return {};
  const mine = run.endpoints.filter((e) => (e.channel ?? run.options.defaultChannel) === channel);
  return mine.length > 0 ? { endpoints: mine } : {};
}

async function postWithRetries(
  run: RunState,
  digest: Digest,
  meta: { batch: string; claimIds: number[] },
  claimedAt: string,
): Promise<{ ts: string } | { error: string } | { lost: true }> {
  const { options } = run;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetryAfter = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return { ts: (await options.notifier.postDigest(digest, meta)).ts };
    } catch (error) {
      if (!(error instanceof NotifierError) || error.kind === 'permanent' || attempt >= retries) {
        return { error: describe(error) };
      }
      if (error.options.outcomeUnknown) {
        // A timeout or 5xx may have posted it: look before posting a second copy.
        const found = await options.notifier.findDigest(digest.channel, meta.batch, claimedAt).catch(() => undefined);
        if (found) return { ts: found.ts };
      }
      const wait = error.options.retryAfterMs ?? 1000 * 2 ** attempt;
      if (wait > maxRetryAfter) return { error: `${describe(error)} (retry after ${Math.ceil(wait / 1000)} s)` };
      // Still alive, only waiting: the claims stay this run's through the wait and a lease after it.
      await heartbeat(run, wait);
      await untilAborted(sleep(wait), options.signal);
      if (options.signal?.aborted) return { error: STOPPING };
      // A run that hung far past its lease may find its claims taken over: then they are not its to post.
      await heartbeat(run);
      if (meta.claimIds.some((id) => !run.held.has(id))) return { lost: true };
    }
  }
}

const STOPPING = 'not sent: certcheck is stopping; due again on the next run';

/** The claims of `entries` this run still holds, released unsent and reported (the process is stopping). */
async function giveBack(run: RunState, channel: string, entries: LedgerEntry[], report: RunReport): Promise<void> {
  const ours = entries.filter((e) => run.held.has(e.id));
  if (ours.length === 0) return;
  await run.options.store.release(ours.map((e) => e.id));
  for (const e of ours) run.held.delete(e.id);
  report.failed.push({ channel, thumbprints: ours.map((e) => e.thumbprint), error: STOPPING });
}

/** Resolves when `wait` does or when `signal` aborts, whichever comes first. */
function untilAborted(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return wait;
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    wait.then(done, done);
  });
}

/** Settles the claims of runs that died: confirm what Slack shows was posted, release the rest. */
async function reconcile(run: RunState): Promise<RunReport['reconciled']> {
  const { options } = run;
  const { store, notifier } = options;
  const result = { confirmed: 0, released: 0 };
  const stale = await store.staleClaims(runNow(run).toISOString());
  if (stale.length === 0) return result;
  const claimedAt = new Map(stale.map((e) => [e.id, e.claimedAt]));
  const mine = await store.takeOver(
    stale.map((e) => e.id),
    claimOptions(run),
  );
  for (const entries of groupBy(mine, (e) => `${e.channel}|${e.batch ?? ''}`).values()) {
    const ids = entries.map((e) => e.id);
    const { channel, batch } = entries[0]!;
    const oldest = entries.map((e) => claimedAt.get(e.id)!).sort()[0]!;
    const found = batch ? await notifier.findDigest(channel, batch, oldest).catch(() => undefined) : undefined;
    if (found) {
      await store.confirm(ids, {
        messageTs: found.ts,
        sentAt: tsToIso(found.ts),
        confirmedAt: options.now.toISOString(),
      });
      result.confirmed += ids.length;
    } else {
      await store.release(ids);
      result.released += ids.length;
    }
  }
  return result;
}

function claimOptions(run: RunState) {
  const at = runNow(run);
  return {
    owner: run.options.owner,
    at: at.toISOString(),
    leaseUntil: new Date(at.getTime() + leaseMs(run.options)).toISOString(),
  };
}

function leaseMs(options: RunRemindersOptions): number {
  return options.leaseMs ?? DEFAULT_LEASE_MS;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Slack's ts is seconds.micro since the epoch: when Slack accepted the message. */
function tsToIso(ts: string): string {
  const seconds = Number.parseFloat(ts);
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)).toISOString() : ts;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
