import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// On 2013 and later Setup's self-signed certificate is both the internal transport certificate and
// the one Exchange Back End (444) is bound to. When the store listing shows it gone, a broken 444 is
// one event with two consequences: Back End is first bound to a valid certificate of the store (the
// Management Shell reaches Exchange through it), then one new self-signed certificate (Y) becomes the
// internal transport certificate, Back End is bound to it, and both are checked.

const GONE = 'C41E5A0D92B7F3E86A1D0C55B3E7F9A2D4C6B801';
const CA = '5E8B2A4C6D0F1E3A5B7C9D1E3F5A7B9C1D3E5F70';
const AUTH = '2A4C6E8F0B1D3F5A7C9E1B3D5F7A9C1E3B5D7F91';
const OWN = '7D9F1B3A5C7E9D1F3B5A7C9E1D3F5B7A9C1E3D52';

const EVENT_EN = (server: string) => `Log Name:      System
Source:        Microsoft-Windows-HttpEvent
Date:          11/28/2026 7:41:02 AM
Event ID:      15021
Level:         Error
Computer:      ${server}
Description:
An error occurred while using SSL configuration for endpoint 0.0.0.0:444.  The error status code is contained within the returned data.`;

const EVENT_JA = (server: string) => `ログの名前:    System
ソース:        Microsoft-Windows-HttpEvent
日付:          2026/11/28 7:41:02
イベント ID:   15021
レベル:        エラー
コンピューター: ${server}
説明:
エンドポイント 0.0.0.0:444 の SSL 構成を使用中にエラーが発生しました。エラーの状態コードは、返されたデータに含まれています。`;

const NETSH = (ja: boolean) =>
  ja
    ? `PS C:\\> netsh http show sslcert ipport=0.0.0.0:444

SSL 証明書のバインド:
-------------------------

    IP:ポート                    : 0.0.0.0:444
    証明書ハッシュ               : ${GONE.toLowerCase()}
    アプリケーション ID          : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    証明書ストア名               : My`
    : `C:\\>netsh http show sslcert ipport=0.0.0.0:444

SSL Certificate bindings:
-------------------------

    IP:port                      : 0.0.0.0:444
    Certificate Hash             : ${GONE.toLowerCase()}
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My`;

const STORE_TABLE = (
  rows: string,
) => `PS C:\\> Get-ChildItem Cert:\\LocalMachine\\My | ft Thumbprint,NotAfter,Subject -AutoSize

Thumbprint                               NotAfter              Subject
----------                               --------              -------
${rows}`;

const EXCHANGE_TABLE = (
  rows: string,
) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services   NotAfter              Subject
----------                               --------   --------              -------
${rows}`;

interface Row {
  name: string;
  paste: string;
  lang?: 'ja';
  /** Setup's certificate is shown gone: the coupled plan. */
  coupled: boolean;
  /** The thumbprint Back End is bound to first (the interim one, or the server's own). */
  boundTo?: string;
}

const ROWS: Row[] = [
  {
    name: 'HttpEvent 15021, netsh and a Cert:\\ listing with only the CA and Auth certificates',
    paste: `Exchange 2019 CU14, EXMBX03. I removed the old self-signed certificates yesterday; now OWA is blank and EMS fails with HTTP 500.

${EVENT_EN('EXMBX03.fabrikam.com')}

${NETSH(false)}

${STORE_TABLE(`${CA} 3/31/2027 11:59:59 PM CN=mail.fabrikam.com, O=Fabrikam Inc, C=US
${AUTH} 9/14/2030 3:40:12 AM  CN=Microsoft Exchange Server Auth Certificate`)}`,
    coupled: true,
    boundTo: CA,
  },
  {
    name: 'HttpEvent 15021 and Get-ExchangeCertificate with a WMSvc certificate beside the CA one',
    paste: `Exchange 2016 CU23 EX2016B, the expired self-signed certs were deleted this morning. ECP and OWA come up blank.

${EVENT_EN('EX2016B.contoso.com')}

${EXCHANGE_TABLE(`${CA} IP.WS...   3/31/2027 11:59:59 PM CN=mail.contoso.com
${AUTH} ....S...   9/14/2030 3:40:12 AM  CN=Microsoft Exchange Server Auth Certificate
${OWN.replace(/2$/, '3')} ........   8/19/2031 10:03:55 AM CN=WMSvc-SHA2-EX2016B`)}`,
    coupled: true,
    boundTo: CA,
  },
  {
    name: 'netsh naming a certificate the Cert:\\ listing no longer holds, without the event',
    paste: `Exchange 2019 CU13, server EX19A. After cleaning the certificate store OWA shows a blank page.

${NETSH(false)}

${STORE_TABLE(`${CA} 3/31/2027 11:59:59 PM CN=mail.fabrikam.com, O=Fabrikam Inc, C=US
${AUTH} 9/14/2030 3:40:12 AM  CN=Microsoft Exchange Server Auth Certificate`)}`,
    coupled: true,
    boundTo: CA,
  },
  {
    name: 'Japanese: HttpEvent 15021 and Get-ExchangeCertificate after the self-signed certificate was deleted',
    paste: `Exchange 2019 CU14 の EXJP02 です。期限切れの自己署名証明書を削除して再起動したら OWA が真っ白になり、EMS もつながりません。

${EVENT_JA('EXJP02.example.co.jp')}

${NETSH(true)}

