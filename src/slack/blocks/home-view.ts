import { slackText } from '../../core/i18n/slack-text.js';
import type { Language } from '../../core/model.js';
import { header, type SlackBlock, section } from './kit.js';

export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
}

/** The App Home until the tracking dashboard (issue 4) replaces it through `deps.home`. */
export function homeView(lang: Language): HomeView {
  const t = slackText[lang];
  return {
    type: 'home',
    blocks: [
      header(t.home.title),
      section(t.home.body),
      section(`🧵 ${t.help.threads}`),
      section(`📎 ${t.help.files}`),
    ],
  };
}
