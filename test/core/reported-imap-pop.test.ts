import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const LISTING = `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter            Subject
----------                               -------- --------            -------
4E71B0C93D2A58F6E1B7D0A94C3F26E85B1D7A90 IP.WS..  2027/11/26 22:14:31 CN=*.contoso.co.jp
C7A05E3B9D1F4682E0B5C7A3D9F1E6B24A8C0D53 ....S..  2030/03/08 13:38:10 CN=EXSE01
`;

/** An admin's report of a POP/IMAP name error is evidence: never a green all-clear. */
const REPORTS: [string, 'en' | 'ja'][] = [
  ['POP/IMAP クライアントで証明書の名前エラーが出ます。', 'ja'],
  ['IMAP の接続で証明書の名前が一致しないと警告されます。', 'ja'],
  ['POP and IMAP clients get a certificate name mismatch error.', 'en'],
  ['Outlook over IMAP says the certificate name does not match.', 'en'],
  ['Our POP3 users see a certificate warning since the renewal.', 'en'],
];

describe('an admin who reports a POP/IMAP certificate name error gets the fix, not an all-clear', () => {
  for (const [report, lang] of REPORTS) {
    it(report, () => {
      const d = diagnose(`Exchange SE, EXSE01. ${report}\n\n${LISTING}`, { now: NOW, lang });
      assert.equal(d.severity, 'warning', d.summary);
      assert.ok(
        d.findings.some((f) => f.code === 'IMAP_POP_CERTIFICATE_NAME'),
        d.findings.map((f) => f.code).join(','),
      );
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, /Set-(?:Imap|Pop)Settings/);
    });
  }

  it('a question that only names POP, without a name error, is left alone', () => {
    const d = diagnose(`Exchange SE, EXSE01. Does the renewal need anything for POP?\n\n${LISTING}`, {
      now: NOW,
      lang: 'en',
    });
    assert.ok(!d.findings.some((f) => f.code === 'IMAP_POP_CERTIFICATE_NAME'));
  });
});
