import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { recognize } from '../../src/core/recognize/index.js';

/**
 * Settings held against the certificates the same paste lists: an HTTPS binding (netsh, in English
 * or Japanese, with or without its prompt) to a certificate the store no longer holds; IMAP/POP's
 * X509CertificateName picking a certificate without the names clients use; Exchange Online's hybrid
 * connectors expecting a name the on-premises certificate does not carry.
 */
const now = new Date('2026-11-28T12:00:00Z');
const fixture = (name: string) => readFileSync(new URL(`./fixtures-settings/${name}`, import.meta.url), 'utf8');
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const codes = (d: Diagnosis) => d.findings.map((f) => f.code);

const GONE = '51ED1E16AAB66DA15CF9778E7E8267BB25ACE3BF';
const OWN = '3619006EF4A3AB42674C88A08814FDEE2133F97D';

const netshEn = (prompt: boolean) =>
  `${prompt ? 'PS C:\\Users\\admin> ' : ''}netsh http show sslcert

SSL Certificate bindings:
-------------------------

    IP:port                      : 0.0.0.0:443
    Certificate Hash             : e2fb8016637eab5e5416d8eb702c3ad415858673
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My
    Verify Client Certificate Revocation : Enabled

    IP:port                      : 0.0.0.0:444
    Certificate Hash             : ${GONE.toLowerCase()}
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My
    Verify Client Certificate Revocation : Enabled

`;
const storeTable = `PS C:\\Users\\admin> Get-ChildItem Cert:\\LocalMachine\\My | ft Thumbprint,NotAfter,Subject -AutoSize

Thumbprint                               NotAfter               Subject
----------                               --------               -------
E2FB8016637EAB5E5416D8EB702C3AD415858673 3/19/2027 11:59:59 PM  CN=mail.fabrikam.com, O=Fabrikam Inc, C=US
${OWN} 11/26/2031 10:14:22 PM CN=EX16-01
76C90E032D2757C2D2B9CC647A0009826FC90874 5/2/2030 7:40:11 AM    CN=Microsoft Exchange Server Auth Certificate
`;
const storeList = `dir Cert:\\LocalMachine\\My | fl Subject,Thumbprint,NotAfter,FriendlyName,HasPrivateKey

Subject       : CN=mail.fabrikam.com, O=Fabrikam Inc, C=US
Thumbprint    : E2FB8016637EAB5E5416D8EB702C3AD415858673
NotAfter      : 3/19/2027 11:59:59 PM
FriendlyName  : mail.fabrikam.com 2026
HasPrivateKey : True

Subject       : CN=EX16-01
Thumbprint    : ${OWN}
NotAfter      : 11/26/2031 10:14:22 PM
FriendlyName  : Microsoft Exchange
HasPrivateKey : True
`;
const netshJa = `PS C:\\Windows\\system32> netsh http show sslcert

SSL 証明書バインド:
-------------------------

    IP:ポート                    : 0.0.0.0:444
    証明書ハッシュ               : ${GONE.toLowerCase()}
    アプリケーション ID          : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    証明書ストア名               : My

`;
const prose =
  'Exchange 2016 CU23. Yesterday I removed the old expired CN=EX16-01 certificate (thumbprint ' +
  `${GONE}). Now OWA shows a blank page and ECP gives HTTP 500.\n\n`;

