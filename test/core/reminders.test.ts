import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type DueInput,
  dueHorizon,
  duePlanner,
  dueReminders,
  lowestCrossed,
  type ReminderHistory,
  reminderDay,
  stillDue,
} from '../../src/core/reminders.js';
import { at } from '../helpers/clock.js';

const THRESHOLDS = [60, 30, 14, 7, 3, 1, 0];
const T1 = '1'.repeat(40);
const none: ReminderHistory = { lowestThreshold: null, lastDay: null };

function plan(overrides: {
  notAfter: string;
  now: string;
  history?: ReminderHistory;
  snoozedUntil?: string;
  channel?: string;
  defaultChannel?: string;
  timeZone?: string;
  status?: string;
}) {
  const input: DueInput = {
    certificates: [
      {
        thumbprint: T1,
        subject: 'CN=owa.contoso.com',
        notAfter: overrides.notAfter,
        ...(overrides.channel !== undefined && { channel: overrides.channel }),
        ...(overrides.status !== undefined && { status: overrides.status }),
      },
    ],
    history: new Map([[T1, overrides.history ?? none]]),
    snoozedUntil: new Map(overrides.snoozedUntil ? [[T1, overrides.snoozedUntil]] : []),
    thresholds: THRESHOLDS,
    now: at(overrides.now),
    timeZone: overrides.timeZone ?? 'UTC',
    ...(overrides.defaultChannel !== undefined && { defaultChannel: overrides.defaultChannel }),
  };
  return dueReminders(input);
}

describe('dueReminders: one certificate', () => {
  const rows: {
    name: string;
    notAfter: string;
    now: string;
    history?: ReminderHistory;
    snoozedUntil?: string;
    timeZone?: string;
    status?: string;
    want: { threshold: number | null; slot: string; daysLeft: number } | null;
  }[] = [
    { name: 'far from expiry: nothing', notAfter: '2027-06-01T00:00Z', now: '2026-11-28T09:00Z', want: null },
    {
      name: 'just crossed 60 days',
      notAfter: '2027-01-27T09:00Z',
      now: '2026-11-28T09:00Z',
      want: { threshold: 60, slot: 'threshold:60', daysLeft: 60 },
    },
    {
      name: 'tracked at 11 days: only the lowest crossed threshold (14), not 60 and 30',
      notAfter: '2026-12-10T00:00Z',
      now: '2026-11-28T12:00Z',
      want: { threshold: 14, slot: 'threshold:14', daysLeft: 11 },
    },
    {
      name: '14 already sent, still 11 days: nothing new',
      notAfter: '2026-12-10T00:00Z',
      now: '2026-11-29T12:00Z',
      history: { lowestThreshold: 14, lastDay: '2026-11-28' },
      want: null,
    },
    {
      name: '14 sent, runs missed until 2 days left: 3 (lowest newly crossed), not 7',
      notAfter: '2026-12-10T00:00Z',
      now: '2026-12-07T12:00Z',
      history: { lowestThreshold: 14, lastDay: '2026-11-28' },
      want: { threshold: 3, slot: 'threshold:3', daysLeft: 2 },
    },
    {
      name: 'within the last 24 hours: threshold 0',
      notAfter: '2026-12-10T00:00Z',
      now: '2026-12-09T09:00Z',
      history: { lowestThreshold: 1, lastDay: '2026-12-08' },
      want: { threshold: 0, slot: 'threshold:0', daysLeft: 0 },
    },
    {
      name: 'expired: the daily reminder, keyed by the day',
      notAfter: '2026-10-01T08:12Z',
      now: '2026-11-28T09:00Z',
      history: { lowestThreshold: 0, lastDay: '2026-11-27' },
      want: { threshold: null, slot: 'overdue:2026-11-28', daysLeft: -59 },
    },
    {
      name: 'expired and already reminded today: nothing',
      notAfter: '2026-10-01T08:12Z',
      now: '2026-11-28T17:00Z',
      history: { lowestThreshold: null, lastDay: '2026-11-28' },
      want: null,
    },
    {
      name: 'expired, threshold 0 sent this morning, expired at noon: not twice the same day',
      notAfter: '2026-11-28T12:00Z',
      now: '2026-11-28T17:00Z',
      history: { lowestThreshold: 0, lastDay: '2026-11-28' },
      want: null,
    },
    {
      name: 'the day is REMINDER_TZ’s: 23:30 UTC is already the next day in Tokyo',
      notAfter: '2026-10-01T08:12Z',
      now: '2026-11-28T23:30Z',
      timeZone: 'Asia/Tokyo',
      history: { lowestThreshold: null, lastDay: '2026-11-28' },
      want: { threshold: null, slot: 'overdue:2026-11-29', daysLeft: -59 },
    },
    {
      name: 'snoozed: waits',
      notAfter: '2026-12-10T00:00Z',
      now: '2026-11-28T12:00Z',
      snoozedUntil: '2026-11-29T12:00Z',
      want: null,
    },
    {
      name: 'snooze over: the lowest crossed threshold',
      notAfter: '2026-12-10T00:00Z',
      now: '2026-12-05T12:00Z',
      snoozedUntil: '2026-12-05T12:00:00.000Z',
      want: { threshold: 7, slot: 'threshold:7', daysLeft: 4 },
    },
    { name: 'renewed: never', notAfter: '2026-10-01T08:12Z', now: '2026-11-28T09:00Z', status: 'renewed', want: null },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const result = plan({ ...row, channel: 'C0OPS' });
      if (row.want === null) {
        assert.deepEqual(result.due, []);
        return;
      }
      assert.equal(result.due.length, 1);
      const [due] = result.due;
      assert.deepEqual(
        { threshold: due!.threshold, slot: due!.slot, daysLeft: due!.daysLeft, channel: due!.channel },
        { ...row.want, channel: 'C0OPS' },
      );
    });
  }
});

