import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventFacts } from '../../../src/core/model.js';
import { recognizeEvents } from '../../../src/core/recognize/events.js';
import { assertEventsMatch } from '../../helpers/events.js';

function assertEvents(text: string, want: Partial<EventFacts>[]): void {
  assertEventsMatch(recognizeEvents(text).events ?? [], want);
}

const TP = '3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C';
const TP2 = '30407DDD42DA6F21EC6C3138F68FFC0033F6AC17';
const TP_EPHEMERAL = 'B869F73A4C8814DE3733DB01440EFEAC1ED18BB5';

const MSG_12013 = `Microsoft Exchange could not load the certificate with thumbprint of ${TP2} from the personal store on the local computer. This certificate was configured for authentication with other Exchange servers. Mail flow to other Exchange servers could be affected by this error. If the certificate with this thumbprint still exists in the personal store, run Enable-ExchangeCertificate ${TP2} -Services SMTP to resolve the issue. If the certificate does not exist in the personal store, restore it from backup by using the Import-ExchangeCertificate cmdlet, or create a new certificate for the FQDN or the server enabled for SMTP by running the following command: New-ExchangeCertificate -DomainName serverfqdn -Services SMTP.`;
const MSG_12024 = `${MSG_12013.replace('-Services SMTP to resolve', '-services SMTP to resolve')} Meanwhile, an ephemeral, self-signed certificate with thumbprint ${TP_EPHEMERAL} is being used.`;
const MSG_12014 = (domain: string, connector: string, fqdn: string, apostrophe = "'") =>
  `Microsoft Exchange could not find a certificate that contains the domain name ${domain} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector ${connector} with a FQDN parameter of ${fqdn}. If the connector${apostrophe}s FQDN is not specified, the computer${apostrophe}s FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.`;
const PINNED =
  '<I>CN=Certificate Name, OU=<CertificateIssuer>, O=Certificate Provider, C=US<S>CN=mail.contoso.com, OU=IT, O=contoso, L=location, S=location, C=US';

