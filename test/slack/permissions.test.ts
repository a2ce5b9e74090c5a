import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ids } from '../../src/slack/ids.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { type Harness, startHarness } from '../helpers/slack-app.js';
import {
  blockActionPayload,
  sendCommand,
  sendEvent,
  sendInteraction,
  viewSubmissionPayload,
} from '../helpers/slack-request.js';
import { aCertificate } from '../store/store-contract.js';

/**
 * Who may change and see what, through the real app: a certificate in a private channel is
 * changed by that channel's members, its owner and admins only; listings show a stranger nothing
 * of it. Each refusal has a control where someone allowed does the same thing and succeeds.
 */

const SECRET = 'A'.repeat(40); // reminds in #secret-ops (private), owned by U0AIKO
const pem = readFileSync(join('test', 'fixtures', 'corpus', 'p03-pem-leaf-expiring-soon.txt'), 'utf8');
const PEM_THUMBPRINT = '896777B6CA9D0066DB7463DB76DA36DD6241D5D5';
const texts = (value: unknown) => JSON.stringify(value);

describe('permissions on tracked certificates (real app, fake Slack directory)', () => {
  let harness: Harness;
  let store: Store;

  before(async () => {
    store = createMemoryStore();
    harness = await startHarness({ tracking: { store, timeZone: 'UTC' } });
  });
  after(async () => {
    await harness.close();
  });
  beforeEach(async () => {
    harness.fake.reset();
    harness.fake.setDirectory({
      admins: ['U0BOSS'],
      members: { C0SECRET: ['U0MEMBER', 'U0CERTBOT'], C0PUBLIC: ['U0STRANGER', 'U0MEMBER'] },
      channels: {
        C0SECRET: { is_private: true, is_member: true },
        C0PUBLIC: { is_private: false, is_member: false },
      },
    });
    await store.track(
      aCertificate({ thumbprint: SECRET, subject: 'CN=secret.contoso.com', channel: 'C0SECRET', owner: 'U0AIKO' }),
    );
  });

  const click = (actionId: string, userId: string, channelId = 'C0PUBLIC') =>
    sendInteraction(
      harness.url,
      blockActionPayload({
        actionId,
        value: JSON.stringify({ t: SECRET, l: 'en' }),
        responseUrl: harness.fake.responseUrl('click'),
        userId,
        channelId,
      }),
    );
  const privateReplies = () => texts(harness.fake.callsTo('response').map((c) => c.params.text));

  for (const [name, actionId] of [
    ['Untrack', ids.actions.untrack],
    ['Snooze 1 day', ids.actions.snooze1d],
    ['Mark renewed', ids.actions.markRenewed],
  ] as const) {
    test(`${name} by a stranger is refused privately, saying who can; nothing changes`, async () => {
      await click(actionId, 'U0STRANGER');
      assert.match(privateReplies(), /only members of <#C0SECRET>, its owner <@U0AIKO>, workspace admins can/);
      assert.equal((await store.get(SECRET))?.status, 'active');
      assert.deepEqual(await store.activeSnoozes('2026-11-28T12:00:00.000Z'), []);
      assert.equal(harness.fake.callsTo('views.open').length, 0, 'no renewal dialog for a stranger');
    });
  }

  for (const who of ['U0MEMBER', 'U0AIKO', 'U0BOSS']) {
    test(`Snooze by ${who} (member, owner, admin) succeeds and is said in the reminder channel`, async () => {
      await click(ids.actions.snooze1d, who);
      const [snooze] = await store.activeSnoozes('2026-11-28T12:00:00.000Z');
      assert.equal(snooze?.by, who);
      const notes = harness.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0SECRET');
      assert.match(texts(notes.map((c) => c.params.text)), new RegExp(`snoozed until .* by <@${who}>`));
      await store.snooze({ thumbprint: SECRET, until: '2026-11-01T00:00:00.000Z', at: '2026-11-01T00:00:00.000Z' });
    });
  }

  test('Untrack by a member succeeds and the channel is told who untracked it', async () => {
    await click(ids.actions.untrack, 'U0MEMBER');
    assert.equal((await store.get(SECRET))?.status, 'untracked');
    const notes = harness.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0SECRET');
    assert.match(texts(notes.map((c) => c.params.text)), /untracked by <@U0MEMBER>/);
  });

  test('Mark renewed submitted by a stranger (a replayed dialog) is refused in the dialog', async () => {
    const metadata = JSON.stringify({ t: SECRET, l: 'en', channel: 'C0PUBLIC' });
    const response = await sendInteraction(
      harness.url,
      viewSubmissionPayload({
        callbackId: ids.views.markRenewed,
        privateMetadata: metadata,
        userId: 'U0STRANGER',
        values: { [ids.blocks.renewal]: { [ids.inputs.renewal]: { type: 'plain_text_input', value: pem } } },
      }),
    );
    assert.match(response.body, /"response_action":"errors"/);
    assert.match(response.body, /only members of #C0SECRET/);
    assert.equal((await store.get(SECRET))?.status, 'active');
    assert.equal(await store.get(PEM_THUMBPRINT), undefined, 'nothing new tracked');
  });

  test('/certcheck untrack from a DM by a stranger is refused; by the owner it works', async () => {
    await sendCommand(harness.url, {
      text: `untrack ${SECRET}`,
      user_id: 'U0STRANGER',
      channel_id: 'D0STRANGER',
      response_url: harness.fake.responseUrl('u1'),
    });
    assert.match(privateReplies(), /You cannot untrack/);
    assert.equal((await store.get(SECRET))?.status, 'active');
    await sendCommand(harness.url, {
      text: `untrack ${SECRET}`,
      user_id: 'U0AIKO',
      channel_id: 'D0AIKO',
      response_url: harness.fake.responseUrl('u2'),
    });
    assert.equal((await store.get(SECRET))?.status, 'untracked');
  });

  test('a membership lookup that fails refuses the change with a clear message (never falls open)', async () => {
    // A channel nobody has asked about yet, so no cached answer stands in for the failed lookup.
    const fresh = 'F'.repeat(40);
    await store.track(aCertificate({ thumbprint: fresh, channel: 'C0FRESH', owner: 'U0AIKO' }));
    harness.fake.fail('conversations.members', { kind: 'error', error: 'ratelimited' });
    await sendInteraction(
      harness.url,
      blockActionPayload({
        actionId: ids.actions.untrack,
        value: JSON.stringify({ t: fresh, l: 'en' }),
        responseUrl: harness.fake.responseUrl('click'),
        userId: 'U0MEMBER',
      }),
    );
    assert.match(privateReplies(), /could not check with Slack/);
    assert.equal((await store.get(fresh))?.status, 'active');
  });

  test('/certcheck list and App Home show a stranger nothing of a private channel; a member sees it', async () => {
    await sendCommand(harness.url, {
      text: 'list',
      user_id: 'U0STRANGER',
      channel_id: 'C0PUBLIC',
      response_url: harness.fake.responseUrl('l1'),
    });
    const strangerList = texts(harness.fake.callsTo('response').at(-1)?.params);
    assert.doesNotMatch(strangerList, /secret\.contoso\.com|C0SECRET|AAAAAAAA/);
    assert.match(strangerList, /tracked in channels you are not in/);
    await sendEvent(harness.url, { type: 'app_home_opened', user: 'U0STRANGER', channel: 'D0X', tab: 'home' });
    const strangerHome = texts(harness.fake.callsTo('views.publish').at(-1)?.params.view);
    assert.doesNotMatch(strangerHome, /secret\.contoso\.com|C0SECRET/);

    await sendCommand(harness.url, {
      text: 'list',
      user_id: 'U0MEMBER',
      channel_id: 'C0PUBLIC',
      response_url: harness.fake.responseUrl('l2'),
    });
    assert.match(texts(harness.fake.callsTo('response').at(-1)?.params), /secret\.contoso\.com/);
    await sendEvent(harness.url, { type: 'app_home_opened', user: 'U0BOSS', channel: 'D0Y', tab: 'home' });
    assert.match(texts(harness.fake.callsTo('views.publish').at(-1)?.params.view), /secret\.contoso\.com/);
  });

  test("a tracked thumbprint's lookup tells its channel and owner only to those who may see it", async () => {
    const ask = async (userId: string) => {
      const before = harness.fake.callsTo('response').length;
      const res = await sendCommand(harness.url, {
        text: SECRET,
        user_id: userId,
        channel_id: 'C0PUBLIC',
        response_url: harness.fake.responseUrl(`t-${userId}`),
      });
      return res.body !== '' ? res.body : texts(harness.fake.callsTo('response')[before]?.params);
    };
    const stranger = await ask('U0STRANGER');
    assert.doesNotMatch(stranger, /C0SECRET|U0AIKO/);
    assert.match(await ask('U0MEMBER'), /C0SECRET/);
  });

  test('Track into a private channel the user is not in is refused in the dialog; a member may', async () => {
    const metadata = (origin: string) =>
      JSON.stringify({
        v: { l: 'en', certs: [{ thumbprint: PEM_THUMBPRINT, subject: 'CN=owa', domains: [], notAfter: '2026-12-10' }] },
        origin,
      });
    const submit = (userId: string) =>
      sendInteraction(
        harness.url,
        viewSubmissionPayload({
          callbackId: ids.views.track,
          privateMetadata: metadata('C0PUBLIC'),
          userId,
          values: {
            [ids.blocks.trackChannel]: {
              [ids.inputs.trackChannel]: { type: 'conversations_select', value: null, selected_conversation: 'C0SECRET' },
            } as never,
          },
        }),
      );
    const refused = await submit('U0STRANGER');
    assert.match(refused.body, /"response_action":"errors"/);
    assert.match(refused.body, /not in #C0SECRET/);
    assert.equal(await store.get(PEM_THUMBPRINT), undefined);
    const allowed = await submit('U0MEMBER');
    assert.doesNotMatch(allowed.body, /errors/);
    const tracked = await store.get(PEM_THUMBPRINT);
    assert.equal(tracked?.channel, 'C0SECRET');
    assert.equal(tracked?.owner, 'U0MEMBER', 'whoever tracks it owns it');
    await store.untrack(PEM_THUMBPRINT, 'test', '2026-11-28T12:00:00.000Z');
  });
});
