import type { KnownBlock, ModalView } from '@slack/types';
import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Language } from '../../core/model.js';
import { ids } from '../ids.js';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './kit.js';

const modal = (
  lang: Language,
  title: string,
  submit: string,
  callbackId: string,
  metadata: string,
  blocks: KnownBlock[],
): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  title: plain(title, 24),
  submit: plain(submit, 24),
  close: plain(trackingText[lang].modalClose, 24),
  private_metadata: metadata,
  blocks,
});

/** Track: choose the reminder channel, the current one preselected. */
export function trackModal(lang: Language, subjects: string[], channel: string | undefined, metadata: string) {
  const t = trackingText[lang];
  const list = subjects.slice(0, 10).map((s) => `• ${escapeMrkdwn(truncate(s || '?', 150))}`);
  return modal(lang, t.trackModal.title, t.trackModal.submit, ids.views.track, metadata, [
    { type: 'section', text: mrkdwn(`${t.track.tracked(subjects.length)}\n${list.join('\n')}`) },
    {
      type: 'input',
      block_id: ids.blocks.trackChannel,
      label: plain(t.trackModal.channelLabel, 2000),
      element: {
        type: 'conversations_select',
        action_id: ids.inputs.trackChannel,
        ...(channel && { initial_conversation: channel }),
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
    },
  ]);
}

/** Mark renewed: paste the new certificate or its thumbprint. */
export function markRenewedModal(lang: Language, subject: string, metadata: string) {
  const t = trackingText[lang].renewModal;
  return modal(lang, t.title, t.submit, ids.views.markRenewed, metadata, [
    { type: 'section', text: mrkdwn(t.intro(escapeMrkdwn(subject))) },
    {
      type: 'input',
      block_id: ids.blocks.renewal,
      label: plain(t.label, 2000),
      hint: plain(t.hint, 2000),
      element: { type: 'plain_text_input', action_id: ids.inputs.renewal, multiline: true, max_length: 3000 },
    },
  ]);
}
