import { type TrackableCertificate, type TrackSkip, trackableCertificates } from '../core/tracking.js';
import type { Diagnosis } from '../core/model.js';
import type { Store, TrackedCertificate } from '../store/store.js';

export interface TrackRequest {
  channel?: string;
  owner?: string;
  /** The owner of a certificate not tracked before (or tracked without one): who tracked it from Slack. */
  ownerIfNew?: string;
  addedBy: string;
  now: Date;
  includeWmsvc?: boolean;
}

export interface TrackOutcome {
  tracked: { certificate: TrackedCertificate; created: boolean }[];
  skipped: TrackSkip[];
}

/** Tracks every trackable certificate of a diagnosis (the CLI's `track`, Slack's Track button and `/certcheck track`). */
export async function trackDiagnosis(store: Store, diagnosis: Diagnosis, request: TrackRequest): Promise<TrackOutcome> {
  const { certificates, skipped } = trackableCertificates(
    diagnosis,
    request.includeWmsvc !== undefined ? { includeWmsvc: request.includeWmsvc } : {},
  );
  return { tracked: await trackAll(store, certificates, request), skipped };
}

export async function trackAll(store: Store, certificates: TrackableCertificate[], request: TrackRequest) {
  const tracked: TrackOutcome['tracked'] = [];
  for (const cert of certificates) {
    const owner =
      request.owner ??
      (request.ownerIfNew !== undefined && !(await store.get(cert.thumbprint))?.owner ? request.ownerIfNew : undefined);
    tracked.push(
      await store.track({
        ...cert,
        addedBy: request.addedBy,
        addedAt: request.now.toISOString(),
        ...(request.channel !== undefined && { channel: request.channel }),
        ...(owner !== undefined && { owner }),
      }),
    );
  }
  return tracked;
}