describe('dueReminders: routing and order', () => {
  test('falls back to REMINDER_CHANNEL, and reports what has nowhere to go', () => {
    const routed = plan({ notAfter: '2026-12-10T00:00Z', now: '2026-11-28T12:00Z', defaultChannel: 'C0DEFAULT' });
    assert.equal(routed.due[0]?.channel, 'C0DEFAULT');
    const lost = plan({ notAfter: '2026-12-10T00:00Z', now: '2026-11-28T12:00Z' });
    assert.deepEqual(lost.due, []);
    assert.equal(lost.unrouted[0]?.thumbprint, T1);
  });

  test('snoozed ones are reported as such', () => {
    const result = plan({
      notAfter: '2026-12-10T00:00Z',
      now: '2026-11-28T12:00Z',
      snoozedUntil: '2026-12-01T00:00Z',
      channel: 'C',
    });
    assert.deepEqual(result.snoozed, [T1]);
  });

  test('most urgent first: longest expired, then soonest', () => {
    const cert = (thumbprint: string, notAfter: string) => ({
      thumbprint,
      subject: thumbprint,
      notAfter,
      channel: 'C',
    });
    const result = dueReminders({
      certificates: [
        cert('A'.repeat(40), '2026-12-20T00:00Z'),
        cert('B'.repeat(40), '2026-11-01T00:00Z'),
        cert('C'.repeat(40), '2026-12-01T00:00Z'),
        cert('D'.repeat(40), '2026-10-01T00:00Z'),
      ],
      history: new Map(),
      snoozedUntil: new Map(),
      thresholds: THRESHOLDS,
      now: at('2026-11-28T12:00Z'),
      timeZone: 'UTC',
    });
    assert.deepEqual(
      result.due.map((d) => d.thumbprint[0]),
      ['D', 'B', 'C', 'A'],
    );
  });
});

