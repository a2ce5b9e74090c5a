import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { homeFor } from '../tracking/refresh.js';

/** The App Home: the tracking dashboard, with how to use certcheck under it. */
export function createAppHomeOpened(deps: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const lang = await deps.language.forUser(client, event.user);
    const view = await homeFor(deps, client, event.user, lang);
    await client.views.publish({ user_id: event.user, view });
  };
}
