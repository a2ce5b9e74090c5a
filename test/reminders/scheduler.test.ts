import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextReminderRun, startReminderScheduler } from '../../src/reminders/scheduler.js';
import { at } from '../helpers/clock.js';

test('REMINDER_CRON is read in REMINDER_TZ: weekdays 09:00 Tokyo after a Friday evening is Monday 00:00 UTC', () => {
  const next = nextReminderRun('0 9 * * 1-5', 'Asia/Tokyo', at('2026-11-27T12:00:00Z'));
  assert.equal(next?.toISOString(), '2026-11-30T00:00:00.000Z');
  assert.equal(
    nextReminderRun('0 9 * * 1-5', 'UTC', at('2026-11-30T08:59:00Z'))?.toISOString(),
    '2026-11-30T09:00:00.000Z',
  );
});

test('runs never overlap: a trigger during a run is refused, and the run gets the clock and the next run', async () => {
  const calls: [string, string | undefined][] = [];
  let finish: () => void = () => {};
  const scheduler = startReminderScheduler({
    cron: '0 9 * * 1-5',
    timeZone: 'UTC',
    clock: () => at('2026-11-30T08:00:00Z'),
    run: (now, nextRun) => {
      calls.push([now.toISOString(), nextRun?.toISOString()]);
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    },
  });
  try {
    const first = scheduler.trigger();
    assert.equal(await scheduler.trigger(), false, 'second trigger while the first runs');
    finish();
    assert.equal(await first, true);
    assert.deepEqual(calls, [['2026-11-30T08:00:00.000Z', '2026-11-30T09:00:00.000Z']]);
    assert.equal(scheduler.nextRun()?.toISOString(), '2026-11-30T09:00:00.000Z');
  } finally {
    scheduler.stop();
  }
});

test('a failing run is reported and does not stop the schedule', async () => {
  const errors: unknown[] = [];
  const scheduler = startReminderScheduler({
    cron: '0 9 * * *',
    timeZone: 'UTC',
    clock: () => at('2026-11-30T08:00:00Z'),
    run: async () => {
      throw new Error('database locked');
    },
    onError: (error) => errors.push(error),
  });
  try {
    assert.equal(await scheduler.trigger(), true);
    assert.equal(await scheduler.trigger(), true);
    assert.equal(errors.length, 2);
  } finally {
    scheduler.stop();
  }
});

test('drain: no new runs, the current run is told to stop and awaited', async () => {
  let signalled: AbortSignal | undefined;
  let finished = false;
  const scheduler = startReminderScheduler({
    cron: '0 9 * * *',
    timeZone: 'UTC',
    clock: () => at('2026-11-30T08:00:00Z'),
    run: (_now, _next, signal) => {
      signalled = signal;
      return new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          finished = true;
          resolve();
        });
      });
    },
  });
  const running = scheduler.trigger();
  await scheduler.drain();
  assert.equal(signalled?.aborted, true);
  assert.equal(finished, true, 'drain resolved only after the run ended');
  assert.equal(await running, true);
  assert.equal(await scheduler.trigger(), false, 'no run after the drain');
});
