import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadPowerShell } from '../../helpers/powershell-grammar.js';
import { type Release, releaseRange, useProblems } from './cmdlet-data.js';

// The judge's list of what exists per Exchange release and Windows version: every entry says where it
// comes from, and the list catches the version mistakes seen in real answers.

const powershell = await loadPowerShell();
const problems = (command: string, release: Release) =>
  powershell
    .check(command)
    .uses.flatMap((use) => useProblems(use, release))
    .join('\n');

describe('the cmdlet list', () => {
  it('names a source for every cmdlet', () => {
    const data = JSON.parse(
      readFileSync(new URL('../../fixtures/exchange-cmdlets/cmdlets.json', import.meta.url), 'utf8'),
    ) as { cmdlets: Record<string, { source?: string }>; windowsCmdlets: Record<string, { source?: string }> };
    const missing = [...Object.entries(data.cmdlets), ...Object.entries(data.windowsCmdlets)]
      .filter(([, entry]) => !entry.source?.trim())
      .map(([name]) => name);
    assert.deepEqual(missing, []);
  });

  it('reads release ranges', () => {
    assert.deepEqual(releaseRange('2013+'), ['2013', '2016', '2019', 'SE']);
    assert.deepEqual(releaseRange('-2010'), ['2007', '2010']);
    assert.deepEqual(releaseRange('2013,2016'), ['2013', '2016']);
  });

  const wrong: [string, Release, RegExp][] = [
    [
      'Get-TransportService EX10 | fl InternalTransportCertificateThumbprint',
      '2010',
      /Get-TransportService does not exist on Exchange 2010/,
    ],
    ['Get-TransportServer EX16', '2016', /Get-TransportServer does not exist on Exchange 2016/],
    [
      "New-ExchangeCertificate -GenerateRequest -RequestFile 'C:\\r.req'",
      '2019',
      /-RequestFile does not exist on Exchange 2019/,
    ],
    ["New-ExchangeCertificate -GenerateRequest -Path 'C:\\r.req'", '2013', /-Path does not exist on Exchange 2013/],
    [
      "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\c.cer'))",
      '2007',
      /-FileData does not exist on Exchange 2007/,
    ],
    ["Import-ExchangeCertificate -FileName 'C:\\c.pfx'", '2016', /-FileName does not exist on Exchange 2016/],
    [
      'Set-SendConnector "X" -TlsCertificateName "<I>A<S>B"',
      '2010',
      /-TlsCertificateName does not exist on Exchange 2010/,
    ],
    ['Set-AuthConfig -PublishCertificate', '2010', /Set-AuthConfig does not exist on Exchange 2010/],
    ['Enable-ExchangeCertificate -Thumbprint X -Services IIS,UM', 'SE', /-Services UM does not exist on Exchange SE/],
    [
      'Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport',
      '2010',
      /MSExchangeFrontEndTransport does not exist/,
    ],
    [
      "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12014}",
      '2007',
      /Get-WinEvent does not exist on Windows Server 2003/,
    ],
    [
      "Get-WebBinding -Name 'Default Web Site' -Protocol https",
      '2010',
      /Get-WebBinding does not exist on Windows Server 2008/,
    ],
    ['Export-Certificate -Cert X', '2016', /not a cmdlet or program the judge knows/],
  ];
  for (const [command, release, problem] of wrong)
    it(`catches ${command} on ${release}`, () => assert.match(problems(command, release), problem));

  const right: [string, Release][] = [
    ['Get-TransportServer EX07 | fl InternalTransportCertificateThumbprint', '2007'],
    [
      "New-ExchangeCertificate -GenerateRequest -Path 'C:\\r.req' -SubjectName 'CN=owa.litware.com' -DomainName owa.litware.com",
      '2007',
    ],
    ["Import-ExchangeCertificate -Path 'C:\\c.cer'", '2007'],
    ['Get-EventLog Application -Newest 500 | ? { $_.EventID -eq 12015 }', '2007'],
    ['Restart-Service MSExchangeFrontEndTransport', 'SE'],
    ["Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444", '2016'],
  ];
  for (const [command, release] of right)
    it(`accepts ${command} on ${release}`, () => assert.equal(problems(command, release), ''));
});
