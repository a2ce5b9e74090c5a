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

describe('shutdown drains', () => {
  it('waits for the reminder run to give its claims back while the app stops, then closes the pools and the ops server', async () => {
    const done: string[] = [];
    let finishRun: () => void = () => {};
    const stopping = shutdown({
      reminders: {
        stop: () => void done.push('stop'),
        drain: () =>
          new Promise<void>((resolve) => {
            finishRun = () => {
              done.push('run drained');
              resolve();
            };
          }),
      },
      app: { stop: async () => void done.push('app') },
      store: { close: () => void done.push('store') },
      pastes: { close: async () => void done.push('pastes') },
      ops: { close: async () => void done.push('ops') },
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(done, ['app'], 'the store stays open while the run still records its post');
    finishRun();
    await stopping;
    assert.deepEqual(done, ['app', 'run drained', 'store', 'pastes', 'ops']);
  });
});
