import { privateKeyWarning } from '../../blocks/private-key-warning.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';
import { storedReply } from './stored-reply.js';

/** **Share in channel**: the same answer, posted for everyone, saying who shared it. */
export function createShareInChannel(deps: ListenerDeps) {
  return async ({ body, action, ack, respond }: ButtonArgs) => {
    await ack();
    const reply = await storedReply(deps, body, action, respond);
    if (!reply) return;
    if (reply.paste.privateKey) {
      // The button is never rendered for these; a forged or stale click still gets no public post.
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...privateKeyWarning(reply.value.l, reply.paste.postedInChannel),
      });
      return;
    }
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...(await reply.message({ sharedBy: body.user.id })),
    });
  };
}
