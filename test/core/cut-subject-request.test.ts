import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A subject the console cut short ('…, S=W...') is never copied into -SubjectName: the request is made
// from the old certificate itself, which holds the subject and every name whole.

const THUMBPRINT = 'C35E717DDC8E08E6DB6CE8F2079869BF0D545B6B';
const table = (subject: string) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject

Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
${THUMBPRINT} IP.WS..  11/25/2026 11:59:59 PM ${subject}
`;

const cases = [
  {
    prose: 'Exchange 2010 SP3 on CAS01: OWA shows the certificate expired. How do I renew it?',
    subject: 'CN=mail.fabrikam.com, OU=IT, O=Fabrikam Inc., L=Seattle, S=W...',
  },
  {
    prose: 'Exchange 2016 CU23 の EX16-01 です。証明書が切れました。更新手順を教えてください。',
    subject: 'CN=mail.fabrikam.co.jp, O=Fabrikam KK, L=Minato-ku, S=Tok…',
  },
  {
    prose: 'Exchange 2019 CU14, EX19-01: the public cert expired on Tuesday.',
    subject: 'CN=mail.fabrikam.com, O=Fabrikam...',
  },
];

describe('a subject cut by the console is renewed from the certificate itself', () => {
  for (const c of cases)
    it(c.prose.slice(0, 40), () => {
      const d = diagnose(`${c.prose}\n\n${table(c.subject)}`, { now: REFERENCE_NOW });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(
        commands,
        new RegExp(`Get-ExchangeCertificate -Thumbprint ${THUMBPRINT} \\| New-ExchangeCertificate -GenerateRequest`),
      );
      assert.doesNotMatch(commands, /-SubjectName '[^']*(?:\.\.\.|…)'/);
    });
});
