import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

// A renewed certificate the paste already shows enabled for SMTP (Services ...WS.. or SMTP) is not
// enabled again before a connector is pointed at it: that only brings up the overwrite prompt. One the
// paste shows without SMTP, or does not show, is enabled first.

const dir = 'test/fixtures/corpus-extra';
const fixture = (prefix: string) => {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, prefix);
  return readFileSync(`${dir}/${name}`, 'utf8');
};
const now = new Date('2026-11-28T12:00:00Z');

const cases: [string, string, string, boolean][] = [
  ['s16: ...WS.. (IIS, SMTP)', fixture('s16-'), '5A4F6932E1DCE9BA53422EB3FAFAF0995ABEE1BC', false],
  [
    's16: ....W... (IIS only)',
    fixture('s16-').replace(
      '5A4F6932E1DCE9BA53422EB3FAFAF0995ABEE1BC ...WS.. ',
      '5A4F6932E1DCE9BA53422EB3FAFAF0995ABEE1BC ...W... ',
    ),
    '5A4F6932E1DCE9BA53422EB3FAFAF0995ABEE1BC',
    true,
  ],
  ['s17 (ja): ...WS..', fixture('s17-'), '441ED0F680B038F69CC8E54566A625C4ADA34129', false],
  [
    's17 (ja): ...W...',
    fixture('s17-').replace(
      '441ED0F680B038F69CC8E54566A625C4ADA34129 ...WS.. ',
      '441ED0F680B038F69CC8E54566A625C4ADA34129 ...W... ',
    ),
    '441ED0F680B038F69CC8E54566A625C4ADA34129',
    true,
  ],
  [
    't15 (ja): the renewed thumbprint only named in prose',
    fixture('t15-'),
    'A1E6D24CAB1B720238AD1607DF681367808090AE',
    true,
  ],
];

describe('SMTP is enabled on the renewed certificate only where the paste does not show it already', () => {
  for (const [name, paste, thumbprint, enabled] of cases)
    it(name, () => {
      const d = diagnose(paste, { now });
      const again = d.steps.filter((s) =>
        new RegExp(`Enable-ExchangeCertificate -Thumbprint ${thumbprint} -Services SMTP`).test(s.command ?? ''),
      );
      assert.equal(again.length > 0, enabled, again.map((s) => s.title).join('\n'));
      // The connector is still pointed at it either way.
      assert.ok(
        d.steps.some(
          (s) => /TlsCertificateName/.test(s.command ?? '') && /Set-(Receive|Send)Connector/.test(s.command ?? ''),
        ),
      );
    });
});
