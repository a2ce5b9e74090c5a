import type { ReminderHistory } from '../core/reminders.js';
import type { TrackableCertificate } from '../core/tracking.js';
import type { EndpointInput, ProbeRecord, TrackedEndpoint } from './endpoint-records.js';

export type { ReminderHistory } from '../core/reminders.js';
export type {
  EndpointInput,
  EndpointProbe,
  PresentedCertificate,
  ProbeRecord,
  SeenThumbprint,
  TrackedEndpoint,
} from './endpoint-records.js';

/**
 * The tracking store port: what certcheck remembers between runs. Every implementation passes
 * test/store/store-contract.ts. Times are ISO-8601 strings in UTC (toISOString), so they compare
 * as strings.
 */

export type TrackStatus = 'active' | 'renewed' | 'untracked';

/**
 * The facts core's trackableCertificates takes from a diagnosis (thumbprint as 40 upper-case hex
 * digits; servers from an event's Computer line; role such as 'wmsvc' or 'auth'; source such as
 * pem or event; `estimated` when the expiry came from an event's "hours remaining"), and who
 * tracks it where.
 */
export interface TrackedCertificate extends TrackableCertificate {
  /** The channel reminders go to; unset means REMINDER_CHANNEL. */
  channel?: string;
  owner?: string;
  addedBy: string;
  addedAt: string;
  status: TrackStatus;
  /** Who renewed or untracked it, and when. */
  statusBy?: string;
  statusAt?: string;
}

/**
 * What a reminder run reads of each tracked certificate, with what the ledger already holds for
 * it (as reminderHistory gives it; both null when never reminded). Channel null: REMINDER_CHANNEL.
 */
export interface TrackedSummary extends ReminderHistory {
  thumbprint: string;
  subject: string;
  notAfter: string;
  channel: string | null;
}

/** What `track` writes: the facts plus who asked. Channel and owner only overwrite when given. */
export type TrackInput = Omit<TrackedCertificate, 'status' | 'statusBy' | 'statusAt'>;

/** A row of the reminder ledger: claimed, then sent (with the message ts), or released (deleted). */
export interface LedgerEntry {
  id: number;
  thumbprint: string;
  /** Unique per certificate: `threshold:30` or `overdue:2026-11-28`. */
  slot: string;
  /** Days before expiry; null for the daily reminder after expiry. */
  threshold: number | null;
  /** The run's day in REMINDER_TZ. */
  day: string;
  channel: string;
  claimedAt: string;
  claimOwner: string;
  leaseUntil: string;
  /** Set just before posting: the key put in the message metadata, to find the message again. */
  batch?: string;
  sentAt?: string;
  messageTs?: string;
  confirmedAt?: string;
}

export interface ClaimRequest {
  thumbprint: string;
  slot: string;
  threshold: number | null;
  day: string;
  channel: string;
}

export interface ClaimOptions {
  owner: string;
  at: string;
  leaseUntil: string;
}

export interface Snooze {
  thumbprint: string;
  until: string;
  by?: string;
  at: string;
}

export interface Renewal {
  oldThumbprint: string;
  newThumbprint: string;
  by?: string;
  at: string;
}

/** Decides, inside the claim's transaction, whether a request is still due given the fresh history. */
export type StillDue = (request: ClaimRequest, history: ReminderHistory) => boolean;

export interface Store {
  /** Inserts or refreshes a certificate and makes it active again. */
  track(input: TrackInput): Promise<{ certificate: TrackedCertificate; created: boolean }>;
  get(thumbprint: string): Promise<TrackedCertificate | undefined>;
  /** Sorted by expiry, soonest (or longest expired) first. Active only unless `all`. */
  list(options?: { all?: boolean }): Promise<TrackedCertificate[]>;
  /**
   * Every active certificate as a reminder run weighs it, with its reminder history, one at a time
   * and in no set order, without holding them all (a run over a large store keeps only what is
   * due); with `expiringBefore`, only those expiring before that time. `visit` must not call the
   * store.
   */
  eachTracked(visit: (certificate: TrackedSummary) => void, options?: { expiringBefore?: string }): Promise<void>;
  /** false when it was not tracked (or already untracked). */
  untrack(thumbprint: string, by: string, at: string): Promise<boolean>;
  /** Closes the old certificate as renewed and remembers old → new. The new one is tracked by the caller. */
  markRenewed(renewal: Renewal): Promise<boolean>;
  renewalOf(oldThumbprint: string): Promise<Renewal | undefined>;
  /** One snooze per certificate; a new one replaces it. */
  snooze(snooze: Snooze): Promise<void>;
  /** Snoozes whose `until` is after `now`. */
  activeSnoozes(now: string): Promise<Snooze[]>;

