import type { ProbeProtocol } from '../core/probe/target.js';
import type { EndpointProbe, SeenThumbprint, TrackedEndpoint } from './endpoint-records.js';

/**
 * The endpoints table's rows and the records they hold. Postgres returns the JSON columns decoded
 * and the flag as a boolean; SQLite keeps JSON text and 0/1, decoded here into the same row.
 */
export interface DecodedEndpointRow {
  id: string;
  target: string;
  host: string;
  port: number;
  protocol: ProbeProtocol;
  guarded: boolean;
  channel: string | null;
  owner: string | null;
  added_by: string;
  added_at: string;
  status: TrackedEndpoint['status'];
  status_by: string | null;
  status_at: string | null;
  probed_at: string | null;
  last_probe: EndpointProbe | null;
  recent: SeenThumbprint[];
}

export interface SqliteEndpointRow extends Omit<DecodedEndpointRow, 'guarded' | 'last_probe' | 'recent'> {
  guarded: number;
  last_probe: string | null;
  recent: string;
}

export function fromSqliteEndpointRow(row: SqliteEndpointRow): TrackedEndpoint {
  return fromDecodedEndpointRow({
    ...row,
    guarded: row.guarded === 1,
    last_probe: row.last_probe === null ? null : (JSON.parse(row.last_probe) as EndpointProbe),
    recent: JSON.parse(row.recent) as SeenThumbprint[],
  });
}

export function fromDecodedEndpointRow(row: DecodedEndpointRow): TrackedEndpoint {
  return {
    id: row.id,
    target: row.target,
    host: row.host,
    port: row.port,
    protocol: row.protocol,
    guarded: row.guarded,
    addedBy: row.added_by,
    addedAt: row.added_at,
    status: row.status,
    recent: row.recent,
    ...(row.channel !== null && { channel: row.channel }),
    ...(row.owner !== null && { owner: row.owner }),
    ...(row.status_by !== null && { statusBy: row.status_by }),
    ...(row.status_at !== null && { statusAt: row.status_at }),
    ...(row.last_probe !== null && { lastProbe: row.last_probe }),
  };
}
