import type { Logger } from '@slack/bolt';
import type { WebClient } from './deps.js';
import { describeError } from './describe-error.js';
import type { Language } from '../core/model.js';

/**
 * The reply language when the paste does not decide it: the user's Slack locale (users.info with
 * include_locale, looked up once per user), else the configured default.
 */
export interface LanguageResolver {
  forUser(client: WebClient, userId: string): Promise<Language>;
  /** Without a lookup: for error messages, which must not wait on Slack. */
  cached(userId: string | undefined): Language;
  /** The language is known without asking Slack (the locale was looked up before). */
  known(userId: string): boolean;
}

function localeToLanguage(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  if (/^ja\b/i.test(locale)) return 'ja';
  if (/^en\b/i.test(locale)) return 'en';
  return undefined;
}

export function createLanguageResolver(defaultLanguage: Language, logger: Logger, maxUsers = 5000): LanguageResolver {
  const byUser = new Map<string, Language | undefined>();
  return {
    async forUser(client, userId) {
      if (byUser.has(userId)) return byUser.get(userId) ?? defaultLanguage;
      let language: Language | undefined;
      try {
        const info = await client.users.info({ user: userId, include_locale: true });
        language = localeToLanguage(info.user?.locale);
      } catch (error) {
        // A missing scope or a hiccup must not cost the user their answer: use the default, retry next time.
        logger.warn(`users.info failed; replying in ${defaultLanguage}: ${describeError(error)}`);
        return defaultLanguage;
      }
      if (byUser.size >= maxUsers) byUser.clear();
      byUser.set(userId, language);
      return language ?? defaultLanguage;
    },
    known: (userId) => byUser.has(userId),
    cached: (userId) => (userId && byUser.get(userId)) || defaultLanguage,
  };
}
