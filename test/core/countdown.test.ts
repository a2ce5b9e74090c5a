import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countdownText, daysLeft, urgency } from '../../src/core/countdown.js';
import { at } from '../helpers/clock.js';

const notAfter = '2026-12-10T00:00:00.000Z';

describe('countdown', () => {
  const rows = [
    {
      now: '2026-11-28T12:00:00Z',
      days: 11,
      en: 'expires in 11 days (10 Dec 2026)',
      ja: '2026/12/10 に期限切れになります (残り 11 日)',
    },
    {
      now: '2026-12-08T12:00:00Z',
      days: 1,
      // daysLeft 1 is 36 hours here: the day after tomorrow by the calendar, so never "tomorrow".
      en: 'expires in 1 day (10 Dec 2026)',
      ja: '2026/12/10 に期限切れになります (残り 1 日)',
    },
    {
      now: '2026-12-09T18:00:00Z',
      days: 0,
      en: 'expires in 6 hours (10 Dec 2026)',
      ja: '2026/12/10 に期限切れになります (残り 6 時間)',
    },
    {
      now: '2026-12-10T05:00:00Z',
      days: -1,
      en: 'expired 5 hours ago (10 Dec 2026)',
      ja: '2026/12/10 に期限切れ (5 時間経過)',
    },
    {
      now: '2027-02-06T12:00:00Z',
      days: -59,
      en: 'expired 59 days ago (10 Dec 2026)',
      ja: '2026/12/10 に期限切れ (59 日経過)',
    },
  ];
  for (const row of rows) {
    it(`at ${row.now}`, () => {
      assert.equal(daysLeft(notAfter, at(row.now)), row.days);
      assert.equal(countdownText(notAfter, at(row.now), 'en'), row.en);
      assert.equal(countdownText(notAfter, at(row.now), 'ja'), row.ja);
    });
  }

  it('bands urgency like the reminders and HealthChecker', () => {
    assert.deepEqual([-1, 0, 7, 8, 30, 31].map(urgency), ['expired', 'critical', 'critical', 'soon', 'soon', 'fine']);
  });
});
