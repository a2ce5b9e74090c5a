import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A new Auth certificate is cached by every Mailbox server on its own: each server the paste names
// gets its own restart block, and in a hybrid the plan ends by testing OAuth to Exchange Online.

const paste = (question: string) => `${question}

[PS] C:\\>Get-AuthConfig | fl CurrentCertificateThumbprint

CurrentCertificateThumbprint : 3C5E7A9B1D2F4E6A8C0B2D4F6A8C0E2B4D6F8A0C

[PS] C:\\>Get-ExchangeCertificate -Server EXMB21 -Thumbprint 3C5E7A9B1D2F4E6A8C0B2D4F6A8C0E2B4D6F8A0C | fl Thumbprint,Subject,NotAfter,Services

Thumbprint : 3C5E7A9B1D2F4E6A8C0B2D4F6A8C0E2B4D6F8A0C
Subject    : CN=Microsoft Exchange Server Auth Certificate
NotAfter   : 11/2/2026 3:10:00 PM
Services   : SMTP

[PS] C:\\>Get-SendConnector | ft Name
Name
----
Outbound to Office 365 - 9c1b2f40-1e7d-4c4a-9b8a-2f0d6e5a7c31
`;

describe('a new Auth certificate on every Mailbox server the paste names', () => {
  for (const [lang, question] of [
    ['en', 'Exchange 2016 CU23, EXMB21 + EXMB22, hybrid. Free/busy from the cloud stopped.'],
    ['ja', 'Exchange 2016 CU23 (EXMB21 と EXMB22)、ハイブリッド構成です。クラウドからの空き時間情報が見えません。'],
  ] as const) {
    it(lang, () => {
      const d = diagnose(paste(question), { now: REFERENCE_NOW });
      assert.equal(d.language, lang);
      const restarts = d.steps.filter((s) => /Restart-Service MSExchangeServiceHost/.test(s.command ?? ''));
      assert.deepEqual(
        restarts.map((s) => s.server),
        ['EXMB21', 'EXMB22'],
      );
      assert.ok(
        restarts.every((s) => s.title.includes(s.server ?? '?')),
        'each block says its server',
      );
      assert.ok(d.steps.some((s) => /^Test-OAuthConnectivity -Service EWS/.test(s.command ?? '')));
      assert.equal(
        d.steps.filter((s) => /New-ExchangeCertificate/.test(s.command ?? '')).length,
        1,
        'one new certificate',
      );
    });
  }
});

// The Hybrid Configuration Wizard cannot find the Auth certificate, and this server's listing shows it
// gone: the copy comes only from another named server that still lists it, never from this one.
const hcw = (question: string) => `${question}

Exchange OAuth authentication couldn't find the authorization certificate with thumbprint 7B9D1F3A5C7E9B1D3F5A7C9E1B3D5F7A9C1E3B5D in your on-premises organization.

[PS] C:\\>Get-ExchangeCertificate -Server EXH-01 | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
2BE11C1D8E9EB21A9463DC4F0D8D5E3F1A3396FB IP.WS..  9/30/2027 11:59:59 PM CN=mail.fabrikam.com
EB712ADEBC79467B8F961E93645EF9F92DBF757B IP.WS..  6/22/2028 4:10:55 PM  CN=EXH-01
`;

describe('an Auth certificate gone from the server that lists its store', () => {
  for (const [lang, question] of [
    ['en', 'Exchange 2016 CU23 hybrid, two servers EXH-01 / EXH-02. HCW fails at OAuth:'],
    ['ja', 'Exchange 2016 CU23 のハイブリッドで、サーバーは EXH-01 と EXH-02 です。HCW が OAuth で失敗します。'],
  ] as const) {
    it(lang, () => {
      const d = diagnose(hcw(question), { now: REFERENCE_NOW });
      assert.equal(d.language, lang);
      const shown = d.steps.find((s) =>
        /^Get-ExchangeCertificate -Server EXH-02 -Thumbprint 7B9D/.test(s.command ?? ''),
      );
      assert.ok(shown, 'asks the other server first');
      const exported = d.steps.find((s) => /Export-ExchangeCertificate -Thumbprint 7B9D/.test(s.command ?? ''));
      assert.equal(exported?.server, 'EXH-02');
      assert.match(exported?.title ?? '', /EXH-02/);
      const imported = d.steps.find((s) => /auth\.pfx'\)\) -Password/.test(s.command ?? ''));
      assert.equal(imported?.server, 'EXH-01');
    });
  }
});

// A next Auth certificate staged ahead of expiry is cached by each Mailbox server too: every server the
// admin lists, in any list form, gets its own restart block after the staged switch.
const staged = (question: string) => `${question}

[PS] C:\\>Get-AuthConfig | fl CurrentCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate

CurrentCertificateThumbprint : 19A6EB844B02A4FD120E4EF1C82DAFBBC372BBC1
NextCertificateThumbprint    :
NextCertificateEffectiveDate :

[PS] C:\\>Get-ExchangeCertificate 19A6EB844B02A4FD120E4EF1C82DAFBBC372BBC1 | fl Subject,NotAfter,Services,Status

Subject   : CN=Microsoft Exchange Server Auth Certificate
NotAfter  : 12/24/2026 10:15:33 AM
Services  : SMTP
Status    : Valid
`;

describe('a staged Auth roll-over restarts every Mailbox server the paste lists', () => {
  for (const [lang, question, servers] of [
    [
      'en',
      'Exchange 2019 CU14 (TKYEX01 and OSKEX02). HealthChecker warns the Auth certificate expires soon.',
      ['TKYEX01', 'OSKEX02'],
    ],
    [
      'en',
      'Our Mailbox servers (MBX-A1, MBX-B7) run Exchange 2019. The Auth certificate expires soon, what do I do?',
      ['MBX-A1', 'MBX-B7'],
    ],
    [
      'ja',
      'ハイブリッド環境（TKYEX01、OSKEX02）です。Auth 証明書の期限が近いと警告が出ました。',
      ['TKYEX01', 'OSKEX02'],
    ],
    [
      'ja',
      'Exchange 2019 CU14 のサーバーは TKYEX01・OSKEX02 です。Auth 証明書の期限が近いと警告が出ました。',
      ['TKYEX01', 'OSKEX02'],
    ],
  ] as const) {
    it(`${lang}: ${servers.join(', ')}`, () => {
      const d = diagnose(staged(question), { now: REFERENCE_NOW });
      assert.equal(d.language, lang);
      assert.ok(
        d.steps.some((s) => /Set-AuthConfig -NewCertificateThumbprint/.test(s.command ?? '')),
        'staged',
      );
      const restarts = d.steps.filter((s) => /Restart-Service MSExchangeServiceHost/.test(s.command ?? ''));
      assert.deepEqual(
        restarts.map((s) => s.server),
        servers,
      );
      assert.ok(
        restarts.every((s) => s.title.includes(s.server ?? '?')),
        'each block says its server',
      );
    });
  }
});
