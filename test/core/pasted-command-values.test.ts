import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { statedFacts } from '../../src/core/facts/stated-facts.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** A value only a command the admin already ran carries is used again in the steps, not a placeholder. */
describe('the mailbox of a pasted Test- command', () => {
  const rows: { text: string; mailbox: string | undefined }[] = [
    {
      text: '[PS] C:\\>Test-OAuthConnectivity -Service EWS -TargetUri https://outlook.office365.com/ews/exchange.asmx -Mailbox taro.yamada@contoso.co.jp | fl',
      mailbox: 'taro.yamada@contoso.co.jp',
    },
    {
      text: "PS> Test-OAuthConnectivity -Service AutoD -TargetUri https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc -Mailbox 'jane.doe@fabrikam.com' -Verbose",
      mailbox: 'jane.doe@fabrikam.com',
    },
    { text: 'Test-OAuthConnectivity -Service EWS -Mailbox "admin@adatum.onmicrosoft.com"', mailbox: 'admin@adatum.onmicrosoft.com' },
    // A placeholder the admin copied from documentation names no mailbox.
    { text: 'Test-OAuthConnectivity -Service EWS -Mailbox <on-premises mailbox>', mailbox: undefined },
    { text: 'Set-Mailbox taro@contoso.co.jp -Type Shared', mailbox: undefined },
  ];
  for (const row of rows)
    it(row.text.slice(0, 70), () => {
      assert.equal(statedFacts(row.text).testMailbox, row.mailbox);
    });
});

function authPaste(prose: string, mailbox: string): string {
  return `${prose}

[PS] C:\\Windows\\system32>Test-OAuthConnectivity -Service EWS -TargetUri https://outlook.office365.com/ews/exchange.asmx -Mailbox ${mailbox} | fl

Task        : Checking EWS API Call Under Oauth
Detail      : Error: System.InvalidOperationException: The certificate with thumbprint CF2F4154AD8A958429FBF8BE637D4C9BCD7F1A63 referenced by the AuthConfig has expired.
ResultType  : Error

[PS] C:\\Windows\\system32>Get-AuthConfig | fl *Thumbprint*,NextCertificateEffectiveDate

CurrentCertificateThumbprint  : CF2F4154AD8A958429FBF8BE637D4C9BCD7F1A63
PreviousCertificateThumbprint :
NextCertificateThumbprint     :
NextCertificateEffectiveDate  :

[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX16-01 | fl Thumbprint,Subject,Issuer,NotAfter,Services,Status

Thumbprint : CF2F4154AD8A958429FBF8BE637D4C9BCD7F1A63
Subject    : CN=Microsoft Exchange Server Auth Certificate
Issuer     : CN=Microsoft Exchange Server Auth Certificate
NotAfter   : 11/9/2026 2:03:22 PM
Services   : SMTP
Status     : DateInvalid
`;
}

describe('the OAuth test after a new Auth certificate runs with the mailbox the admin tested', () => {
  const rows: { lang: 'en' | 'ja'; prose: string; mailbox: string }[] = [
    {
      lang: 'ja',
      prose: 'ハイブリッド構成です（Exchange 2016 CU23、EX16-01）。Test-OAuthConnectivity がエラーになります。',
      mailbox: 'taro.yamada@contoso.co.jp',
    },
    {
      lang: 'en',
      prose: 'We are hybrid (Exchange 2016 CU23, EX16-01). Free/busy from Exchange Online stopped; the OAuth test fails.',
      mailbox: 'jane.doe@fabrikam.com',
    },
    {
      lang: 'en',
      prose: 'Exchange 2019 CU14 hybrid with Office 365, server EX16-01. Test-OAuthConnectivity errors out.',
      mailbox: 'svc-test@contoso.com',
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.mailbox}`, () => {
      const d = diagnose(authPaste(row.prose, row.mailbox), { now: NOW, lang: row.lang });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, new RegExp(`Test-OAuthConnectivity [^\\n]*-Mailbox ${row.mailbox.replace('.', '\\.')}`));
      assert.doesNotMatch(commands, /<on-premises mailbox>|<オンプレミスのメールボックス>/);
      // The admin says the organisation is hybrid: the wizard is re-run, not left behind a condition.
      const hcw = d.steps.find((s) => /Hybrid Configuration Wizard|ハイブリッド構成ウィザード/.test(s.title));
      assert.ok(hcw, 'no Hybrid Configuration Wizard step');
      assert.doesNotMatch(hcw.title, /If an Outbound to Office 365|Outbound to Office 365 コネクタが表示された場合/);
    });
});
