import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Findings say what the certificate is and what already happened: an Auth certificate that has
// expired is said to have expired, a STARTTLS certificate is not called the transport certificate,
// and "self-signed is normal" is said for the certificate's own role.

const AUTH_TP = '621BC2412B271278C1C008090C450B0467D6CC44';
const authPaste = (question: string, notAfter: string) => `${question}

[PS] C:\\>Get-AuthConfig | fl *Thumbprint*,*Effective*

CurrentCertificateThumbprint  : ${AUTH_TP}
PreviousCertificateThumbprint :
NextCertificateThumbprint     :
NextCertificateEffectiveDate  :

[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${AUTH_TP} | fl Thumbprint,Issuer,Subject,NotAfter,Services,Status

Thumbprint : ${AUTH_TP}
Issuer     : CN=Microsoft Exchange Server Auth Certificate
Subject    : CN=Microsoft Exchange Server Auth Certificate
NotAfter   : ${notAfter}
Services   : SMTP
Status     : Valid
`;

describe('the Auth finding leads with an expiry that already happened', () => {
  const cases = [
    [
      'en',
      'OWA login loops since last month on EX16-01.',
      '10/19/2026 9:31:00 AM',
      /^The current Auth certificate expired \d+ days ago/,
    ],
    [
      'en',
      'Free/busy broken, EX19-02.',
      '11/27/2026 1:00:00 AM',
      /^The current Auth certificate expired \d+ days? ago/,
    ],
    ['ja', 'EX19-TKY01 で OWA にサインインできません。', '10/29/2026 8:05:00 PM', /^現在の Auth 証明書は .*期限切れ/],
    [
      'en',
      'Is this Auth cert ok? EX16-01',
      '12/20/2026 9:31:00 AM',
      /^No next Auth certificate is staged.*when the current one expires/,
    ],
    [
      'ja',
      'この Auth 証明書は大丈夫ですか? EX19-TKY01',
      '12/20/2026 9:31:00 AM',
      /^次の Auth 証明書が準備されていません/,
    ],
  ] as const;
  for (const [language, question, notAfter, expected] of cases)
    it(`${language}: ${notAfter}`, () => {
      const d = diagnose(authPaste(question, notAfter), { now: REFERENCE_NOW });
      assert.equal(d.language, language);
      const auth = d.findings.find((f) => f.code === 'AUTH_CERT_PROBLEM');
      assert.ok(auth, d.findings.map((f) => f.code).join(' '));
      assert.match(auth.message, expected);
      // An expired one is never said to be still ahead.
      if (!/12\/20/.test(notAfter)) assert.doesNotMatch(auth.message, /when the current one expires|期限が切れても/);
    });
});

const starttls = (fqdn: string, computer: string) => `Log Name:      Application
Source:        MSExchangeTransport
Date:          11/27/2026 11:20:48 PM
Event ID:      12016
Task Category: TransportService
Level:         Error
Computer:      ${computer}
Description:
There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of ${fqdn}. The existing certificate for that FQDN has expired. The continued use of that FQDN will cause mail flow problems. A new certificate that contains the FQDN of ${fqdn} should be installed on this server as soon as possible. You can create a new certificate by using the New-ExchangeCertificate task.
`;

describe('12016 is headlined as the STARTTLS certificate', () => {
  const cases = [
    [
      'en',
      '',
      'mail.fabrikam.com',
      'EDGE2010.dmz.fabrikam.com',
      /^STARTTLS certificate for mail\.fabrikam\.com expired on EDGE2010/,
    ],
    [
      'en',
      'Exchange 2016, what now?\n\n',
      'smtp.contoso.com',
      'EX16-02.corp.contoso.com',
      /^STARTTLS certificate for smtp\.contoso\.com expired/,
    ],
    [
      'ja',
      'このイベントが出ています。\n\n',
      'mail.hokuriku-gas.co.jp',
      'EX13CAS2.hokuriku-gas.local',
      /^EX13CAS2.* で mail\.hokuriku-gas\.co\.jp の STARTTLS 証明書の有効期限が切れています/,
    ],
  ] as const;
  for (const [language, question, fqdn, computer, expected] of cases)
    it(`${language}: ${fqdn}`, () => {
      const d = diagnose(question + starttls(fqdn, computer), { now: REFERENCE_NOW });
      assert.equal(d.language, language);
      assert.ok(d.findings.some((f) => f.code === 'TRANSPORT_CERT_EXPIRED'));
      assert.match(d.summary, expected);
      assert.doesNotMatch(d.summary, /^Transport certificate|トランスポート証明書/);
    });
});

const listing = (subject: string, issuer: string, tp: string) => `Thumbprint : ${tp}
Issuer     : ${issuer}
Subject    : ${subject}
NotAfter   : 3/1/2031 10:00:00 AM
Services   : None
Status     : Valid
`;

describe('"self-signed is normal" is said for the certificate\'s own role', () => {
  const cases = [
    ['en', 'CN=WMSvc-SHA2-EX19-01', /IIS's Management Service/, /internal transport and Auth/],
    ['ja', 'CN=WMSvc-SHA2-EX19-01', /IIS の管理サービス/, /内部トランスポート証明書や Auth/],
    ['en', 'CN=Microsoft Exchange Server Auth Certificate', /normal for the Auth certificate/, /internal transport/],
    ['ja', 'CN=Microsoft Exchange Server Auth Certificate', /Auth 証明書では通常/, /内部トランスポート/],
    ['en', 'CN=Federation', /federation certificate/, /internal transport and Auth/],
  ] as const;
  for (const [language, subject, said, notSaid] of cases)
    it(`${language}: ${subject}`, () => {
      const question = language === 'ja' ? 'この証明書は問題ありませんか?' : 'Is this certificate a problem?';
      const d = diagnose(`${question}\n\n${listing(subject, subject, '3C1A77D0E2B94F6A8D5C1E0B9A7F6E5D4C3B2A19')}`, {
        now: REFERENCE_NOW,
      });
      assert.equal(d.language, language);
      const finding = d.findings.find((f) => f.code === 'SELF_SIGNED');
      assert.ok(finding, d.findings.map((f) => f.code).join(' '));
      assert.match(finding.message, said);
      assert.doesNotMatch(finding.message, notSaid);
    });
});
