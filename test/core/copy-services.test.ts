import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal copied to the other servers holding the certificate is enabled there for the services the
// old certificate has there: read from the old certificate when the paste does not list them, never a
// `-Services <services>` placeholder for the admin to fill in at 3 a.m.

const OLD = 'BC52102509A160B67352C37C22207BC940D8C488';

const listing = (
  a: string,
  b: string,
  subject: string,
) => `PS> Invoke-Command -ComputerName ${a},${b} { Get-ChildItem Cert:\\LocalMachine\\My | select Thumbprint,NotAfter,Subject } | ft PSComputerName,Thumbprint,NotAfter,Subject

PSComputerName Thumbprint                               NotAfter            Subject
-------------- ----------                               --------            -------
${a}        ${OLD} 2026/12/09 18:30:00 ${subject}
${a}        B99259D075E0A759AA5253A467C4EF8AFB3D7FC3 2030/02/14 9:11:02  CN=${a}
${b}        ${OLD} 2026/12/09 18:30:00 ${subject}
${b}        99B9C21558EB8CF8F137CE1EB537DBA604E131DF 2030/02/15 9:40:51  CN=${b}`;

const event12017 = (computer: string, ja: boolean) => `${ja ? 'ログの名前:' : 'Log Name:'}         Application
${ja ? 'ソース:' : 'Source:'}           MSExchangeTransport
${ja ? 'イベント ID:' : 'Event ID:'}       12017
${ja ? 'レベル:           警告' : 'Level:           Warning'}
${ja ? 'コンピューター:' : 'Computer:'}       ${computer}
${ja ? '説明:' : 'Description:'}
An internal transport certificate will expire soon. Thumbprint:${OLD}, hours remaining: 272`;

const ROWS: { name: string; paste: string; lang: 'en' | 'ja'; other: string }[] = [
  {
    name: 'Japanese: two DAG members, a Cert:\\ listing without Services',
    paste: `DAG の 2 台で 12017 が出ています。両方とも Exchange 2016 CU23 です。
${listing('OSKEX01', 'OSKEX02', 'CN=mail.naniwa-shoji.co.jp, O=Naniwa Shoji, C=JP')}

${event12017('OSKEX02.naniwa.local', true)}`,
    lang: 'ja',
    other: 'OSKEX01',
  },
  {
    name: 'English: two DAG members, a Cert:\\ listing without Services',
    paste: `Both DAG members log 12017. Exchange 2019 CU14.
${listing('MBXA01', 'MBXA02', 'CN=mail.tailspintoys.com, O=Tailspin Toys, C=US')}

${event12017('MBXA02.tailspintoys.com', false)}`,
    lang: 'en',
    other: 'MBXA01',
  },
];

describe('a renewal copied to another server is enabled there for the old certificate’s services', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW });
      assert.equal(d.language, row.lang);
      const there = d.steps.filter((s) => s.server === row.other);
      const enable = there.find((s) => /Enable-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(enable, there.map((s) => s.id).join(' '));
      assert.doesNotMatch(enable.command ?? '', /-Services <|-Services\s*$/m);
      assert.match(enable.command ?? '', new RegExp(`Get-ExchangeCertificate -Thumbprint ${OLD}\\)\\.Services`));
    });
  }
});
