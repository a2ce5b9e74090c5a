import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { openStore } from '../../src/store/open-store.js';
import { captureIo } from '../helpers/cli-io.js';
import { startDigestSlack } from '../helpers/digest-slack.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { aCertificate } from '../store/store-contract.js';

const dir = tempDir('remind-skipped');

test('two remind runs at the same moment: the one that lost the race says it skipped, in its language, and exits 0', async () => {
  const url = `file:${tempDatabasePath(dir)}`;
  const store = openStore(url);
  await store.track(aCertificate({ notAfter: '2026-12-05T00:00:00.000Z' }));
  await store.track(
    aCertificate({ thumbprint: 'A'.repeat(40), notAfter: '2026-12-06T00:00:00.000Z', channel: 'C0WEB' }),
  );
  await store.close();
  const slack = await startDigestSlack();
  try {
    const run = (lang: string) => {
      const io = captureIo({
        now: new Date('2026-11-30T09:00:00.000Z'),
        env: { DATABASE_URL: url, SLACK_BOT_TOKEN: FAKE_BOT.token, SLACK_API_URL: slack.apiUrl, CERTCHECK_LANG: lang },
      });
      return runCli(['remind'], io).then((code) => ({ code, out: io.out.join(''), err: io.err.join('') }));
    };
    const runs = await Promise.all([run('en'), run('ja')]);
    assert.deepEqual(
      runs.map((r) => r.code),
      [0, 0],
      runs.map((r) => r.err).join(''),
    );
    assert.equal(slack.delivered.length, 2, 'one digest per channel');
    const skipped = runs.find((r) => /skipped|スキップ/.test(r.out));
    assert.ok(skipped, `one run reports the skip:\n${runs.map((r) => r.out).join('\n---\n')}`);
    assert.match(
      skipped.out,
      /2 reminders skipped: another run claimed them at the same time and sends them|2 件のリマインダーをスキップしました/,
    );
  } finally {
    await slack.close();
  }
});
