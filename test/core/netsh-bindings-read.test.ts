import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const OLD = '5878263C7A1FBB1F2764A578E72462A195FF7008';
const NEW = '2CF2615AB77A31CEB2736F4B6DD869AEA5A015E6';
const SELF = '967FCB0C2F84A2A09D8B79EDA11DFA75156F1DEA';

const table = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter            Subject
----------                               -------- --------            -------
${OLD} IP.WS..  2026/11/26 8:59:59  CN=webmail.northwind.co.jp, O=Northwind Traders K.K., C=JP
${NEW} .......  2027/12/02 8:59:59  CN=webmail.northwind.co.jp, O=Northwind Traders K.K., C=JP
${SELF} IP.WS..  2030/07/02 14:03:11 CN=EXCAS01
`;

const netshJa = (endpointLabel: string, endpoint: string) => `C:\\>netsh http show sslcert

SSL 証明書バインド:
-------------------------

    ${endpointLabel}                    : ${endpoint}
    証明書ハッシュ               : ${OLD.toLowerCase()}
    アプリケーション ID          : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    証明書ストア名               : MY
    クライアント証明書の失効状態の確認 : Enabled

    IP:ポート                    : 0.0.0.0:444
    証明書ハッシュ               : ${SELF.toLowerCase()}
    アプリケーション ID          : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    証明書ストア名               : MY
`;
const netshEn = `C:\\>netsh http show sslcert

SSL Certificate bindings:
-------------------------

    IP:port                      : 0.0.0.0:443
    Certificate Hash             : ${OLD.toLowerCase()}
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : MY
    Verify Client Certificate Revocation : Enabled

    IP:port                      : 0.0.0.0:444
    Certificate Hash             : ${SELF.toLowerCase()}
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : MY
`;

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
}

/**
 * netsh http show sslcert, in English or Japanese (IP:ポート, 証明書ハッシュ, 証明書ストア名), is read: the
 * answer says it read the bindings, and with 443 on the expired certificate the renewal already in the
 * store is enabled for IIS and IIS restarted; 444 (the server's own certificate) is left alone.
 */
describe('netsh http show sslcert is read in both languages', () => {
  const rows: Row[] = [
    {
      name: 'Japanese netsh, IP:ポート',
      lang: 'ja',
      paste: `Exchange 2016 CU23 (EXCAS01) です。OWA で証明書の期限切れの警告が出ます。新しい証明書はインポート済みです。\n\n${netshJa('IP:ポート', '0.0.0.0:443')}\n${table}`,
    },
    {
      name: 'Japanese netsh, ホスト名:ポート (SNI)',
      lang: 'ja',
      paste: `Exchange 2016 CU23 (EXCAS01)。Outlook で「セキュリティ証明書の有効期限が切れています」と出ます。\n\n${netshJa('ホスト名:ポート', 'webmail.northwind.co.jp:443')}\n${table}`,
    },
    {
      name: 'English netsh',
      lang: 'en',
      paste: `Exchange 2016 CU23 on EXCAS01: OWA says the certificate expired. The renewed one is imported already.\n\n${netshEn}\n${table}`,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW });
      assert.equal(d.language, row.lang);
      const note = row.lang === 'ja' ? /HTTPS バインド 2 件/ : /2 HTTPS bindings/;
      assert.ok(d.notes.some((n) => note.test(n)), d.notes.join('\n'));
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services [A-Z,]*IIS`));
      assert.match(commands, /iisreset/);
      assert.doesNotMatch(commands, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${SELF}`));
      assert.doesNotMatch(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${SELF}`));
    });
  }
});
