import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Outlook's "name on the security certificate is invalid" alert: without certificate data, the plan
// shows what the name presents and asks for the listing, changing nothing; with the certificate that
// serves IIS in the paste, it requests one that carries the name too. English and Japanese.

const run = (text: string) => diagnose(text, { now: REFERENCE_NOW });
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const mismatch = (d: Diagnosis) => d.findings.find((f) => f.code === 'DOMAIN_MISMATCH');

const englishProxy = `Exchange 2013 CU23, server is EX13-CAS1. Outlook from home:

There is a problem with the proxy server's security certificate. The name on the security certificate is invalid or does not match the name of the target site owa.fabrikam.net.

Outlook is unable to connect to the proxy server. (Error Code 10)`;

const japaneseProxy = `Exchange 2013 CU23 です。サーバーは EX13-CAS1 です。社外から Outlook を使うと次のエラーになります。

プロキシ サーバーのセキュリティ証明書に問題があります。セキュリティ証明書の名前が無効であるか、対象サイト owa.fabrikam.net の名前と一致しません。

Outlook はプロキシ サーバーに接続できません。(エラー コード 10)`;

const listing = `
[PS] C:\\>Get-ExchangeCertificate -Server EX13-CAS1 | fl Thumbprint,Services,Subject,CertificateDomains,NotAfter,Issuer

Thumbprint         : 6C1D0E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D
Services           : IIS, SMTP
Subject            : CN=mail.fabrikam.net
CertificateDomains : {mail.fabrikam.net, autodiscover.fabrikam.net}
NotAfter           : 10/30/2027 11:59:59 PM
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
`;

describe("Outlook's certificate name alert", () => {
  for (const [lang, text] of [
    ['en', englishProxy],
    ['ja', japaneseProxy],
  ] as const) {
    it(`${lang}: without certificate data, shows and asks; changes nothing`, () => {
      const d = run(text);
      assert.equal(d.language, lang);
      assert.match(mismatch(d)?.message ?? '', /owa\.fabrikam\.net/);
      assert.match(commands(d), /certcheck probe owa\.fabrikam\.net:443/);
      assert.match(commands(d), /Get-ExchangeCertificate \| fl/);
      assert.match(commands(d), /Get-OutlookAnywhere/, 'error 10 asks for the names Outlook Anywhere publishes');
      assert.doesNotMatch(commands(d), /New-ExchangeCertificate|Enable-ExchangeCertificate|Remove-ExchangeCertificate/);
      assert.equal(d.steps.find((s) => /Get-OutlookAnywhere/.test(s.command ?? ''))?.server, 'EX13-CAS1');
    });

    it(`${lang}: with the IIS certificate pasted, requests one that carries the name as well`, () => {
      const d = run(`${text}\n${listing}`);
      assert.equal(mismatch(d)?.thumbprint, '6C1D0E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D');
      assert.match(
        commands(d),
        /-GenerateRequest -SubjectName 'CN=mail\.fabrikam\.net' -DomainName mail\.fabrikam\.net,autodiscover\.fabrikam\.net,owa\.fabrikam\.net /,
      );
      assert.match(commands(d), /Enable-ExchangeCertificate -Thumbprint <[^>]+> -Services IIS,SMTP/);
      assert.doesNotMatch(commands(d), /Remove-ExchangeCertificate/, 'the certificate serving now stays');
    });
  }

  it('a browser alert that names no site still gets a finding, without an invented name', () => {
    const d = run('The name on the security certificate is invalid or does not match the name of the site');
    assert.ok(mismatch(d));
    assert.doesNotMatch(mismatch(d)?.message ?? '', /undefined|<|>/);
  });
});

// The alert names an internal name (.local): no public CA issues it, so Outlook is pointed at a name
// the certificate carries (the service connection point), with the cmdlet of the release shown.
const internalAlert = (question: string) => `${question}

The name on the security certificate is invalid or does not match the name of the site
ex16-02.corp.fabrikam.local
${listing}`;

describe('an Outlook alert for an internal name', () => {
  for (const [lang, question, cmdlet] of [
    [
      'en',
      'Exchange 2016 CU23, server EX13-CAS1. Inside the office Outlook warns every morning:',
      'Set-ClientAccessService',
    ],
    [
      'ja',
      'Exchange 2013 CU23 です。サーバーは EX13-CAS1 です。社内の Outlook で毎朝警告が出ます。',
      'Set-ClientAccessServer',
    ],
  ] as const) {
    it(lang, () => {
      const d = run(internalAlert(question));
      assert.equal(d.language, lang);
      assert.match(mismatch(d)?.message ?? '', /ex16-02\.corp\.fabrikam\.local/);
      assert.doesNotMatch(commands(d), /-GenerateRequest|Enable-ExchangeCertificate|Remove-ExchangeCertificate/);
      const scp = d.steps.find((s) => /AutoDiscoverServiceInternalUri/.test(s.title));
      assert.match(scp?.title ?? '', /autodiscover\.fabrikam\.net/);
      // The command sets it with the release's own cmdlet, and the EWS and OAB URLs beside it.
      const command = scp?.command ?? '';
      assert.ok(
        command.includes(
          `${cmdlet} -Identity EX13-CAS1 -AutoDiscoverServiceInternalUri 'https://autodiscover.fabrikam.net/Autodiscover/Autodiscover.xml'`,
        ),
        command,
      );
      assert.match(
        command,
        /Set-WebServicesVirtualDirectory -InternalUrl 'https:\/\/autodiscover\.fabrikam\.net\/EWS\/Exchange\.asmx'/,
      );
    });
  }
});
