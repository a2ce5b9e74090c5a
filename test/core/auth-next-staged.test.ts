import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const CURRENT = '3C5E0A9D7B1F24E86A0C9D13B5F7E2A4C6D8E0F1';
const NEXT = 'D41D8CD98F00B204E9800998ECF8427E5A7B9C11';
const WEB = '9A0B1C2D3E4F5061728394A5B6C7D8E9F0A1B2C3';

/** HealthChecker's certificate section as the current script prints it (tabs, Lifetime in days). */
const hcCertificate = (o: { thumbprint: string; name: string; days: number; current: boolean; next: boolean }) =>
  `\tCertificate:
\t\tFriendlyName: ${o.name}
\t\tThumbprint: ${o.thumbprint}
\t\tLifetime in days: ${o.days}
\t\tCertificate has expired: ${o.days < 0 ? 'True' : 'False'}
\t\tCertificate status: ${o.days < 0 ? 'DateInvalid' : 'Valid'}
\t\tKey size: 2048
\t\tECC Certificate: False
\t\tSignature Algorithm: sha256RSA
\t\tSignature Hash Algorithm: sha256
\t\tBound to services: ${o.name.startsWith('Microsoft') ? 'SMTP' : 'IMAP, POP, IIS, SMTP'}
\t\tInternal Transport Certificate: False
\t\tCurrent Auth Certificate: ${o.current ? 'True' : 'False'}
\t\tNext Auth Certificate: ${o.next ? 'True' : 'False'}
\t\tSAN Certificate: ${o.name.startsWith('Microsoft') ? 'False' : 'True'}
\t\tNamespaces:
\t\t\t${o.name}
`;
const AUTH = 'Microsoft Exchange Server Auth Certificate';

/** The same section as an older script printed it, copied from a console (spaces, Lifetime: N day(s)). */
const hcOld = (o: { thumbprint: string; name: string; days: number; current: boolean }) =>
  `        Certificate:
                FriendlyName: ${o.name}
                Thumbprint: ${o.thumbprint}
                Lifetime: ${o.days} day(s)
                Key Size: 2048
                Bound to services: SMTP
                Current Auth Certificate: ${o.current ? 'True' : 'False'}
                SAN Certificate: False
                Namespaces:
                        ${o.name}
`;

const authConfig = (next: string, effective: string) => `[PS] C:\\Windows\\system32>Get-AuthConfig | fl

RunspaceId                    : 5d1b2c1e-0c7a-4c64-9f0e-6a4a1c8e2b17
CurrentCertificateThumbprint  : ${CURRENT}
PreviousCertificateThumbprint :
NextCertificateThumbprint     : ${next}
NextCertificateEffectiveDate  : ${effective}
ServiceName                   : 00000002-0000-0ff1-ce00-000000000000
Realm                         :
Name                          : Auth Configuration
`;

const authListing = (thumbprint: string, notAfter: string) => `Thumbprint         : ${thumbprint}
Subject            : CN=Microsoft Exchange Server Auth Certificate
Issuer             : CN=Microsoft Exchange Server Auth Certificate
NotAfter           : ${notAfter}
Services           : SMTP
`;

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  /** True: promote the staged one; false: make a new Auth certificate. */
  promote: boolean;
}

/**
 * An expired current Auth certificate with a valid next one already staged is fixed by publishing the
 * staged one, not by making another; HealthChecker's certificate section and Get-AuthConfig are read
 * whichever of them the paste holds.
 */
