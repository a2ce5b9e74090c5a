import { type EndpointChange, endpointChange, newerTrackedFor, rememberSeen } from '../core/endpoint-watch.js';
import type { ExchangeService } from '../core/model.js';
import { parseIp } from '../core/probe/ip.js';
import { mapBounded } from '../probe/pool.js';
import type {
  EndpointProbe,
  PresentedCertificate,
  Store,
  TrackedCertificate,
  TrackedEndpoint,
} from '../store/store.js';
import type { EndpointNotice } from './describe-endpoint.js';
import { type LookOptions, lookAt } from './endpoint-look.js';

/**
 * The reminder run's look at every tracked endpoint, before it works out what is due: a renewed
 * certificate is recorded (the old one closed, the new one tracked) so that the run reminds about
 * the right one, and what changed is returned to be said in each endpoint's channel.
 */

export interface WatchOptions extends LookOptions {
  store: Store;
  now: Date;
  /** Endpoints looked at at once (default 8). */
  concurrency?: number;
  /** Injected by tests that count looks; the network probe otherwise. */
  look?: typeof lookAt;
}

export interface WatchReport {
  looked: { endpoint: string; change: EndpointChange['kind'] | 'none'; recorded: boolean }[];
  notices: EndpointNotice[];
}

export const DEFAULT_WATCH_CONCURRENCY = 8;

/** Who closes a certificate as renewed when a look finds its successor presented. */
export const PROBE_ACTOR = 'certcheck probe';

export async function watchEndpoints(options: WatchOptions): Promise<WatchReport> {
  const { store, now } = options;
  const endpoints = await store.listEndpoints();
  const report: WatchReport = { looked: [], notices: [] };
  if (endpoints.length === 0) return report;
  const tracked = await store.list();
  const results = await mapBounded(endpoints, options.concurrency ?? DEFAULT_WATCH_CONCURRENCY, (endpoint) =>
    lookAndRecord(store, endpoint, tracked, now, options),
  );
  for (const r of results) {
    report.looked.push(r.looked);
    report.notices.push(...r.notices);
  }
  return report;
}

/** What one look at an endpoint found, and whether this run recorded it (and so acted and spoke). */
export interface Looked {
  probe: EndpointProbe;
  looked: WatchReport['looked'][number];
  notices: EndpointNotice[];
}

/**
 * Looks at one endpoint, records the look (unless another run recorded one meanwhile), and acts on
 * what changed: a renewal closes the old certificate, a certificate never seen before is tracked.
 */
export async function lookAndRecord(
  store: Store,
  endpoint: TrackedEndpoint,
  tracked: readonly TrackedCertificate[],
  now: Date,
  options: LookOptions & { look?: typeof lookAt },
): Promise<Looked> {
  const previous = endpoint.lastProbe;
  const previousLeaf = previous?.leaf ?? previous?.lastKnown;
  const { probe, samples } = await (options.look ?? lookAt)(endpoint, previousLeaf, now, options);
  const change = endpointChange(previousLeaf, endpoint.recent, samples, now);
  carryAlternation(probe, previous, change);
  if (probe.leaf) {
    const host = parseIp(endpoint.host) ? undefined : endpoint.host;
    // One this endpoint presents too (another server behind a balancer) is its alternation, said as such.
    const presentedHere = new Set([...endpoint.recent.map((r) => r.thumbprint), ...samples.map((l) => l.thumbprint)]);
    const newer = newerTrackedFor(
      probe.leaf,
      host,
      tracked.filter((c) => !presentedHere.has(c.thumbprint)),
    );
    if (newer) probe.newer = { thumbprint: newer.thumbprint, subject: newer.subject, notAfter: newer.notAfter };
  }
  const recent = samples.length > 0 ? rememberSeen(endpoint.recent, samples, now) : endpoint.recent;
  // Of two runs looking at once, the one that records acts and speaks; the other stays quiet.
  const recorded = await store.recordProbe(endpoint.id, { probe, recent, after: previous?.at ?? null });
  const notices: EndpointNotice[] = [];
  if (recorded) {
    await act(store, endpoint, change, samples, now);
    notices.push(...noticesFor(endpoint, previous, probe, change, previousLeaf));
  }
  const looked: WatchReport['looked'][number] = {
    endpoint: endpoint.id,
    change: samples.length > 0 ? change.kind : 'none',
    recorded,
  };
  return { probe, looked, notices };
}

