import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeExchangeList } from '../../../src/core/recognize/exchange-list.js';
import { recognizeExchangeTable } from '../../../src/core/recognize/exchange-table.js';
import { commandTarget } from '../../../src/core/recognize/list-records.js';

/**
 * Which server a Get-ExchangeCertificate listing belongs to. The echoed command's `-Server` decides
 * over PSComputerName (over remote PowerShell that is the EMS endpoint); a self-signed
 * `CN=<host>` in a listing nothing else places names the host it is from.
 */
const A = '5A40A916D43221E30CB70C9A5A6FBEA6B834CF33';
const B = '9968F48FCC73BBB3C24FF64FB865F8DCA9943EAA';
const C = 'CEB58C1BA5ECB9B28A2BCB29FD28D52A265935F7';

const ftHeader = [
  'PSComputerName         Thumbprint                               Services Subject',
  '--------------         ----------                               -------- -------',
];
const ftRow = (computer: string, thumbprint: string, services: string, subject: string) =>
  `${computer.padEnd(22)} ${thumbprint} ${services.padEnd(8)} ${subject}`;
const plainHeader = [
  'Thumbprint                               Services Subject',
  '----------                               -------- -------',
];
const plainRow = (thumbprint: string, services: string, subject: string) =>
  `${thumbprint} ${services.padEnd(8)} ${subject}`;

describe('which server a table belongs to', () => {
  const rows: { name: string; input: string[]; want: (string | undefined)[] }[] = [
    {
      name: 'remote EMS on EXDAG01, `-Server EXDAG02` echoed with the prompt: EXDAG02, not PSComputerName',
      input: [
        '[PS] C:\\>Get-ExchangeCertificate -Server EXDAG02 | ft PSComputerName,Thumbprint,Services,Subject -AutoSize',
        '',
        ...ftHeader,
        ftRow('exdag01.contoso.com', B, '...WS..', 'CN=mail.contoso.com'),
        ftRow('exdag01.contoso.com', C, 'IP.WS..', 'CN=EXDAG02'),
      ],
      want: ['EXDAG02', 'EXDAG02'],
    },
    {
      name: 'two commands, one table each: each table is its own server',
      input: [
        'PS C:\\Users\\admin> Get-ExchangeCertificate -Server EX01 | ft Thumbprint,Services,Subject',
        '',
        ...plainHeader,
        plainRow(A, 'IP.WS..', 'CN=mail.contoso.com'),
        '',
        "PS C:\\Users\\admin> Get-ExchangeCertificate -Server 'EX02.contoso.com' | ft Thumbprint,Services,Subject",
        '',
        ...plainHeader,
        plainRow(B, 'IP.WS..', 'CN=mail.contoso.com'),
      ],
      want: ['EX01', 'EX02.contoso.com'],
    },
    {
      name: 'the command echoed without a prompt (copied from a script)',
      input: [
        'Get-ExchangeCertificate -Server EX19-02 | ft PSComputerName,Thumbprint,Services,Subject',
        ...ftHeader,
        ftRow('ex19-01.contoso.com', A, 'IP.WS..', 'CN=mail.contoso.com'),
      ],
      want: ['EX19-02'],
    },
    {
      name: 'an Enter-PSSession prompt names the server when the rows do not',
      input: [
        '[EX02]: PS C:\\Users\\admin\\Documents> Get-ExchangeCertificate | ft Thumbprint,Services,Subject',
        ...plainHeader,
        plainRow(A, '...WS..', 'CN=mail.contoso.com'),
      ],
      want: ['EX02'],
    },
    {
      name: 'Invoke-Command over two servers: each row keeps its PSComputerName',
      input: [
        '[PS] C:\\>Invoke-Command -ComputerName EX01,EX02 { Get-ExchangeCertificate } | ft PSComputerName,Thumbprint,Services,Subject',
        ...ftHeader,
        ftRow('EX01', A, 'IP.WS..', 'CN=mail.contoso.com'),
        ftRow('EX02', B, 'IP.WS..', 'CN=mail.contoso.com'),
      ],
      want: ['EX01', 'EX02'],
    },
    {
      name: 'Invoke-Command on one server without a PSComputerName column',
      input: [
        'PS C:\\> Invoke-Command -ComputerName EX02 { Get-ExchangeCertificate | ft Thumbprint,Services,Subject }',
        ...plainHeader,
        plainRow(A, '...WS..', 'CN=mail.contoso.com'),
      ],
      want: ['EX02'],
    },
    {
      name: 'a foreach with `-Server $s` under `== NAME` headings: the heading',
      input: [
        '[PS] C:\\>foreach ($s in "EX01","EX02") { "== $s"; Get-ExchangeCertificate -Server $s | ft Thumbprint,Services,Subject }',
        '== EX01',
        ...plainHeader,
        plainRow(A, 'IP.WS..', 'CN=mail.contoso.com'),
        '== EX02',
        ...plainHeader,
        plainRow(B, 'IP.WS..', 'CN=mail.contoso.com'),
      ],
      want: ['EX01', 'EX02'],
    },
    {
      name: 'PSComputerName only, but the table holds Setup’s CN=EXDAG02 and not CN=EXDAG01: EXDAG02’s listing',
      input: [
        ...ftHeader,
        ftRow('exdag01.contoso.com', B, '...WS..', 'CN=mail.contoso.com'),
        ftRow('exdag01.contoso.com', C, 'IP.WS..', 'CN=EXDAG02'),
      ],
      want: ['EXDAG02', 'EXDAG02'],
    },
    {
      name: 'PSComputerName agrees with the Setup certificate: unchanged',
      input: [
        ...ftHeader,
        ftRow('exdag01.contoso.com', B, '...WS..', 'CN=mail.contoso.com'),
        ftRow('exdag01.contoso.com', C, 'IP.WS..', 'CN=EXDAG01'),
      ],
      want: ['exdag01.contoso.com', 'exdag01.contoso.com'],
    },
    {
      name: 'no server anywhere but Setup’s CN=EX13-01: the listing is EX13-01’s',
      input: [
        ...plainHeader,
        plainRow(A, 'IP.WS..', 'CN=mail.contoso.com'),
        plainRow(C, 'IP.WS..', 'CN=EX13-01'),
        plainRow(B, '.......', 'CN=WMSvc-EX13-01'),
      ],
      want: ['EX13-01', 'EX13-01', 'EX13-01'],
    },
    {
      name: 'two hosts’ Setup certificates in one table: nothing is guessed',
      input: [...plainHeader, plainRow(A, 'IP.WS..', 'CN=EX01'), plainRow(C, 'IP.WS..', 'CN=EX02')],
      want: [undefined, undefined],
    },
    {
      name: '`-Server` outweighs a Setup certificate of another host (copied there)',
      input: [
        'Get-ExchangeCertificate -Server EX01 | ft Thumbprint,Services,Subject',
        ...plainHeader,
        plainRow(C, 'IP.WS..', 'CN=EX02'),
      ],
      want: ['EX01'],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const certs = recognizeExchangeTable(row.input.join('\n')).certificates ?? [];
      assert.deepEqual(
        certs.map((cert) => cert.servers?.[0]),
        row.want,
      );
    });
  }
});

