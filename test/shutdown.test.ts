import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shutdown } from '../src/shutdown.js';

describe('shutdown', () => {
  it('closes the store even when the app fails to stop, and still reports the failure', async () => {
    const done: string[] = [];
    await assert.rejects(
      shutdown({
        reminders: { stop: () => void done.push('reminders') },
        app: { stop: async () => Promise.reject(new Error('socket hang up')) },
        store: { close: () => void done.push('store') },
      }),
      /socket hang up/,
    );
    assert.deepEqual(done, ['reminders', 'store']);
  });

  it('stops reminders, then the app, then closes the store', async () => {
    const done: string[] = [];
    await shutdown({
      reminders: { stop: () => void done.push('reminders') },
      app: { stop: async () => void done.push('app') },
      store: { close: () => void done.push('store') },
    });
    assert.deepEqual(done, ['reminders', 'app', 'store']);
  });
});
