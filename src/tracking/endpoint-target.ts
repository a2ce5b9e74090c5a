import { parseIp } from '../core/probe/ip.js';
import { endpointLabel, type ProbeTarget } from '../core/probe/target.js';
import type { TrackedEndpoint } from '../store/store.js';

/** Where a tracked endpoint is: enough to probe it again, and to word what a look found. */
export type EndpointWhere = Pick<TrackedEndpoint, 'target' | 'host' | 'port' | 'protocol' | 'guarded'>;

/** A parsed target as a tracked endpoint: its id is how the probe writes it back. */
export function endpointId(target: Pick<ProbeTarget, 'host' | 'port' | 'protocol'>): string {
  return endpointLabel(target);
}

export function probeTargetOf(endpoint: EndpointWhere): ProbeTarget {
  return {
    target: endpoint.target,
    host: endpoint.host,
    port: endpoint.port,
    protocol: endpoint.protocol,
    ip: parseIp(endpoint.host) !== undefined,
  };
}
