import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSqlitePasteStore } from '../../src/slack/pastes/sqlite-paste-store.js';
import { ids } from '../../src/slack/ids.js';
import { fakeDiagnose, PASTE_12015 } from '../helpers/diagnoses.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import { commandReply, startHarness } from '../helpers/slack-app.js';
import { blockActionPayload, sendInteraction } from '../helpers/slack-request.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';

const json = (value: unknown) => JSON.stringify(value);

function buttonValue(message: Record<string, unknown>, actionId: string): string {
  const match = json(message.blocks).match(new RegExp(`"action_id":"${actionId}","value":"((?:[^"\\\\]|\\\\.)*)"`));
  assert.ok(match?.[1], `no ${actionId} button`);
  return JSON.parse(`"${match[1]}"`) as string;
}

describe('buttons answered by another process', () => {
  it('after a restart between the reply and the click, 日本語, Show all steps and Share still answer', async () => {
    const fake = await startFakeSlack();
    const path = tempDatabasePath(tempDir('restart'));
    try {
      const first = await startHarness({ fake, diagnose: fakeDiagnose(9), pastes: openSqlitePasteStore(path) });
      const reply = (await commandReply(first, { text: PASTE_12015 })).payload;
      await first.close();
      await first.certcheck.deps.pastes.close();

      // A fresh process: its own app, language cache and connection to the database.
      const pastes = openSqlitePasteStore(path);
      const second = await startHarness({ fake, diagnose: fakeDiagnose(9), pastes });
      try {
        const click = async (actionId: string) => {
          const value = buttonValue(reply, actionId);
          const payload = blockActionPayload({ actionId, value, responseUrl: fake.responseUrl(actionId) });
          assert.equal((await sendInteraction(second.url, payload)).status, 200);
          return fake.callsTo('response').at(-1)?.params ?? {};
        };
        const ja = await click(ids.actions.toggleLanguage);
        assert.match(json(ja), /HUB01 のトランスポート証明書が期限切れです/);
        assert.doesNotMatch(json(ja), /30 分/);
        const all = await click(ids.actions.showAllSteps);
        assert.match(json(all), /# 9"/);
        const shared = await click(ids.actions.shareInChannel);
        assert.equal(shared.response_type, 'in_channel');
        assert.match(json(shared), /Shared by <@U0ADMIN>/);
        assert.deepEqual(fake.violations, []);
      } finally {
        await second.close();
        await pastes.close();
      }
    } finally {
      await fake.close();
    }
  });
});
