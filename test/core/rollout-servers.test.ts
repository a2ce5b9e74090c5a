import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { readProseServerNames, readServerCount } from '../../src/core/recognize/prose-servers.js';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('servers the admin names or counts in prose', () => {
  const cases: [string, string[], number | undefined][] = [
    [
      'Exchange 2019 CU14, 3 mailbox servers in a DAG (EXDAG01-03), all behind a KEMP.',
      ['EXDAG01', 'EXDAG02', 'EXDAG03'],
      3,
    ],
    ['Our servers (EX01-EX03) share mail.contoso.com.', ['EX01', 'EX02', 'EX03'], undefined],
    ['EX2019 CU15 on 2022, DAG of 3. Saw this on EX19-02.', [], 3],
    ['Exchange 2019 CU14, SRV01-02.', ['SRV01-02'], undefined],
    ['Exchange 2016 CU23 (EX16-01)', ['EX16-01'], undefined],
    ['3 台の DAG 構成です（EXJ01、EXJ02）。', ['EXJ01', 'EXJ02'], 3],
    ['DAG は 4 台です。', [], 4],
    ['a three-node DAG', [], 3],
    ['both servers behind the load balancer', [], 2],
  ];
  for (const [text, names, count] of cases) {
    it(text, () => {
      assert.deepEqual(readProseServerNames(text), names);
      assert.equal(readServerCount(text), count);
    });
  }
});

const EVENT_12018 = (computer: string) => `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="MSExchangeTransport" />
    <EventID Qualifiers="49152">12018</EventID>
    <Level>2</Level>
    <TimeCreated SystemTime="2026-11-28T03:12:44.7132051Z" />
    <Channel>Application</Channel>
    <Computer>${computer}</Computer>
  </System>
  <EventData>
    <Data>mail.contoso.com</Data>
    <Data>A4DB7FD9E17039B0FD279BC81A0FD7DAB952DDDB</Data>
    <Data>104</Data>
  </EventData>
</Event>`;

const commands = (text: string, lang: 'en' | 'ja' = 'en') =>
  diagnose(text, { now: NOW, lang })
    .steps.map((s) => s.command ?? '')
    .join('\n');

describe('every server the paste speaks of gets the renewed certificate', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: "DAG of 3" with none of the others named: export, list the members, import on each`, () => {
      const all = commands(
        `EX2019 CU15, DAG of 3. Saw this on EX19-02. Do we have time?\n\n${EVENT_12018('EX19-02.corp.contoso.com')}`,
        lang,
      );
      assert.match(all, /Export-ExchangeCertificate/);
      assert.match(all, /Get-DatabaseAvailabilityGroup \| fl Name,Servers/);
      assert.match(all, /Import-ExchangeCertificate -Server/);
    });
  }

  it('servers named as a range in prose each get the copy by name', () => {
    const paste = `Exchange 2019 CU14, 3 mailbox servers in a DAG (EXDAG01-03). The Sectigo cert runs out on the 5th.

[PS] C:\\>Get-ExchangeCertificate -Server EXDAG01 | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
B885B172DEC15E8AAB779111E3BD8AB0152BB4D6 IP.WS..  12/5/2026 11:59:59 PM CN=webmail.woodgrovebank.com, O=Woodgrove Bank, C=US
E2FB8016637EAB5E5416D8EB702C3AD415858673 IP.WS..  8/24/2030 2:01:17 PM  CN=EXDAG01
`;
    const d = diagnose(paste, { now: NOW, lang: 'en' });
    const servers = new Set(d.steps.filter((s) => s.id === 'import-copy').map((s) => s.server));
    assert.deepEqual([...servers], ['EXDAG02', 'EXDAG03']);
    assert.doesNotMatch(commands(paste), /<other server>/);
  });

  it('a server Get-ExchangeServer lists without a certificate listing gets the roll-out, labelled by its role', () => {
    const paste = `Exchange 2013 CU23, separate CAS and Mailbox. The renewed cert is only on MBX01; MX points at the CAS load balancer.

[PS] C:\\>Get-ExchangeServer | ft Name,ServerRole,AdminDisplayVersion -AutoSize

Name  ServerRole   AdminDisplayVersion
----  ----------   -------------------
CAS01 ClientAccess Version 15.0 (Build 1497.2)
CAS02 ClientAccess Version 15.0 (Build 1497.2)
MBX01 Mailbox      Version 15.0 (Build 1497.2)

[PS] C:\\>Get-ExchangeCertificate -Server CAS01 | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services  NotAfter               Subject
----------                               --------  --------               -------
62F644B06BB57EE624C38DEB4F615BBC8DF13F14 ...WS..   11/20/2026 11:59:59 PM CN=mail.contoso.com, O=Contoso Ltd, C=US

[PS] C:\\>Get-ExchangeCertificate -Server MBX01 | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services  NotAfter               Subject
----------                               --------  --------               -------
50636BCA5AA5774FEF55292101E7908C9C2E3C42 ...WS..   11/21/2027 11:59:59 PM CN=mail.contoso.com, O=Contoso Ltd, C=US
62F644B06BB57EE624C38DEB4F615BBC8DF13F14 ...WS..   11/20/2026 11:59:59 PM CN=mail.contoso.com, O=Contoso Ltd, C=US
`;
    for (const lang of ['en', 'ja'] as const) {
      const d = diagnose(paste, { now: NOW, lang });
      const imported = d.steps.filter((s) => s.id === 'import-copy');
      assert.deepEqual(imported.map((s) => s.server).sort(), ['CAS01', 'CAS02']);
      for (const step of d.steps.filter((s) => s.server === 'CAS01' || s.server === 'CAS02'))
        assert.notEqual(step.role, 'mailbox', step.title);
      // One enable per server for the renewed certificate: a second, narrower one is not repeated.
      const enables = d.steps.filter((s) => /^Enable-ExchangeCertificate -Thumbprint 50636/.test(s.command ?? ''));
      const perServer = enables.map((s) => s.server);
      assert.equal(new Set(perServer).size, perServer.length, perServer.join(','));
    }
  });
});
