import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// One certificate that several servers share, each logging its own STARTTLS event: one request to
// the CA on the first server, then the certificate with its key exported there and imported and
// enabled on each other server by name. REFERENCE_NOW is 2026-11-28.

const THUMBPRINT = '8976BED519B5E46B9BB489322606B9BF6D78CA45';

const event = (server: string, id: 12016 | 12018) => `
MachineName      : ${server}.corp.proseware.com
TimeCreated      : 11/28/2026 6:10:02 AM
Id               : ${id}
ProviderName     : MSExchangeTransport
LevelDisplayName : Error
Message          : ${
  id === 12018
    ? `The STARTTLS certificate will expire soon: subject: mail.proseware.com, thumbprint: ${THUMBPRINT}, hours remaining: 211. Run the New-ExchangeCertificate cmdlet to create a new certificate.`
    : `The STARTTLS certificate has expired: subject: mail.proseware.com, thumbprint: ${THUMBPRINT}. Run the New-ExchangeCertificate cmdlet to create a new certificate.`
}
`;

const paste = (question: string, servers: string[], id: 12016 | 12018) => `${question}

[PS] C:\\>${servers.map((s) => `'${s}'`).join(',')} | % { Get-WinEvent -ComputerName $_ -FilterHashtable @{LogName='Application'; Id=${id}} -MaxEvents 1 } | select MachineName,TimeCreated,Id,ProviderName,LevelDisplayName,Message | fl
${servers.map((s) => event(s, id)).join('')}`;

interface Case {
  name: string;
  lang: 'en' | 'ja';
  question: string;
  servers: string[];
  id: 12016 | 12018;
}

const CASES: Case[] = [
  {
    name: 'two servers, 12018',
    lang: 'en',
    question: 'Exchange SE, both servers log this.',
    servers: ['EXSE-01', 'EXSE-02'],
    id: 12018,
  },
  {
    name: 'three servers, 12016',
    lang: 'en',
    question: 'Exchange 2019 CU15: every server logs it.',
    servers: ['MBX1', 'MBX2', 'MBX3'],
    id: 12016,
  },
  {
    name: 'two servers, 12018',
    lang: 'ja',
    question: 'Exchange SE の 2 台で同じイベントが出ています。',
    servers: ['EXSE-01', 'EXSE-02'],
    id: 12018,
  },
  {
    name: 'three servers, 12016',
    lang: 'ja',
    question: 'Exchange 2019 CU15 の全サーバーでこのイベントが出ています。',
    servers: ['MBX1', 'MBX2', 'MBX3'],
    id: 12016,
  },
];

describe('a certificate several servers share is requested once and copied to the others', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.lang})`, () => {
      const d = diagnose(paste(c.question, c.servers, c.id), { now: REFERENCE_NOW });
      assert.equal(d.language, c.lang);
      const [first, ...others] = c.servers;
      const requests = d.steps.filter((s) => /-GenerateRequest/.test(s.command ?? ''));
      assert.equal(requests.length, 1, 'one request to the CA');
      assert.equal(requests[0]?.server, first);
      const exports = d.steps.filter((s) => /Export-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(exports.length >= 1 && exports.every((s) => s.server === first), 'exported where the key is');
      for (const other of others) {
        const on = d.steps.filter((s) => s.server === other);
        const importAt = on.findIndex((s) => /Import-ExchangeCertificate[^\n]*\.pfx/.test(s.command ?? ''));
        assert.ok(importAt >= 0, `imported on ${other}`);
        assert.ok(
          on.slice(importAt).some((s) => /Enable-ExchangeCertificate/.test(s.command ?? '')),
          `enabled on ${other} after the import`,
        );
        assert.ok(!on.some((s) => /-GenerateRequest/.test(s.command ?? '')), `no request of its own on ${other}`);
        assert.ok(
          on.some((s) => /Restart-Service MSExchangeTransport/.test(s.command ?? '')),
          `restart on ${other}`,
        );
        // Never an enable for SMTP alone: the services come from the old certificate on that server.
        assert.ok(!on.some((s) => /-Services SMTP$/.test(s.command ?? '') && /Enable/.test(s.command ?? '')));
      }
    });
  }
});
