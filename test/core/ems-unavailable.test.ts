import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

/**
 * The admin's word that the Exchange Management Shell cannot be used changes the plan: it first gets
 * the Shell back with commands that do not need it (netsh, the store through Windows PowerShell,
 * IIS's module, the local snap-in), then the plan. Words that only mention the Shell change nothing.
 */

const NOW = new Date('2026-11-28T12:00:00Z');

const EVENT_12015 = (computer: string) => `Log Name:      Application
Source:        MSExchangeTransport
Date:          11/28/2026 9:02:15 AM
Event ID:      12015
Task Category: TransportService
Level:         Warning
Computer:      ${computer}
Description:
An internal transport certificate expired. Thumbprint:12EFCEF3C4647D7E4A966820DE789DA58B36D749
`;

const EVENT_12015_JA = (computer: string) => `ログの名前:         Application
ソース:           MSExchangeTransport
日付:            2026/11/28 9:02:15
イベント ID:       12015
レベル:           警告
コンピューター:       ${computer}
説明:
内部トランスポート証明書の有効期限が切れています。拇印: 12EFCEF3C4647D7E4A966820DE789DA58B36D749
`;

const CERTUTIL = `C:\\>certutil -store my
my "Personal"
================ Certificate 0 ================
Serial Number: 2e7f9a3c5b1d8e4f
Issuer: CN=EX16-01
 NotBefore: 11/25/2021 3:04 PM
 NotAfter: 11/25/2026 3:04 PM
Subject: CN=EX16-01
Cert Hash(sha1): 8b 4e f1 98 c7 a7 ea 77 07 18 e8 3a 41 ca 57 1e 91 01 10 6b
CertUtil: -store command completed successfully.
`;

interface Row {
  name: string;
  paste: string;
  /** The Shell is said to be down: the plan starts by getting it back. */
  down: boolean;
  /** Text the first steps (before any Exchange cmdlet) hold. */
  first?: string[];
  /** Text no step may hold. */
  notSteps?: string[];
  language?: 'en' | 'ja';
}