describe('which server a list belongs to', () => {
  const record = (thumbprint: string, computer?: string) =>
    [
      ...(computer ? [`PSComputerName : ${computer}`] : []),
      `Thumbprint     : ${thumbprint}`,
      'Subject        : CN=mail.contoso.com',
      'Services       : IIS, SMTP',
      '',
    ].join('\n');
  const rows: { name: string; input: string; want: (string | undefined)[] }[] = [
    {
      name: '`-Server EXDAG02 | fl` in a remote EMS on EXDAG01',
      input: `[PS] C:\\>Get-ExchangeCertificate -Server EXDAG02 | fl PSComputerName,Thumbprint,Subject,Services\n\n${record(B, 'exdag01.contoso.com')}`,
      want: ['EXDAG02'],
    },
    {
      name: 'the same with the command echoed without a prompt',
      input: `Get-ExchangeCertificate -Server EXDAG02 | fl\n\n${record(B, 'exdag01.contoso.com')}${record(C, 'exdag01.contoso.com')}`,
      want: ['EXDAG02', 'EXDAG02'],
    },
    {
      name: 'an Enter-PSSession prompt when the records name no server',
      input: `[EX02]: PS C:\\> Get-ExchangeCertificate | fl Thumbprint,Subject,Services\n\n${record(A)}`,
      want: ['EX02'],
    },
    {
      name: 'PSComputerName only, and Setup’s CN=EXDAG02 among the records: EXDAG02’s listing',
      input: `${record(B, 'exdag01.contoso.com')}PSComputerName     : exdag01.contoso.com\nThumbprint         : ${C}\nSubject            : CN=EXDAG02\nIssuer             : CN=EXDAG02\nCertificateDomains : {EXDAG02, EXDAG02.contoso.com}\nServices           : IMAP, POP, IIS, SMTP\n`,
      want: ['EXDAG02', 'EXDAG02'],
    },
    {
      name: 'no server anywhere but Setup’s CN=EX01: the listing is EX01’s',
      input: `${record(A)}Thumbprint         : ${C}\nSubject            : CN=EX01\nIssuer             : CN=EX01\nCertificateDomains : {EX01, EX01.contoso.com}\nServices           : IMAP, POP, IIS, SMTP\n`,
      want: ['EX01', 'EX01'],
    },
    {
      name: 'Invoke-Command over two servers: each record keeps its PSComputerName',
      input: `[PS] C:\\>Invoke-Command -ComputerName EX01,EX02 { Get-ExchangeCertificate } | fl\n\n${record(A, 'EX01')}${record(B, 'EX02')}`,
      want: ['EX01', 'EX02'],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const certs = recognizeExchangeList(row.input).certificates ?? [];
      assert.deepEqual(
        certs.map((cert) => cert.servers?.[0]),
        row.want,
      );
    });
  }
});

describe('commandTarget', () => {
  const rows: { input: string; want: ReturnType<typeof commandTarget> }[] = [
    { input: '[PS] C:\\>Get-ExchangeCertificate -Server EXDAG02 | ft', want: { server: 'EXDAG02', strength: 'asked' } },
    { input: 'Get-ExchangeCertificate -Server "EX02" | fl', want: { server: 'EX02', strength: 'asked' } },
    { input: 'Get-ExchangeCertificate -Server $s | ft', want: undefined },
    { input: 'Invoke-Command -ComputerName EX01,EX02 { Get-ExchangeCertificate }', want: undefined },
    { input: 'icm -cn EX03 { Get-ExchangeCertificate }', want: { server: 'EX03', strength: 'remote' } },
    {
      input: 'Invoke-Command -ComputerName EX01 { Get-ExchangeCertificate -Server EX02 }',
      want: { server: 'EX02', strength: 'asked' },
    },
    { input: '[EX02]: PS C:\\> Get-ExchangeCertificate', want: { server: 'EX02', strength: 'remote' } },
    { input: 'The certificate on EX02 -Server EX03 is expired', want: undefined },
  ];
  for (const row of rows) it(row.input, () => assert.deepEqual(commandTarget(row.input), row.want));
});
