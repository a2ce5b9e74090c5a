import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const CA = 'FE8551602C566537F2BFC4496CAF17EFE33CAEE7';
const OWN = '3FE61BC56CF00DB36F47F7C10E7F7CDE7C187D80';

const fl = `
[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services,IsSelfSigned

Thumbprint   : ${CA}
Subject      : CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US
Issuer       : CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE
NotAfter     : 6/18/2027 5:40:02 PM
Services     : IIS, SMTP
IsSelfSigned : False

Thumbprint   : ${OWN}
Subject      : CN=EX16A
Issuer       : CN=EX16A
NotAfter     : 12/5/2026 9:00:00 AM
Services     : IMAP, POP, IIS, SMTP
IsSelfSigned : True
`;

const ft = `
[PS] C:\\Windows\\system32>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services  NotAfter              Subject
----------                               --------  --------              -------
${CA} ...WS..   6/18/2027 5:40:02 PM  CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US
${OWN} IP.WS..   12/5/2026 9:00:00 AM  CN=EX16A
`;

const text12017 = (thumbprint: string) => `Exchange 2016 CU23 on EX16A.
Log Name:      Application
Source:        MSExchangeTransport
Date:          11/28/2026 12:05:12 AM
Event ID:      12017
Task Category: TransportService
Level:         Error
Computer:      EX16A.corp.contoso.com
Description:
An internal transport certificate will expire soon. Thumbprint:${thumbprint}, hours remaining: 167
`;

const xml12017 = (data: string) => `Exchange 2016 CU23 の EX16A で 12017 が出ています。
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="MSExchangeTransport" />
    <EventID Qualifiers="49152">12017</EventID>
    <Level>2</Level>
    <TimeCreated SystemTime="2026-11-28T00:05:12.4410032Z" />
    <Channel>Application</Channel>
    <Computer>EX16A.corp.contoso.com</Computer>
  </System>
  <EventData>
${data}
  </EventData>
</Event>
`;

/**
 * 12017 warns about the internal transport certificate: it attaches to the certificate it names or,
 * when its thumbprint was lost, to the server's own self-signed one, never to a CA certificate for
 * clients' names that the listing after it shows. The self-signed one is renewed once (Y), the Back
 * End binding is handed over before the old one goes, and nothing asks the CA for a new certificate.
 */
describe('an internal transport expiry event is about the internal transport certificate', () => {
  const rows: { name: string; paste: string; lang?: 'ja' }[] = [
    { name: 'Event Viewer text with the thumbprint, fl listing after', paste: text12017(OWN) + fl },
    { name: 'Event Viewer text whose thumbprint was lost, fl listing after', paste: text12017('') + fl },
    { name: 'Event Viewer text whose thumbprint was lost, ft listing after', paste: text12017('') + ft },
    {
      name: 'XML view with thumbprint and hours in Data, fl listing after',
      paste: xml12017(`    <Data>${OWN}</Data>\n    <Data>167</Data>`) + fl,
      lang: 'ja',
    },
    {
      name: 'XML view with thumbprint and hours in Data, ft listing after',
      paste: xml12017(`    <Data>${OWN}</Data>\n    <Data>167</Data>`) + ft,
      lang: 'ja',
    },
    {
      name: 'Get-WinEvent table with the message cut inside the thumbprint',
      paste: `Exchange 2016 CU23.
PS C:\\> Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12017} -MaxEvents 1 | ft TimeCreated,Id,ProviderName,Message -AutoSize

TimeCreated            Id    ProviderName        Message
-----------            --    ------------        -------
11/28/2026 12:05:12 AM 12017 MSExchangeTransport An internal transport certificate will expire soon. Thumbprint:3FE61BC56CF...
${fl}`,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW });
      const event = d.events.find((e) => e.id === 12017);
      assert.notEqual(event?.thumbprint, CA, 'the event is tied to the CA certificate');
      const expiring = d.findings.filter((f) => f.code === 'CERT_EXPIRING').map((f) => f.thumbprint);
      assert.ok(!expiring.includes(CA), `the CA certificate with 202 days left is reported expiring: ${expiring.join(', ')}`);
      const commands = d.steps.map((s) => s.command ?? '');
      assert.ok(!commands.some((c) => /-GenerateRequest/.test(c)), 'a CA request for a certificate with 202 days left');
      const created = commands.filter((c) => /New-ExchangeCertificate/.test(c));
      assert.equal(created.length, 1, `one new self-signed certificate, not ${created.length}:\n${created.join('\n')}`);
      const prompts = d.steps.filter((s) => /New-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(prompts.every((s) => !/answer N|N と答え/.test(s.title)), 'the internal transport certificate is replaced with N');
      assert.ok(!commands.some((c) => /-Services [^\n]*IIS/.test(c)), 'IIS moved onto the self-signed certificate');
      const rebind = commands.findIndex((c) => /Exchange Back End|:444/.test(c));
      const removal = commands.findIndex((c) => c.includes(`Remove-ExchangeCertificate -Thumbprint ${OWN}`));
      // Removed only once the paste shows it self-signed: then Exchange Back End is handed over first.
      if (row.paste.includes('IsSelfSigned : True')) assert.ok(removal !== -1, 'the old self-signed certificate stays');
      if (removal !== -1)
        assert.ok(rebind !== -1 && rebind < removal, 'the old certificate is removed before 444 is handed over');
      if (row.lang) assert.equal(d.language, row.lang);
    });
  }
});

describe('an expiry event that prints its subject as a distinguished name', () => {
  const rows: { subject: string; fqdn: string }[] = [
    { subject: 'CN=EX16A', fqdn: 'EX16A' },
    { subject: 'CN=mail.contoso.com', fqdn: 'mail.contoso.com' },
    { subject: 'mail.contoso.com', fqdn: 'mail.contoso.com' },
  ];
  for (const row of rows) {
    it(row.subject, () => {
      const paste = `Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12018
Level:         Warning
Computer:      EX16A.corp.contoso.com
Description:
The STARTTLS certificate will expire soon: subject: ${row.subject}, thumbprint: ${OWN}, hours remaining: 150. Run the New-ExchangeCertificate cmdlet to create a new certificate.
`;
      const d = diagnose(paste, { now: NOW });
      assert.equal(d.events[0]?.fqdn, row.fqdn);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(commands, /-DomainName CN=|probe CN=/);
    });
  }
});
