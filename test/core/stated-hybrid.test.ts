import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { hybridOrgSaid } from '../../src/core/facts/stated-facts.js';
import { recognizeExchangeServers } from '../../src/core/recognize/exchange-servers.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** What the admin says of the organisation and Exchange Online, in English and Japanese. */
describe('an organisation the admin says is hybrid, or is not', () => {
  const rows: { text: string; hybrid: boolean | undefined }[] = [
    { text: 'EXSE01 (Exchange SE, single server, NOT hybrid). win-acme renewed the cert.', hybrid: false },
    { text: 'Red line on the Auth cert. No hybrid. What is the least risky way?', hybrid: false },
    { text: "We're not hybrid, everything is on-prem.", hybrid: false },
    { text: 'We are not a hybrid org, so ignore Office 365.', hybrid: false },
    { text: "We don't use Exchange Online at all.", hybrid: false },
    { text: 'ハイブリッドではありません。', hybrid: false },
    { text: 'うちはハイブリッド構成ではないです。', hybrid: false },
    { text: 'ハイブリッドは組んでいません。オンプレのみです。', hybrid: false },
    { text: 'We are hybrid with Office 365 and EX01 is our only on-prem box.', hybrid: true },
    { text: 'Hybrid, EX01 is our only on-prem box (2019 CU14).', hybrid: true },
    { text: 'Exchange 2016 CU23 in a hybrid deployment with two servers.', hybrid: true },
    { text: 'ハイブリッド構成です（Exchange 2016 CU23、EX16-01 と EX16-02 の 2 台）。', hybrid: true },
    { text: 'Exchange Online とのハイブリッド環境で運用しています。', hybrid: true },
    // One server outside the hybrid says nothing of the organisation.
    { text: 'EX16-02 is not hybrid, only EX16-01 is in the HCW.', hybrid: undefined },
    { text: 'OWA shows a certificate warning since this morning.', hybrid: undefined },
    { text: 'The hybrid connectors are not listed here.', hybrid: undefined },
  ];
  for (const row of rows)
    it(row.text, () => {
      assert.equal(hybridOrgSaid(row.text), row.hybrid);
    });
});

/** A Default Frontend 12014 whose connector pins a certificate that is gone, with the admin's prose in front. */
function pinnedPaste(prose: string): string {
  return `${prose}

C:\\>wevtutil qe Application /q:"*[System[(EventID=12014)]]" /c:1 /rd:true /f:xml
<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='MSExchangeFrontEndTransport'/><EventID Qualifiers='49156'>12014</EventID><Level>2</Level><TimeCreated SystemTime='2026-11-28T11:48:31.5531124Z'/><Channel>Application</Channel><Computer>EXSE01.contoso.com</Computer></System><EventData><Data>&lt;I&gt;CN=R11, O=Let's Encrypt, C=US&lt;S&gt;CN=mail.contoso.com</Data><Data>Default Frontend EXSE01</Data><Data>mail.contoso.com</Data></EventData></Event>

[PS] C:\\>Get-ExchangeServer EXSE01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EXSE01
ServerRole          : Mailbox
AdminDisplayVersion : Version 15.2 (Build 2562.17)

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services

Thumbprint : 720711A13DF1A144FB3F65D5AAB05C973A5BC25D
Subject    : CN=mail.contoso.com
Issuer     : CN=R10, O=Let's Encrypt, C=US
NotAfter   : 2/14/2027 10:31:07 AM
Services   : IMAP, POP, IIS, SMTP
`;
}

describe('a pinned Default Frontend in an organisation said not to be hybrid', () => {
  const rows: { prose: string; lang: 'en' | 'ja' }[] = [
    {
      prose:
        'EXSE01 (Exchange SE, single server, NOT hybrid). A consultant set TlsCertificateName on the Default Frontend connector years ago.',
      lang: 'en',
    },
    {
      prose: "We're not hybrid. Someone pinned the certificate on the Default Frontend receive connector for a partner.",
      lang: 'en',
    },
    {
      prose: 'EXSE01 です。ハイブリッドではありません。Default Frontend コネクタに TlsCertificateName が設定されています。',
      lang: 'ja',
    },
    {
      prose: 'ハイブリッド構成ではないです。Default Frontend connector に証明書を固定していました。',
      lang: 'ja',
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.prose.slice(0, 50)}`, () => {
      const d = diagnose(pinnedPaste(row.prose), { now: NOW, lang: row.lang });
      const text = d.steps.map((s) => `${s.title} ${s.command ?? ''}`).join('\n');
      assert.match(text, /Set-ReceiveConnector 'EXSE01\\Default Frontend EXSE01'/);
      assert.doesNotMatch(text, /Outbound to Office 365/);
      assert.doesNotMatch(text, /Hybrid Configuration Wizard|ハイブリッド構成ウィザード/);
      // No server is made of the words after the connector's name.
      assert.doesNotMatch(text, /\bconnector\\|On connector|connector で|receive\\/i);
    });
});

describe('the word after a connector name is a server only when it looks like one', () => {
  const rows: { text: string; servers: (string | undefined)[] }[] = [
    { text: 'A consultant set TlsCertificateName on the Default Frontend connector years ago.', servers: [undefined] },
    { text: 'the Default Frontend receive connector is pinned', servers: [undefined] },
    { text: 'Default Frontend コネクタに固定しています', servers: [] },
    { text: 'Identity : EX01\\Default Frontend EX01', servers: ['EX01'] },
    { text: 'Identity : EXCH\\Default Frontend EXCH', servers: ['EXCH'] },
    { text: 'Identity : mail\\Default Frontend mail', servers: ['mail'] },
  ];
  for (const row of rows)
    it(row.text, () => {
      const roles = recognizeExchangeServers(row.text).roleEvidence ?? [];
      assert.deepEqual(
        roles.filter((r) => r.reason === 'connector-default-frontend').map((r) => r.server),
        row.servers,
      );
    });
});
