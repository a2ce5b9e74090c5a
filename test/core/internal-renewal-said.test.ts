import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { internalRenewalSaid } from '../../src/core/facts/internal-renewal-said.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The admin's word that the server's own self-signed certificate was already replaced with Y (or
// that 12015 stopped since) decides the plan only together with the listing: one newer valid
// certificate of the same name enabled for SMTP. Then no further certificate is made and no overwrite
// question is asked; the plan confirms the internal transport thumbprint, moves what still uses the
// old certificate (Back End 444) and only then removes it. REFERENCE_NOW is 2026-11-28.

const OLD = '290852A7A086D1630E09EF76C1C624B6867C7989';
const NEW = 'EE990C3F9D3BE95CD760D1D6A2262BB8A3A2615A';
const CA = '6345877F8EB4F2102EE2110AA93886CD1D8013DD';

const table = (
  newRow: boolean,
) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter             Subject
----------                               -------- --------             -------
${newRow ? `${NEW} ....S..  2031/11/27 14:22:05  CN=EXJ19\n` : ''}${CA} ...WS..  2027/10/05 8:59:59   CN=mail.tailspin.co.jp, O=Tailspin Toys Japan, C=JP
${OLD} IP.WS..  2026/11/01 13:40:11  CN=EXJ19
`;

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

describe('the admin says the internal transport certificate was already renewed', () => {
  const said = [
    'EXJ19 (Exchange 2019 CU14) の自己署名証明書が期限切れで 12015 が出ていたので、昨日新しいのを作って SMTP を有効化しました（上書きは Y）。',
    'EXJ19 (Exchange 2019 CU14): 12015 は止まりました。古い証明書を消してもいいですか？',
    'Exchange 2019 CU14, EXJ19: event 12015 said the self-signed cert expired, so I created a new self-signed cert yesterday and answered Y to the overwrite prompt. Can I delete the old one?',
    'Exchange 2019, EXJ19: made a new self-signed certificate, the 12015 warnings stopped. OK to remove the expired one?',
  ];
  for (const prose of said)
    for (const lang of ['en', 'ja'] as const)
      it(`${prose.slice(0, 50)}… (${lang})`, () => {
        assert.equal(internalRenewalSaid(prose), true);
        const d = diagnose(`${prose}\n\n${table(true)}`, { now: REFERENCE_NOW, lang });
        const text = commands(d);
        assert.doesNotMatch(text, /New-ExchangeCertificate/, 'no further certificate');
        assert.match(text, /InternalTransportCertificateThumbprint/, 'the renewal is confirmed first');
        assert.ok(!text.includes(`Remove-ExchangeCertificate -Thumbprint ${NEW}`));
        const removal = text.indexOf(`Remove-ExchangeCertificate -Thumbprint ${OLD}`);
        if (removal >= 0) assert.ok(text.indexOf('InternalTransportCertificateThumbprint') < removal);
      });

  it('without the newer certificate in the listing, the renewal is still planned', () => {
    const d = diagnose(`${said[0]}\n\n${table(false)}`, { now: REFERENCE_NOW });
    assert.match(commands(d), /New-ExchangeCertificate/);
  });

  it('without the admin saying so, the listing alone does not decide it', () => {
    const d = diagnose(`Exchange 2019 CU14, EXJ19: the self-signed certificate expired.\n\n${table(true)}`, {
      now: REFERENCE_NOW,
    });
    assert.ok(!d.steps.some((s) => s.id === 'internal-renewed-said'));
  });

  it('other words are not the admin saying it', () => {
    for (const text of [
      'Should I answer Y or N to the overwrite prompt?',
      '上書きの確認が出ますが、どう答えればいいですか？',
      'Event 12015 keeps coming back every hour.',
    ])
      assert.equal(internalRenewalSaid(text), false, text);
  });
});
