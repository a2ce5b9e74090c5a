import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// With the release unknown, a plan opens with the command that shows it and gives each step whose
// command differs by release once per release, under "If AdminDisplayVersion shows Version …": never
// one command with "(2007/2010: … instead)" or "(Exchange 2013 and later only)" in prose.
const TP = '7E82BAF379DFBFFE8B3DFD82388EC678051ABCF4';
const event12015 = (intro: string) => `${intro}

Log Name:      Application
Source:        MSExchangeTransport
Date:          11/28/2026 7:15:02 AM
Event ID:      12015
Level:         Error
Computer:      EX01.contoso.local
Description:
An internal transport certificate expired. Thumbprint:${TP}
`;
const event12014 = `Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12014
Level:         Error
Computer:      EX01.contoso.local
Description:
Microsoft Exchange could not find a certificate that contains the domain name mail.contoso.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default EX01 with a FQDN parameter of mail.contoso.com. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate was renewed, ensure that the new certificate has been enabled and that the server has been restarted.
`;
const listing = `Our Exchange server EX01 says a certificate expired. What now?

[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,IsSelfSigned

Thumbprint         : ${TP}
Subject            : CN=EX01
Issuer             : CN=EX01
CertificateDomains : {EX01, EX01.contoso.local}
NotAfter           : 11/2/2026 9:12:38 AM
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
`;

const PROSE_VERSION =
  /\((?:Exchange )?2007\/2010:|and later only|\(Exchange 20(?:07|10|13)[^)]*instead|Exchange 2007\/2010 では|Exchange 2007\/2010 には|以降のみ/;

describe('a plan for an unknown release branches on AdminDisplayVersion', () => {
  const rows: { name: string; lang: 'en' | 'ja'; paste: string }[] = [
    { name: '12015, English', lang: 'en', paste: event12015('Event 12015 every few hours on EX01. What do I do?') },
    { name: '12015, Japanese question', lang: 'ja', paste: event12015('EX01 で 12015 が出続けています。どうすればよいですか?') },
    { name: '12014 for a public name', lang: 'en', paste: event12014 },
    { name: 'expired self-signed listing, Japanese reply', lang: 'ja', paste: listing },
  ];
  for (const row of rows)
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW, lang: row.lang });
      assert.equal(d.exchangeVersion, 'unknown');
      assert.match(d.steps[0]?.command ?? '', /^Get-ExchangeServer EX01 \| fl Name,AdminDisplayVersion,ServerRole$/);
      for (const step of d.steps) assert.doesNotMatch(step.title, PROSE_VERSION, step.title);
      for (const step of d.steps) {
        const command = step.command ?? '';
        if (/Get-TransportService\b|MSExchangeFrontEndTransport|Exchange Back End|Get-WebBinding/.test(command))
          assert.match(step.title, /Version 15\.x|Version 14\.x or 15\.x|Version 14\.x または 15\.x/, step.title);
        if (/Get-TransportServer\b|netsh http show sslcert ipport=0\.0\.0\.0:443/.test(command))
          assert.match(step.title, /Version (?:8\.x or )?14\.x|Version (?:8\.x または )?14\.x/, step.title);
      }
    });
  it('a release the paste shows needs no branch', () => {
    const d = diagnose(event12015('Exchange 2010 SP3 on EX01, event 12015.'), { now: REFERENCE_NOW });
    assert.equal(d.exchangeVersion, '2010');
    assert.ok(d.steps.every((s) => !/AdminDisplayVersion (?:shows|が) Version/.test(s.title)));
    assert.ok(d.steps.some((s) => /Get-TransportServer EX01/.test(s.command ?? '')));
  });
});
