import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

/**
 * The internal transport certificate an event or InternalTransportCertificateThumbprint names, when
 * the whole store listing of that server does not hold it, was removed: it is said missing (never
 * expired), nothing is enabled on it or removed, and a new self-signed certificate (Y) takes its place
 * with the Exchange Back End (444) check. A listing of one certificate (-Thumbprint) proves nothing.
 */

const NOW = new Date('2026-11-28T12:00:00Z');
const GONE = '5970EAF4B3D5792FD2C259625530578806ACF688';

const TRANSPORT = (
  server: string,
) => `[PS] C:\\>Get-TransportService ${server} | fl Name,InternalTransportCertificateThumbprint

Name                                   : ${server}
InternalTransportCertificateThumbprint : ${GONE}
`;

const LIST_FT = (
  server: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server ${server} | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter            Subject
----------                               -------- --------            -------
5753CC92CD0680763C5AF4408567513AEC613514 IP.WS..  10/31/2027 8:59:59 AM  CN=mail.contoso.com, O=Contoso Ltd., C=US
9C2012B3103DA764C8836DF01E8D558E2634B87F ....S..  2/20/2029 3:01:44 PM CN=Microsoft Exchange Server Auth Certificate
`;

const EVENT_12015 = (server: string) => `Log Name:      Application
Source:        MSExchangeTransport
Date:          11/28/2026 9:02:15 AM
Event ID:      12015
Level:         Warning
Computer:      ${server}.contoso.local
Description:
An internal transport certificate expired. Thumbprint:${GONE}
`;

const EVENT_12015_JA = (server: string) => `ログの名前:         Application
ソース:           MSExchangeTransport
日付:            2026/11/28 9:02:15
イベント ID:       12015
レベル:           警告
コンピューター:       ${server}.contoso.local
説明:
内部トランスポート証明書の有効期限が切れています。拇印: ${GONE}
`;

interface Row {
  name: string;
  paste: string;
  language?: 'en' | 'ja';
  server: string;
  /** The listing is whole: the certificate is gone. */
  gone: boolean;
}

const rows: Row[] = [
  {
    name: 'English: 12015 names a thumbprint the whole listing lacks, after a clean-up',
    paste: `We removed old certificates last week on EX21 (2019 CU14).\n\n${EVENT_12015('EX21')}\n${TRANSPORT('EX21')}\n${LIST_FT('EX21')}`,
    server: 'EX21',
    gone: true,
  },
  {
    name: 'Japanese: 12015 names a thumbprint the whole listing lacks',
    language: 'ja',
    paste: `先週古い証明書を削除しました。EXJP21 (2019 CU14) です。\n\n${EVENT_12015_JA('EXJP21')}\n${TRANSPORT('EXJP21')}\n${LIST_FT('EXJP21')}`,
    server: 'EXJP21',
    gone: true,
  },
  {
    name: 'Japanese: only the admin mentions 12015, with the internal transport thumbprint and the whole listing',
    language: 'ja',
    paste: `古い証明書を整理 (Remove-ExchangeCertificate) してから EXJP31 でイベント ID 12015 が出ています。Exchange 2019 CU14 です。\n\n${TRANSPORT('EXJP31')}\n${LIST_FT('EXJP31')}`,
    server: 'EXJP31',
    gone: true,
  },
  {
    name: 'English: no event, only InternalTransportCertificateThumbprint and the whole listing without it',
    paste: `Mail between EX41 and EX42 is slow since we cleaned up old certificates. Exchange 2019 CU14.\n\n${TRANSPORT('EX41')}\n${LIST_FT('EX41')}`,
    server: 'EX41',
    gone: true,
  },
  {
    name: 'Japanese: no event, only InternalTransportCertificateThumbprint and the whole listing without it',
    language: 'ja',
    paste: `証明書を整理してから EXJP41 と EXJP42 の間のメール配送が遅いです。Exchange 2019 CU14 です。\n\n${TRANSPORT('EXJP41')}\n${LIST_FT('EXJP41')}`,
    server: 'EXJP41',
    gone: true,
  },
  {
    name: 'English: a listing of one certificate by thumbprint proves nothing about the rest',
    paste: `${EVENT_12015('EX22')}\n[PS] C:\\>Get-ExchangeCertificate -Thumbprint 5753CC92CD0680763C5AF4408567513AEC613514 | fl Thumbprint,Services,NotAfter,Subject\n\nThumbprint : 5753CC92CD0680763C5AF4408567513AEC613514\nServices   : IMAP, POP, IIS, SMTP\nNotAfter   : 10/31/2027 8:59:59 AM\nSubject    : CN=mail.contoso.com\n`,
    server: 'EX22',
    gone: false,
  },
];

describe('an internal transport certificate the whole store listing does not hold', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = diagnose(row.paste, { now: NOW, ...(row.language && { language: row.language }) });
      const codes = result.findings.filter((f) => f.thumbprint === GONE).map((f) => f.code);
      const text = result.steps.map((s) => s.command ?? '').join('\n');
      const ids = result.steps.map((s) => s.id);
      if (!row.gone) {
        assert.ok(!codes.includes('INTERNAL_TRANSPORT_CERT_MISSING'), 'a one-certificate listing made it missing');
        return;
      }
      assert.ok(codes.includes('INTERNAL_TRANSPORT_CERT_MISSING'), `said ${codes.join(',')}`);
      assert.ok(!codes.includes('TRANSPORT_CERT_EXPIRED'), 'a missing certificate is said expired');
      assert.doesNotMatch(text, new RegExp(`(?:Enable|Remove)-ExchangeCertificate -Thumbprint ${GONE}`));
      assert.ok(ids.includes('new-internal-self-signed'), 'no new self-signed certificate');
      assert.ok(
        !ids.includes('check-present') && !ids.includes('reenable-internal'),
        'the gone certificate is looked for',
      );
      assert.ok(ids.includes('show-backend-444'), 'no Exchange Back End (444) check');
      assert.match(text, new RegExp(`New-ExchangeCertificate -DomainName [^\\n]*${row.server}`));
      assert.doesNotMatch(text, /-Services IIS|Get-TransportServer/);
    });
  }
});
