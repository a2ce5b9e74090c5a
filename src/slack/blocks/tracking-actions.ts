import { z } from 'zod';
import { trackingText } from '../../core/i18n/tracking-text.js';
import { type Language, languageSchema } from '../../core/model.js';
import { ids } from '../ids.js';
import { decodeJson } from '../json-value.js';
import { button, type SlackBlock } from './kit.js';

/** What a tracking button carries: the certificate and the language to answer in. */
const certificateActionValueSchema = z.object({ t: z.string().regex(/^[0-9A-F]{40}$/), l: languageSchema });
export type CertificateActionValue = z.infer<typeof certificateActionValueSchema>;

export const decodeCertificateAction = (value: string | undefined): CertificateActionValue | undefined =>
  decodeJson(certificateActionValueSchema, value);

/**
 * Show steps / Mark renewed / Snooze 1 day / Snooze 1 week / Untrack for one certificate; a snoozed
 * one (`snoozed`) keeps all but the snooze buttons, as snoozing is not finishing.
 */
export function certificateActions(
  thumbprint: string,
  lang: Language,
  options: { snoozed?: boolean } = {},
): SlackBlock {
  const t = trackingText[lang].buttons;
  const value = JSON.stringify({ t: thumbprint, l: lang } satisfies CertificateActionValue);
  return {
    type: 'actions',
    // Unique per certificate: Slack requires distinct block_ids and the handler finds its row by it.
    block_id: `cert:${thumbprint}`,
    elements: [
      button(t.showSteps, ids.actions.showSteps, value),
      button(t.markRenewed, ids.actions.markRenewed, value, 'primary'),
      ...(options.snoozed
        ? []
        : [button(t.snooze1d, ids.actions.snooze1d, value), button(t.snooze1w, ids.actions.snooze1w, value)]),
      button(t.untrack, ids.actions.untrack, value, 'danger'),
    ],
  };
}
