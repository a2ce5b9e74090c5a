import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../blocks/home-view.js';
import type { ListenerDeps } from '../../deps.js';

/** The App Home: the tracking dashboard when `deps.home` is given, else how to use certcheck. */
export function createAppHomeOpened(deps: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const lang = await deps.language.forUser(client, event.user);
    const view = deps.home ? await deps.home({ userId: event.user, lang, client }) : homeView(lang);
    await client.views.publish({ user_id: event.user, view });
  };
}