/** A balancer seen alternating stays reported as one while it keeps presenting one of the same certificates. */
function carryAlternation(probe: EndpointProbe, previous: EndpointProbe | undefined, change: EndpointChange): void {
  if (change.kind === 'alternating') probe.alternates = change.thumbprints;
  else if (change.kind === 'same' && probe.leaf && previous?.alternates?.includes(probe.leaf.thumbprint)) {
    probe.alternates = previous.alternates;
  }
}

async function act(
  store: Store,
  endpoint: TrackedEndpoint,
  change: EndpointChange,
  samples: PresentedCertificate[],
  now: Date,
): Promise<void> {
  if (change.kind === 'renewed') {
    const old = await store.get(change.from);
    if (old?.status === 'active') {
      await store.markRenewed({
        oldThumbprint: change.from,
        newThumbprint: change.to,
        by: PROBE_ACTOR,
        at: now.toISOString(),
      });
    }
  }
  if (change.kind === 'same') return;
  for (const leaf of samples) await trackPresented(store, endpoint, leaf, now);
}

/**
 * The presented certificate, tracked for reminders in the endpoint's channel, unless certcheck
 * already knows it: one tracked elsewhere keeps its channel, and one someone closed stays closed.
 */
export async function trackPresented(
  store: Store,
  endpoint: TrackedEndpoint,
  leaf: PresentedCertificate,
  now: Date,
): Promise<boolean> {
  if (await store.get(leaf.thumbprint)) return false;
  await store.track({
    ...leaf,
    services: servicesOf(endpoint),
    servers: [endpoint.host],
    source: 'probe',
    estimated: false,
    addedBy: endpoint.addedBy,
    addedAt: now.toISOString(),
    ...(endpoint.channel !== undefined && { channel: endpoint.channel }),
    ...(endpoint.owner !== undefined && { owner: endpoint.owner }),
  });
  return true;
}

/** The Exchange service a port serves, as tracked certificates list them. */
function servicesOf(endpoint: Pick<TrackedEndpoint, 'protocol' | 'port'>): ExchangeService[] {
  if (endpoint.protocol === 'smtp' || endpoint.port === 465) return ['SMTP'];
  if (endpoint.protocol === 'imap' || endpoint.port === 993) return ['IMAP'];
  if (endpoint.protocol === 'pop3' || endpoint.port === 995) return ['POP'];
  if (endpoint.port === 443) return ['IIS'];
  return [];
}

/** What to say, only when something changed since the last look (not every run the same line again). */
function noticesFor(
  endpoint: TrackedEndpoint,
  previous: EndpointProbe | undefined,
  probe: EndpointProbe,
  change: EndpointChange,
  previousLeaf: PresentedCertificate | undefined,
): EndpointNotice[] {
  const base = { endpoint: endpoint.id, ...(endpoint.channel !== undefined && { channel: endpoint.channel }) };
  const notices: EndpointNotice[] = [];
  const leaf = probe.leaf;
  if (probe.refusal) {
    if (!previous?.refusal) notices.push({ ...base, kind: 'not-allowed' });
    return notices;
  }
  if (!leaf) {
    if (!previous || previous.leaf || previous.refusal)
      notices.push({ ...base, kind: 'unreachable', where: endpoint, probe });
    return notices;
  }
  if (change.kind === 'renewed') notices.push({ ...base, kind: 'renewed', from: change.from, to: leaf });
  else if (change.kind === 'alternating' && !sameSet(previous?.alternates, change.thumbprints)) {
    notices.push({ ...base, kind: 'alternating', thumbprints: change.thumbprints });
  } else if (change.kind === 'older' && previousLeaf) {
    notices.push({ ...base, kind: 'older', presented: leaf, before: previousLeaf.thumbprint });
  } else if (previous && !previous.leaf) notices.push({ ...base, kind: 'recovered', presented: leaf });
  if (probe.newer && probe.newer.thumbprint !== previous?.newer?.thumbprint) {
    notices.push({ ...base, kind: 'stale', presented: leaf, newer: probe.newer });
  }
  return notices;
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && b.every((x) => a.includes(x));
}
