import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { statedFacts } from '../../src/core/facts/stated-facts.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const OLD = '62F644B06BB57EE624C38DEB4F615BBC8DF13F14';
const NEW = '50636BCA5AA5774FEF55292101E7908C9C2E3C42';
const FUTURE = 'A7C3E1F2B4D5968877665544332211AABBCCDDEE';

const event12014 = (computer: string, fqdn = 'mail.contoso.com') => `Log Name:      Application
Source:        MSExchangeFrontEndTransport
Date:          11/28/2026 9:31:47 AM
Event ID:      12014
Task Category: TransportService
Level:         Error
Computer:      ${computer}
Description:
Microsoft Exchange couldn't find a certificate that contains the domain name ${fqdn} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX01 with a FQDN parameter of ${fqdn}. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.
`;

const record = (thumbprint: string, notBefore: string, notAfter: string, services = 'IIS, SMTP') => `Thumbprint         : ${thumbprint}
Subject            : CN=mail.contoso.com, O=Contoso Ltd, L=Dallas, S=Texas, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
NotBefore          : ${notBefore}
NotAfter           : ${notAfter}
Services           : ${services}
`;

const listing = (...records: string[]) =>
  `\n[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX01 | fl Thumbprint,Subject,Issuer,CertificateDomains,NotBefore,NotAfter,Services\n\n${records.join('\n')}`;

/** Every thumbprint an Enable-ExchangeCertificate or a site binding of the plan puts to use. */
function enabled(paste: string): string[] {
  const steps = diagnose(paste, { now: NOW }).steps;
  return steps.flatMap((s) =>
    [...(s.command ?? '').matchAll(/Enable-ExchangeCertificate[^\n]*-Thumbprint\s+([0-9A-F]{40})|AddSslCertificate\('([0-9A-F]{40})'/g)].map(
      (m) => m[1] ?? m[2] ?? '',
    ),
  );
}

/**
 * A step that enables a certificate for a service, or binds it to a site, never names one the paste
 * shows expired or not yet valid (or the admin calls the old one): it names the renewal the paste
 * shows, else the new certificate after the steps that request or import it.
 */
describe('no service is given a certificate the paste shows out of date', () => {
  const rows: { name: string; paste: string; never: string[]; names?: string }[] = [
    {
      name: '12014 with only an expired certificate for the name listed',
      paste: `Exchange 2019 CU14 on EX01.\n${event12014('EX01.corp.contoso.com')}${listing(record(OLD, '11/20/2025 12:00:00 AM', '11/20/2026 11:59:59 PM'))}`,
      never: [OLD],
    },
    {
      name: '12014 with the expired certificate and its renewal on the same server',
      paste: `Exchange 2016 CU23.\n${event12014('EX01.corp.contoso.com')}${listing(
        record(OLD, '11/20/2025 12:00:00 AM', '11/20/2026 11:59:59 PM'),
        record(NEW, '11/19/2026 12:00:00 AM', '11/21/2027 11:59:59 PM', 'None'),
      )}`,
      never: [OLD],
      names: NEW,
    },
    {
      name: '12014 with the expired one first and a renewal whose NotBefore is still ahead',
      paste: `Exchange 2019 CU15.\n${event12014('EX01.corp.contoso.com')}${listing(
        record(OLD, '11/20/2025 12:00:00 AM', '11/20/2026 11:59:59 PM'),
        record(FUTURE, '12/10/2026 12:00:00 AM', '12/10/2027 11:59:59 PM', 'None'),
      )}`,
      never: [OLD, FUTURE],
    },
    {
      name: 'the admin gives the old thumbprint in English',
      paste: `We renewed last month I think. The old cert thumbprint is ${OLD}. Exchange 2019 CU14.\n${event12014('EX01.corp.contoso.com')}`,
      never: [OLD],
    },
    {
      name: 'the admin gives the old thumbprint in Japanese, beside 12016',
      paste: `Exchange 2019 CU14 の EX01 です。証明書は先月更新済みのはずです（古い証明書の拇印は ${OLD} です）。
${event12014('EX01.corp.contoso.co.jp', 'mail.contoso.co.jp')}
Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12016
Level:         Error
Computer:      EX01.corp.contoso.co.jp
Description:
There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.contoso.co.jp. The existing certificate for that FQDN has expired. The continued use of that FQDN will cause mail flow problems. A new SMTP TLS certificate for that FQDN should be created as soon as possible.
`,
      never: [OLD],
    },
    {
      name: 'a lone thumbprint beside 12014 and 12016 for the same name, with no dates',
      paste: `Exchange 2016 CU23. Thumbprint ${OLD}
${event12014('EX01.corp.contoso.com')}
Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12016
Level:         Error
Computer:      EX01.corp.contoso.com
Description:
There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.contoso.com. The existing certificate for that FQDN has expired. The continued use of that FQDN will cause mail flow problems. A new SMTP TLS certificate for that FQDN should be created as soon as possible.
`,
      never: [OLD],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const used = enabled(row.paste);
      for (const thumbprint of row.never) assert.ok(!used.includes(thumbprint), `${thumbprint} enabled: ${used.join(', ')}`);
      if (row.names) assert.ok(used.includes(row.names), `the renewal ${row.names} is never enabled: ${used.join(', ')}`);
    });
  }

  it('asks first for what the store holds when the admin says it was renewed, and restarts both transport services', () => {
    const paste = rows[4]?.paste ?? '';
    const steps = diagnose(paste, { now: NOW }).steps;
    const commands = steps.map((s) => s.command ?? '');
    const find = commands.findIndex((c) => /Get-ExchangeCertificate -DomainName mail\.contoso\.co\.jp/.test(c));
    const request = commands.findIndex((c) => /-GenerateRequest/.test(c));
    assert.ok(find !== -1, 'no listing of the certificates for the name');
    assert.ok(request === -1 || request > find, 'a new request comes before the renewal is looked for');
    assert.ok(commands.some((c) => /Restart-Service MSExchangeTransport\b/.test(c)));
    assert.ok(commands.some((c) => /Restart-Service MSExchangeFrontEndTransport\b/.test(c)));
  });
});

