import { slackText } from '../i18n/slack-text.js';
import type { Language } from '../../core/model.js';
import { ids } from '../ids.js';
import type { ModalView } from '@slack/types';
import { context, plain } from './kit.js';

/** The multi-line paste box behind a bare `/certcheck`; Slack caps the input at 3000 characters. */
export function pasteModal(lang: Language, privateMetadata: string): ModalView {
  const t = slackText[lang];
  return {
    type: 'modal',
    callback_id: ids.views.paste,
    private_metadata: privateMetadata.slice(0, 3000),
    title: plain(t.modal.title, 24),
    submit: plain(t.modal.submit, 24),
    close: plain(t.modal.close, 24),
    blocks: [
      {
        type: 'input',
        block_id: ids.blocks.pasteInput,
        label: plain(t.modal.label, 2000),
        hint: plain(t.modal.hint, 2000),
        element: {
          type: 'plain_text_input',
          action_id: ids.inputs.paste,
          multiline: true,
          min_length: 1,
          max_length: 3000,
          placeholder: plain(t.modal.placeholder, 150),
        },
      },
      context(`🧵 ${t.help.threads}`),
    ],
  };
}