describe('an expired Auth certificate with the next one already staged', () => {
  const rows: Row[] = [
    {
      name: 'Japanese prose, the current HealthChecker section alone',
      lang: 'ja',
      promote: true,
      paste: `HealthChecker の結果です。Exchange 2019 CU14、OWA と ECP がサインイン後にループします。\n\nExchange Server Certificates\n----------------------------\n${hcCertificate({ thumbprint: CURRENT, name: AUTH, days: -3, current: true, next: false })}${hcCertificate({ thumbprint: NEXT, name: AUTH, days: 1790, current: false, next: true })}${hcCertificate({ thumbprint: WEB, name: 'mail.contoso.co.jp', days: 200, current: false, next: false })}\tValid Auth Certificate Found On Server: False\n\t\tAuth Certificate has expired\n\tNext Auth Certificate Staged For Rotation: True\n\tNext Auth Certificate Effective Date: 2027/03/01 9:00:00\n`,
    },
    {
      name: 'English prose, the current HealthChecker section alone',
      lang: 'en',
      promote: true,
      paste: `HealthChecker flagged this on EX01 (Exchange 2016 CU23). OWA sign-in just loops.\n\nExchange Server Certificates\n${hcCertificate({ thumbprint: CURRENT, name: AUTH, days: -12, current: true, next: false })}${hcCertificate({ thumbprint: NEXT, name: AUTH, days: 1500, current: false, next: true })}\tValid Auth Certificate Found On Server: False\n\tNext Auth Certificate Staged For Rotation: True\n\tNext Auth Certificate Effective Date: 2/14/2027 12:00:00 AM\n`,
    },
    {
      name: 'Japanese prose, an older HealthChecker copied with spaces, and Get-AuthConfig | fl',
      lang: 'ja',
      promote: true,
      paste: `Exchange 2019 で OWA に入れません。次の Auth 証明書は登録済みのはずですが、新しく作り直すべきでしょうか?\n\nExchange Server Certificates\n----------------------------\n${hcOld({ thumbprint: CURRENT, name: AUTH, days: -1, current: true })}${hcOld({ thumbprint: NEXT, name: AUTH, days: 1825, current: false })}\n${authConfig(NEXT, '2027/09/15 0:00:00')}`,
    },
    {
      name: 'English prose, Get-ExchangeCertificate | fl and Get-AuthConfig | fl',
      lang: 'en',
      promote: true,
      paste: `Exchange 2019 CU13. ECP loops after sign-in since Monday.\n\n[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services\n\n${authListing(CURRENT, '11/20/2026 3:14:00 PM')}\n${authListing(NEXT, '10/2/2031 9:00:00 AM')}\n${authConfig(NEXT, '6/1/2027 12:00:00 AM')}`,
    },
    {
      name: 'English, the staged certificate itself nearly expired: a new one instead',
      lang: 'en',
      promote: false,
      paste: `Exchange 2019 CU14, OWA loops.\n\nExchange Server Certificates\n${hcCertificate({ thumbprint: CURRENT, name: AUTH, days: -4, current: true, next: false })}${hcCertificate({ thumbprint: NEXT, name: AUTH, days: 9, current: false, next: true })}`,
    },
    {
      name: 'Japanese, nothing staged: a new one',
      lang: 'ja',
      promote: false,
      paste: `Exchange 2016 CU23 で ECP に入れません。\n\nExchange Server Certificates\n${hcCertificate({ thumbprint: CURRENT, name: AUTH, days: -30, current: true, next: false })}${hcCertificate({ thumbprint: WEB, name: 'mail.contoso.co.jp', days: 120, current: false, next: false })}`,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW });
      assert.equal(d.language, row.lang);
      const codes = d.findings.map((f) => f.code);
      assert.ok(!codes.includes('THUMBPRINT_ONLY'), codes.join(','));
      assert.ok(
        d.findings.some((f) => f.thumbprint === CURRENT && (f.code === 'CERT_EXPIRED' || f.code === 'AUTH_CERT_PROBLEM')),
        codes.join(','),
      );
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, /Restart-Service MSExchangeServiceHost/);
      assert.match(commands, /Restart-WebAppPool MSExchangeOWAAppPool/);
      assert.match(commands, /Restart-WebAppPool MSExchangeECPAppPool/);
      assert.ok(!commands.includes(`Remove-ExchangeCertificate -Thumbprint ${NEXT}`));
      if (row.promote) {
        assert.match(commands, /^Set-AuthConfig -PublishCertificate$/m);
        assert.match(commands, /NextCertificateThumbprint/);
        assert.doesNotMatch(commands, /New-ExchangeCertificate/);
        assert.doesNotMatch(commands, /-NewCertificateThumbprint/);
        const titles = d.steps.map((s) => s.title).join('\n');
        assert.match(titles, row.lang === 'ja' ? /新しい Auth 証明書を作る必要はありません/ : /No new Auth certificate is needed/);
      } else {
        assert.match(commands, /New-ExchangeCertificate .*Microsoft Exchange Server Auth Certificate/);
        assert.match(commands, /Set-AuthConfig -NewCertificateThumbprint/);
      }
    });
  }
});