  /** Per thumbprint, for every certificate with ledger rows. */
  reminderHistory(): Promise<Map<string, ReminderHistory>>;
  /**
   * Claims atomically: a request is won only if no other claim holds its slot and `stillDue` agrees
   * with the history as it is inside the transaction. Returns the rows won.
   */
  claim(requests: ClaimRequest[], options: ClaimOptions, stillDue: StillDue): Promise<LedgerEntry[]>;
  /** Stamps claimed rows with the batch key before posting. Only rows still held by `owner`. */
  assignBatch(ids: number[], batch: string, owner: string): Promise<void>;
  /** Records the message that carried these reminders. */
  confirm(ids: number[], sent: { messageTs: string; sentAt: string; confirmedAt: string }): Promise<void>;
  /** Gives claims back (unsent): they are due again on the next run. */
  release(ids: number[]): Promise<void>;
  /** Claims never confirmed whose lease ran out before `now`: their process died or hung. */
  staleClaims(now: string): Promise<LedgerEntry[]>;
  /** Takes over a stale claim so that only one process reconciles it. */
  takeOver(ids: number[], options: ClaimOptions): Promise<LedgerEntry[]>;
  /**
   * The heartbeat of a live run: moves the lease of the unsent claims `owner` still holds to
   * `leaseUntil`. Returns the ids it still holds (a claim taken over meanwhile is not among them).
   */
  renew(ids: number[], owner: string, leaseUntil: string): Promise<number[]>;
  ledger(thumbprint?: string): Promise<LedgerEntry[]>;
  /** The reminders a posted digest carried, to redraw it in place. */
  entriesForMessage(channel: string, messageTs: string): Promise<LedgerEntry[]>;
  /** Inserts or refreshes an endpoint and makes it active again. */
  trackEndpoint(input: EndpointInput): Promise<{ endpoint: TrackedEndpoint; created: boolean }>;
  getEndpoint(id: string): Promise<TrackedEndpoint | undefined>;
  /** By id. Active only unless `all`. */
  listEndpoints(options?: { all?: boolean }): Promise<TrackedEndpoint[]>;
  /** false when it was not tracked (or already untracked). */
  untrackEndpoint(id: string, by: string, at: string): Promise<boolean>;
  /**
   * Records a look at an endpoint, only if its last look is still `record.after`: of two runs
   * looking at once, one records (and announces what changed), the other learns it lost.
   */
  recordProbe(id: string, record: ProbeRecord): Promise<boolean>;
  /** Everything the store holds, to copy it into another (certcheck migrate). */
  exportAll(): Promise<StoreSnapshot>;
  /**
   * Copies a snapshot in: certificates, snoozes and renewals take the snapshot's values, ledger rows
   * are added unless their (thumbprint, slot) is already there. Running it twice changes nothing more.
   */
  importAll(snapshot: StoreSnapshot): Promise<ImportCounts>;
  /** Resolves when the store answers; rejects (within the store's connection timeout) when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreSnapshot {
  certificates: TrackedCertificate[];
  /** Without ids: the target numbers its own rows. */
  ledger: Omit<LedgerEntry, 'id'>[];
  /** Every snooze, ended or not. */
  snoozes: Snooze[];
  renewals: Renewal[];
  /** Tracked endpoints; copied by importAll, not counted in its ImportCounts. */
  endpoints?: TrackedEndpoint[];
}

/** What an import added: rows that were not in the target before. */
export interface ImportCounts {
  certificates: number;
  ledger: number;
  snoozes: number;
  renewals: number;
}
