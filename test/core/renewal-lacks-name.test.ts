import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const NEW = 'FFD48C2D3671E67C186A0B5F036CBCA6E97100EA';
const OLD = '7576EAB464E029BCA813B66F296EE51915D46C8D';

function listing(
  newDomains: string,
  newServices: string,
  oldDomains = '{mail.contoso.co.jp, autodiscover.contoso.co.jp, owa.contoso.co.jp}',
): string {
  return `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotBefore,NotAfter,Services,CertificateDomains

Thumbprint         : ${NEW}
Subject            : CN=mail.contoso.co.jp, O=Contoso KK, L=Osaka-shi, S=Osaka, C=JP
Issuer             : CN=GlobalSign GCC R3 OV TLS CA 2024, O=GlobalSign nv-sa, C=BE
NotBefore          : 11/26/2026 10:05:11 AM
NotAfter           : 12/28/2027 10:05:10 AM
Services           : ${newServices}
CertificateDomains : ${newDomains}

Thumbprint         : ${OLD}
Subject            : CN=mail.contoso.co.jp, O=Contoso KK, L=Osaka-shi, S=Osaka, C=JP
Issuer             : CN=GlobalSign GCC R3 OV TLS CA 2020, O=GlobalSign nv-sa, C=BE
NotBefore          : 11/20/2025 3:31:02 PM
NotAfter           : 12/1/2026 3:31:01 PM
Services           : IMAP, POP, IIS, SMTP
CertificateDomains : ${oldDomains}
`;
}

/**
 * A newer certificate for the same name that lacks a name the current one has is said to be
 * incomplete, held back from IIS, and reissued with every name; one that carries them all is not.
 */
describe('a newer certificate that lacks a name of the current one', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    prose: string;
    newDomains: string;
    newServices: string;
    missing?: string;
  }[] = [
    {
      name: 'imported, not enabled, autodiscover missing',
      lang: 'ja',
      prose:
        'Exchange 2019 CU15（EXJ01 1 台）です。新しい証明書をインポートしましたが、autodiscover が入っていません。',
      newDomains: '{mail.contoso.co.jp, owa.contoso.co.jp}',
      newServices: 'None',
      missing: 'autodiscover.contoso.co.jp',
    },
    {
      name: 'imported, not enabled, owa missing',
      lang: 'en',
      prose: 'Exchange 2019 CU15, server EXJ01. Imported the renewed certificate, can I enable it?',
      newDomains: '{mail.contoso.co.jp, autodiscover.contoso.co.jp}',
      newServices: 'None',
      missing: 'owa.contoso.co.jp',
    },
    {
      name: 'already enabled for IIS, autodiscover missing',
      lang: 'en',
      prose: 'Exchange 2019 CU15, server EXJ01. Outlook warns about autodiscover since we enabled the new certificate.',
      newDomains: '{mail.contoso.co.jp, owa.contoso.co.jp}',
      newServices: 'IMAP, POP, IIS, SMTP',
      missing: 'autodiscover.contoso.co.jp',
    },
    {
      name: 'a wildcard covers every name',
      lang: 'en',
      prose: 'Exchange 2019 CU15, server EXJ01. We bought a wildcard this time.',
      newDomains: '{*.contoso.co.jp, contoso.co.jp}',
      newServices: 'None',
    },
    {
      name: 'every name and one more',
      lang: 'ja',
      prose: 'Exchange 2019 CU15（EXJ01）です。名前を 1 つ追加して更新しました。',
      newDomains: '{mail.contoso.co.jp, autodiscover.contoso.co.jp, owa.contoso.co.jp, smtp.contoso.co.jp}',
      newServices: 'None',
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(`${row.prose}\n\n${listing(row.newDomains, row.newServices)}`, { now: NOW, lang: row.lang });
      const finding = d.findings.find((f) => f.code === 'RENEWAL_LACKS_NAME');
      const hold = d.steps.find((s) => s.id === 'renewal-lacks-name-hold');
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      if (!row.missing) {
        assert.equal(finding, undefined);
        assert.equal(hold, undefined);
        return;
      }
      assert.ok(finding, d.findings.map((f) => f.code).join(','));
      assert.equal(finding.thumbprint, NEW);
      assert.match(finding.message, new RegExp(row.missing.replaceAll('.', '\\.')));
      assert.ok(hold, d.steps.map((s) => s.id).join(','));
      assert.match(hold.title, new RegExp(`${NEW}[\\s\\S]*${row.missing.replaceAll('.', '\\.')}`));
      assert.doesNotMatch(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW}`));
      assert.doesNotMatch(commands, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${OLD}`));
    });

  it('says nothing when the listing shows one name each (no CertificateDomains printed)', () => {
    const d = diagnose(
      `Exchange 2019 CU15, EXJ01.\n\n${listing('{mail.contoso.co.jp}', 'None', '{mail.contoso.co.jp}')}`,
      {
        now: NOW,
        lang: 'en',
      },
    );
    assert.ok(!d.findings.some((f) => f.code === 'RENEWAL_LACKS_NAME'));
  });
});
