import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import { diagnose } from '../../src/core/diagnose.js';
import { replyModel } from '../../src/slack/view/reply-model.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

const U04 = fileURLToPath(
  new URL('../fixtures/corpus-extra/u04-se-en-gb-two-servers-renewed-enabled-on-one-only.txt', import.meta.url),
);

/** The certificate list says per server what each copy serves when the servers differ, not one server's list for both. */
describe('certcheck diagnose: services of one certificate on two servers', () => {
  for (const lang of ['en', 'ja']) {
    it(lang, async () => {
      const io = captureIo({ now: REFERENCE_NOW });
      const code = await runCli(['diagnose', '--lang', lang, '--now', REFERENCE_NOW.toISOString(), U04], io);
      assert.equal(code, 0, io.err.join(''));
      const out = io.out.join('');
      assert.match(out, /📍 EXSE01 \(IIS,SMTP\), EXSE02 \(None\) · E391E059B5F283A01DD44DA01C42EBC91460139F\n/);
      // Copies that agree are said once.
      assert.match(out, /📍 EXSE01, EXSE02 · C1264F76B186E5A654B65D38145C80467FD2C0FD · IIS,SMTP\n/);
    });
  }
});

describe('Slack reply: services of one certificate on two servers', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(lang, () => {
      const d = diagnose(readFileSync(U04, 'utf8'), { now: REFERENCE_NOW, lang });
      const model = replyModel(d, { now: REFERENCE_NOW });
      const renewed = model.certificates.find((c) => c.thumbprint === 'E391E059B5F283A01DD44DA01C42EBC91460139F');
      assert.equal(renewed?.details[0], '📍 EXSE01 (IIS,SMTP), EXSE02 (None)');
      assert.ok(!renewed?.details.includes('IIS, SMTP'));
    });
  }
});