describe('an HTTPS binding to a certificate the store does not hold', () => {
  const cases: { name: string; paste: string; lang: 'en' | 'ja'; own: boolean }[] = [
    { name: 'netsh with its prompt and a store table', paste: netshEn(true) + storeTable, lang: 'en', own: true },
    { name: 'netsh without a prompt and a store list', paste: netshEn(false) + storeList, lang: 'en', own: true },
    { name: 'the admin’s prose first', paste: prose + netshEn(true) + storeTable, lang: 'en', own: true },
    {
      name: 'Japanese netsh and a table without dates',
      paste: netshJa + fixture('store-ja.txt'),
      lang: 'ja',
      own: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now });
      assert.equal(d.language, c.lang);
      const broken = d.findings.find((f) => f.code === 'SSL_BINDING_BROKEN');
      assert.ok(broken, JSON.stringify(codes(d)));
      assert.equal(broken.thumbprint, GONE);
      assert.match(
        broken.message,
        c.lang === 'ja' ? /Exchange Back End .*444/ : /Exchange Back End \(0\.0\.0\.0:444\)/,
      );
      assert.ok(!codes(d).includes('ERROR_NOT_UNDERSTOOD'));
      const cmd = commands(d);
      assert.match(cmd, /Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444/);
      if (c.own) assert.match(cmd, new RegExp(`AddSslCertificate\\('${OWN}'`));
      assert.doesNotMatch(cmd, /Remove-ExchangeCertificate|-Services IIS/);
      assert.doesNotMatch(d.summary, /none needs attention|対処が必要なものはありません/);
    });
  }
  it('HttpEvent 15021 on the same endpoint gives one finding, not two', () => {
    const event =
      'Log Name: System\nSource: Microsoft-Windows-HttpEvent\nEvent ID: 15021\nLevel: Error\nComputer: EX16-01.fabrikam.local\nDescription:\nAn error occurred while using SSL configuration for endpoint 0.0.0.0:444.  The error status code is contained within the returned data.\n\n';
    const d = diagnose(event + netshEn(true) + storeTable, { now });
    assert.equal(codes(d).filter((c) => c === 'SSL_BINDING_BROKEN').length, 1, JSON.stringify(codes(d)));
  });
  for (const prompt of [true, false]) {
    it(`netsh alone (${prompt ? 'with' : 'without'} its prompt) asks for the store, not about each hash`, () => {
      const d = diagnose(netshEn(prompt), { now });
      assert.equal(d.findings.filter((f) => f.code === 'THUMBPRINT_ONLY').length, 1, JSON.stringify(d.findings));
      assert.match(d.findings[0]?.message ?? '', /0\.0\.0\.0:444 → 51ED/);
      assert.match(commands(d), /Get-ChildItem Cert:\\LocalMachine\\My \| ft Thumbprint,NotAfter,Subject/);
      assert.doesNotMatch(commands(d), /Get-ExchangeCertificate -Thumbprint/);
    });
  }
  for (const lang of ['en', 'ja'] as const) {
    it(`the Default Web Site bound to a removed certificate: the CA certificate of the listing takes 443 (${lang})`, () => {
      const paste = netshEn(true)
        .replace('e2fb8016637eab5e5416d8eb702c3ad415858673', 'aaaa8016637eab5e5416d8eb702c3ad415858673')
        .replace(GONE.toLowerCase(), OWN.toLowerCase());
      const d = diagnose(paste + storeTable, { now, lang });
      const broken = d.findings.find((f) => f.code === 'SSL_BINDING_BROKEN');
      assert.ok(broken);
      assert.match(broken.message, /Default Web Site \(0\.0\.0\.0:443\)/);
      assert.match(
        commands(d),
        /Enable-ExchangeCertificate -Thumbprint E2FB8016637EAB5E5416D8EB702C3AD415858673 -Services IIS/,
      );
      assert.doesNotMatch(commands(d), new RegExp(`${OWN} -Services IIS`));
    });
  }
  it('a binding whose certificate the store holds is not broken', () => {
    const paste = netshEn(true).replace(GONE.toLowerCase(), OWN.toLowerCase()) + storeTable;
    assert.ok(!codes(diagnose(paste, { now })).includes('SSL_BINDING_BROKEN'));
  });
  it('one certificate shown by thumbprint says nothing about the rest of the store', () => {
    const one = `Get-ExchangeCertificate -Thumbprint ${OWN} | fl Thumbprint,Subject,NotAfter\n\nThumbprint : ${OWN}\nSubject    : CN=EX16-01\nNotAfter   : 11/26/2031 10:14:22 PM\n`;
    assert.ok(!codes(diagnose(netshEn(true) + one, { now })).includes('SSL_BINDING_BROKEN'));
  });
});

const popImap = (
  popName: string,
  imapName: string,
  x509: string,
) => `[PS] C:\\>Get-PopSettings | fl X509CertificateName,ExternalConnectionSettings

X509CertificateName        : ${x509}
ExternalConnectionSettings : {${popName}:995:SSL}

[PS] C:\\>Get-ImapSettings | fl X509CertificateName,ExternalConnectionSettings

X509CertificateName        : ${x509}
ExternalConnectionSettings : {${imapName}:993:SSL}
`;
const wildcardListing = `[PS] C:\\>Get-ExchangeServer EXSE01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EXSE01
ServerRole          : Mailbox
AdminDisplayVersion : Version 15.2 (Build 2562.17)

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,Issuer,NotAfter,Services,Status

Thumbprint         : 9C3E5A71D0B24F88A6E2C13D7F905B4E2A6C8D10
Subject            : CN=*.contoso.com
CertificateDomains : {*.contoso.com, contoso.com}
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter           : 12/21/2027 8:59:59 AM
Services           : IMAP, POP, IIS, SMTP
Status             : Valid

Thumbprint         : 0D7B2E94C6A15F38E7B0D9C24A61F85E3B7C9A02
Subject            : CN=EXSE01
CertificateDomains : {EXSE01, EXSE01.contoso.local}
Issuer             : CN=EXSE01
NotAfter           : 9/16/2030 2:22:05 PM
Services           : IMAP, POP, IIS, SMTP
Status             : Valid

`;

