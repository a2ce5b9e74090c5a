import type { App } from '@slack/bolt';
import type { AppDeps } from './app.js';
import type { ListenerDeps } from './deps.js';
import { ids } from './ids.js';
import { createMarkRenewed } from './listeners/tracking/mark-renewed.js';
import { createMarkRenewedSubmitted } from './listeners/tracking/mark-renewed-modal.js';
import { createShowSteps } from './listeners/tracking/show-steps.js';
import { createSnooze } from './listeners/tracking/snooze.js';
import { createTrackCertificate } from './listeners/tracking/track-certificate.js';
import { createTrackSubmitted } from './listeners/tracking/track-modal.js';
import { createTrackSubcommands } from './listeners/tracking/track-subcommands.js';
import { createUntrack } from './listeners/tracking/untrack.js';
import { trackingHome } from './listeners/tracking/refresh.js';
import { trackedBlocks, trackedSummaries } from './blocks/tracked-blocks.js';
import { lookUpTracked } from '../tracking/look-up-tracked.js';
import type { TrackingDeps, TrackingListenerDeps } from './tracking-deps.js';

/** Every tracking listener: the buttons of diagnoses, digests and Home, and the two modals. */
function registerTracking(app: App, deps: TrackingListenerDeps): void {
  app.action(ids.actions.trackCertificate, createTrackCertificate(deps));
  app.view(ids.views.track, createTrackSubmitted(deps));
  app.action(ids.actions.snooze1d, createSnooze(deps, 1));
  app.action(ids.actions.snooze1w, createSnooze(deps, 7));
  app.action(ids.actions.markRenewed, createMarkRenewed(deps));
  app.view(ids.views.markRenewed, createMarkRenewedSubmitted(deps));
  app.action(ids.actions.untrack, createUntrack(deps));
  app.action(ids.actions.showSteps, createShowSteps(deps));
}

/**
 * What createApp needs to serve tracking: `{ ...trackingForApp(deps) }` in its AppDeps. The
 * subcommands and Home need the app's own deps (clock, language, diagnose), which the extension
 * receives when the app registers it — before any request can arrive.
 */
export function trackingForApp(
  tracking: TrackingDeps,
): Required<Pick<AppDeps, 'subcommands' | 'home' | 'extensions' | 'describeTracked'>> {
  let registered: TrackingListenerDeps | undefined;
  const get = () => {
    if (!registered) throw new Error('tracking used before the app registered it');
    return registered;
  };
  return {
    subcommands: createTrackSubcommands(get),
    home: ({ lang }) => trackingHome(tracking, get().now(), lang),
    describeTracked: async (thumbprints, lang) => {
      const found = await lookUpTracked(thumbprints, tracking.store);
      return {
        blocks: trackedBlocks(found, get().now(), lang, tracking.timeZone),
        active: found.filter((f) => f.certificate.status === 'active').map((f) => f.certificate.thumbprint),
        summaries: trackedSummaries(found, get().now(), lang, tracking.timeZone),
      };
    },
    extensions: [
      (app: App, deps: ListenerDeps) => {
        registered = { ...deps, tracking };
        registerTracking(app, registered);
      },
    ],
  };
}