const rows: Row[] = [
  {
    name: '"No EMS access right now (remote PS broken)" beside certutil (2013)',
    paste: `Exchange 2013 CU23 CAS/MBX (EX16-01). No EMS access right now (remote PS broken), so here is certutil from an elevated cmd:\n\n${CERTUTIL}`,
    down: true,
    first: [
      'netsh http show sslcert ipport=0.0.0.0:444',
      'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn',
    ],
    notSteps: ['New-EdgeSubscription'],
  },
  {
    name: '"I cannot open the Exchange Management Shell" with a 12015 (2016)',
    paste: `Exchange 2016 CU23. I cannot open the Exchange Management Shell since this morning.\n\n${EVENT_12015('EX16-02.contoso.com')}`,
    down: true,
    first: ['Get-ChildItem Cert:\\LocalMachine\\My', "Get-WebBinding -Name 'Exchange Back End'", 'Add-PSSnapin'],
  },
  {
    name: '"EMS won\'t even connect" (English, no version)',
    paste: `Mail is fine but EMS won't even connect on EX01.\n\n${EVENT_12015('EX01.fabrikam.local')}`,
    down: true,
    first: ['netsh http show sslcert ipport=0.0.0.0:444', 'Add-PSSnapin'],
  },
  {
    name: 'Exchange 2010: remote PowerShell is broken: the 2010 snap-in, no 444',
    paste: `Exchange 2010 SP3 Hub/CAS HUB01. Remote PowerShell is broken, the console gives WinRM errors.\n\n${EVENT_12015('HUB01.contoso.com')}`,
    down: true,
    first: ['Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010'],
    notSteps: ['0.0.0.0:444', 'Microsoft.Exchange.Management.PowerShell.SnapIn'],
  },
  {
    name: 'Japanese: 「EMS が開けない」 with a 12015',
    paste: `Exchange 2019 CU14 の EXJ01 です。EMS が開けないので、イベント ビューアーの内容だけ貼ります。\n\n${EVENT_12015_JA('EXJ01.corp.example.jp')}`,
    down: true,
    language: 'ja',
    first: [
      'netsh http show sslcert ipport=0.0.0.0:444',
      'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn',
    ],
  },
  {
    name: 'Japanese: 「管理シェルにつながりません」',
    paste: `EX2016 で Exchange 管理シェルにつながりません。certutil の結果です。\n\n${CERTUTIL}`,
    down: true,
    language: 'ja',
    first: ['Get-ChildItem Cert:\\LocalMachine\\My', 'Add-PSSnapin'],
  },
  {
    name: 'Japanese: 「リモート PowerShell が使えません」',
    paste: `リモート PowerShell が使えません。\n\n${EVENT_12015_JA('EXJ02.corp.example.jp')}`,
    down: true,
    language: 'ja',
    first: ['Add-PSSnapin'],
  },
  {
    name: "the Shell's own WinRM error pasted",
    paste: `Connecting to remote server ex19-01.contoso.com failed with the following error message : The WinRM client received an HTTP server error status (500), but the remote service did not include any other information about the cause of the failure.\n\n${EVENT_12015('EX19-01.contoso.com')}`,
    down: true,
    first: ['netsh http show sslcert ipport=0.0.0.0:444'],
  },
  {
    name: '"EMS isn\'t connecting" (English)',
    paste: `EMS isn't connecting on EX16-02 since the reboot.\n\n${EVENT_12015('EX16-02.contoso.com')}`,
    down: true,
    first: ['Add-PSSnapin'],
  },
  {
    name: 'an Edge (EXEDGE01): no Back End site to check, only the local snap-in',
    paste: `EMS won't open on our Edge.\n\n${EVENT_12015('EXEDGE01.dmz.contoso.com')}`,
    down: true,
    first: ['Add-PSSnapin'],
    notSteps: ['0.0.0.0:444', 'Exchange Back End'],
  },
  {
    name: 'a cmdlet failing in the EMS is not the Shell being down',
    paste: `In EMS, Enable-ExchangeCertificate fails on EX16-02.\n\n${EVENT_12015('EX16-02.contoso.com')}`,
    down: false,
  },
  {
    name: 'Output pasted from the EMS: the Shell works, nothing changes',
    paste: `Here is the output from EMS, I ran it in the Exchange Management Shell on EX16-02:\n\n${EVENT_12015('EX16-02.contoso.com')}`,
    down: false,
  },
  {
    name: 'Japanese: 「EMS で実行した結果です」: the Shell works',
    paste: `EMS で実行した結果です。\n\n${EVENT_12015_JA('EXJ01.corp.example.jp')}`,
    down: false,
    language: 'ja',
  },
];

describe('the Management Shell said to be down: the plan gets it back first', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = diagnose(row.paste, { now: NOW });
      if (row.language) assert.equal(result.language, row.language);
      const codes = result.findings.map((f) => f.code);
      assert.equal(codes.includes('EMS_UNAVAILABLE'), row.down, codes.join(', '));
      const text = (step: (typeof result.steps)[number]) => `${step.title}\n${step.command ?? ''}`;
      for (const step of row.notSteps ?? [])
        assert.ok(!result.steps.some((s) => text(s).includes(step)), `a step holds ${step}`);
      if (!row.down) {
        assert.ok(!result.steps.some((s) => (s.id ?? '').startsWith('ems-')));
        return;
      }
      // Everything before the snap-in runs without the Shell; the snap-in comes before any other step.
      // (With the release unknown, the one question that decides the release is asked first.)
      const snapIn = result.steps.findIndex((s) => s.id === 'ems-local-snapin');
      assert.ok(snapIn >= 0, 'no snap-in step');
      assert.ok(
        result.steps.slice(0, snapIn).every((s) => (s.id ?? '').startsWith('ems-') || s.id === 'show-exchange-version'),
        result.steps.map((s) => s.id).join(', '),
      );
      const head = result.steps
        .slice(0, snapIn + 1)
        .map(text)
        .join('\n');
      for (const step of row.first ?? []) assert.ok(head.includes(step), `the first steps lack ${step}:\n${head}`);
      const message = result.findings.find((f) => f.code === 'EMS_UNAVAILABLE')?.message ?? '';
      assert.match(
        message,
        row.language === 'ja' ? /スナップイン[\s\S]*サポートしていません/ : /snap-in[\s\S]*does not support/,
      );
    });
  }
});
