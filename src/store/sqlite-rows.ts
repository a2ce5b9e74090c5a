import type { LedgerEntry, Renewal, Snooze, TrackedCertificate } from './store.js';

/**
 * The SQLite tables' rows (snake_case, JSON text, 0/1, NULL) and the records they hold. The ledger,
 * snooze and renewal rows read the same from Postgres.
 */

/** A certificate row with its lists and flag decoded: what Postgres returns as it is. */
export interface DecodedCertificateRow {
  thumbprint: string;
  subject: string;
  issuer: string;
  domains: string[];
  not_before: string | null;
  not_after: string;
  services: string[];
  servers: string[];
  role: string | null;
  source: string;
  channel: string | null;
  owner: string | null;
  added_by: string;
  added_at: string;
  estimated: boolean;
  status: TrackedCertificate['status'];
  status_by: string | null;
  status_at: string | null;
}

/** SQLite keeps the lists as JSON text and the flag as 0/1. */
export interface CertificateRow extends Omit<DecodedCertificateRow, 'domains' | 'services' | 'servers' | 'estimated'> {
  domains: string;
  services: string;
  servers: string;
  estimated: number;
}

export interface LedgerRow {
  id: number;
  thumbprint: string;
  slot: string;
  threshold: number | null;
  day: string;
  channel: string;
  claimed_at: string;
  claim_owner: string;
  lease_until: string;
  batch: string | null;
  sent_at: string | null;
  message_ts: string | null;
  confirmed_at: string | null;
}

export function toCertificate(row: CertificateRow): TrackedCertificate {
  return fromDecodedRow({
    ...row,
    domains: JSON.parse(row.domains) as string[],
    services: JSON.parse(row.services) as string[],
    servers: JSON.parse(row.servers) as string[],
    estimated: row.estimated === 1,
  });
}

/** The record a certificate row holds, whichever database decoded it. */
export function fromDecodedRow(row: DecodedCertificateRow): TrackedCertificate {
  return {
    thumbprint: row.thumbprint,
    subject: row.subject,
    issuer: row.issuer,
    domains: row.domains,
    notAfter: row.not_after,
    services: row.services,
    servers: row.servers,
    source: row.source,
    addedBy: row.added_by,
    addedAt: row.added_at,
    estimated: row.estimated,
    status: row.status,
    ...(row.not_before !== null && { notBefore: row.not_before }),
    ...(row.role !== null && { role: row.role }),
    ...(row.channel !== null && { channel: row.channel }),
    ...(row.owner !== null && { owner: row.owner }),
    ...(row.status_by !== null && { statusBy: row.status_by }),
    ...(row.status_at !== null && { statusAt: row.status_at }),
  };
}

export function toEntry(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    thumbprint: row.thumbprint,
    slot: row.slot,
    threshold: row.threshold,
    day: row.day,
    channel: row.channel,
    claimedAt: row.claimed_at,
    claimOwner: row.claim_owner,
    leaseUntil: row.lease_until,
    ...(row.batch !== null && { batch: row.batch }),
    ...(row.sent_at !== null && { sentAt: row.sent_at }),
    ...(row.message_ts !== null && { messageTs: row.message_ts }),
    ...(row.confirmed_at !== null && { confirmedAt: row.confirmed_at }),
  };
}

export interface SnoozeRow {
  thumbprint: string;
  until: string;
  snoozed_by: string | null;
  snoozed_at: string;
}

export function toSnooze(row: SnoozeRow): Snooze {
  return {
    thumbprint: row.thumbprint,
    until: row.until,
    at: row.snoozed_at,
    ...(row.snoozed_by !== null && { by: row.snoozed_by }),
  };
}

export interface RenewalRow {
  old_thumbprint: string;
  new_thumbprint: string;
  renewed_by: string | null;
  renewed_at: string;
}

export function toRenewal(row: RenewalRow): Renewal {
  return {
    oldThumbprint: row.old_thumbprint,
    newThumbprint: row.new_thumbprint,
    at: row.renewed_at,
    ...(row.renewed_by !== null && { by: row.renewed_by }),
  };
}