describe('IMAP/POP X509CertificateName against the names clients use', () => {
  const cases: { name: string; paste: string; lang?: 'ja'; pop?: string; imap?: string }[] = [
    {
      name: 'both on the server name, a wildcard for pop./imap.',
      paste: wildcardListing + popImap('pop.contoso.com', 'imap.contoso.com', 'EXSE01.contoso.local'),
      pop: 'pop.contoso.com',
      imap: 'imap.contoso.com',
    },
    {
      name: 'the same, answered in Japanese',
      paste: wildcardListing + popImap('pop.contoso.com', 'imap.contoso.com', 'EXSE01.contoso.local'),
      lang: 'ja',
      pop: 'pop.contoso.com',
      imap: 'imap.contoso.com',
    },
    {
      name: 'IMAP already right, POP still on the server name',
      paste:
        wildcardListing +
        popImap('mail.contoso.com', 'mail.contoso.com', 'EXSE01.contoso.local').replace(
          /(Get-ImapSettings[\s\S]*?X509CertificateName\s+: )EXSE01\.contoso\.local/,
          '$1mail.contoso.com',
        ),
      pop: 'mail.contoso.com',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now, ...(c.lang && { lang: c.lang }) });
      const finding = d.findings.find((f) => f.code === 'IMAP_POP_CERTIFICATE_NAME');
      assert.ok(finding, JSON.stringify(codes(d)));
      if (c.lang === 'ja') assert.match(finding.message, /X509CertificateName をクライアントが接続する名前に設定/);
      const cmd = commands(d);
      if (c.pop) {
        assert.match(cmd, new RegExp(`Set-PopSettings -Server EXSE01 -X509CertificateName ${c.pop}`));
        assert.match(cmd, /MSExchangePOP3,MSExchangePOP3BE/);
        assert.match(cmd, new RegExp(`certcheck probe ${c.pop}:995`));
      } else assert.doesNotMatch(cmd, /Set-PopSettings/);
      if (c.imap) {
        assert.match(cmd, new RegExp(`Set-ImapSettings -Server EXSE01 -X509CertificateName ${c.imap}`));
        assert.match(cmd, /MSExchangeIMAP4,MSExchangeIMAP4BE/);
        assert.match(cmd, new RegExp(`certcheck probe ${c.imap}:993`));
      } else assert.doesNotMatch(cmd, /Set-ImapSettings/);
      assert.doesNotMatch(cmd, /X509CertificateName \*\.|New-ExchangeCertificate|Remove-ExchangeCertificate/);
    });
  }
  it('a wildcard typed into X509CertificateName is set to the host name clients use', () => {
    const d = diagnose(wildcardListing + popImap('pop.contoso.com', 'imap.contoso.com', '*.contoso.com'), { now });
    assert.ok(codes(d).includes('IMAP_POP_CERTIFICATE_NAME'));
    assert.match(commands(d), /Set-ImapSettings -Server EXSE01 -X509CertificateName imap\.contoso\.com/);
    assert.match(d.findings[0]?.message ?? '', /a wildcard names no host/);
  });
  it('with no listing, the wildcard the admin says was put in place stands for the certificate (ja)', () => {
    const prose =
      '証明書をワイルドカード (*.contoso.co.jp) に切り替えたら、POP と IMAP で名前が一致しないと言われます。\n\n';
    const d = diagnose(prose + popImap('pop.contoso.co.jp', 'imap.contoso.co.jp', 'EXSE01.contoso.local'), { now });
    assert.equal(d.language, 'ja');
    assert.ok(codes(d).includes('IMAP_POP_CERTIFICATE_NAME'), JSON.stringify(codes(d)));
    assert.match(
      commands(d),
      /Set-PopSettings -Server <server> -X509CertificateName pop\.contoso\.co\.jp|Set-PopSettings -Server \S+ -X509CertificateName pop\.contoso\.co\.jp/,
    );
  });
  it('names that already agree say nothing', () => {
    const d = diagnose(wildcardListing + popImap('mail.contoso.com', 'mail.contoso.com', 'mail.contoso.com'), { now });
    assert.ok(!codes(d).includes('IMAP_POP_CERTIFICATE_NAME'));
  });
});