const MESSAGE_ROWS: { name: string; input: string; want: Partial<EventFacts>[] }[] = [
  {
    name: '12012',
    input:
      'The internal transport certificate that is used for SMTP authentication by Microsoft Exchange could not be read from Active Directory. The certificate may be missing.',
    want: [{ id: 12012, format: 'message', known: true }],
  },
  { name: '12013', input: MSG_12013, want: [{ id: 12013, format: 'message', thumbprint: TP2 }] },
  {
    name: '12014 with a plain FQDN',
    input: MSG_12014('mail1.expta.com', 'Default internal receive connector MAILGATE', 'mail.expta.com'),
    want: [{ id: 12014, fqdn: 'mail.expta.com', connector: 'Default internal receive connector MAILGATE' }],
  },
  {
    name: '12014 with <I>issuer<S>subject: fqdn is the FQDN parameter',
    input: MSG_12014(PINNED, 'Default Frontend EX01', 'mail.contoso.com'),
    want: [{ id: 12014, fqdn: 'mail.contoso.com', connector: 'Default Frontend EX01', tlsCertificateName: PINNED }],
  },
  {
    name: '12014 with <I>issuer<S>subject as the FQDN parameter too: the subject CN',
    input: MSG_12014(PINNED, 'Default Frontend EX01', PINNED),
    want: [{ id: 12014, fqdn: 'mail.contoso.com', tlsCertificateName: PINNED }],
  },
  {
    name: '12014 with empty parameters (blog rendering)',
    input: MSG_12014('', '', ''),
    want: [{ id: 12014, fqdn: undefined, connector: undefined, tlsCertificateName: undefined }],
  },
  {
    name: '12014 with curly apostrophes',
    input: MSG_12014('mail.contoso.com', 'Default Frontend EX01', 'mail.contoso.com', '’'),
    want: [{ id: 12014, fqdn: 'mail.contoso.com', connector: 'Default Frontend EX01' }],
  },
  {
    name: '12015 without a space after Thumbprint:',
    input: `An internal transport certificate expired. Thumbprint:${TP}`,
    want: [{ id: 12015, format: 'message', thumbprint: TP }],
  },
  {
    name: '12015 with a space and a lower-case thumbprint',
    input: `An internal transport certificate expired. Thumbprint: ${TP.toLowerCase()}`,
    want: [{ id: 12015, thumbprint: TP }],
  },
  {
    name: '12016',
    input:
      'There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.fabrikam.com. The existing certificate for that FQDN has expired.',
    want: [{ id: 12016, fqdn: 'mail.fabrikam.com' }],
  },
  {
    name: '12017',
    input: `An internal transport certificate will expire soon. Thumbprint:${TP}, hours remaining: 1187`,
    want: [{ id: 12017, thumbprint: TP, hoursRemaining: 1187, loggedAt: undefined, estimatedNotAfter: undefined }],
  },
  {
    name: '12018',
    input: `The STARTTLS certificate will expire soon: subject: smtp.contoso.com, thumbprint: ${TP}, hours remaining: 480. Run the New-ExchangeCertificate cmdlet to create a new certificate.`,
    want: [{ id: 12018, subject: 'smtp.contoso.com', fqdn: 'smtp.contoso.com', thumbprint: TP, hoursRemaining: 480 }],
  },
  {
    name: '12019: the trailing full stop is not part of the subject',
    input: 'The remote internal transport certificate expired. Certificate subject: EDGE01.dmz.contoso.com.',
    want: [{ id: 12019, subject: 'EDGE01.dmz.contoso.com', fqdn: undefined }],
  },
  {
    name: '12024: the ephemeral thumbprint is not the main one',
    input: MSG_12024,
    want: [{ id: 12024, thumbprint: TP2, ephemeralThumbprint: TP_EPHEMERAL }],
  },
  {
    name: '12013 then 12024 as bare texts',
    input: `${MSG_12013}\n\n${MSG_12024}`,
    want: [
      { id: 12013, thumbprint: TP2, ephemeralThumbprint: undefined },
      { id: 12024, thumbprint: TP2, ephemeralThumbprint: TP_EPHEMERAL },
    ],
  },
  {
    name: '12025',
    input: 'Transport service is disconnecting performance counters with process lifetime from their old process.',
    want: [{ id: 12025, known: true, thumbprint: undefined }],
  },
  {
    name: '12015 in Japanese',
    input: `内部トランスポート証明書の有効期限が切れています。拇印: ${TP}`,
    want: [{ id: 12015, format: 'message', thumbprint: TP }],
  },
  {
    name: '12014 in Japanese',
    input:
      'ローカル コンピュータの個人用ストアにドメイン名 mail.contoso.co.jp を含む証明書が見つかりませんでした。このため、FQDN パラメータが mail.contoso.co.jp のコネクタ 組織内の SMTP 送信コネクタ に対する STARTTLS SMTP コマンドをサポートできません。',
    want: [{ id: 12014, fqdn: 'mail.contoso.co.jp', connector: '組織内の SMTP 送信コネクタ' }],
  },
  {
    name: '2009 federation certificate',
    input: `The federation certificate ${TP} will expire in less than 15 days. Renew the certificate soon.`,
    want: [{ id: 2009, thumbprint: TP, known: true }],
  },
  {
    name: 'Schannel 36888 text is recognised (corroborating only)',
    input:
      'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal alert code is 10.',
    want: [{ id: 36888, known: true }],
  },
  {
    name: 'A message after a mention of its ID is one event',
    input: `We keep getting 12015: An internal transport certificate expired. Thumbprint:${TP}`,
    want: [{ id: 12015, format: 'message', thumbprint: TP }],
  },
];

const ID_ROWS: { name: string; input: string; want: Partial<EventFacts>[]; japanese?: boolean }[] = [
  { name: 'a bare catalogued ID', input: '12015', want: [{ id: 12015, format: 'id-only', known: true }] },
  { name: 'a bare ID with blanks', input: '  12014\n', want: [{ id: 12014 }] },
  { name: 'several bare IDs', input: '12015 12014', want: [{ id: 12015 }, { id: 12014 }] },
  { name: 'a bare non-transport ID alone', input: '2009', want: [{ id: 2009, known: true }] },
  { name: '"event 12014"', input: 'event 12014', want: [{ id: 12014, format: 'id-only' }] },
  { name: '"EventID 12016"', input: 'EventID 12016', want: [{ id: 12016 }] },
  { name: '"Event ID: 12018"', input: 'Event ID: 12018', want: [{ id: 12018, format: 'id-only' }] },
  { name: '"event_id=12019"', input: 'event_id=12019', want: [{ id: 12019 }] },
  { name: '"イベント ID 12014"', input: 'イベント ID 12014 が出ています', want: [{ id: 12014 }], japanese: true },
  { name: '"ID 12015"', input: 'ID 12015', want: [{ id: 12015 }] },
  {
    name: 'a list after "events"',
    input: 'Events 12014, 12015 and 12016 on EDGE01',
    want: [{ id: 12014 }, { id: 12015 }, { id: 12016 }],
  },
  {
    name: 'distinctive IDs in prose',
    input: 'Since Monday our Edge logs 12015 and 12014 every hour.',
    want: [{ id: 12015 }, { id: 12014 }],
  },
  { name: 'an unknown labelled event', input: 'event 4242', want: [{ id: 4242, known: false, format: 'id-only' }] },
  {
    name: 'a source name as label',
    input: 'MSExchangeTransport 12015',
    want: [{ id: 12015, source: 'MSExchangeTransport', known: true }],
  },
  {
    name: 'Schannel 36888',
    input: 'Schannel 36888 after renewal',
    want: [{ id: 36888, source: 'Schannel', known: true }],
  },
  {
    name: 'the raw 32-bit ID after a label',
    input: 'Event ID 3221499631',
    want: [{ id: 12015, known: true }],
  },
];

