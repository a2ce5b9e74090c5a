import { randomUUID } from 'node:crypto';
import type { Language } from '../core/model.js';
import { type DuePlan, type DueReminder, dueReminders, stillDue } from '../core/reminders.js';
import type { LedgerEntry, Store, TrackedCertificate } from '../store/store.js';
import { type Digest, digestItem, type Notifier, NotifierError } from './notifier.js';

/**
 * One reminder run: reconcile what a dead run left behind, ask core what is due, claim it in the
 * ledger, post one digest per channel, confirm with the message ts.
 *
 * The guarantee (README, "Guarantees"):
 * - A reminder is posted by at most one process: the claim is a row under UNIQUE(thumbprint, slot),
 *   re-checked inside an IMMEDIATE transaction.
 * - A failed post (after bounded retries) is released and is due again on the next run.
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
  /** Retries after the first attempt, per message. */
  retries?: number;
  /** A Retry-After longer than this gives up for this run instead of holding the run. */
  maxRetryAfterMs?: number;
  leaseMs?: number;
  newBatch?: () => string;
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
  if (!options.dryRun) report.reconciled = await reconcile(options);

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
  if (options.dryRun || plan.due.length === 0) return report;

  const claimed = await store.claim(
    plan.due.map(({ thumbprint, slot, threshold, day, channel }) => ({ thumbprint, slot, threshold, day, channel })),
    claimOptions(options),
    stillDue,
  );
  const won = new Set(claimed.map((e) => `${e.thumbprint}|${e.slot}`));
  report.skipped = plan.due.filter((d) => !won.has(`${d.thumbprint}|${d.slot}`));

  const byThumbprint = new Map(certificates.map((c) => [c.thumbprint, c]));
  const urgency = new Map(plan.due.map((d, i) => [`${d.thumbprint}|${d.slot}`, i]));
  const byChannel = groupBy(claimed, (e) => e.channel);
  for (const [channel, entries] of byChannel) {
    entries.sort((a, b) => urgency.get(`${a.thumbprint}|${a.slot}`)! - urgency.get(`${b.thumbprint}|${b.slot}`)!);
    await sendChannel(options, channel, entries, byThumbprint, report);
  }
  return report;
}

async function sendChannel(
  options: RunRemindersOptions,
  channel: string,
  entries: LedgerEntry[],
  certificates: Map<string, TrackedCertificate>,
  report: RunReport,
): Promise<void> {
  const { store, notifier } = options;
  const size = Math.max(1, notifier.maxItemsPerMessage);
  const parts = Math.ceil(entries.length / size);
  for (let part = 0; part < parts; part++) {
    const chunk = entries.slice(part * size, (part + 1) * size);
    const ids = chunk.map((e) => e.id);
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
    };
    const batch = (options.newBatch ?? randomUUID)();
    // Stamped before the post: from here on, a dead process's claim is looked up, not blindly resent.
    await store.assignBatch(ids, batch, options.owner);
    const outcome = await postWithRetries(options, digest, { batch, claimIds: ids }, chunk[0]!.claimedAt);
    const thumbprints = chunk.map((e) => e.thumbprint);
    if ('ts' in outcome) {
      // Not caught: if recording fails the claim stays, and the next run finds the message by its batch.
      await store.confirm(ids, {
        messageTs: outcome.ts,
        sentAt: tsToIso(outcome.ts),
        confirmedAt: options.now.toISOString(),
      });
      report.sent.push({ channel, ts: outcome.ts, thumbprints });
    } else {
      await store.release(ids);
      report.failed.push({ channel, thumbprints, error: outcome.error });
    }
  }
}

async function postWithRetries(
  options: RunRemindersOptions,
  digest: Digest,
  meta: { batch: string; claimIds: number[] },
  claimedAt: string,
): Promise<{ ts: string } | { error: string }> {
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
      await sleep(wait);
    }
  }
}

/** Settles the claims of runs that died: confirm what Slack shows was posted, release the rest. */
async function reconcile(options: RunRemindersOptions): Promise<RunReport['reconciled']> {
  const { store, notifier } = options;
  const result = { confirmed: 0, released: 0 };
  const stale = await store.staleClaims(options.now.toISOString());
  if (stale.length === 0) return result;
  const claimedAt = new Map(stale.map((e) => [e.id, e.claimedAt]));
  const mine = await store.takeOver(
    stale.map((e) => e.id),
    claimOptions(options),
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

function claimOptions(options: RunRemindersOptions) {
  return {
    owner: options.owner,
    at: options.now.toISOString(),
    leaseUntil: new Date(options.now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(),
  };
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
