import type { ButtonArgs, ListenerDeps } from '../../deps.js';
import { storedReply } from './stored-reply.js';

/**
 * **日本語 / English** and **Show all steps**: the same answer again, replacing the original. The
 * button's value carries the language and whether to show every step, so one listener serves both.
 */
export function createRerenderReply(deps: ListenerDeps) {
  return async ({ body, action, ack, respond }: ButtonArgs) => {
    await ack();
    const reply = await storedReply(deps, body, action, respond);
    if (reply) await respond({ replace_original: true, ...(await reply.message()) });
  };
}