const NOT_EVENTS: { name: string; input: string }[] = [
  { name: 'an unknown bare number', input: '4242' },
  { name: 'hours remaining', input: 'hours remaining: 12018' },
  { name: 'a PID', input: 'PID 12016 crashed' },
  { name: 'a process ID', input: 'Process ID 12015' },
  { name: 'ports', input: 'port 25 and 587 are open, 12015 port too? no: port 12016' },
  { name: 'SMTP codes', input: '454 4.7.5 and 451 5.7.3 and 450 4.4.317' },
  { name: 'dates and times', input: 'on 11/28/2026 at 12:01:15, or 2026-12-01 12:15' },
  { name: 'a thumbprint holding 12015', input: 'AB12015CD3DE0C45F3ABCDEF0123456789ABCDEF' },
  { name: 'a serial number', input: 'Serial Number: 12015' },
  { name: 'a year', input: 'Copyright 2009-2010 Microsoft' },
  { name: 'a KB number', input: 'see KB12015 and KB 953354' },
  { name: 'a decimal', input: 'took 12015.5 seconds' },
  { name: 'a build number', input: 'Version 15.2.12015.1' },
  { name: 'milliseconds', input: 'the call took 12015 ms' },
  { name: 'hours after the number', input: 'expires in 12018 hours' },
  { name: 'a single-digit event', input: 'event 1 of 3' },
  { name: 'an ASP.NET event code', input: 'Event code: 3005\nEvent message: An unhandled exception has occurred.' },
  { name: 'empty', input: '' },
  { name: 'only blanks', input: ' \n\t\r\n' },
];

describe('recognizeEvents: message texts', () => {
  for (const row of MESSAGE_ROWS) {
    it(row.name, () => assertEvents(row.input, row.want));
    it(`${row.name} (wrapped and indented)`, () =>
      assertEvents(`Message      : ${row.input.replace(/(.{60}\S*) /g, '$1\n               ')}`, row.want));
  }
});

describe('recognizeEvents: IDs alone', () => {
  for (const row of ID_ROWS) {
    it(row.name, () => {
      assertEvents(row.input, row.want);
      if (row.japanese !== undefined) assert.equal(recognizeEvents(row.input).japanese ?? false, row.japanese);
    });
  }
});

describe('recognizeEvents: numbers that are not events', () => {
  for (const row of NOT_EVENTS) {
    it(row.name, () => assert.deepEqual(recognizeEvents(row.input).events, []));
  }
});

describe('recognizeEvents: robustness', () => {
  const MiB = 1024 * 1024;
  const header = 'Log Name: Application\nSource: MSExchangeTransport\nEvent ID: 12015\nLevel: Warning\n';
  const LARGE: { name: string; input: string }[] = [
    { name: '1 MiB of one letter', input: 'a'.repeat(MiB) },
    { name: '1 MiB of digits', input: '1'.repeat(MiB) },
    { name: '1 MiB of repeated event headers', input: header.repeat(Math.floor(MiB / header.length)) },
    { name: '1 MiB of "Event ID: 12015" lines', input: 'Event ID: 12015\n'.repeat(MiB / 16) },
    {
      name: '1 MiB of a 12014 prefix',
      input: 'Microsoft Exchange could not find a certificate that contains the domain name <I>'.repeat(MiB / 80),
    },
    { name: '1 MiB of XML openings', input: '<Event><System><EventID>12015</EventID>'.repeat(MiB / 40) },
    { name: '1 MiB of table dashes', input: '-- --\n'.repeat(MiB / 6) },
    { name: '1 MiB of a Japanese prefix', input: 'ドメイン名 '.repeat(MiB / 6) },
    { name: '1 MiB in one description', input: `Event ID: 12015\nDescription:\n${'x '.repeat(MiB / 2)}` },
  ];
  for (const row of LARGE) {
    it(`${row.name} finishes quickly`, () => {
      const started = performance.now();
      recognizeEvents(row.input);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 1500, `${elapsed.toFixed(0)} ms`);
    });
  }

  const ODD = ['<EventID>', 'Event ID:', 'Description:', 'Message :', '<Event>', '\u0000\uffff', 'ID', '-- --\nId\n'];
  for (const input of ODD) {
    it(`does not throw on ${JSON.stringify(input)}`, () => {
      assert.doesNotThrow(() => recognizeEvents(input));
    });
  }
});
