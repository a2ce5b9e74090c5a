import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { cleanIdentity, tableCells } from '../../../src/core/recognize/table-columns.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const GUID = '5d8e2b1c-7a4f-4c39-b0e6-91f3a2d7c845';
const HCW = `Outbound to Office 365 - ${GUID}`;
const PIN =
  '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.co.jp, O=Contoso K.K., C=JP';
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - text.length));

/** Format-Table rows as admins paste them: one column off by a character or two, or padded by display width. */
const HEADER = `${pad('Name', 64)}${pad('AddressSpaces', 39)}TlsCertificateName`;
const DASHES = `${pad('----', 64)}${pad('-------------', 39)}------------------`;
const ROWS: [string, string, string][] = [
  // The next column's brace one character before its header.
  ['brace one to the left', `${HCW}  {smtp:contoso.mail.onmicrosoft.com;1}  ${PIN}`, HCW],
  // Two characters before it.
  ['brace two to the left', `${HCW} {smtp:contoso.mail.onmicrosoft.com;1}   ${PIN}`, HCW],
  // Aligned as Format-Table prints it.
  ['aligned', `${pad(HCW, 64)}${pad('{smtp:contoso.mail.onmicrosoft.com;1}', 39)}${PIN}`, HCW],
  // The name itself running one character past the column start.
  ['name one to the right', `${HCW}xyz {smtp:contoso.mail.onmicrosoft.com;1}     ${PIN}`, `${HCW}xyz`],
  // A Japanese name padded by display width (two cells a character), as the console prints it.
  ['Japanese, display width', `インターネット送信${' '.repeat(46)}{SMTP:*;1}`, 'インターネット送信'],
  // The same name padded by characters, as a hand-aligned paste does.
  ['Japanese, character width', `インターネット送信${' '.repeat(55)}{SMTP:*;1}`, 'インターネット送信'],
];

describe('a Format-Table row is cut at its columns, never inside a word', () => {
  const starts = [0, 64, 103];
  for (const [label, row, name] of ROWS) {
    it(label, () => {
      const [first, second] = tableCells(row, starts);
      assert.equal(first, name);
      assert.match(second ?? '', /^\{/);
    });
  }
});

describe('a value with table debris is not an identity a command may name', () => {
  const cases: [string, string | undefined][] = [
    [HCW, HCW],
    ['インターネット送信', 'インターネット送信'],
    [`${HCW}  {`, undefined],
    [`${HCW}  {smtp:contoso.mail.onmicrosoft.com;1}`, undefined],
    ['Outbound to Office 365 - 5d8e2b1c...', undefined],
    ['Outbound to Office 365 - 5d8e2b1c…', undefined],
    [`Internet ${PIN}`, undefined],
    ['', undefined],
  ];
  for (const [value, want] of cases) it(JSON.stringify(value), () => assert.equal(cleanIdentity(value), want));
});

const queue = (lastError: string) => `[PS] C:\\>Get-Queue | ? {$_.MessageCount -gt 0} | fl Identity,DeliveryType,NextHopDomain,Status,MessageCount,LastError

Identity      : EXH01\\31842
DeliveryType  : SmartHostConnectorDelivery
NextHopDomain : contoso.mail.onmicrosoft.com
Status        : Retry
MessageCount  : 214
LastError     : ${lastError}
`;
const ERROR =
  '451 4.4.0 Primary target IP address responded with: "454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found." Attempted failover to alternate host, but that did not succeed.';
const CERTS = `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter            Subject
----------                               -------- --------            -------
4E71B0C93D2A58F6E1B7D0A94C3F26E85B1D7A90 ...WS..  2027/11/26 22:14:31 CN=mail.contoso.co.jp, O=Contoso K.K., C=JP
`;

describe('the hybrid send connector read from a table is named in its command without the next column', () => {
  const tables: [string, string][] = [
    ['brace one to the left', `${HCW}  {smtp:contoso.mail.onmicrosoft.com;1}  ${PIN}`],
    ['aligned', `${pad(HCW, 64)}${pad('{smtp:contoso.mail.onmicrosoft.com;1}', 39)}${PIN}`],
  ];
  for (const [label, row] of tables) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${label} (${lang})`, () => {
        const paste = `Exchange 2019 CU15, EXH01. Mail to Exchange Online queues since we renewed and removed the old certificate.

${queue(ERROR)}
[PS] C:\\>Get-SendConnector | ft Name,AddressSpaces,TlsCertificateName -AutoSize -Wrap

${HEADER}
${DASHES}
${row}
${pad('インターネット送信', 64 - 9)}{SMTP:*;1}

${CERTS}`;
        const d = diagnose(paste, { now: NOW, lang });
        const commands = d.steps.map((s) => s.command ?? '').join('\n');
        assert.ok(commands.includes(`Set-SendConnector '${HCW}' -TlsCertificateName`), commands);
        assert.doesNotMatch(commands, /c845\s+\{|Set-SendConnector '[^']*\{/);
        assert.doesNotMatch(commands, /インターネット送信/);
      });
    }
  }
});
