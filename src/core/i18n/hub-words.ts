import type { ExchangeVersion, Language } from '../model.js';

/**
 * The Edge's other side of a subscription, named for the release: a Hub Transport server on 2007 and
 * 2010, a Mailbox server from 2013 (which has no Hub Transport role); both words when the paste does
 * not show the release.
 */
export interface HubWords {
  /** The role's name before "server": "Mailbox", 「メールボックス」. */
  hubRole: string;
  /** The servers as a subject: "the Mailbox servers", 「メールボックス サーバー」. */
  hubSide: string;
  /** One server of the role, when the paste does not name it: "the Mailbox server". */
  hubServer: string;
}

const WORDS: Record<'old' | 'new' | 'unknown', Record<Language, HubWords>> = {
  old: {
    en: { hubRole: 'Hub Transport', hubSide: 'the Hub Transport servers', hubServer: 'the Hub Transport server' },
    ja: { hubRole: 'ハブ トランスポート', hubSide: 'ハブ トランスポート サーバー', hubServer: 'ハブ トランスポート サーバー' },
  },
  new: {
    en: { hubRole: 'Mailbox', hubSide: 'the Mailbox servers', hubServer: 'the Mailbox server' },
    ja: { hubRole: 'メールボックス', hubSide: 'メールボックス サーバー', hubServer: 'メールボックス サーバー' },
  },
  unknown: {
    en: {
      hubRole: 'Hub Transport (Mailbox)',
      hubSide: 'the Hub Transport (Mailbox) servers',
      hubServer: 'the Hub Transport (Mailbox) server',
    },
    ja: {
      hubRole: 'ハブ トランスポート (メールボックス)',
      hubSide: 'ハブ トランスポート (メールボックス) サーバー',
      hubServer: 'ハブ トランスポート (メールボックス) サーバー',
    },
  },
};

export function hubWords(version: ExchangeVersion, language: Language): HubWords {
  const era = version === '2007' || version === '2010' ? 'old' : version === '2013+' ? 'new' : 'unknown';
  return WORDS[era][language];
}
