import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A Get-ExchangeCertificate table without -Server lists the local store. When it hides the issuer,
// Setup's CN=<server> cannot be told from any other bare name, but the management service's
// CN=WMSvc-<server> still names the server: the steps run there and fill its name in.
const table = (question: string, wmsvc: string[], setup = wmsvc.length === 1) => `${question}

[PS] C:\\Windows\\system32>Get-ExchangeCertificate | ft Thumbprint,NotAfter,Services,Subject -AutoSize

Thumbprint                               NotAfter              Services Subject
----------                               --------              -------- -------
5C0069F1758D26384405CC56568A5C8E4DD53ECB 11/2/2026 9:12:38 AM  IMAP,... CN=${setup ? wmsvc[0] : 'mail.contoso.com'}
${wmsvc.map((host, i) => `1B4C1C3F04C0298673CD266C5C278F3BDCBFEDF${i} 11/1/2031 4:05:11 PM  None     CN=WMSvc-${host}`).join('\n')}
`;

describe('the server a table names only through its WMSvc certificate', () => {
  const rows: { name: string; question: string; wmsvc: string[]; server?: string; setup?: boolean }[] = [
    { name: 'WMSvc alone', question: 'Expired cert on our box, what now?', wmsvc: ['EX16-02'], server: 'EX16-02', setup: false },
    { name: 'en', question: 'The cert expired, no events that I can see. Can I just delete it?', wmsvc: ['EX13-01'], server: 'EX13-01' },
    { name: 'ja', question: '証明書の期限が切れました。削除してよいですか?', wmsvc: ['EXJ-MBX2'], server: 'EXJ-MBX2' },
    { name: 'two servers: none is guessed', question: 'Expired cert, what now?', wmsvc: ['EX01', 'EX02'] },
  ];
  for (const row of rows)
    it(row.name, () => {
      const d = diagnose(table(row.question, row.wmsvc, row.setup), { now: REFERENCE_NOW });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      if (row.server) {
        assert.equal(d.servers?.[0]?.name, row.server);
        assert.doesNotMatch(commands, /<server>|<server name>/);
        assert.ok(d.steps.some((s) => s.title.includes(row.server ?? '')), d.steps.map((s) => s.title).join('\n'));
      } else {
        assert.equal(d.servers?.[0]?.name, undefined);
      }
    });
});
