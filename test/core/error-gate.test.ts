import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { firstErrorLine } from '../../src/core/recognize/error-lines.js';

/**
 * An error line is an error's own record or message: a cmdlet's error record, an exception, a queue's
 * LastError, an SMTP failure code, or what the admin's sentence quotes. The admin's sentence that
 * says "failed" or 「エラー」 is not one. When an error nothing explains is found, it is said beside
 * what the paste's certificates, bindings and settings show, never instead of it.
 */
describe('what counts as an error line', () => {
  const rows: [string, string | undefined][] = [
    [
      'After the reboot tonight OWA shows a blank page and the EMS won\'t connect ("Connecting to remote server ex16-01.fabrikam.local failed"). So this is from a normal PowerShell window:',
      'Connecting to remote server ex16-01.fabrikam.local failed',
    ],
    [
      'Since then cloud->on-prem sits in the EXO queue with "450 4.4.317 Cannot connect to remote server" and message trace mentions the certificate',
      '450 4.4.317 Cannot connect to remote server',
    ],
    ['We renewed the cert and now the HCW failed on the mail flow page.', undefined],
    ['Yesterday the renewal failed, what do I do now?', undefined],
    ['OWA shows an error after login since the renewal', undefined],
    ['Enable-ExchangeCertificate を実行するとエラーになります: 操作を完了できません。', '操作を完了できません。'],
    ['証明書を更新してからエラーが出ます。対処方法を教えてください。', undefined],
    ['複合機で接続すると「証明書の名前が一致しません」と出ます。', undefined],
    ['昨日から OWA で「エラーが発生しました」と表示されます', 'エラーが発生しました'],
    [
      'Import-ExchangeCertificate : Cannot import certificate. The password is wrong.',
      'Import-ExchangeCertificate : Cannot import certificate. The password is wrong.',
    ],
    ['Get-ExchangeCertificate : The term is not recognized', 'Get-ExchangeCertificate : The term is not recognized'],
    ['[PS] C:\\>Get-EventLog Application -EntryType Error -Newest 50', undefined],
    ['Get-WinEvent -LogName Application -MaxEvents 20 | ? LevelDisplayName -eq Error', undefined],
    ['LastError : 451 4.4.0 DNS query failed', 'LastError : 451 4.4.0 DNS query failed'],
    [
      'System.Security.Cryptography.CryptographicException: Keyset does not exist',
      'System.Security.Cryptography.CryptographicException: Keyset does not exist',
    ],
    ['The certificate could not be found in the store.', 'The certificate could not be found in the store.'],
    ['WARNING: This certificate will not be used for external TLS connections', undefined],
    ['レベル : エラー', undefined],
  ];
  for (const [line, want] of rows) it(line.slice(0, 70), () => assert.equal(firstErrorLine(line), want));
});

const now = new Date('2026-11-28T12:00:00Z');
const listing = `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,NotAfter,Services,Status

Thumbprint         : E2FB8016637EAB5E5416D8EB702C3AD415858673
Subject            : CN=mail.fabrikam.com
CertificateDomains : {mail.fabrikam.com, autodiscover.fabrikam.com}
NotAfter           : 3/19/2027 11:59:59 PM
Services           : IIS, SMTP
Status             : Valid
`;
const netsh = `netsh http show sslcert ipport=0.0.0.0:444

    IP:port                      : 0.0.0.0:444
    Certificate Hash             : 51ed1e16aab66da15cf9778e7e8267bb25ace3bf
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My

`;

describe('the unknown-error gate beside what was read', () => {
  it("the admin's prose saying 'failed' beside a clean listing is no unknown error", () => {
    const d = diagnose(`We renewed the cert yesterday and the HCW failed on the mail flow page.\n\n${listing}`, {
      now,
    });
    assert.ok(!d.findings.some((f) => f.code === 'ERROR_NOT_UNDERSTOOD'));
  });
  for (const lang of ['en', 'ja'] as const) {
    it(`a quoted error beside a binding to a removed certificate: the binding is the answer (${lang})`, () => {
      const prose =
        lang === 'ja'
          ? '古い証明書を削除してから、管理シェルで「Connecting to remote server ex16-01 failed」と出ます。\n\n'
          : 'Since I removed the old certificate the EMS says "Connecting to remote server ex16-01 failed".\n\n';
      const d = diagnose(
        prose + netsh + listing.replace('Get-ExchangeCertificate |', 'Get-ExchangeCertificate -Server EX16-01 |'),
        {
          now,
        },
      );
      assert.equal(d.language, lang);
      assert.ok(d.findings.some((f) => f.code === 'SSL_BINDING_BROKEN'));
      assert.ok(!d.findings.some((f) => f.code === 'ERROR_NOT_UNDERSTOOD'));
      assert.ok(d.steps.some((s) => /Exchange Back End/.test(s.command ?? '')));
    });
    it(`an unknown quoted error beside a clean listing is said, without asking again for the listing (${lang})`, () => {
      const prose =
        lang === 'ja'
          ? 'インポートすると「Keyset does not exist の例外で失敗しました」と表示されます。\n\n'
          : 'When I import it I get "The operation failed with Keyset does not exist".\n\n';
      const d = diagnose(prose + listing, { now });
      const error = d.findings.find((f) => f.code === 'ERROR_NOT_UNDERSTOOD');
      assert.ok(error, JSON.stringify(d.findings.map((f) => f.code)));
      assert.match(error.message, /Keyset does not exist/);
      assert.doesNotMatch(error.message, /Get-ExchangeCertificate \| fl/);
      assert.equal(d.certificates.length, 1);
      assert.ok(
        !d.steps.some((s) =>
          /Get-ExchangeCertificate \| ft Thumbprint,Services,NotAfter,Subject/.test(s.command ?? ''),
        ),
      );
    });
  }
});