describe('an event that says the internal transport certificate is missing names an expired one', () => {
  const OWN = '3FE61BC56CF00DB36F47F7C10E7F7CDE7C187D80';
  const paste = (id: number, lang: 'en' | 'ja') => `${lang === 'ja' ? 'Exchange 2016 CU23 の EX16A で次のイベントが出ています。' : 'Exchange 2016 CU23, EX16A.'}
Log Name:      Application
Source:        MSExchangeTransport
Event ID:      ${id}
Level:         Error
Computer:      EX16A.corp.contoso.com
Description:
Microsoft Exchange could not load the certificate with thumbprint of ${OWN} from the personal store on the local computer. This certificate was configured for authentication with other Exchange servers. Mail flow to other Exchange servers could be affected by this error. If the certificate with this thumbprint still exists in the personal store, run Enable-ExchangeCertificate ${OWN} -Services SMTP to resolve the issue. If the certificate does not exist in the personal store, restore it from backup by using the Import-ExchangeCertificate cmdlet, or create a new certificate for the FQDN or the server enabled for SMTP by running the following command: New-ExchangeCertificate -DomainName serverfqdn -Services SMTP. Meanwhile, the certificate with thumbprint ${OWN} is being used.

[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services

Thumbprint   : ${OWN}
Subject      : CN=EX16A
Issuer       : CN=EX16A
NotAfter     : 11/5/2026 9:00:00 AM
Services     : IMAP, POP, IIS, SMTP
`;
  for (const lang of ['en', 'ja'] as const) {
    it(`12023 (${lang}): a new internal transport certificate with Y, once, never the expired one enabled again`, () => {
      const d = diagnose(paste(12023, lang), { now: NOW });
      const commands = d.steps.map((s) => s.command ?? '');
      assert.ok(!commands.some((c) => c.includes(`Enable-ExchangeCertificate -Thumbprint ${OWN}`)), commands.join('\n'));
      const created = d.steps.filter((s) => /New-ExchangeCertificate -DomainName/.test(s.command ?? ''));
      assert.equal(created.length, 1, created.map((s) => s.title).join('\n'));
      assert.match(created[0]?.title ?? '', lang === 'ja' ? /Y と答え/ : /answer Y/);
    });
  }
});

describe('the admin names the old or expired certificate', () => {
  const rows: { text: string; old?: string; fresh?: string }[] = [
    { text: `the old cert thumbprint is ${OLD}`, old: OLD },
    { text: `Expired certificate: ${OLD}`, old: OLD },
    { text: `thumbprint of the previous certificate is "${OLD}"`, old: OLD },
    { text: `古い証明書の拇印は ${OLD} です`, old: OLD },
    { text: `期限切れの証明書の拇印: ${OLD}`, old: OLD },
    { text: `旧証明書は「${OLD}」、新しい証明書の拇印は ${NEW} です`, old: OLD, fresh: NEW },
    { text: `the current thumbprint is ${OLD}` },
  ];
  for (const row of rows) {
    it(row.text, () => {
      const stated = statedFacts(row.text);
      assert.equal(stated.oldThumbprint, row.old);
      assert.equal(stated.newThumbprint, row.fresh);
    });
  }
});
