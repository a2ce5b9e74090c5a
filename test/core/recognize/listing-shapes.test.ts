import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { recognizeExchangeTable } from '../../../src/core/recognize/exchange-table.js';
import { recognizeHealthChecker } from '../../../src/core/recognize/healthchecker.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const A = 'C1264F76B186E5A654B65D38145C80467FD2C0FD';
const B = '267B021AF1C16A5EA1A7A5BB5F12DFCB6CFBD008';

/** A Get-ExchangeCertificate table over every server: the first column names the row's server. */
describe('Get-ExchangeCertificate table with a server column', () => {
  const rows: { name: string; column: string; date: string; want: string }[] = [
    { name: 'Server column, en-GB day-first', column: 'Server', date: '01/12/2026 23:59:59', want: '2026-12-01' },
    {
      name: 'PSComputerName column, en-GB day-first',
      column: 'PSComputerName',
      date: '01/12/2026 23:59:59',
      want: '2026-12-01',
    },
    { name: 'Server column, ja-JP year-first', column: 'Server', date: '2026/12/01 23:59:59', want: '2026-12-01' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const pad = ' '.repeat(Math.max(0, 7 - row.column.length));
      const text = [
        `${row.column}${pad} Thumbprint                               Services  NotAfter            Subject`,
        `${'-'.repeat(row.column.length)}${pad} ----------                               --------  --------            -------`,
        `EXSE01 ${' '.repeat(Math.max(0, row.column.length - 6))}${pad}${A} IIS, SMTP ${row.date} CN=mail.contoso.com`,
        `EXSE02 ${' '.repeat(Math.max(0, row.column.length - 6))}${pad}${B} SMTP      ${row.date} CN=EXSE02`,
      ].join('\n');
      const certs = recognizeExchangeTable(text).certificates ?? [];
      assert.deepEqual(
        certs.map((c) => [c.thumbprint, c.servers, c.notAfter?.slice(0, 10)]),
        [
          [A, ['EXSE01'], row.want],
          [B, ['EXSE02'], row.want],
        ],
      );
    });
  }
});

/** HealthChecker's certificate section with `Lifetime: N day(s)` and no Generation Time. */
describe('HealthChecker certificate section with Lifetime in day(s)', () => {
  const section = (lifetime: number, friendly: string, auth: boolean) =>
    [
      'Exchange Server Membership',
      '--------------------------',
      '        Server:  EXCH19-02',
      '        Build Number: 15.2.1748.10',
      '',
      'Exchange Certificates',
      '---------------------',
      '        Certificate:',
      `                FriendlyName: ${friendly}`,
      `                Thumbprint: ${A}`,
      `                Lifetime: ${lifetime} day(s)`,
      '                Key Size: 2048',
      `                Is current Auth Certificate: ${auth ? 'True' : 'False'}`,
      '                Bound to services: IIS, SMTP',
    ].join('\n');
  const rows: { name: string; lifetime: number; friendly: string; auth: boolean; days: number }[] = [
    { name: 'CA certificate, 14 days left', lifetime: 14, friendly: 'mail.contoso.com 2025', auth: false, days: 14 },
    { name: 'expired 3 days ago', lifetime: -3, friendly: 'mail.contoso.com', auth: false, days: -3 },
    {
      name: 'current Auth certificate',
      lifetime: 1402,
      friendly: 'Microsoft Exchange Server Auth Certificate',
      auth: true,
      days: 1402,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const text = section(row.lifetime, row.friendly, row.auth);
      const evidence = recognizeHealthChecker(text);
      const cert = evidence.certificates?.[0];
      assert.equal(cert?.lifetimeDays, row.lifetime);
      assert.deepEqual(cert?.servers, ['EXCH19-02']);
      assert.equal(cert?.keySize, 2048);
      assert.equal(cert?.role, row.auth ? 'auth' : undefined);
      assert.deepEqual(
        (evidence.certificateUses ?? []).map((u) => u.use),
        row.auth ? ['authCurrent'] : [],
      );
      const found = diagnose(text, { now: NOW }).certificates.find((c) => c.thumbprint === A);
      assert.equal(found?.daysLeft, row.days);
    });
  }
});
