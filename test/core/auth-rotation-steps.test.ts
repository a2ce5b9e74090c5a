import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A planned Auth rotation (the new certificate effective 48 hours ahead) publishes once the effective
// date has passed and clears the previous certificate as its own, later step; only an Auth certificate
// that is already broken is made current, published and cleared at once.

const TP = '88B679CC3806A73F84692ED98BF3F764D3C2C1C9';
const paste = (question: string, notAfter: string) => `${question}

[PS] C:\\>Get-AuthConfig | fl CurrentCertificateThumbprint,NextCertificateThumbprint,PreviousCertificateThumbprint

CurrentCertificateThumbprint  : ${TP}
NextCertificateThumbprint     :
PreviousCertificateThumbprint :

[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${TP} | fl Thumbprint,Issuer,Subject,NotAfter,Services

Thumbprint : ${TP}
Issuer     : CN=Microsoft Exchange Server Auth Certificate
Subject    : CN=Microsoft Exchange Server Auth Certificate
NotAfter   : ${notAfter}
Services   : SMTP

[PS] C:\\>Get-ExchangeServer EXHC01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EXHC01
ServerRole          : Mailbox
AdminDisplayVersion : Version 15.2 (Build 1544.4)
`;

const planned = [
  ['en', 'Our Auth certificate expires in a few weeks, how do we rotate it?', '12/16/2026 11:02:00 AM'],
  ['ja', 'Auth 証明書の期限が近いです。切り替え手順を教えてください。', '12/16/2026 11:02:00 AM'],
  ['en', 'Auth cert expires next month on EXHC01.', '1/20/2027 11:02:00 AM'],
] as const;

const index = (d: ReturnType<typeof diagnose>, re: RegExp) => d.steps.findIndex((s) => re.test(s.command ?? ''));

describe('a planned Auth rotation publishes and clears in separate steps', () => {
  for (const [language, question, notAfter] of planned)
    it(`${language}: ${notAfter}`, () => {
      const d = diagnose(paste(question, notAfter), { now: REFERENCE_NOW });
      assert.equal(d.language, language);
      const stage = index(d, /-NewCertificateEffectiveDate \(Get-Date\)\.AddHours\(48\)/);
      const publish = index(d, /Set-AuthConfig -PublishCertificate/);
      const clear = index(d, /Set-AuthConfig -ClearPreviousCertificate/);
      assert.ok(stage >= 0 && publish > stage && clear > publish, `${stage} ${publish} ${clear}`);
      assert.doesNotMatch(d.steps[publish]?.command ?? '', /ClearPreviousCertificate/);
      // The check that the new one is current comes before the previous one is cleared.
      const current = d.steps.findIndex((s) => /CurrentCertificateThumbprint/.test(s.command ?? ''));
      assert.ok(current > publish && current < clear);
    });
  it('an expired Auth certificate is still replaced at once', () => {
    const d = diagnose(paste('OWA login loops on EXHC01.', '11/01/2026 11:02:00 AM'), { now: REFERENCE_NOW });
    assert.ok(index(d, /-NewCertificateEffectiveDate \(Get-Date\)\r?\n/) >= 0 || index(d, /\(Get-Date\)$/m) >= 0);
    assert.equal(index(d, /AddHours\(48\)/), -1);
  });
});
