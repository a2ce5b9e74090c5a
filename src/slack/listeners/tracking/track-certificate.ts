import { decodeTrackValue, trackChoiceName } from '../../blocks/button-values.js';
import { trackModal } from '../../blocks/tracking-modals.js';
import { encodeTrackMetadata } from './track-metadata.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';

/** **Track** on a diagnosis: choose the reminder channel (the current one preselected). */
export function createTrackCertificate(_deps: ListenerDeps) {
  return async ({ body, action, ack, client }: ButtonArgs) => {
    await ack();
    const value = decodeTrackValue(action.value);
    if (!value || value.certs.length === 0) return;
    const origin = body.channel?.id;
    const metadata = encodeTrackMetadata({ v: value, ...(origin && { origin }) });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: trackModal(
        value.l,
        value.certs.map(trackChoiceName),
        origin,
        metadata,
      ),
    });
  };
}
