import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis, Step } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// One realistic paste per way a plan went wrong before (English and Japanese), and what an Exchange
// administrator checks in the answer. REFERENCE_NOW is 2026-11-28.

const run = (text: string) => diagnose(text, { now: REFERENCE_NOW });
const at = (d: Diagnosis, id: string) => d.steps.findIndex((s) => s.id === id);
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const prose = (s: Step) => `${s.title} ${s.why ?? ''}`;

const server2016 = `[PS] C:\\>Get-ExchangeServer EXMB07 | fl Name,ServerRole,AdminDisplayVersion

Name                : EXMB07
ServerRole          : Mailbox
AdminDisplayVersion : Version 15.1 (Build 2507.6)
`;

const setupExpiredWithCa = (question: string) => `${question}

${server2016}
[PS] C:\\>Get-ExchangeCertificate | fl Subject,Issuer,CertificateDomains,NotAfter,IsSelfSigned,Services,Status,Thumbprint

Subject            : CN=owa.fabrikam.com, O=Fabrikam, C=US
Issuer             : CN=Sectigo RSA Organization Validation Secure Server CA, O=Sectigo Limited, C=GB
CertificateDomains : {owa.fabrikam.com, autodiscover.fabrikam.com}
NotAfter           : 8/30/2027 11:59:59 PM
IsSelfSigned       : False
Services           : IIS, SMTP
Status             : Valid
Thumbprint         : 0F3C6E1B2A4D5C6B7A8F9E0D1C2B3A4F5E6D7C8B

Subject            : CN=EXMB07
Issuer             : CN=EXMB07
CertificateDomains : {EXMB07, EXMB07.corp.fabrikam.com}
NotAfter           : 11/2/2026 4:10:00 AM
IsSelfSigned       : True
Services           : IMAP, POP, IIS, SMTP
Status             : DateInvalid
Thumbprint         : 9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A0B
`;

describe('1. IIS stays on the CA certificate that serves it', () => {
  for (const [lang, question] of [
    ['en', 'The self-signed Exchange cert on EXMB07 expired. Renew and enable it for everything again?'],
    ['ja', 'EXMB07 の自己署名証明書が期限切れです。前回のように IIS と SMTP を有効にして作り直せばよいですか？'],
  ] as const) {
    it(lang, () => {
      const d = run(setupExpiredWithCa(question));
      assert.equal(d.language, lang);
      assert.doesNotMatch(commands(d), /-Services [A-Z,]*IIS/, 'no IIS onto a new self-signed certificate');
      assert.ok(!d.steps.some((s) => s.id === 'enable-iis-new'));
      assert.ok(!commands(d).includes('Remove-ExchangeCertificate -Thumbprint 0F3C6E1B'), 'the CA certificate stays');
    });
  }
});

describe('2. on 2013 and later, Exchange Back End (444) is rebound before the self-signed certificate goes', () => {
  it('rebinds 444 first, and the removal is the expired certificate', () => {
    const d = run(setupExpiredWithCa('EXMB07: renew the expired self-signed certificate'));
    const rebind = at(d, 'rebind-backend-444');
    const removal = at(d, 'remove-old');
    assert.ok(rebind >= 0 && removal > rebind, `rebind ${rebind}, removal ${removal}`);
    assert.match(d.steps[removal]?.command ?? '', /9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A0B/);
    assert.match(d.steps[rebind]?.command ?? '', /Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444/);
  });
});

const caExpired = `Exchange 2016 CU23, our public certificate expired.

[PS] C:\\>Get-ExchangeCertificate -Thumbprint 5B1E2D3C4A5F6E7D8C9B0A1F2E3D4C5B6A7F8E9D | fl

CertificateDomains : {mail.tokyokogyo.co.jp, autodiscover.tokyokogyo.co.jp}
HasPrivateKey      : True
IsSelfSigned       : False
Issuer             : CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE
NotAfter           : 11/20/2026 11:59:59 PM
NotBefore          : 11/20/2025 12:00:00 AM
Services           : IIS, SMTP
Status             : DateInvalid
Subject            : CN=mail.tokyokogyo.co.jp, O="Tokyo Kogyo Co., Ltd.", L=Chiyoda-ku, S=Tokyo, C=JP
Thumbprint         : 5B1E2D3C4A5F6E7D8C9B0A1F2E3D4C5B6A7F8E9D
`;

