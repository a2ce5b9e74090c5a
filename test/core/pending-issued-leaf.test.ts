import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';

// The CA's answer to a pending request, pasted as the PKCS#7 it sent: its leaf is the certificate the
// import gives, so the enable and check steps name its thumbprint instead of a placeholder. A table
// whose only undated row is that request has the NotAfter column: no "the table has no dates".

const NOW = new Date('2026-11-28T12:00:00Z');
const fixture = readFileSync(
  new URL('../fixtures/corpus-extra/n02-ja-e2016cu23-p7b-from-ca-import-into-pending-request.txt', import.meta.url),
  'utf8',
);
const P7B = fixture.slice(fixture.indexOf('-----BEGIN PKCS7-----'), fixture.indexOf('-----END PKCS7-----') + 19);
const LEAF = '8985596B8281C14721E14731CD4EA0B1A8B8E35D';
const SUBJECT = 'CN=mail.fabrikam.co.jp, O=Fabrikam Japan K.K., L=Chiyoda-ku, S=Tokyo, C=JP';

const TABLE = (
  subject = SUBJECT,
) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Status,NotAfter,Subject -AutoSize

Thumbprint                               Status         NotAfter            Subject
----------                               ------         --------            -------
1316656BF165FF3A0156283D7BD3BDB469EEFBF8 PendingRequest                     ${subject}
628EF71E89D12A7C166A84A03838F08FF45A7CFB Valid          2026/11/30 23:59:59 ${SUBJECT}
F837C1AF95C23C7B5A8BD41A7AA1FA772528AF89 Valid          2030/03/08 9:45:12  CN=EXMB01
`;
const LIST = `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Status,NotAfter,Services

Thumbprint : 1316656BF165FF3A0156283D7BD3BDB469EEFBF8
Subject    : ${SUBJECT}
Status     : PendingRequest
NotAfter   :
Services   : None

Thumbprint : 628EF71E89D12A7C166A84A03838F08FF45A7CFB
Subject    : ${SUBJECT}
Status     : Valid
NotAfter   : 11/30/2026 11:59:59 PM
Services   : IMAP, POP, IIS, SMTP
`;

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const enableCommand = (d: Diagnosis) =>
  d.steps.map((s) => s.command ?? '').find((c) => /^Enable-ExchangeCertificate /m.test(c)) ?? '';

const FILLED: { name: string; paste: string; ja?: boolean }[] = [
  {
    name: 'Japanese: ft with the PendingRequest row and the .p7b',
    paste: `CA から証明書が届きました（.p7b）。EX2016 CU23 の EXMB01 で作った要求に Import すればいいですか？\n\n${TABLE()}\n届いたファイルの中身:\n\n${P7B}\n`,
    ja: true,
  },
  {
    name: 'English: fl with an empty NotAfter on the request and the .p7b',
    paste: `The CA sent the cert back as a .p7b. Exchange 2016 CU23, server EXMB01. Do I import it into the pending request?\n\n${LIST}\n${P7B}\n`,
  },
  {
    name: 'English: the .p7b first, then the table',
    paste: `Exchange 2016 CU23 (EXMB01). Here's the p7b from the CA:\n\n${P7B}\n\n${TABLE()}`,
  },
];

describe('the certificate a CA issued for a pending request, pasted as PKCS#7', () => {
  for (const c of FILLED) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: NOW });
      if (c.ja) assert.equal(d.language, 'ja');
      assert.match(enableCommand(d), new RegExp(`-Thumbprint ${LEAF}\\b`), commands(d));
      assert.doesNotMatch(commands(d), /<imported thumbprint>|<インポートした証明書の拇印>/);
      assert.ok(!d.findings.some((f) => f.code === 'EXPIRY_UNKNOWN'), d.findings.map((f) => f.code).join(','));
      assert.doesNotMatch(commands(d), /-GenerateRequest/);
    });
  }

  it('a request for another name keeps the placeholder: the .p7b is not its answer', () => {
    const d = diagnose(
      `Exchange 2016 CU23 (EXMB01).\n\n${TABLE('CN=owa.fabrikam.co.jp, O=Fabrikam Japan K.K., C=JP')}\n${P7B}\n`,
      { now: NOW },
    );
    const enable = d.steps.find((s) => s.id === 'pending-enable' || s.id === 'pending-enable-as-old');
    assert.match(enable?.command ?? '', /<imported thumbprint>/);
  });

  it('a table without a NotAfter column still asks for the dates', () => {
    const d = diagnose(
      `Exchange 2016 CU23 (EXMB01).\n\nThumbprint                               Services   Subject\n----------                               --------   -------\n628EF71E89D12A7C166A84A03838F08FF45A7CFB IP.WS...   ${SUBJECT}\n`,
      { now: NOW },
    );
    assert.ok(d.findings.some((f) => f.code === 'EXPIRY_UNKNOWN'));
  });
});
