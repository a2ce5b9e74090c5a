import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ids } from '../../src/slack/ids.js';
import { createMemoryPasteStore, type PasteStore } from '../../src/slack/pastes/paste-store.js';
import { fakeDiagnose, PASTE_12015 } from '../helpers/diagnoses.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import { blockActionPayload, sendInteraction } from '../helpers/slack-request.js';

const json = (value: unknown) => JSON.stringify(value);

function buttonValue(message: Record<string, unknown>, actionId: string): string | undefined {
  const match = json(message.blocks).match(new RegExp(`"action_id":"${actionId}","value":"((?:[^"\\\\]|\\\\.)*)"`));
  return match?.[1] === undefined ? undefined : (JSON.parse(`"${match[1]}"`) as string);
}

/** A memory store whose writes wait until released, or fail while `failing` is set. */
function controlledStore() {
  const inner = createMemoryPasteStore();
  let releases: (() => void)[] = [];
  const state = { held: false, failing: false, puts: 0 };
  const store: PasteStore = {
    async put(paste, now, id) {
      state.puts++;
      if (state.failing) throw new Error('database unreachable');
      if (state.held) await new Promise<void>((resolve) => releases.push(resolve));
      return inner.put(paste, now, id);
    },
    get: (id, now) => inner.get(id, now),
    close: () => inner.close(),
  };
  const release = () => {
    for (const r of releases) r();
    releases = [];
  };
  return { store, state, release };
}

async function answerTwice(h: Harness) {
  // The first command asks Slack for the user's locale; the second is answered in the ack.
  await commandReply(h, { text: PASTE_12015 });
  return commandReply(h, { text: PASTE_12015 });
}

describe('the paste behind the buttons is written after the ack', () => {
  it('a slow store does not delay the ack, and the buttons work once the write lands', async () => {
    const { store, state, release } = controlledStore();
    const h = await startHarness({ diagnose: fakeDiagnose(), pastes: store });
    try {
      await commandReply(h, { text: PASTE_12015 });
      state.held = true;
      const started = performance.now();
      const reply = await commandReply(h, { text: PASTE_12015 });
      assert.equal(reply.via, 'ack');
      assert.ok(performance.now() - started < 900, 'the ack did not wait for the write');
      const value = buttonValue(reply.payload, ids.actions.toggleLanguage);
      assert.ok(value, 'the reply has its buttons');
      release();
      state.held = false;
      const payload = blockActionPayload({
        actionId: ids.actions.toggleLanguage,
        value,
        responseUrl: h.fake.responseUrl('ja'),
      });
      assert.equal((await sendInteraction(h.url, payload)).status, 200);
      assert.match(json(h.fake.callsTo('response').at(-1)?.params), /HUB01 のトランスポート証明書が期限切れです/);
    } finally {
      release();
      await h.close();
    }
  });

  it('once a write failed, replies wait for their own write again and show no button that would not work', async () => {
    const { store, state } = controlledStore();
    const h = await startHarness({ diagnose: fakeDiagnose(), pastes: store });
    try {
      state.failing = true;
      await answerTwice(h);
      // The failure is known now: this reply waits for its write, which fails, so it has no buttons.
      const next = await commandReply(h, { text: PASTE_12015 });
      assert.equal(buttonValue(next.payload, ids.actions.toggleLanguage), undefined);
      assert.match(json(next.payload), /Transport certificate expired on HUB01/, 'the answer itself is whole');
      // The database is back: the reply's write succeeds, and the buttons return.
      state.failing = false;
      const back = await commandReply(h, { text: PASTE_12015 });
      assert.ok(buttonValue(back.payload, ids.actions.toggleLanguage));
      assert.ok(h.logs.some((line) => line.includes('paste store unavailable')));
    } finally {
      await h.close();
    }
  });
});
