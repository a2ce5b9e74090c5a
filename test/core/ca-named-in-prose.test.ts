import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const MAIL = 'AF8A4CEB8C2DC3D5B6FE9FDA65FE2773C15384C1';
const SELF = '967FCB0C2F84A2A09D8B79EDA11DFA75156F1DEA';

const event = `Log Name:      Application
Source:        MSExchangeFrontEndTransport
Date:          11/28/2026 6:02:41 AM
Event ID:      12018
Level:         Error
Computer:      EX16MBX01.corp.contoso.com
Description:
The STARTTLS certificate will expire soon: subject: mail.contoso.com, thumbprint: ${MAIL}, hours remaining: 305. Run the New-ExchangeCertificate cmdlet to create a new certificate.
`;
const table = (date: string, selfDate: string) => `${event}
[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter               Subject
----------                               -------- --------               -------
${MAIL} ...WS..  ${date} CN=mail.contoso.com, O=Contoso Ltd, C=US
${SELF} IP.WS..  ${selfDate}   CN=EX16MBX01
`;
const EN = table('12/10/2026 11:59:59 PM', '3/14/2029 9:41:07 AM');
const JA = table('2026/12/10 23:59:59   ', '2029/03/14 9:41:07   ');

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  /** The admin's words settle the issuer: no branch on IsSelfSigned, a request to the CA. */
  settled: boolean;
}

/**
 * A certificate the admin says was bought or names the CA of ('our DigiCert cert', 'purchased from
 * GlobalSign', 「GlobalSign の証明書」) is renewed through a request without first asking whether
 * IsSelfSigned is True; without such words, or for the server's own certificate, the plan still asks.
 */
describe('the CA the admin names settles IsSelfSigned', () => {
  const rows: Row[] = [
    { name: 'our DigiCert cert', lang: 'en', settled: true, paste: `Exchange 2016 CU23 on EX16MBX01. Our DigiCert cert for mail.contoso.com runs out next week.\n\n${EN}` },
    { name: 'purchased from GlobalSign', lang: 'en', settled: true, paste: `Exchange 2019 CU14, EX16MBX01. The mail certificate was purchased from GlobalSign and expires soon; what do I run?\n\n${EN}` },
    { name: 'issuer in prose', lang: 'en', settled: true, paste: `EX16MBX01 (Exchange 2016). Issuer of the mail cert is DigiCert Global G2 TLS RSA SHA256 2020 CA1.\n\n${EN}` },
    { name: 'Japanese: GlobalSign の証明書', lang: 'ja', settled: true, paste: `Exchange 2019 CU14 の EX16MBX01 です。GlobalSign の証明書の期限が近いので更新手順を教えてください。\n\n${JA}` },
    { name: 'Japanese: 購入した証明書', lang: 'ja', settled: true, paste: `Exchange 2016 CU23 (EX16MBX01) です。購入した証明書の期限がもうすぐ切れます。どうすればいいですか?\n\n${JA}` },
    { name: 'no word of the issuer', lang: 'en', settled: false, paste: `Exchange 2016 CU23 on EX16MBX01. This cert runs out next week, what do I do?\n\n${EN}` },
    { name: 'Japanese, no word of the issuer', lang: 'ja', settled: false, paste: `Exchange 2016 CU23 の EX16MBX01 です。証明書の期限が近いです。どうすればいいですか?\n\n${JA}` },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW });
      assert.equal(d.language, row.lang);
      const titles = d.steps.map((s) => s.title).join('\n');
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      if (row.settled) {
        assert.doesNotMatch(titles, /IsSelfSigned (is|が) (True|False)/, titles);
        assert.match(commands, /-GenerateRequest/);
        // Never a self-signed copy of a bought certificate.
        assert.doesNotMatch(commands, /New-ExchangeCertificate -DomainName mail\.contoso\.com/);
      } else {
        assert.match(titles, /IsSelfSigned (is|が) False/);
      }
      // The server's own self-signed certificate is never renewed through a CA request.
      assert.doesNotMatch(commands, new RegExp(`${SELF}[^\\n]*-GenerateRequest`));
    });
  }
});
