import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { type Harness, startHarness } from '../helpers/slack-app.js';
import { sendCommand } from '../helpers/slack-request.js';

/** A store whose database went away: every call fails the way pg does on a refused connection. */
function unreachableStore(): Store {
  const down = () =>
    Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
  const store = createMemoryStore();
  return { ...store, list: down, get: down, track: down, untrack: down };
}

describe('tracking while the database is down (real app)', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({ tracking: { store: unreachableStore(), timeZone: 'UTC' } });
  });
  after(() => harness.close());

  test('/certcheck list says tracking is unavailable, not a generic error', async () => {
    await sendCommand(harness.url, { text: 'list', response_url: harness.fake.responseUrl('list') });
    const reply = JSON.stringify(harness.fake.callsTo('response').at(-1)?.params);
    assert.match(reply, /Tracking is unavailable right now: certcheck cannot reach its database/);
  });

  test('a diagnosis is still answered', async () => {
    const res = await sendCommand(harness.url, {
      text: 'event 12015',
      response_url: harness.fake.responseUrl('diag'),
    });
    const reply = res.body !== '' ? res.body : JSON.stringify(harness.fake.callsTo('response').at(-1)?.params);
    assert.match(reply, /12015/);
  });
});
