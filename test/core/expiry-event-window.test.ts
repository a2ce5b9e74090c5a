import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// 12017 and 12018 are Exchange's own expiry warnings, logged only inside Exchange's warning window:
// the certificate they name is expiring even when it has more days left than the reminder threshold
// (warnDays, 30 by default), and the headline says so instead of "nothing needs action".
// REFERENCE_NOW is 2026-11-28.

const CA_TP = '64722767235B56E5F4AA27CA0872A527296D7392';
const SELF_TP = 'FE8303C13ECDD3983A92D147C3E96097EA6806A7';

const table = (rows: string) =>
  `Thumbprint                               Services NotAfter             Subject
----------                               -------- --------             -------
${rows}
`;

const cases = [
  {
    name: '12018 (Error) for a CA certificate with 43 days left, Japanese Event Viewer',
    thumbprint: CA_TP,
    days: 43,
    paste: `ログの名前:         Application
ソース:           MSExchangeFrontEndTransport
イベント ID:       12018
レベル:           エラー
コンピューター:       EXJP19-01.nishiki-shoji.local
説明:
The STARTTLS certificate will expire soon: subject: mail.nishiki-shoji.co.jp, thumbprint: ${CA_TP}, hours remaining: 1055. Run the New-ExchangeCertificate cmdlet to create a new certificate.

${table(`${CA_TP} ...WS..  2027/01/10 8:59:59   CN=mail.nishiki-shoji.co.jp, O=Nishiki Shoji K.K., C=JP`)}`,
  },
  {
    name: '12017 for a self-signed internal transport certificate with 47 days left, English Event Viewer',
    thumbprint: SELF_TP,
    days: 47,
    paste: `Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12017
Level:         Error
Computer:      EDGESE-01.dmz.contoso.co.jp
Description:
An internal transport certificate will expire soon. Thumbprint:${SELF_TP}, hours remaining: 1182

${table(`${SELF_TP} ....S..  1/14/2027 9:14:00 PM  CN=EDGESE-01`)}`,
  },
  {
    name: '12017 alone (Get-WinEvent | fl, no listing) with 1650 hours left',
    thumbprint: 'BDC69B9BEF8FEF3E28CB0D50B670E3CE8EBB97AA',
    days: 68,
    paste: `TimeCreated  : 11/28/2026 6:00:03 AM
ProviderName : MSExchangeTransport
Id           : 12017
Message      : An internal transport certificate will expire soon.
               Thumbprint:BDC69B9BEF8FEF3E28CB0D50B670E3CE8EBB97AA, hours remaining: 1650
`,
  },
];

describe('an expires-soon event (12017, 12018) whose certificate has more days left than warnDays', () => {
  for (const c of cases) {
    for (const lang of ['en', 'ja'] as const) {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang, warnDays: 30 });
      const cert = d.certificates.find((x) => x.thumbprint === c.thumbprint);

      it(`${lang}: ${c.name}: CERT_EXPIRING for the event's certificate`, () => {
        assert.ok(cert?.daysLeft !== undefined && cert.daysLeft > 30, `daysLeft ${cert?.daysLeft}`);
        assert.ok(Math.abs((cert?.daysLeft ?? 0) - c.days) <= 1, `daysLeft ${cert?.daysLeft}, want ${c.days}`);
        const finding = d.findings.find((f) => f.code === 'CERT_EXPIRING' && f.thumbprint === c.thumbprint);
        assert.ok(finding, d.findings.map((f) => f.code).join(','));
        assert.equal(finding.severity, 'warning');
      });

      it(`${lang}: ${c.name}: the headline gives the countdown, never "nothing needs action"`, () => {
        assert.equal(d.severity, 'warning');
        assert.match(d.summary, new RegExp(String(cert?.daysLeft)));
        assert.doesNotMatch(d.summary, /nothing needs|対処が必要なものはありません|✔/);
      });

      it(`${lang}: ${c.name}: one renewal, no second plan for the same certificate`, () => {
        const requests = d.steps.filter((s) => /New-ExchangeCertificate/.test(s.command ?? ''));
        const ids = new Set(requests.map((s) => s.id));
        assert.equal(requests.length, ids.size, requests.map((s) => s.id).join(','));
      });
    }
  }

  it('without an event the same certificate 43 days out stays below the reminder threshold', () => {
    const d = diagnose(
      table(`${CA_TP} ...WS..  2027/01/10 8:59:59   CN=mail.nishiki-shoji.co.jp, O=Nishiki Shoji K.K., C=JP`),
      { now: REFERENCE_NOW, lang: 'en', warnDays: 30 },
    );
    assert.ok(!d.findings.some((f) => f.code === 'CERT_EXPIRING'));
  });
});
