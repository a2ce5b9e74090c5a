import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/corpus-extra/${name}`, import.meta.url), 'utf8');
const W15 = fixture('w15-ja-e2016-remove-internal-transport-error.txt');
const REFUSED_EN = `Exchange 2016 CU23 on EX16-02.
[PS] C:\\Windows\\system32>Remove-ExchangeCertificate -Thumbprint 4B2A9C17E0D35F86A1C4E7B92D06F3A85C1E7D42
The internal transport certificate cannot be removed because that would cause the Microsoft Exchange Transport service to stop. To replace the internal transport certificate, create a new certificate. The new certificate will automatically become the internal transport certificate. You can then remove the existing certificate.
    + CategoryInfo          : InvalidOperation: (:) [Remove-ExchangeCertificate], InvalidOperationException
    + FullyQualifiedErrorId : [Server=EX16-02,RequestId=8e0f6c1d,TimeStamp=11/27/2026 6:20:11 AM] [FailureCategory=Cmdlet-InvalidOperationException] 8A1F3E2B,Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveExchangeCertificate
    + PSComputerName        : ex16-02.corp.fabrikam.com
`;

const LISTED_FQDN = `[PS] C:\\>Get-ExchangeServer EX01 | fl Name,Fqdn,AdminDisplayVersion

Name                : EX01
Fqdn                : ex01.contoso.local
AdminDisplayVersion : Version 15.1 (Build 2507.6)

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,Services,NotAfter

Thumbprint : 4B2A9C17E0D35F86A1C4E7B92D06F3A85C1E7D42
Subject    : CN=EX01
Issuer     : CN=EX01
Services   : SMTP
NotAfter   : 11/14/2026 10:05:33 AM
`;

/**
 * The FQDN a paste shows for a server (an error record's PSComputerName) goes into the commands that
 * need it, instead of a placeholder; and the Auth certificate, which no site is bound to, gets no
 * Exchange Back End rebinding of its own.
 */
describe("the server's FQDN from the paste, and no step repeated for the Auth certificate", () => {
  const rows: { name: string; lang: 'en' | 'ja'; paste: string; server: string; fqdn: string }[] = [
    {
      name: 'Japanese error record (w15)',
      lang: 'ja',
      paste: W15,
      server: 'EX16JP-01',
      fqdn: 'ex16jp-01.yamato.local',
    },
    {
      name: 'English error record',
      lang: 'en',
      paste: REFUSED_EN,
      server: 'EX16-02',
      fqdn: 'ex16-02.corp.fabrikam.com',
    },
    {
      name: 'Get-ExchangeServer | fl Fqdn (en)',
      lang: 'en',
      paste: LISTED_FQDN,
      server: 'EX01',
      fqdn: 'ex01.contoso.local',
    },
    {
      name: 'Get-ExchangeServer | fl Fqdn (ja)',
      lang: 'ja',
      paste: LISTED_FQDN,
      server: 'EX01',
      fqdn: 'ex01.contoso.local',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW, lang: row.lang });
      assert.equal(d.servers?.find((s) => s.name === row.server)?.fqdn, row.fqdn);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(
        commands,
        new RegExp(
          `New-ExchangeCertificate -DomainName ${row.fqdn.replaceAll('.', '\\.')},${row.server} -Services SMTP`,
        ),
      );
      assert.doesNotMatch(commands, /<FQDN of|の FQDN>/);
    });
  }
  it('w15: the Back End binding is shown and rebound once, for the Setup certificate only', () => {
    const d = diagnose(W15, { now: NOW, lang: 'ja' });
    const rebinds = d.steps.filter((s) => /AddSslCertificate/.test(s.command ?? ''));
    assert.equal(rebinds.length, 1, rebinds.map((s) => s.title).join('\n'));
    assert.match(rebinds[0]?.title ?? '', /4B2A9C17E0D35F86A1C4E7B92D06F3A85C1E7D42/);
    // The current Auth certificate is shown once (Get-AuthConfig), not again under its own outcome.
    assert.equal(
      d.steps.filter((s) =>
        /\(Get-AuthConfig\)\.CurrentCertificateThumbprint \| Get-ExchangeCertificate \| fl Thumbprint,NotAfter,Subject,HasPrivateKey/.test(
          s.command ?? '',
        ),
      ).length,
      0,
    );
    // Two plans (the internal transport and the Auth certificate), each with its own checks of this
    // server before a removal: about twenty steps, never the doubled list of a repeated plan.
    assert.ok(d.steps.length <= 22, `${d.steps.length} steps`);
  });
});
