import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const NEW = '5C841758D70A44E25E79CDE0CBEF8B8E5CDA8889';
const OLD = 'EF408B4AE40A8815F3DBD30C5C04B0061064AF46';

/** A store listing of every member (no Services), then the renewal's services read on the first. */
function paste(
  servers: string[],
  lacking: string,
  services: string,
  order: 'server-first' | 'thumbprint-first',
): string {
  const rows = servers
    .flatMap((s) =>
      s === lacking
        ? [`${s.padEnd(14)} ${OLD} 11/27/2026 11:59:59 PM CN=mail.litwareinc.com`]
        : [
            `${s.padEnd(14)} ${NEW} 11/26/2027 11:59:59 PM CN=mail.litwareinc.com`,
            `${s.padEnd(14)} ${OLD} 11/27/2026 11:59:59 PM CN=mail.litwareinc.com`,
          ],
    )
    .join('\n');
  const source = servers[0] ?? '';
  const args =
    order === 'server-first' ? `-Server ${source} -Thumbprint ${NEW}` : `-Thumbprint ${NEW} -Server ${source}`;
  return `[PS] C:\\>Invoke-Command -ComputerName ${servers.join(',')} { Get-ChildItem Cert:\\LocalMachine\\My | ? Subject -like '*litwareinc*' | select Thumbprint,NotAfter,Subject } | ft PSComputerName,Thumbprint,NotAfter,Subject -AutoSize

PSComputerName Thumbprint                               NotAfter               Subject
-------------- ----------                               --------               -------
${rows}

[PS] C:\\>Get-ExchangeCertificate ${args} | fl Services,PrivateKeyExportable,CertificateDomains

Services             : ${services}
PrivateKeyExportable : True
CertificateDomains   : {mail.litwareinc.com, autodiscover.litwareinc.com}
`;
}

/**
 * The old certificate's services are not in the paste, but the renewal's are where it was completed:
 * the member that lacks the renewal gets it enabled for those services, with IIS restarted there when
 * they include IIS, and no placeholder for the services.
 */
describe('a renewal copied to a member that lacks it takes the services it has where it was completed', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    prose: string;
    servers: string[];
    lacking: string;
    services: string;
    order: 'server-first' | 'thumbprint-first';
  }[] = [
    {
      name: 'DAG of three behind a VIP, IIS and SMTP',
      lang: 'en',
      prose:
        'DAG of 3 behind a KEMP VIP, Exchange 2019 CU14. Renewed on EXDAG01, copied to 02. A third of Outlook users get certificate errors.',
      servers: ['EXDAG01', 'EXDAG02', 'EXDAG03'],
      lacking: 'EXDAG03',
      services: 'IIS, SMTP',
      order: 'server-first',
    },
    {
      name: 'DAG of three, the thumbprint before -Server',
      lang: 'en',
      prose: 'Exchange 2019 CU14 DAG behind one VIP. Renewal done on EXDAG01 and EXDAG02 only.',
      servers: ['EXDAG01', 'EXDAG02', 'EXDAG03'],
      lacking: 'EXDAG03',
      services: 'IMAP, POP, IIS, SMTP',
      order: 'thumbprint-first',
    },
    {
      name: '2 台の DAG、片方に更新後の証明書がない',
      lang: 'ja',
      prose:
        'Exchange 2019 CU14 の DAG（EXJ01、EXJ02）で、ロード バランサーの配下です。EXJ01 で更新しましたが EXJ02 に入れ忘れました。',
      servers: ['EXJ01', 'EXJ02'],
      lacking: 'EXJ02',
      services: 'IIS, SMTP',
      order: 'server-first',
    },
    {
      name: 'SMTP only: no IIS restart',
      lang: 'en',
      prose: 'Exchange 2019 CU14, two servers MBX1 and MBX2. The renewed SMTP certificate is only on MBX1.',
      servers: ['MBX1', 'MBX2'],
      lacking: 'MBX2',
      services: 'SMTP',
      order: 'server-first',
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(`${row.prose}\n\n${paste(row.servers, row.lacking, row.services, row.order)}`, {
        now: NOW,
        lang: row.lang,
      });
      const ids = d.steps.map((s) => s.id);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      const wanted = row.services.replaceAll(' ', '');
      assert.doesNotMatch(commands, /<services>|<サービス>|-GenerateRequest/);
      const on = d.steps.filter((s) => s.server === row.lacking);
      const onIds = on.map((s) => s.id);
      assert.ok(onIds.includes('import-copy'), `${row.lacking}: ${onIds.join(',')}`);
      const enable = on.find((s) => /Enable-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(enable, `${row.lacking}: ${onIds.join(',')}`);
      assert.match(enable.command ?? '', new RegExp(`-Thumbprint ${NEW} -Services ${wanted}$`));
      if (wanted.includes('IIS')) assert.ok(onIds.includes('restart-iis'), onIds.join(','));
      else assert.ok(!onIds.includes('restart-iis'), onIds.join(','));
      // Where it was completed, the renewal already serves these: it is not enabled there again.
      const source = row.servers[0];
      assert.ok(
        !d.steps.some((s) => s.server === source && /Enable-ExchangeCertificate/.test(s.command ?? '')),
        ids.join(','),
      );
      // Each member checks its own binding before the old certificate goes there.
      const removals = d.steps.filter((s) => /Remove-ExchangeCertificate/.test(s.command ?? ''));
      for (const removal of removals) {
        const at = d.steps.indexOf(removal);
        const checked = d.steps
          .slice(0, at)
          .some((s) => s.server === removal.server && (s.id === 'check-443-here' || s.id === 'verify-events'));
        assert.ok(checked, `${removal.server}: ${ids.join(',')}`);
      }
    });
});
