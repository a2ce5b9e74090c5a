import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** Get-ExchangeCertificate | fl of the server that made the request: the request and the certificate it renews. */
function listing(server: string, name: string): string {
  return `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,Status,IsSelfSigned,NotAfter,Services

Thumbprint   : C7A5D9712FAB91A54BA70BFF596EC881D29C8571
Subject      : CN=${name}, O=Contoso, C=JP
Issuer       : CN=${name}, O=Contoso, C=JP
Status       : PendingRequest
IsSelfSigned : False
NotAfter     :
Services     : None

Thumbprint   : DFA73459236ADA3544069C4391E7038984055DA2
Subject      : CN=${name}, O=Contoso, C=JP
Issuer       : CN=Example Issuing CA G2, O=Example Trust, C=US
Status       : Valid
IsSelfSigned : False
NotAfter     : 2026/12/10 23:59:59
Services     : IMAP, POP, IIS, SMTP
`;
}

function failedImport(server: string, path: string): string {
  return `[PS] C:\\Windows\\system32>Import-ExchangeCertificate -Server ${server} -FileData ([System.IO.File]::ReadAllBytes('${path}'))
A special Rpc error occurs on server ${server}: The private key associated with the certificate could not be found. The certificate must be imported on the server where the certificate request was created.
`;
}

/**
 * A request completed where it was made, then the completed certificate exported with its key and
 * imported, enabled and reloaded on every other server the paste names, from the file the paste gives.
 */
describe('a pending request is completed where it was made and copied to the other servers named', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    text: string;
    requester: string;
    others: string[];
    file?: string;
  }[] = [
    {
      name: 'two servers, the import failed on the second, a share path',
      lang: 'ja',
      text: `Exchange 2016 CU23 の 2 台構成（EX01 / EX02、DAG あり）です。EX01 で CSR を作成し、届いた .cer を EX02 でインポートしたらエラーになりました。\n\n${failedImport('EX02', '\\\\fs01\\share\\cert\\mail_contoso_co_jp.cer')}\n${listing('EX01', 'mail.contoso.co.jp')}`,
      requester: 'EX01',
      others: ['EX02'],
      file: '\\\\fs01\\share\\cert\\mail_contoso_co_jp.cer',
    },
    {
      name: 'two servers, a drive path',
      lang: 'en',
      text: `Exchange 2019 CU14, MBX01 and MBX02 in a DAG. I made the CSR on MBX01 and tried the import on MBX02:\n\n${failedImport('MBX02', 'C:\\certs\\mail_fabrikam_com.cer')}\n${listing('MBX01', 'mail.fabrikam.com')}`,
      requester: 'MBX01',
      others: ['MBX02'],
      file: 'C:\\certs\\mail_fabrikam_com.cer',
    },
    {
      name: 'three servers named in prose',
      lang: 'en',
      text: `Exchange 2019 CU14, DAG of three: EXDAG01, EXDAG02, EXDAG03. The request was made on EXDAG01.\n\n${listing('EXDAG01', 'mail.tailspintoys.com')}`,
      requester: 'EXDAG01',
      others: ['EXDAG02', 'EXDAG03'],
    },
    {
      name: '3 台、日本語',
      lang: 'ja',
      text: `Exchange 2019 CU14（EXJ01、EXJ02、EXJ03）の 3 台構成です。EXJ01 で要求を作りました。\n\n${listing('EXJ01', 'mail.contoso.co.jp')}`,
      requester: 'EXJ01',
      others: ['EXJ02', 'EXJ03'],
    },
    {
      name: 'one server: nothing to copy',
      lang: 'en',
      text: `Exchange 2016 CU23, single server EX16. The CA sent the certificate back.\n\n${listing('EX16', 'mail.adatum.com')}`,
      requester: 'EX16',
      others: [],
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(row.text, { now: NOW, lang: row.lang });
      const ids = d.steps.map((s) => s.id);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      const complete = d.steps.find((s) => s.id === 'pending-complete');
      assert.ok(complete, ids.join(','));
      assert.equal(complete.server, row.requester);
      if (row.file) assert.ok(complete.command?.includes(row.file), complete.command);
      assert.doesNotMatch(commands, /-GenerateRequest|Remove-ExchangeCertificate -Thumbprint C7A5/);
      const exports = d.steps.filter((s) => s.id === 'export-copy');
      if (row.others.length === 0) {
        assert.equal(exports.length, 0, ids.join(','));
        return;
      }
      assert.equal(exports.length, 1, ids.join(','));
      assert.match(exports[0]?.command ?? '', /Export-ExchangeCertificate/);
      for (const server of row.others) {
        const on = d.steps.filter((s) => s.server === server).map((s) => s.id);
        for (const id of ['import-copy', 'ca-enable', 'restart-iis'])
          assert.ok(on.includes(id), `${server}: ${on.join(',')}`);
      }
      // The copy leaves only after the request is completed and enabled where it was made.
      assert.ok(ids.indexOf('export-copy') > ids.indexOf('pending-complete'), ids.join(','));
    });
});
