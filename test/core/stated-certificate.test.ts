import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const TP = '7C3D9E1B5A2F80C46D1E7B3A9F0C52D8E4B6A713';

/** Prose only: the admin's thumbprint, issuer and expiry are evidence, not "only a thumbprint". */
const CASES: { label: string; text: string; lang: 'en' | 'ja'; plan: RegExp; days: number }[] = [
  {
    label: 'Japanese, DigiCert, date and time, two servers',
    lang: 'ja',
    text: `Exchange 2019 CU15（EXJ01 と EXJ02 の 2 台構成）で使っている DigiCert の証明書の有効期限が 2026/12/05 9:00:00 に迫っています。\n拇印は ${TP} で、IIS と SMTP に割り当てています。\n「既定の SMTP 証明書を上書きしますか?」は Y と N のどちらですか。`,
    plan: /-GenerateRequest/,
    days: 6,
  },
  {
    label: 'English, GlobalSign, ISO date',
    lang: 'en',
    text: `Exchange 2016 CU23. Our GlobalSign cert (thumbprint ${TP}) expires on 2026-12-10 and serves IIS and SMTP. What do I run?`,
    plan: /-GenerateRequest/,
    days: 11,
  },
  {
    label: 'Japanese, 年月日',
    lang: 'ja',
    text: `社内 CA の証明書 ${TP} の有効期限は 2026年12月20日 です。更新手順を教えてください。`,
    plan: /-GenerateRequest/,
    days: 21,
  },
];

describe('a certificate the admin describes in prose is diagnosed from what they say', () => {
  for (const { label, text, lang, plan, days } of CASES) {
    it(label, () => {
      const d = diagnose(text, { now: NOW, lang });
      const codes = d.findings.map((f) => f.code);
      assert.ok(!codes.includes('THUMBPRINT_ONLY'), codes.join(','));
      assert.ok(codes.includes('CERT_EXPIRING'), codes.join(','));
      const cert = d.certificates.find((c) => c.thumbprint === TP);
      assert.equal(cert?.daysLeft, days);
      assert.equal(cert?.stated, true);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, plan);
      assert.doesNotMatch(commands, /New-ExchangeCertificate -DomainName|Get-AuthConfig/);
      // The overwrite prompt is answered N for a CA certificate, never Y.
      const titles = d.steps.map((s) => s.title).join('\n');
      assert.match(titles, lang === 'ja' ? /N と答え/ : /answer N/);
      assert.doesNotMatch(titles, lang === 'ja' ? /Y と答え/ : /answer Y/);
    });
  }

  it('a thumbprint with no date is still only a thumbprint', () => {
    const d = diagnose(`What is certificate ${TP}?`, { now: NOW, lang: 'en' });
    assert.ok(d.findings.some((f) => f.code === 'THUMBPRINT_ONLY'));
  });
});