describe('duePlanner: one certificate at a time, as a store streams them', () => {
  const NOW = at('2026-11-30T09:00:00Z');
  const DAY = 86_400_000;
  const history = fc.record({
    lowestThreshold: fc.option(fc.constantFrom(...THRESHOLDS), { nil: null }),
    lastDay: fc.option(fc.constantFrom('2026-11-29', '2026-11-30', '2026-12-01'), { nil: null }),
  });
  const certificate = fc.record({
    // From 200 days expired to 700 ahead, to the second.
    offset: fc.integer({ min: -200 * 86_400, max: 700 * 86_400 }),
    channel: fc.option(fc.constantFrom('C0OPS', 'C0WEB'), { nil: undefined }),
    history,
    snoozed: fc.boolean(),
  });
  const store = fc.uniqueArray(certificate, { maxLength: 40, selector: (c) => c.offset });
  const thresholds = fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 7 });

  test('decides as dueReminders does, with each certificate bringing its own history, and nothing at or past the horizon is due', () => {
    fc.assert(
      fc.property(store, thresholds, fc.constantFrom('UTC', 'Asia/Tokyo'), (certs, days, timeZone) => {
        const subjects = certs.map((c, i) => ({
          thumbprint: i.toString(16).toUpperCase().padStart(40, '0'),
          subject: `CN=host${i}`,
          notAfter: new Date(NOW.getTime() + c.offset * 1000).toISOString(),
          ...(c.channel !== undefined && { channel: c.channel }),
        }));
        const snoozedUntil = new Map(
          subjects.filter((_, i) => certs[i]!.snoozed).map((s) => [s.thumbprint, '2026-12-31T00:00:00.000Z']),
        );
        const context = { snoozedUntil, thresholds: days, now: NOW, timeZone, defaultChannel: 'C0ALL' };
        const expected = dueReminders({
          ...context,
          certificates: subjects,
          history: new Map(subjects.map((s, i) => [s.thumbprint, certs[i]!.history])),
        });
        const planner = duePlanner(context);
        // Reversed: a store streams in no set order.
        for (let i = subjects.length - 1; i >= 0; i--) planner.consider(subjects[i]!, certs[i]!.history);
        assert.deepEqual(planner.plan(), { ...expected, snoozed: [...expected.snoozed].reverse() });
        const horizon = dueHorizon(NOW, days);
        assert.ok(horizon !== undefined);
        for (const d of [...expected.due, ...expected.unrouted]) assert.ok(d.notAfter < horizon, d.notAfter);
        for (const s of subjects.filter((s) => s.notAfter >= horizon)) {
          assert.ok(Date.parse(s.notAfter) - NOW.getTime() >= (Math.max(-1, ...days) + 1) * DAY);
        }
      }),
    );
  });

  test('the horizon is one day past the highest threshold, or a day from now without thresholds', () => {
    assert.equal(dueHorizon(NOW, THRESHOLDS), '2027-01-31T09:00:00.000Z');
    assert.equal(dueHorizon(NOW, []), '2026-12-01T09:00:00.000Z');
    assert.equal(dueHorizon(NOW, [99_999_999]), undefined, 'past the last date: no bound, and no crash');
  });
});

describe('helpers', () => {
  test('lowestCrossed', () => {
    assert.equal(lowestCrossed(61, THRESHOLDS), null);
    assert.equal(lowestCrossed(60, THRESHOLDS), 60);
    assert.equal(lowestCrossed(8, THRESHOLDS), 14);
    assert.equal(lowestCrossed(0, THRESHOLDS), 0);
  });
  test('stillDue refuses a higher threshold after a lower one, and a second reminder the same day', () => {
    assert.equal(stillDue({ threshold: 7, day: '2026-12-01' }, { lowestThreshold: 3, lastDay: '2026-11-30' }), false);
    assert.equal(stillDue({ threshold: 3, day: '2026-12-01' }, { lowestThreshold: 7, lastDay: '2026-11-30' }), true);
    assert.equal(
      stillDue({ threshold: null, day: '2026-12-01' }, { lowestThreshold: 0, lastDay: '2026-12-01' }),
      false,
    );
  });
  test('reminderDay follows the zone', () => {
    assert.equal(reminderDay(at('2026-11-28T23:30Z'), 'UTC'), '2026-11-28');
    assert.equal(reminderDay(at('2026-11-28T23:30Z'), 'Asia/Tokyo'), '2026-11-29');
    // UTC is read without the zone database: the same day as through it.
    assert.equal(
      reminderDay(at('2026-11-28T23:59:59.999Z'), 'UTC'),
      reminderDay(at('2026-11-28T23:59:59.999Z'), 'Etc/UTC'),
    );
    assert.equal(reminderDay(at('2026-11-29T00:00:00.000Z'), 'UTC'), '2026-11-29');
  });
});
