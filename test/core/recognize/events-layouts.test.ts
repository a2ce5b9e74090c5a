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
const TP_FED = '9C2F0B0A0D041FD20D1F6635283511EB308A706C';

const xmlEvent = (provider: string, id: string, level: number, data: string[], extra = '') =>
  `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="${provider}" />
    <EventID Qualifiers="49156">${id}</EventID>
    <Level>${level}</Level>
    <Task>1</Task>
    <Keywords>0x80000000000000</Keywords>
    <TimeCreated SystemTime="2026-11-28T07:31:10.123456700Z" />
    <EventRecordID>52345</EventRecordID>
    <Channel>Application</Channel>
    <Computer>EX2019A.corp.contoso.com</Computer>
    <Security />
  </System>
  <EventData>
${data.map((value) => `    <Data>${value}</Data>`).join('\n')}
  </EventData>${extra}
</Event>`;

const W2008_WITH_XML = `Log Name:      Application
Source:        MSExchangeTransport
Date:          11/28/2026 7:31:10 AM
Event ID:      12015
Task Category: TransportService
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      EX2019A.corp.contoso.com
Description:
An internal transport certificate expired. Thumbprint:${TP}
Event Xml:
${xmlEvent('MSExchangeTransport', '12015', 2, [TP])}`;

const WINEVENT_TABLE = `

   ProviderName: MSExchangeTransport

TimeCreated                      Id LevelDisplayName Message
-----------                      -- ---------------- -------
11/28/2026 7:31:10 AM         12024 Warning          Microsoft Exchange could not load the certificate with thumbprint of ${TP2} from the personal store on the local computer. This certificate was configured...
11/28/2026 7:31:10 AM         12013 Error            Microsoft Exchange could not load the certificate with thumbprint of ${TP2} from the personal...
11/28/2026 6:00:03 AM         12017 Warning          An internal transport certificate will expire soon. Thumbprint:4B7670E292365AC9BB92935281E6A52675C82B02, hours remaining: 1187
11/27/2026 9:00:00 AM         12025 Warning          Transport service is disconnecting performance counters with process lifetime from their old...
`;

const EVENTLOG_TABLE = `   Index Time          EntryType   Source                 InstanceID Message
   ----- ----          ---------   ------                 ---------- -------
   52345 Nov 28 07:31  Warning     MSExchangeTransport    3221499631 An internal transport certificate expired. Thumbprint:${TP}
   52340 Nov 28 04:00  Warning     MSExchange Certifi...  2147485657 The federation certificate ${TP_FED} will expire in less than 15 da...
`;

const WINEVENT_LIST = `

TimeCreated  : 11/28/2026 6:00:03 AM
ProviderName : MSExchangeTransport
Id           : 12017
Message      : An internal transport certificate will expire soon.
               Thumbprint:4B7670E292365AC9BB92935281E6A52675C82B02, hours remaining: 1187

TimeCreated  : 11/27/2026 11:20:48 PM
ProviderName : MSExchangeFrontEndTransport
Id           : 12014
Message      : Microsoft Exchange could not find a certificate that contains the domain name mail.contoso.com in the
               personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the
               connector Default Frontend EX2019A with a FQDN parameter of mail.contoso.com. If the connector's FQDN
               is not specified, the computer's FQDN is used.
`;

const WINEVENT_LIST_ALL = `Message              : An internal transport certificate expired. Thumbprint:${TP}
Id                   : 12015
Version              : 0
Qualifiers           : 49156
Level                : 2
Task                 : 1
Opcode               : 0
Keywords             : 36028797018963968
RecordId             : 52345
ProviderName         : MSExchangeTransport
ProviderId           :
LogName              : Application
ProcessId            : 4242
ThreadId             : 0
MachineName          : EX2019A.corp.contoso.com
UserId               :
TimeCreated          : 11/28/2026 7:31:10 AM
LevelDisplayName     : Error
KeywordsDisplayNames : {Classic}
Properties           : {System.Diagnostics.Eventing.Reader.EventProperty}
`;

