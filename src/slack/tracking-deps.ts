import type { Store } from '../store/store.js';
import type { ListenerDeps } from './deps.js';

/** What the tracking listeners need beyond the app's own deps. */
export interface TrackingDeps {
  store: Store;
  /** REMINDER_TZ: dates in digests and Home are shown in it. */
  timeZone: string;
  defaultChannel?: string;
  /** The scheduler's next run, for the digest footer. */
  nextRun?: () => Date | undefined;
}

export type TrackingListenerDeps = ListenerDeps & { tracking: TrackingDeps };
