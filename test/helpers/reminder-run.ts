import { DEFAULT_REMINDER_DAYS } from '../../src/config.js';
import { type RunRemindersOptions, runReminders } from '../../src/reminders/runner.js';
import { createSlackNotifier } from '../../src/slack/slack-notifier.js';
import type { Store } from '../../src/store/store.js';
import { FAKE_BOT } from './fake-slack.js';

type Required = Pick<RunRemindersOptions, 'store' | 'notifier' | 'now'>;

/**
 * The options of a reminder run as the bot makes one on its defaults (REMINDER_DAYS, UTC, English,
 * a real run), never waiting on a retry: a test names only what it is about.
 */
export function reminderOptions(options: Required & Partial<RunRemindersOptions>): RunRemindersOptions {
  return {
    thresholds: DEFAULT_REMINDER_DAYS,
    timeZone: 'UTC',
    lang: 'en',
    dryRun: false,
    owner: 'test',
    sleep: async () => {},
    ...options,
  };
}

/** One real reminder run that posts through the Slack notifier to a fake Slack Web API. */
export function runThroughSlack(
  store: Store,
  apiUrl: string,
  now: Date,
  overrides: Partial<RunRemindersOptions> = {},
): ReturnType<typeof runReminders> {
  const notifier = createSlackNotifier({ token: FAKE_BOT.token, apiUrl });
  return runReminders(reminderOptions({ store, notifier, now, ...overrides }));
}
