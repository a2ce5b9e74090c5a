import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { slackText } from '../../i18n/slack-text.js';
import { answerPaste, render } from '../../answer.js';
import type { ListenerDeps } from '../../deps.js';
import { decodeJson } from '../../json-value.js';
import { ids } from '../../ids.js';
import { postToResponseUrl } from '../../respond.js';

/** Where the modal's answer goes: the channel (and response_url) of the `/certcheck` that opened it. */
const metadataSchema = z.object({ channel: z.string(), responseUrl: z.string().optional() });
type ModalMetadata = z.infer<typeof metadataSchema>;

export const encodeModalMetadata = (metadata: ModalMetadata): string => JSON.stringify(metadata);

export const decodeModalMetadata = (text: string | undefined): ModalMetadata | undefined =>
  decodeJson(metadataSchema, text);

/** The paste modal's submission: close it, then answer ephemerally where `/certcheck` was typed. */
export function createPasteSubmitted(deps: ListenerDeps) {
  return async ({ view, body, ack, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const text = view.state.values[ids.blocks.pasteInput]?.[ids.inputs.paste]?.value?.trim() ?? '';
    if (text === '') {
      const lang = deps.language.cached(body.user.id);
      await ack({ response_action: 'errors', errors: { [ids.blocks.pasteInput]: slackText[lang].modal.empty } });
      return;
    }
    await ack();
    const metadata = decodeModalMetadata(view.private_metadata);
    const answer = await answerPaste(deps, { text, userId: body.user.id, client, postedInChannel: false });
    const message = render(deps, answer, { share: true, tracked: answer.tracked });
    if (metadata?.responseUrl) {
      await postToResponseUrl(deps.fetch, metadata.responseUrl, { response_type: 'ephemeral', ...message });
    } else {
      // No response_url (an older modal): the channel it came from, or the user's DM with the bot.
      await client.chat.postEphemeral({ channel: metadata?.channel ?? body.user.id, user: body.user.id, ...message });
    }
  };
}
