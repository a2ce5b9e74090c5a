import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { readProseServerNames } from '../../src/core/recognize/prose-servers.js';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('a server named in parentheses after the release and its role', () => {
  const rows: { text: string; names: string[] }[] = [
    { text: 'Exchange 2013 CU23 の CAS/Mailbox 兼用 (EXCH01) です。', names: ['EXCH01'] },
    { text: 'Exchange 2019 CU14 multi-role server (EX19-01), one of two.', names: ['EX19-01'] },
    { text: 'Exchange 2016 CU23 のメールボックス サーバー（EXJ16-01）で発生しています。', names: ['EXJ16-01'] },
    { text: 'Exchange 2016 CU23 (KB5022143) is installed.', names: [] },
    { text: 'Exchange 2019 CU14 Mar24SU (15.2.1544.9) everywhere.', names: [] },
  ];
  for (const row of rows)
    it(row.text, () => {
      assert.deepEqual(readProseServerNames(row.text), row.names);
    });
});

function alertPaste(prose: string, server: string): string {
  return `${prose}

---- Outlook ----
${server}.corp.adatum.local
The name on the security certificate is invalid or does not match the name of the site
-----------------

[PS] C:\\>Get-ExchangeCertificate -Thumbprint C214BB2BFAA1D22086F05ADE306166351F973634 | fl

CertificateDomains : {mail.adatum.co.jp, autodiscover.adatum.co.jp}
IsSelfSigned       : False
Issuer             : CN=Cybertrust Japan SureServer CA G4, O="Cybertrust Japan Co., Ltd.", C=JP
NotAfter           : 9/30/2027 11:59:59 PM
Services           : IMAP, POP, IIS, SMTP
Status             : Valid
Subject            : CN=mail.adatum.co.jp
Thumbprint         : C214BB2BFAA1D22086F05ADE306166351F973634
`;
}

/**
 * Outlook's alert for the server's internal name is fixed by moving the internal URLs to a name on
 * the certificate: the commands name the server the admin gave, and the check probes the name the
 * URLs now use, never the internal name no public certificate can carry.
 */
describe("Outlook's alert for an internal server name", () => {
  const rows: { lang: 'en' | 'ja'; prose: string; server: string }[] = [
    { lang: 'ja', prose: 'Exchange 2013 CU23 の CAS/Mailbox 兼用 (EXCH01) です。社内の Outlook で警告が出ます。', server: 'EXCH01' },
    { lang: 'en', prose: 'Exchange 2013 CU23 multi-role (EXCH02). Inside Outlook shows a name alert.', server: 'EXCH02' },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.server}`, () => {
      const d = diagnose(alertPaste(row.prose, row.server), { now: NOW, lang: row.lang });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, new RegExp(`-Identity ${row.server} -AutoDiscoverServiceInternalUri`));
      assert.match(commands, /certcheck probe autodiscover\.adatum\.co\.jp:443/);
      assert.doesNotMatch(commands, /probe [^\n]*corp\.adatum\.local|<server name>|<サーバー名>/);
    });
});
