import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { recognizeExchangeTable } from '../../../src/core/recognize/exchange-table.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';

/**
 * `Get-ExchangeCertificate | ft … -AutoSize` cuts long cells with `...` (Windows PowerShell) or `…`
 * (PowerShell 7): what is left is a prefix. It may still name a known certificate; it is never the
 * whole value (no host name, no complete list of services).
 */
const T1 = 'B1C2D3E4F5A60718293A4B5C6D7E8F9012345678';

/** Columns padded to the widths of `header`; a value may run past its column, as pasted tables do. */
function table(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' ')
      .trimEnd();
  return [line(columns), line(columns.map((c) => '-'.repeat(c.length))), ...rows.map(line)].join('\n');
}

describe('cut table cells', () => {
  const rows: {
    name: string;
    input: string;
    role?: string;
    services?: string[];
    atLeast?: string[];
    domains?: string[];
  }[] = [
    {
      name: 'Auth subject and issuer cut, a value one character past its header',
      input: [
        'Thumbprint                               Services     NotAfter              Subject                                   Issuer',
        '----------                               --------     --------              -------                                   ------',
        `${T1} SMTP         12/10/2026 9:14:03 AM CN=Microsoft Exchange Server Auth Certif... CN=Microsoft Exchange Server Auth Certif...`,
      ].join('\n'),
      role: 'auth',
      services: ['SMTP'],
      domains: [],
    },
    {
      name: 'Auth subject cut with … (PowerShell 7), no issuer column',
      input: table(['Thumbprint', 'Services', 'Subject'], [[T1, 'SMTP', 'CN=Microsoft Exchange Server A…']]),
      role: 'auth',
      services: ['SMTP'],
    },
    {
      name: 'Auth-like prefix but issued by a CA: not the Auth certificate',
      input: table(
        ['Thumbprint', 'Subject', 'Issuer'],
        [[T1, 'CN=Microsoft Exchange Server Au...', 'CN=Contoso Issuing CA 01, DC=contoso, DC=com']],
      ),
      role: 'ca-issued',
    },
    {
      name: 'too little of the name to tell',
      input: table(['Thumbprint', 'Subject', 'Issuer'], [[T1, 'CN=Microsoft Ex...', 'CN=Microsoft Ex...']]),
      role: 'self-signed',
    },
    {
      name: 'WMSvc cut',
      input: table(
        ['Thumbprint', 'Services', 'Subject', 'Issuer'],
        [[T1, 'None', 'CN=WMSvc-EX1...', 'CN=WMSvc-EX1...']],
      ),
      role: 'wmsvc',
      services: [],
      domains: [],
    },
    {
      name: 'Federation cut',
      input: table(['Thumbprint', 'Services', 'Subject'], [[T1, 'Federation', 'CN=Federat...']]),
      role: 'federation',
      services: ['Federation'],
    },
    {
      name: "Setup's CN=<host> cut, on the server whose name it continues",
      input: table(
        ['PSComputerName', 'Thumbprint', 'Services', 'Subject', 'Issuer'],
        [['EX16-MBX01', T1, 'IMAP, POP...', 'CN=EX16-MB...', 'CN=EX16-MB...']],
      ),
      role: 'exchange-self-signed',
      atLeast: ['IMAP', 'POP'],
      domains: [],
    },
    {
      name: "Setup's whole CN=<host>, self-signed, on the server of that name",
      input: table(
        ['PSComputerName', 'Thumbprint', 'Services', 'Subject', 'Issuer'],
        [['ex16-mbx01.contoso.com', T1, 'IP.WS..', 'CN=EX16-MBX01', 'CN=EX16-MBX01']],
      ),
      role: 'exchange-self-signed',
      services: ['IMAP', 'POP', 'IIS', 'SMTP'],
    },
    {
      name: 'a self-signed CN=<host> asked on another server stays a plain self-signed one',
      input: [
        'Get-ExchangeCertificate -Server EX01 | ft Thumbprint,Services,Subject,Issuer',
        table(['Thumbprint', 'Services', 'Subject', 'Issuer'], [[T1, 'IP.WS..', 'CN=EX02', 'CN=EX02']]),
      ].join('\n'),
      role: 'self-signed',
      services: ['IMAP', 'POP', 'IIS', 'SMTP'],
    },
    {
      name: 'a CA certificate whose host name is cut: the cut name is not one it holds',
      input: table(
        ['Thumbprint', 'Services', 'Subject', 'Issuer'],
        [[T1, 'IMAP,...', 'CN=mail.tailspintoy...', 'CN=DigiCert Global G2 TLS RSA SHA256 20...']],
      ),
      role: 'ca-issued',
      atLeast: ['IMAP'],
      domains: [],
    },
    {
      name: 'services cut inside a word: only the whole names count',
      input: table(['Thumbprint', 'Services', 'Subject'], [[T1, 'IIS, SM...', 'CN=mail.contoso.com']]),
      atLeast: ['IIS'],
      domains: ['mail.contoso.com'],
    },
    {
      name: 'services cut at UM: UM or UMCallRouter, not counted',
      input: table(['Thumbprint', 'Services', 'Subject'], [[T1, 'IMAP, POP, UM...', 'CN=mail.contoso.com']]),
      atLeast: ['IMAP', 'POP'],
    },
    {
      name: 'services cut to nothing whole',
      input: table(['Thumbprint', 'Services', 'Subject'], [[T1, 'IM...', 'CN=mail.contoso.com']]),
    },
    {
      name: 'the letter form with no service is not a cut cell',
      input: table(['Thumbprint', 'Services', 'Subject'], [[T1, '.......', 'CN=WMSvc-SHA2-EX2016']]),
      role: 'wmsvc',
      services: [],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const certs = recognizeExchangeTable(row.input).certificates ?? [];
      assert.equal(certs.length, 1, row.input);
      const cert = certs[0]!;
      assert.equal(cert.thumbprint, T1);
      assert.equal(cert.role, row.role);
      assert.deepEqual(cert.services, row.services);
      assert.deepEqual(cert.servicesAtLeast, row.atLeast);
      if (row.domains) assert.deepEqual(cert.domains, row.domains);
    });
  }

  it('a cut thumbprint is no thumbprint: the certificate is kept without one, said once', () => {
    const input = [
      '[PS] C:\\Windows\\system32>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject',
      '',
      'Thumbprint                Services       NotAfter               Subject',
      '----------                --------       --------               -------',
      '75A23CB13D01FF6492415F... IMAP, POP, ... 12/4/2026 11:59:59 PM  CN=mail.tailspintoys.com, OU=IT, ...',
      '1090F0CEDFCEA2212908D9... SMTP           6/10/2029 9:14:03 AM   CN=Microsoft Exchange Server Aut...',
    ].join('\n');
    const evidence = recognizeExchangeTable(input);
    const certs = evidence.certificates ?? [];
    assert.deepEqual(
      certs.map((c) => [c.thumbprint, c.cut, c.role, c.notAfter, c.services, c.servicesAtLeast]),
      [
        [undefined, true, undefined, '2026-12-04T23:59:59.000Z', undefined, ['IMAP', 'POP']],
        [undefined, true, 'auth', '2029-06-10T09:14:03.000Z', ['SMTP'], undefined],
      ],
    );
    assert.equal(evidence.notes?.filter((n) => n.code === 'damaged-thumbprint').length, 1);
    for (const lang of ['en', 'ja'] as const) {
      const d = diagnose(input, { now: REFERENCE_NOW, lang });
      assert.ok(d.findings.some((f) => f.code === 'CERT_EXPIRING'));
      // The cut Auth certificate is named in full, never by the cut text.
      assert.ok(!d.findings.some((f) => f.message.includes('Server Aut...')));
      assert.ok(d.findings.some((f) => f.code === 'THUMBPRINT_DAMAGED' && f.message.includes('-AutoSize')));
      assert.ok(!d.steps.some((s) => /75A23CB1|1090F0CE/.test(s.command ?? '')));
    }
  });
});
