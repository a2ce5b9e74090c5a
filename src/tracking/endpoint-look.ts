import { parseCertificateDer } from '../core/certificate.js';
import { checkProbeTarget, type ProbeAllowList, type Resolve } from '../core/probe/allow-list.js';
import { DEFAULT_MAX_BYTES, probeEndpoint } from '../probe/probe-endpoint.js';
import { systemResolve } from '../probe/guarded-probe.js';
import type { EndpointProbe, PresentedCertificate } from '../store/store.js';
import { type EndpointWhere, probeTargetOf } from './endpoint-target.js';

export { type EndpointWhere, endpointId, probeTargetOf } from './endpoint-target.js';

/** How an endpoint is looked at: the same bounds as `certcheck probe`, and PROBE_ALLOW for Slack's. */
export interface LookOptions {
  /** PROBE_ALLOW: checked before every look at an endpoint tracked from Slack. */
  allow: ProbeAllowList;
  /** Every address of a name; the system resolver unless a test gives its own. */
  resolve?: Resolve;
  /** Bounds each connection: resolve, connect, dialogue and handshake. */
  timeoutMs?: number;
  /**
   * More connections when the leaf differs from the last one: a load balancer alternating per
   * connection shows both certificates within one look, and is not taken for a renewal.
   */
  resamples?: number;
}

export const DEFAULT_LOOK_TIMEOUT_MS = 10_000;
const DEFAULT_RESAMPLES = 2;

/**
 * One look at an endpoint: PROBE_ALLOW and the name's addresses first when it was tracked from
 * Slack (nothing is connected to otherwise), then the probe, connecting to the address checked.
 * `samples` are the leaves read, the first connection's first. Never throws.
 */
export async function lookAt(
  endpoint: EndpointWhere,
  previous: PresentedCertificate | undefined,
  now: Date,
  options: LookOptions,
): Promise<{ probe: EndpointProbe; samples: PresentedCertificate[] }> {
  const target = probeTargetOf(endpoint);
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOOK_TIMEOUT_MS;
  const base = { at: now.toISOString(), timeoutMs, maxBytes: DEFAULT_MAX_BYTES };
  let address: string | undefined;
  if (endpoint.guarded) {
    const decision = await checkProbeTarget(options.allow, target, options.resolve ?? systemResolve);
    if (!decision.allowed) {
      const { allowed: _, ...refusal } = decision;
      return { probe: { ...base, refusal, ...(previous && { lastKnown: previous }) }, samples: [] };
    }
    address = decision.address;
  }
  const connect = () => probeEndpoint(target, { timeoutMs, ...(address !== undefined && { address }) });
  const observation = await connect();
  const leaf = leafOf(observation.chain[0]);
  const probe: EndpointProbe = {
    ...base,
    ...(observation.address && { address: observation.address }),
    ...(observation.tlsVersion && { tlsVersion: observation.tlsVersion }),
    ...(observation.startTls && { startTls: observation.startTls }),
    ...(observation.failure && { failure: observation.failure }),
    ...(leaf ? { leaf } : previous && { lastKnown: previous }),
  };
  const samples = leaf ? [leaf] : [];
  if (leaf && previous && leaf.thumbprint !== previous.thumbprint) {
    for (let i = 0; i < (options.resamples ?? DEFAULT_RESAMPLES); i++) {
      const again = leafOf((await connect()).chain[0]);
      if (again) samples.push(again);
    }
  }
  return { probe, samples };
}

function leafOf(der: Uint8Array | undefined): PresentedCertificate | undefined {
  if (!der) return undefined;
  try {
    const cert = parseCertificateDer(der, 'der');
    if (!cert.thumbprint || !cert.notAfter) return undefined;
    return {
      thumbprint: cert.thumbprint,
      subject: cert.subject,
      issuer: cert.issuer,
      domains: cert.domains,
      ...(cert.notBefore && { notBefore: cert.notBefore }),
      notAfter: cert.notAfter,
    };
  } catch {
    return undefined;
  }
}