const cloud = (
  inbound: string,
  outbound: string,
) => `PS C:\\> Get-InboundConnector | fl Name,ConnectorType,RequireTls,TlsSenderCertificateName

Name                     : Inbound from 1f2e3d4c-0000-4000-8000-123456789abc
ConnectorType            : OnPremises
RequireTls               : True
TlsSenderCertificateName : ${inbound}

PS C:\\> Get-OutboundConnector | fl Name,ConnectorType,SmartHosts,TlsSettings,TlsDomain

Name          : Outbound to 1f2e3d4c-0000-4000-8000-123456789abc
ConnectorType : OnPremises
SmartHosts    : {${outbound}}
TlsSettings   : DomainValidation
TlsDomain     : ${outbound}

`;
const onPrem = (
  names: string,
) => `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,Status

Thumbprint         : E8DCC54ED32AAD1F67941277A0D950FB697027FB
Subject            : CN=${names.split(',')[0]}
Issuer             : CN=R11, O=Let's Encrypt, C=US
CertificateDomains : {${names}}
NotAfter           : 2/24/2027 3:14:07 PM
Services           : IIS, SMTP
Status             : Valid
`;

describe("Exchange Online's hybrid connectors against the on-premises certificate", () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`a renewal without the expected name (${lang})`, () => {
      const d = diagnose(cloud('mail.contoso.com', 'mail.contoso.com') + onPrem('smtp.contoso.com, owa.contoso.com'), {
        now,
        lang,
      });
      const finding = d.findings.find((f) => f.code === 'DOMAIN_MISMATCH');
      assert.ok(finding, JSON.stringify(codes(d)));
      assert.match(finding.message, /mail\.contoso\.com/);
      const cmd = commands(d);
      assert.match(
        cmd,
        /Set-InboundConnector -Identity 'Inbound from 1f2e3d4c-[^']+' -TlsSenderCertificateName smtp\.contoso\.com/,
      );
      assert.match(cmd, /Set-OutboundConnector -Identity 'Outbound to 1f2e3d4c-[^']+' -SmartHosts smtp\.contoso\.com/);
      assert.doesNotMatch(cmd, /EncryptionOnly|RequireTls \$false|New-ExchangeCertificate|Remove-ExchangeCertificate/);
      assert.ok(!codes(d).includes('ERROR_NOT_UNDERSTOOD'));
    });
  }
  it("Exchange Online's connectors are never taken for on-premises send connectors", () => {
    const evidence = recognize(cloud('mail.contoso.com', 'mail.contoso.com'));
    assert.deepEqual(evidence.connectors ?? [], []);
    assert.equal(evidence.cloudConnectors?.length, 2);
  });
  it('a table that shows only the subject says nothing about the names it lacks', () => {
    const table = `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,Subject\n\nThumbprint                               Services Subject\n----------                               -------- -------\nE8DCC54ED32AAD1F67941277A0D950FB697027FB ...WS..  CN=smtp.contoso.com\n`;
    const d = diagnose(cloud('mail.contoso.com', 'mail.contoso.com') + table, { now });
    assert.ok(!codes(d).includes('DOMAIN_MISMATCH'));
  });
  it('the same connectors as Format-Table rows', () => {
    const ft = `PS C:\\> Get-InboundConnector | ft Name,ConnectorType,TlsSenderCertificateName,RequireTls -AutoSize

Name                                              ConnectorType TlsSenderCertificateName RequireTls
----                                              ------------- ------------------------ ----------
Inbound from 1f2e3d4c-0000-4000-8000-123456789abc OnPremises    mail.contoso.com               True

PS C:\\> Get-OutboundConnector | ft Name,ConnectorType,SmartHosts,TlsDomain -AutoSize

Name                                             ConnectorType SmartHosts         TlsDomain
----                                             ------------- ----------         ---------
Outbound to 1f2e3d4c-0000-4000-8000-123456789abc OnPremises    {mail.contoso.com} mail.contoso.com

`;
    assert.deepEqual(recognize(ft).connectors ?? [], []);
    const d = diagnose(ft + onPrem('smtp.contoso.com, owa.contoso.com'), { now });
    assert.ok(codes(d).includes('DOMAIN_MISMATCH'));
    assert.match(commands(d), /Set-InboundConnector -Identity 'Inbound from 1f2e3d4c-0000-4000-8000-123456789abc'/);
  });
  it('a wildcard that covers the expected name says nothing', () => {
    const d = diagnose(cloud('mail.contoso.com', 'mail.contoso.com') + onPrem('*.contoso.com, contoso.com'), { now });
    assert.ok(!codes(d).includes('DOMAIN_MISMATCH'));
  });
  it('a connector that names a wildcard domain is satisfied by any name under it', () => {
    const d = diagnose(cloud('*.contoso.com', 'smtp.contoso.com') + onPrem('smtp.contoso.com, owa.contoso.com'), {
      now,
    });
    assert.ok(!codes(d).includes('DOMAIN_MISMATCH'));
  });
  it('connectors alone, with no certificate, say nothing about names', () => {
    const d = diagnose(cloud('mail.contoso.com', 'mail.contoso.com'), { now });
    assert.ok(!codes(d).includes('DOMAIN_MISMATCH'));
  });
});