describe('3. a CA certificate renews through a request, never as a self-signed copy', () => {
  it('request → CA → import (2016: -FileData ReadAllBytes) → enable, the subject single-quoted', () => {
    const d = run(caExpired);
    const text = commands(d);
    assert.doesNotMatch(text, /\|\s*New-ExchangeCertificate(?![^\n]*-GenerateRequest)/);
    assert.match(
      text,
      /-SubjectName 'CN=mail\.tokyokogyo\.co\.jp, O="Tokyo Kogyo Co\., Ltd\.", L=Chiyoda-ku, S=Tokyo, C=JP'/,
    );
    assert.match(text, /Import-ExchangeCertificate -FileData \(\[System\.IO\.File\]::ReadAllBytes\('/);
    assert.ok(at(d, 'ca-request') < at(d, 'ca-import') && at(d, 'ca-import') < at(d, 'ca-enable'));
  });

  const noIssuer = (subject: string) => `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter,Services

Thumbprint : 5B1E2D3C4A5F6E7D8C9B0A1F2E3D4C5B6A7F8E9D
Subject    : ${subject}
NotAfter   : 11/20/2026 11:59:59 PM
Services   : IIS, SMTP
`;

  it('an unknown issuer is not self-signed: a name clients use is renewed through a request', () => {
    const d = run(noIssuer('CN=mail.tokyokogyo.co.jp'));
    assert.match(commands(d), /New-ExchangeCertificate -GenerateRequest/);
    assert.doesNotMatch(commands(d), /New-ExchangeCertificate(?! -GenerateRequest)/);
  });

  it("the server's own certificate with an unknown issuer: the issuer is shown before anything is made", () => {
    const d = run(noIssuer('CN=EXMB07'));
    const show = at(d, 'show-issuer');
    assert.ok(show >= 0);
    for (const step of d.steps.slice(0, show)) assert.doesNotMatch(step.command ?? '', /New-ExchangeCertificate/);
    const made = d.steps.filter((s) => /New-ExchangeCertificate(?! -GenerateRequest)/.test(s.command ?? ''));
    assert.ok(made.length > 0 && made.every((s) => s.when), 'a self-signed one only under a condition');
  });
});

describe('4. one answer to the overwrite prompt, decided by a fact shown before it', () => {
  it('shows the internal transport certificate first; each outcome answers once', () => {
    const d = run(setupExpiredWithCa('Renew the expired certificate on EXMB07'));
    const show = at(d, 'show-internal-transport');
    const answered = d.steps.filter((s) => /answer [YN]\b/.test(s.title));
    assert.ok(answered.length > 0);
    for (const step of answered) {
      const answers = new Set(step.title.match(/answer ([YN])\b/g));
      assert.equal(answers.size, 1, step.title);
      if (/answer Y/.test(step.title)) assert.ok(show >= 0 && show < d.steps.indexOf(step), 'Y only after the fact');
    }
  });
});

describe("5. KB 953354's own case in real wording, fields empty", () => {
  it('an Exchange 2007 Hub with 12015 and a 12014 whose FQDN is empty: no invented FQDN, 2007 commands', () => {
    const d = run(`Event Type:	Warning
Event Source:	MSExchangeTransport
Event Category:	TransportService
Event ID:	12015
Date:		11/28/2026
Time:		6:02:11 AM
User:		N/A
Computer:	HUB2K7
Description:
An internal transport certificate expired. Thumbprint:6C1B5E2A9D8F7C3B4A5E6D7C8B9A0F1E2D3C4B5A

Event Type:	Error
Event Source:	MSExchangeTransport
Event Category:	TransportService
Event ID:	12014
Date:		11/28/2026
Time:		6:02:11 AM
User:		N/A
Computer:	HUB2K7
Description:
Microsoft Exchange couldn't find a certificate that contains the domain name  in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default HUB2K7 with a FQDN parameter of . If the connector's FQDN is not specified, the computer's FQDN is used.
`);
    assert.equal(d.exchangeVersion, '2007');
    const text = commands(d);
    assert.doesNotMatch(text, /Get-TransportService|-FileData|Get-WinEvent|Get-WebBinding|MSExchangeFrontEndTransport/);
    assert.doesNotMatch(text, /-DomainName (?:in|If|\.)\b/);
    assert.match(text, /Get-ReceiveConnector/);
    assert.match(text, /Get-EventLog Application/);
    for (const step of d.steps) assert.doesNotMatch(prose(step), /<FQDN>|not in the paste/);
  });
});

describe('6. version and role from what the paste shows', () => {
  const event12015 = (computer: string) => `Log Name:      Application
Source:        MSExchangeTransport
Date:          11/28/2026 3:14:00 AM
Event ID:      12015
Task Category: TransportService
Level:         Warning
Computer:      ${computer}
Description:
An internal transport certificate expired. Thumbprint:2B7C4D9E1F0A3B5C6D8E7F9A0B1C2D3E4F5A6B7C
`;
  it('"Exchange 2010 SP3" gives Exchange 2010 commands', () => {
    const d = run(`Exchange 2010 SP3 hub, this keeps appearing:\n\n${event12015('HUB10.contoso.local')}`);
    assert.equal(d.exchangeVersion, '2010');
    assert.match(commands(d), /Get-TransportServer/);
    assert.doesNotMatch(commands(d), /Get-TransportService|ReadAllBytes|MSExchangeFrontEndTransport/);
  });

  it('ServerRole Mailbox is no Edge: no re-subscription', () => {
    const d = run(`${server2016}\n${event12015('EXMB07.corp.fabrikam.com')}`);
    assert.doesNotMatch(commands(d), /New-EdgeSubscription/);
  });

  it('a Japanese Exchange 2007 SP1 paste gets Exchange 2007 commands in Japanese', () => {
    const d = run(`Exchange 2007 SP1 です。ハブ トランスポート サーバー HUB01 に次のイベントが出ます。

イベントの種類:	警告
イベント ソース:	MSExchangeTransport
イベント カテゴリ:	TransportService
イベント ID:	12015
日付:		2026/11/28
時刻:		6:02:11
ユーザー:		N/A
コンピュータ:	HUB01
説明:
内部トランスポート証明書の有効期限が切れています。拇印:3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C
`);
    assert.equal(d.language, 'ja');
    assert.equal(d.exchangeVersion, '2007');
    assert.doesNotMatch(commands(d), /Get-TransportService|-FileData|Get-WinEvent/);
    for (const step of d.steps) assert.doesNotMatch(step.title, /[ァ-ヶー一-龠] [をにでがはと]/, step.title);
  });
});

describe('7. hybrid connectors: only the two the wizard made, SMTP first, each block on its own', () => {
  it('451 5.7.3 after a renewal', () => {
    const d =
      run(`After renewing mail.adatum.com, mail from Exchange Online is stuck (hybrid, Exchange 2019 CU14, EX19A).

450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail] [LastAttemptedServerName=mail.adatum.com]

[PS] C:\\>Get-ExchangeCertificate -Thumbprint 7D3E9F1A2B4C6D8E0F1A3B5C7D9E1F2A4B6C8D0E | fl Subject,Issuer,NotAfter,Services,Thumbprint

Subject    : CN=mail.adatum.com
Issuer     : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter   : 6/8/2027 11:59:59 PM
Services   : IIS
Thumbprint : 7D3E9F1A2B4C6D8E0F1A3B5C7D9E1F2A4B6C8D0E
`);
    const text = commands(d);
    assert.doesNotMatch(text, /\?\s*\{\s*\$_\.TlsCertificateName\s*\}\s*\|\s*Set-(Send|Receive)Connector/);
    assert.match(text, /Set-ReceiveConnector '[^']*Default Frontend/);
    assert.match(text, /Outbound to Office 365/);
    const enable = d.steps.findIndex((s) => /Enable-ExchangeCertificate .*-Services SMTP/.test(s.command ?? ''));
    const pin = d.steps.findIndex((s) => /Set-ReceiveConnector/.test(s.command ?? ''));
    assert.ok(enable >= 0 && enable < pin);
    for (const step of d.steps) {
      const read = [...(step.command ?? '').matchAll(/\$(\w+)/g)]
        .map((m) => m[1])
        .filter((n) => n !== '_' && n !== 'true');
      for (const name of read)
        assert.match(step.command ?? '', new RegExp(`\\$${name}\\s*=`), `$${name} in ${step.id}`);
    }
  });
});

describe('8. the right service restarted', () => {
  it('12014 pasted without its source on Exchange 2016: both transport services', () => {
    const d = run(`${server2016}
Microsoft Exchange could not find a certificate that contains the domain name smtp.fabrikam.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Inbound EXMB07 with a FQDN parameter of smtp.fabrikam.com. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.
`);
    assert.match(commands(d), /Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport/);
  });
});

describe('10. every plan ends with a check, and no sentence shows a placeholder', () => {
  for (const [name, text] of [
    ['setup certificate', setupExpiredWithCa('renew it')],
    ['CA certificate', caExpired],
  ] as const) {
    it(name, () => {
      const d = run(text);
      assert.ok(d.steps.at(-1)?.id?.startsWith('verify-'), d.steps.at(-1)?.id);
      for (const step of d.steps)
        assert.doesNotMatch(prose(step), /<[^<>IS][^<>]*>|not in the paste|貼り付けにありません/);
      for (const finding of d.findings) assert.doesNotMatch(finding.message, /<FQDN>|not in the paste/);
    });
  }

  it('the Auth certificate is not said to carry transport TLS', () => {
    const d = run(`[PS] C:\\>Get-ExchangeCertificate | fl Subject,Issuer,NotAfter,IsSelfSigned,Services,Thumbprint

Subject      : CN=Microsoft Exchange Server Auth Certificate
Issuer       : CN=Microsoft Exchange Server Auth Certificate
NotAfter     : 11/20/2026 9:31:47 PM
IsSelfSigned : True
Services     : SMTP
Thumbprint   : 4A8511AF58B1FED9B5199BC8381ED00D17DB16DD
`);
    assert.ok(!d.findings.some((f) => f.code === 'TRANSPORT_CERT_EXPIRED'));
    assert.match(commands(d), /Set-AuthConfig/);
  });
});