${EXCHANGE_TABLE(`${CA} IIS, SMTP  2027/03/31 23:59:59  CN=mail.example.co.jp
${AUTH} SMTP       2030/09/14 3:40:12   CN=Microsoft Exchange Server Auth Certificate`)}`,
    lang: 'ja',
    coupled: true,
    boundTo: CA,
  },
  {
    name: 'Japanese: HttpEvent 15021 and a Cert:\\ listing without the server’s own certificate',
    paste: `EX16-TKY (Exchange 2016 CU23) で古い証明書を整理したところ、ECP にサインインすると白い画面になります。

${EVENT_JA('EX16-TKY.corp.example.jp')}

${STORE_TABLE(`${CA} 2027/03/31 23:59:59 CN=mail.example.jp, O=Example K.K., C=JP
${AUTH} 2030/09/14 3:40:12  CN=Microsoft Exchange Server Auth Certificate`)}`,
    lang: 'ja',
    coupled: true,
    boundTo: CA,
  },
  {
    name: 'the server’s own self-signed certificate is still listed: Back End is bound to it, nothing is created',
    paste: `Exchange 2019 CU14, EXMBX03. OWA is blank after a reboot.

${EVENT_EN('EXMBX03.fabrikam.com')}

${NETSH(false)}

${STORE_TABLE(`${OWN} 11/27/2031 5:40:12 PM CN=EXMBX03
${CA} 3/31/2027 11:59:59 PM CN=mail.fabrikam.com, O=Fabrikam Inc, C=US
${AUTH} 9/14/2030 3:40:12 AM  CN=Microsoft Exchange Server Auth Certificate`)}`,
    coupled: false,
    boundTo: OWN,
  },
  {
    name: 'Japanese: the server’s own certificate is still listed',
    paste: `Exchange 2016 CU23 の EX16-TKY です。再起動後に OWA が真っ白です。

${EVENT_JA('EX16-TKY.corp.example.jp')}

${STORE_TABLE(`${OWN} 2031/11/27 17:40:12 CN=EX16-TKY
${CA} 2027/03/31 23:59:59 CN=mail.example.jp, O=Example K.K., C=JP
${AUTH} 2030/09/14 3:40:12  CN=Microsoft Exchange Server Auth Certificate`)}`,
    lang: 'ja',
    coupled: false,
    boundTo: OWN,
  },
  {
    name: 'one certificate asked for by thumbprint is no listing of the store',
    paste: `Exchange 2019 CU14, EXMBX03. OWA is blank after a reboot.

${EVENT_EN('EXMBX03.fabrikam.com')}

[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${CA} | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services   NotAfter              Subject
----------                               --------   --------              -------
${CA} IP.WS...   3/31/2027 11:59:59 PM CN=mail.fabrikam.com`,
    coupled: false,
  },
];

describe('a broken Exchange Back End (444) whose Setup certificate is gone also remakes the internal transport certificate', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW, ...(row.lang && { lang: row.lang }) });
      const ids = d.steps.map((s) => s.id);
      const all = d.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n');
      assert.ok(
        d.findings.some((f) => f.code === 'SSL_BINDING_BROKEN'),
        d.findings.map((f) => f.code).join(' '),
      );
      assert.doesNotMatch(all, /Remove-ExchangeCertificate/);
      assert.doesNotMatch(all, /-Services [^\n]*IIS/, 'never moves 443 to a self-signed certificate');
      if (!row.coupled) {
        assert.ok(!ids.includes('new-internal-self-signed'), ids.join(' '));
        assert.ok(ids.includes('rebind-backend-444'), ids.join(' '));
        if (row.boundTo)
          assert.match(d.steps.find((s) => s.id === 'rebind-backend-444')?.command ?? '', new RegExp(row.boundTo));
        return;
      }
      const order = [
        'rebind-backend-444-interim',
        'new-internal-self-signed',
        'confirm-internal',
        'rebind-backend-444-internal',
        'verify-owa',
      ].map((id) => ids.indexOf(id));
      assert.ok(
        order.every((i, n) => i >= 0 && (n === 0 || i > (order[n - 1] ?? -1))),
        `steps out of order: ${ids.join(' ')}`,
      );
      assert.ok(!ids.includes('rebind-backend-444'), 'one rebind to the interim certificate, one to the new one');
      const interim = d.steps.find((s) => s.id === 'rebind-backend-444-interim');
      if (row.boundTo) assert.match(interim?.command ?? '', new RegExp(row.boundTo));
      // Y at the prompt: the new certificate is the internal transport certificate, and 444 follows it.
      const create = d.steps.find((s) => s.id === 'new-internal-self-signed');
      assert.match(create?.command ?? '', /^New-ExchangeCertificate -DomainName .+ -Services SMTP$/);
      assert.match(create?.title ?? '', row.lang === 'ja' ? /Y と答えます/ : /answer Y/);
      assert.match(
        d.steps.find((s) => s.id === 'rebind-backend-444-internal')?.command ?? '',
        /InternalTransportCertificateThumbprint[\s\S]*AddSslCertificate\(\$t, 'My'\)/,
      );
      assert.ok(
        ids.some((id) => id?.startsWith('restart-')),
        ids.join(' '),
      );
      assert.equal(d.language, row.lang ?? 'en');
      if (row.lang === 'ja') assert.match(interim?.title ?? '', /管理シェル/);
    });
  }
});
