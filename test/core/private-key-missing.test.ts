import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis, Language } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A certificate refused for PrivateKeyMissing was installed where its request was not made: the
// request is completed where it was made, the certificate travels with its key, and nothing is
// requested again. English and Japanese error text; the request's server from the admin's words, from
// a PendingRequest listing, or not at all.

const NEW = '5D0C2B7A91E84F36A2C1D0E9F8A7B6C5D4E3F2A1';
const OLD = '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567';

const listing = (
  server: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,HasPrivateKey,NotAfter,Services

Thumbprint    : ${NEW}
Subject       : CN=mail.kita-shoji.co.jp
Issuer        : CN=Cybertrust Japan SureServer CA G4, O="Cybertrust Japan Co., Ltd.", C=JP
HasPrivateKey : False
NotAfter      : 12/20/2027 11:59:59 PM
Services      : None

Thumbprint    : ${OLD}
Subject       : CN=mail.kita-shoji.co.jp
Issuer        : CN=Cybertrust Japan SureServer CA G3, O="Cybertrust Japan Co., Ltd.", C=JP
HasPrivateKey : True
NotAfter      : 12/9/2026 11:59:59 PM
Services      : IIS, SMTP
`;

const english = `Exchange 2019 CU14. I made the request on EXTKY-01 and imported the .cer on EXTKY-02, now enable fails there.

[PS] C:\\>Enable-ExchangeCertificate -Thumbprint ${NEW} -Services IIS,SMTP
The certificate with thumbprint ${NEW} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).
    + FullyQualifiedErrorId : [Server=EXTKY-02,RequestId=1f2e3d4c] [FailureCategory=Cmdlet-CertificateNotValidForExchangeException]

${listing('EXTKY-02')}`;

const japanese = `Exchange 2019 CU14 です。証明書要求は EXTKY-01 で作成し、発行された .cer を EXTKY-02 にインストールしたところ、有効化でエラーになります。

[PS] C:\\>Enable-ExchangeCertificate -Thumbprint ${NEW} -Services IIS,SMTP
拇印 ${NEW} の証明書が見つかりましたが、Exchange Server で使用するには無効です (理由: PrivateKeyMissing)。
    + FullyQualifiedErrorId : [Server=EXTKY-02,RequestId=1f2e3d4c] [FailureCategory=Cmdlet-CertificateNotValidForExchangeException]

${listing('EXTKY-02')}`;

const run = (text: string, lang?: Language) => diagnose(text, { now: REFERENCE_NOW, ...(lang && { lang }) });
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const stepOn = (d: Diagnosis, pattern: RegExp) => d.steps.find((s) => pattern.test(s.command ?? ''))?.server;

describe('a certificate refused for PrivateKeyMissing', () => {
  for (const [lang, text] of [
    ['en', english],
    ['ja', japanese],
  ] as const) {
    it(`${lang}: is recognised and completed where the request was made, then moved with its key`, () => {
      const d = run(text);
      assert.equal(d.language, lang);
      const finding = d.findings.find((f) => f.code === 'PRIVATE_KEY_MISSING');
      assert.equal(finding?.thumbprint, NEW);
      assert.match(finding?.message ?? '', /EXTKY-01/);
      assert.match(finding?.message ?? '', lang === 'en' ? /No new request/ : /新しい要求は不要/);
      assert.equal(stepOn(d, /^Import-ExchangeCertificate .*\.cer/), 'EXTKY-01');
      assert.equal(stepOn(d, /Export-ExchangeCertificate -Thumbprint 5D0C2B7A/), 'EXTKY-01');
      assert.match(commands(d), /Export-ExchangeCertificate[^\n]*-Password/);
      assert.equal(stepOn(d, /^Import-ExchangeCertificate .*\.pfx/), 'EXTKY-02');
      assert.equal(stepOn(d, /Enable-ExchangeCertificate -Thumbprint 5D0C2B7A[^\n]*-Services IIS,SMTP/), 'EXTKY-02');
      assert.doesNotMatch(commands(d), /-GenerateRequest|New-ExchangeCertificate/, 'no new request');
      assert.doesNotMatch(
        commands(d),
        new RegExp(`Remove-ExchangeCertificate -Thumbprint ${OLD}`),
        'the old one stays',
      );
      // The copy without its key goes before the copy with it comes in.
      const removed = d.steps.findIndex((s) => s.command === `Remove-ExchangeCertificate -Thumbprint ${NEW}`);
      const imported = d.steps.findIndex((s) => /\.pfx'\)\) -Password/.test(s.command ?? ''));
      assert.ok(removed >= 0 && removed < imported, `${removed} < ${imported}`);
    });
  }

  it('with the request server unknown: says where in words and runs nothing on a guessed server', () => {
    const unnamed = english.replace(/I made the request on EXTKY-01 and imported/, 'I imported');
    const d = run(unnamed, 'en');
    const complete = d.steps.find((s) => /\.cer/.test(s.command ?? ''));
    assert.equal(complete?.server, undefined);
    assert.match(complete?.title ?? '', /the server that made the request/);
    assert.doesNotMatch(d.steps.map((s) => s.title).join('\n'), /<[^>]*server[^>]*>/i);
  });

  it('takes the request server from a PendingRequest listing of the same name', () => {
    const pending = `${english.replace(/I made the request on EXTKY-01 and imported/, 'I imported')}
[PS] C:\\>Get-ExchangeCertificate -Server EXTKY-03 | fl Thumbprint,Subject,Status

Thumbprint : 7E6D5C4B3A29180F7E6D5C4B3A29180F7E6D5C4B
Subject    : CN=mail.kita-shoji.co.jp
Status     : PendingRequest
`;
    assert.equal(stepOn(run(pending, 'en'), /^Import-ExchangeCertificate .*\.cer/), 'EXTKY-03');
  });
});
