import { type ProbeTarget, parseTarget } from '../core/probe/target.js';
import type { EndpointProbe, Store, TrackedEndpoint } from '../store/store.js';
import { endpointId, type LookOptions, type lookAt } from './endpoint-look.js';
import { lookAndRecord } from './watch-endpoints.js';

/**
 * Tracking an endpoint (`certcheck track smtp://…`, `/certcheck track smtp://…`): stored first, so
 * that an endpoint unreachable today is still looked at on every reminder run, then looked at
 * once to record what it presents (and track that certificate for reminders).
 */

export interface TrackEndpointRequest {
  target: ProbeTarget;
  channel?: string;
  owner?: string;
  addedBy: string;
  /** From Slack: this look and every later one re-check PROBE_ALLOW and the name's addresses. */
  guarded: boolean;
  now: Date;
  look: LookOptions & { look?: typeof lookAt };
}

export interface TrackedEndpointOutcome {
  endpoint: TrackedEndpoint;
  created: boolean;
  probe: EndpointProbe;
  /** The presented certificate, when this look tracked it (it was not known before). */
  certificateTracked?: string;
}

export async function trackEndpoint(store: Store, request: TrackEndpointRequest): Promise<TrackedEndpointOutcome> {
  const { target } = request;
  const { endpoint, created } = await store.trackEndpoint({
    id: endpointId(target),
    target: target.target,
    host: target.host,
    port: target.port,
    protocol: target.protocol,
    guarded: request.guarded,
    addedBy: request.addedBy,
    addedAt: request.now.toISOString(),
    ...(request.channel !== undefined && { channel: request.channel }),
    ...(request.owner !== undefined && { owner: request.owner }),
  });
  const { probe } = await lookAndRecord(store, endpoint, await store.list(), request.now, request.look);
  const leaf = probe.leaf ? await store.get(probe.leaf.thumbprint) : undefined;
  // Tracked by this very look: from the probe, at this moment.
  const tracked = leaf?.source === 'probe' && leaf.addedAt === request.now.toISOString();
  const fresh = (await store.getEndpoint(endpoint.id)) ?? endpoint;
  return { endpoint: fresh, created, probe, ...(tracked && leaf && { certificateTracked: leaf.thumbprint }) };
}

/**
 * What `track` was given, when it names an endpoint rather than a paste: a URL with a probe
 * scheme, or HOST:PORT. A bare word (a thumbprint, a host alone) is a paste: a bare host would
 * mean two endpoints, and a 40-digit thumbprint reads as a host name.
 */
export function endpointTargets(words: readonly string[]): ProbeTarget[] | { problem: string } | undefined {
  if (words.length === 0 || !words.every(looksLikeEndpoint)) return undefined;
  const targets: ProbeTarget[] = [];
  for (const word of words) {
    const parsed = parseTarget(word);
    if (!parsed.ok) return { problem: parsed.problem };
    targets.push(...parsed.targets);
  }
  return targets;
}

function looksLikeEndpoint(word: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(word) || /^(?:\[[0-9a-f:.]+\]|[^\s:[\]/]+):\d{1,5}$/i.test(word);
}
