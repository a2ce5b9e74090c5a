import type {
  ClaimOptions,
  ClaimRequest,
  ImportCounts,
  LedgerEntry,
  ReminderHistory,
  Renewal,
  Snooze,
  StillDue,
  Store,
  TrackedCertificate,
  TrackedEndpoint,
  TrackInput,
} from './store.js';

/**
 * The Store in memory, for tests and the sandbox. Every method runs synchronously inside its
 * promise, so a claim is as atomic here as a SQLite transaction is on disk.
 */
export function createMemoryStore(): Store {
  const certificates = new Map<string, TrackedCertificate>();
  const ledger: LedgerEntry[] = [];
  const snoozes = new Map<string, Snooze>();
  const renewals = new Map<string, Renewal>();
  const endpoints = new Map<string, TrackedEndpoint>();
  let nextId = 1;
  const copy = <T>(value: T): T => structuredClone(value);
  const historyOf = (thumbprint: string): ReminderHistory => {
    let lowestThreshold: number | null = null;
    let lastDay: string | null = null;
    for (const e of ledger) {
      if (e.thumbprint !== thumbprint) continue;
      if (e.threshold !== null && (lowestThreshold === null || e.threshold < lowestThreshold)) {
        lowestThreshold = e.threshold;
      }
      if (lastDay === null || e.day > lastDay) lastDay = e.day;
    }
    return { lowestThreshold, lastDay };
  };

  return {
    async track(input: TrackInput) {
      const existing = certificates.get(input.thumbprint);
      const certificate: TrackedCertificate = {
        ...withoutUndefined(input),
        addedBy: existing?.addedBy ?? input.addedBy,
        addedAt: existing?.addedAt ?? input.addedAt,
        services: input.services.length > 0 ? input.services : (existing?.services ?? []),
        status: 'active',
      };
      const role = input.role ?? existing?.role;
      const channel = input.channel ?? existing?.channel;
      const owner = input.owner ?? existing?.owner;
      if (role !== undefined) certificate.role = role;
      if (channel !== undefined) certificate.channel = channel;
      if (owner !== undefined) certificate.owner = owner;
      certificates.set(input.thumbprint, certificate);
      return { certificate: copy(certificate), created: existing === undefined };
    },
    async get(thumbprint) {
      const found = certificates.get(thumbprint);
      return found && copy(found);
    },
    async list(options = {}) {
      return [...certificates.values()]
        .filter((c) => options.all || c.status === 'active')
        .sort((a, b) =>
          a.notAfter === b.notAfter ? (a.thumbprint < b.thumbprint ? -1 : 1) : a.notAfter < b.notAfter ? -1 : 1,
        )
        .map(copy);
    },
    async eachTracked(visit, options = {}) {
      const before = options.expiringBefore;
      for (const c of certificates.values()) {
        if (c.status !== 'active' || (before !== undefined && c.notAfter >= before)) continue;
        const { thumbprint, subject, notAfter } = c;
        visit({ thumbprint, subject, notAfter, channel: c.channel ?? null, ...historyOf(thumbprint) });
      }
    },
    async untrack(thumbprint, by, at) {
      const found = certificates.get(thumbprint);
      if (found?.status !== 'active') return false;
      Object.assign(found, { status: 'untracked', statusBy: by, statusAt: at });
      return true;
    },
    async markRenewed(renewal) {
      const found = certificates.get(renewal.oldThumbprint);
      if (!found || found.status === 'renewed') return false;
      found.status = 'renewed';
      found.statusAt = renewal.at;
      if (renewal.by !== undefined) found.statusBy = renewal.by;
      else delete found.statusBy;
      renewals.set(renewal.oldThumbprint, copy(renewal));
      return true;
    },
    async renewalOf(oldThumbprint) {
      const found = renewals.get(oldThumbprint);
      return found && copy(found);
    },
    async snooze(snooze) {
      snoozes.set(snooze.thumbprint, copy(snooze));
    },
    async activeSnoozes(now) {
      return [...snoozes.values()]
        .filter((s) => s.until > now)
        .sort((a, b) => (a.thumbprint < b.thumbprint ? -1 : 1))
        .map(copy);
    },
    async reminderHistory() {
      const thumbprints = new Set(ledger.map((e) => e.thumbprint));
      return new Map([...thumbprints].map((t) => [t, historyOf(t)]));
    },
    async claim(requests: ClaimRequest[], options: ClaimOptions, stillDue: StillDue) {
      const won: LedgerEntry[] = [];
      for (const request of requests) {
        if (!certificates.has(request.thumbprint)) continue;
        if (ledger.some((e) => e.thumbprint === request.thumbprint && e.slot === request.slot)) continue;
        if (!stillDue(request, historyOf(request.thumbprint))) continue;
        const entry: LedgerEntry = {
          id: nextId++,
          ...request,
          claimedAt: options.at,
          claimOwner: options.owner,
          leaseUntil: options.leaseUntil,
        };
        ledger.push(entry);
        won.push(copy(entry));
      }
      return won;
    },
    async assignBatch(ids, batch, owner) {
      for (const e of ledger) {
        if (ids.includes(e.id) && e.claimOwner === owner && e.sentAt === undefined) e.batch = batch;
      }
    },
    async confirm(ids, sent) {
      for (const e of ledger) {
        if (ids.includes(e.id)) Object.assign(e, sent);
      }
    },
    async release(ids) {
      for (let i = ledger.length - 1; i >= 0; i--) {
        const e = ledger[i]!;
        if (ids.includes(e.id) && e.sentAt === undefined) ledger.splice(i, 1);
      }
    },
    async staleClaims(now) {
      return ledger.filter((e) => e.sentAt === undefined && e.leaseUntil < now).map(copy);
    },
    async takeOver(ids, options) {
      const won: LedgerEntry[] = [];
      for (const e of ledger) {
        if (!ids.includes(e.id) || e.sentAt !== undefined || e.leaseUntil >= options.at) continue;
        Object.assign(e, { claimOwner: options.owner, claimedAt: options.at, leaseUntil: options.leaseUntil });
        won.push(copy(e));
      }
      return won;
    },
    async renew(ids, owner, leaseUntil) {
      const held: number[] = [];
      for (const e of ledger) {
        if (!ids.includes(e.id) || e.claimOwner !== owner || e.sentAt !== undefined) continue;
        e.leaseUntil = leaseUntil;
        held.push(e.id);
      }
      return held.sort((a, b) => a - b);
    },
    async ledger(thumbprint) {
      return ledger.filter((e) => thumbprint === undefined || e.thumbprint === thumbprint).map(copy);
    },
    async entriesForMessage(channel, messageTs) {
      return ledger.filter((e) => e.channel === channel && e.messageTs === messageTs).map(copy);
    },
    async trackEndpoint(input) {
      const existing = endpoints.get(input.id);
      const endpoint: TrackedEndpoint = {
        ...withoutUndefined(input),
        addedBy: existing?.addedBy ?? input.addedBy,
        addedAt: existing?.addedAt ?? input.addedAt,
        // Once tracked from Slack, every look stays under PROBE_ALLOW.
        guarded: input.guarded || existing?.guarded === true,
        status: 'active',
        recent: existing?.recent ?? [],
      };
      const channel = input.channel ?? existing?.channel;
      const owner = input.owner ?? existing?.owner;
      if (channel !== undefined) endpoint.channel = channel;
      if (owner !== undefined) endpoint.owner = owner;
      if (existing?.lastProbe) endpoint.lastProbe = existing.lastProbe;
      endpoints.set(input.id, endpoint);
      return { endpoint: copy(endpoint), created: existing === undefined };
    },
    async getEndpoint(id) {
      const found = endpoints.get(id);
      return found && copy(found);
    },
    async listEndpoints(options = {}) {
      return [...endpoints.values()]
        .filter((e) => options.all || e.status === 'active')
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map(copy);
    },
    async untrackEndpoint(id, by, at) {
      const found = endpoints.get(id);
      if (found?.status !== 'active') return false;
      Object.assign(found, { status: 'untracked', statusBy: by, statusAt: at });
      return true;
    },
    async recordProbe(id, record) {
      const found = endpoints.get(id);
      if (!found || (found.lastProbe?.at ?? null) !== record.after) return false;
      found.lastProbe = copy(record.probe);
      found.recent = copy(record.recent);
      return true;
    },
    async exportAll() {
      return {
        endpoints: await this.listEndpoints({ all: true }),
        certificates: await this.list({ all: true }),
        ledger: ledger.map(({ id: _id, ...entry }) => copy(entry)),
        snoozes: [...snoozes.values()].sort((a, b) => (a.thumbprint < b.thumbprint ? -1 : 1)).map(copy),
        renewals: [...renewals.values()].sort((a, b) => (a.oldThumbprint < b.oldThumbprint ? -1 : 1)).map(copy),
      };
    },
    async importAll(snapshot) {
      const counts: ImportCounts = { certificates: 0, ledger: 0, snoozes: 0, renewals: 0 };
      for (const c of snapshot.certificates) {
        if (!certificates.has(c.thumbprint)) counts.certificates++;
        certificates.set(c.thumbprint, copy(c));
      }
      for (const e of snapshot.ledger) {
        if (ledger.some((x) => x.thumbprint === e.thumbprint && x.slot === e.slot)) continue;
        ledger.push({ ...copy(e), id: nextId++ });
        counts.ledger++;
      }
      for (const s of snapshot.snoozes) {
        if (!snoozes.has(s.thumbprint)) counts.snoozes++;
        snoozes.set(s.thumbprint, copy(s));
      }
      for (const r of snapshot.renewals) {
        if (!renewals.has(r.oldThumbprint)) counts.renewals++;
        renewals.set(r.oldThumbprint, copy(r));
      }
      for (const e of snapshot.endpoints ?? []) endpoints.set(e.id, copy(e));
      return counts;
    },
    async ping() {},
    async close() {},
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
