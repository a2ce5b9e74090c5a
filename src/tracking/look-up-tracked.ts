import { normalizeThumbprint } from '../core/tracking.js';
import type { Store, TrackedCertificate } from '../store/store.js';

/** At most this many tracked certificates are described under a diagnosis. */
const MAX_DESCRIBED = 3;

export interface TrackedLookup {
  certificate: TrackedCertificate;
  /** The new certificate's thumbprint, when this one was marked renewed. */
  renewedTo?: string;
}

/**
 * The pasted thumbprints that certcheck tracks, each once however it was written: what the Slack
 * reply and the CLI report both describe under a diagnosis.
 */
export async function lookUpTracked(thumbprints: readonly string[], store: Store): Promise<TrackedLookup[]> {
  const found: TrackedLookup[] = [];
  const seen = new Set<string>();
  for (const raw of thumbprints) {
    const thumbprint = normalizeThumbprint(raw);
    if (!thumbprint || seen.has(thumbprint)) continue;
    seen.add(thumbprint);
    const certificate = await store.get(thumbprint);
    if (!certificate) continue;
    const renewal = certificate.status === 'renewed' ? await store.renewalOf(thumbprint) : undefined;
    found.push({ certificate, ...(renewal && { renewedTo: renewal.newThumbprint }) });
    if (found.length >= MAX_DESCRIBED) break;
  }
  return found;
}