const EVENTLOG_LIST = `EventID            : 12015
MachineName        : HUB01.corp.contoso.com
Data               : {}
Index              : 52345
Category           : TransportService
CategoryNumber     : 1
EntryType          : Warning
Message            : An internal transport certificate expired. Thumbprint:${TP}
Source             : MSExchangeTransport
ReplacementStrings : {${TP}}
InstanceId         : 3221499631
TimeGenerated      : 11/28/2026 7:31:10 AM
TimeWritten        : 11/28/2026 7:31:10 AM
UserName           :

EventID            : 2009
MachineName        : EX2016.corp.contoso.com
EntryType          : Warning
Message            : The federation certificate ${TP_FED} will expire in less than 15 days. Renew the certificate soon
                     to ensure proper functionality of federation trust services.
Source             : MSExchange Certificate Deployment
InstanceId         : 2147485657
TimeGenerated      : 11/28/2026 4:00:12 AM
`;

const ROWS: { name: string; input: string; want: Partial<EventFacts>[] }[] = [
  {
    name: 'XML view: 12015 with its Data and a numeric level',
    input: xmlEvent('MSExchangeTransport', '12015', 2, [TP.toLowerCase()]),
    want: [
      {
        id: 12015,
        format: 'xml',
        source: 'MSExchangeTransport',
        level: 'error',
        computer: 'EX2019A.corp.contoso.com',
        thumbprint: TP,
        loggedAt: '2026-11-28T07:31:10Z',
        known: true,
      },
    ],
  },
  {
    name: 'XML view: 12014 Data are domain, connector, FQDN (entities encoded)',
    input: xmlEvent('MSExchangeFrontEndTransport', '12014', 2, [
      '&lt;I&gt;CN=R3, O=Let&apos;s Encrypt, C=US&lt;S&gt;CN=mail.contoso.com',
      'Default Frontend EX2019A',
      'mail.contoso.com',
    ]),
    want: [
      {
        id: 12014,
        source: 'MSExchangeFrontEndTransport',
        connector: 'Default Frontend EX2019A',
        fqdn: 'mail.contoso.com',
        tlsCertificateName: "<I>CN=R3, O=Let's Encrypt, C=US<S>CN=mail.contoso.com",
      },
    ],
  },
  {
    name: 'XML view: 12017 thumbprint and hours, warning level',
    input: xmlEvent('MSExchangeTransport', '12017', 3, [TP, '1187']),
    want: [
      { id: 12017, level: 'warning', thumbprint: TP, hoursRemaining: 1187, estimatedNotAfter: '2027-01-16T18:31:10Z' },
    ],
  },
  {
    name: 'XML view: 12018 subject is the FQDN',
    input: xmlEvent('MSExchangeTransport', '12018', 2, ['smtp.contoso.com', TP, '480']),
    want: [{ id: 12018, fqdn: 'smtp.contoso.com', subject: 'smtp.contoso.com', thumbprint: TP, hoursRemaining: 480 }],
  },
  {
    name: 'XML view: 12024 keeps the ephemeral thumbprint apart',
    input: xmlEvent('MSExchangeTransport', '12024', 4, [TP2, TP_EPHEMERAL]),
    want: [{ id: 12024, level: 'information', thumbprint: TP2, ephemeralThumbprint: TP_EPHEMERAL }],
  },
  {
    name: 'XML view: several events back to back, one with its rendered message',
    input:
      xmlEvent('MSExchangeTransport', '12013', 2, [TP2]) +
      xmlEvent(
        'MSExchangeTransport',
        '12019',
        2,
        [],
        '\n  <RenderingInfo Culture="en-US"><Message>The remote internal transport certificate expired. Certificate subject: EDGE01.dmz.contoso.com.</Message></RenderingInfo>',
      ),
    want: [
      { id: 12013, format: 'xml', thumbprint: TP2 },
      { id: 12019, format: 'xml', subject: 'EDGE01.dmz.contoso.com' },
    ],
  },
  {
    name: 'XML view: a raw 32-bit event ID keeps its low 16 bits',
    input: '<System><Provider Name="MSExchangeTransport"/><EventID>3221499631</EventID></System>',
    want: [{ id: 12015, format: 'xml', known: true }],
  },
  {
    name: 'Event Viewer text followed by its own Event Xml is one event',
    input: W2008_WITH_XML,
    want: [{ id: 12015, format: 'w2008', level: 'error', thumbprint: TP, computer: 'EX2019A.corp.contoso.com' }],
  },
  {
    name: 'Get-WinEvent table: truncated messages, provider from the group line',
    input: WINEVENT_TABLE,
    want: [
      {
        id: 12024,
        format: 'powershell',
        source: 'MSExchangeTransport',
        level: 'warning',
        thumbprint: TP2,
        loggedAt: '2026-11-28T07:31:10Z',
      },
      { id: 12013, format: 'powershell', level: 'error', thumbprint: TP2 },
      { id: 12017, hoursRemaining: 1187, thumbprint: '4B7670E292365AC9BB92935281E6A52675C82B02' },
      { id: 12025, known: true },
    ],
  },
  {
    name: 'Get-EventLog table: InstanceID tuples and a truncated source',
    input: EVENTLOG_TABLE,
    want: [
      { id: 12015, format: 'powershell', source: 'MSExchangeTransport', level: 'warning', thumbprint: TP },
      { id: 2009, source: 'MSExchange Certificate Deployment', thumbprint: TP_FED, known: true },
    ],
  },
  {
    name: 'Get-WinEvent | fl: wrapped messages',
    input: WINEVENT_LIST,
    want: [
      {
        id: 12017,
        format: 'powershell',
        source: 'MSExchangeTransport',
        hoursRemaining: 1187,
        loggedAt: '2026-11-28T06:00:03Z',
      },
      {
        id: 12014,
        source: 'MSExchangeFrontEndTransport',
        fqdn: 'mail.contoso.com',
        connector: 'Default Frontend EX2019A',
        loggedAt: '2026-11-27T23:20:48Z',
      },
    ],
  },
  {
    name: 'Get-WinEvent | fl *: Message first, ProcessId is no event',
    input: WINEVENT_LIST_ALL,
    want: [
      {
        id: 12015,
        format: 'powershell',
        level: 'error',
        source: 'MSExchangeTransport',
        computer: 'EX2019A.corp.contoso.com',
        thumbprint: TP,
        loggedAt: '2026-11-28T07:31:10Z',
      },
    ],
  },
  {
    name: 'Get-EventLog | fl *: EventID, MachineName, EntryType',
    input: EVENTLOG_LIST,
    want: [
      {
        id: 12015,
        format: 'powershell',
        level: 'warning',
        computer: 'HUB01.corp.contoso.com',
        source: 'MSExchangeTransport',
        thumbprint: TP,
        loggedAt: '2026-11-28T07:31:10Z',
      },
      {
        id: 2009,
        computer: 'EX2016.corp.contoso.com',
        thumbprint: TP_FED,
        source: 'MSExchange Certificate Deployment',
      },
    ],
  },
  {
    name: 'Japanese Windows 2008 labels with full-width colons and Japanese level',
    input: `ログの名前：      Application
ソース：        MSExchangeTransport
日付：          2026/11/28 7:31:10
イベント ID：      12015
レベル：         警告
コンピューター：      EX2019A
説明：
An internal transport certificate expired. Thumbprint: ${TP}`,
    want: [
      {
        id: 12015,
        format: 'w2008',
        level: 'warning',
        computer: 'EX2019A',
        thumbprint: TP,
        loggedAt: '2026-11-28T07:31:10Z',
      },
    ],
  },
  {
    name: 'A layout of an unknown source and ID is still an event, known: false',
    input:
      'Log Name: Application\nSource: Application Error\nEvent ID: 1000\nLevel: Error\nDescription:\nFaulting application name: w3wp.exe',
    want: [{ id: 1000, known: false, source: 'Application Error', level: 'error' }],
  },
  {
    name: '1003 under another source is not the OWA proxy event',
    input: 'Event ID: 1003\nSource: MSExchange Message Security\n',
    want: [{ id: 1003, known: true, source: 'MSExchange Message Security' }],
  },
];

describe('recognizeEvents: layouts', () => {
  for (const row of ROWS) {
    it(row.name, () => assertEvents(row.input, row.want));
    it(`${row.name} (CRLF)`, () => assertEvents(row.input.replace(/\n/g, '\r\n'), row.want));
  }
});
