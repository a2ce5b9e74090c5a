import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal the admin already asked the CA for (a PendingRequest with the expiring certificate's
// subject, on the same server) is completed there, never requested again, and takes over the old
// certificate's services. REFERENCE_NOW is 2026-11-28.

const listing = (question: string, version: string, services: string) => `${question}

[PS] C:\\>Get-ExchangeServer EXCAS01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EXCAS01
ServerRole          : Mailbox, ClientAccess
AdminDisplayVersion : ${version}

[PS] C:\\>Get-ExchangeCertificate -Server EXCAS01 | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,Status

Thumbprint         : C0FFEE0123456789ABCDEF0123456789ABCDEF01
Subject            : CN=mail.northwind.com, O=Northwind, C=US
Issuer             : CN=Sectigo RSA Organization Validation Secure Server CA, O=Sectigo Limited, C=GB
CertificateDomains : {mail.northwind.com, autodiscover.northwind.com}
NotAfter           : 12/4/2026 11:59:59 PM
Services           : ${services}
Status             : Valid

Thumbprint         : BADC0DE0123456789ABCDEF0123456789ABCDEF0
Subject            : CN=mail.northwind.com, O=Northwind, C=US
Issuer             : CN=mail.northwind.com, O=Northwind, C=US
CertificateDomains : {mail.northwind.com, autodiscover.northwind.com}
NotAfter           : 11/20/2027 4:02:11 PM
Services           : None
Status             : PendingRequest
`;

interface Case {
  name: string;
  lang: 'en' | 'ja';
  paste: string;
  services: string;
  /** The Import-ExchangeCertificate form of the release. */
  importForm: RegExp;
}

const CASES: Case[] = [
  {
    name: 'Exchange 2010 SP3',
    lang: 'en',
    paste: listing(
      'The CA sent the certificate for my request; the old one expires next week.',
      'Version 14.3 (Build 123.4)',
      'IMAP, POP, IIS, SMTP',
    ),
    services: 'IMAP,POP,IIS,SMTP',
    importForm: /-Encoding Byte -ReadCount 0/,
  },
  {
    name: 'Exchange 2019',
    lang: 'en',
    paste: listing('Renewal came back from the CA, how do I finish?', 'Version 15.2 (Build 1544.4)', 'IIS, SMTP'),
    services: 'IIS,SMTP',
    importForm: /ReadAllBytes/,
  },
  {
    name: 'Exchange 2010 SP3',
    lang: 'ja',
    paste: listing(
      'CA から証明書が届きました。古い証明書は来週期限切れです。',
      'Version 14.3 (Build 123.4)',
      'IMAP, POP, IIS, SMTP',
    ),
    services: 'IMAP,POP,IIS,SMTP',
    importForm: /-Encoding Byte -ReadCount 0/,
  },
  {
    name: 'Exchange 2019',
    lang: 'ja',
    paste: listing('更新の証明書が CA から届きました。どう完了しますか？', 'Version 15.2 (Build 1544.4)', 'IIS, SMTP'),
    services: 'IIS,SMTP',
    importForm: /ReadAllBytes/,
  },
];

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

describe('a pending renewal request is completed, not made again', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.lang})`, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW });
      assert.equal(d.language, c.lang);
      assert.doesNotMatch(commands(d), /-GenerateRequest/, 'no second request to the CA');
      const complete = d.steps.find((s) => s.id === 'pending-complete');
      assert.equal(complete?.server, 'EXCAS01', 'completed on the server that made the request');
      assert.match(complete?.title ?? '', /EXCAS01/);
      assert.match(complete?.command ?? '', c.importForm);
      const enable = d.steps.find((s) => /Enable-ExchangeCertificate/.test(s.command ?? ''));
      assert.match(enable?.command ?? '', new RegExp(`-Services ${c.services}$`), 'the old certificate’s services');
      // One enable step: the plans do not disagree about the services.
      assert.equal(d.steps.filter((s) => /Enable-ExchangeCertificate/.test(s.command ?? '')).length, 1);
      // The expiring certificate is still reported.
      assert.ok(d.findings.some((f) => f.thumbprint === 'C0FFEE0123456789ABCDEF0123456789ABCDEF01'));
    });
  }
  it('a request that renews nothing listed keeps its own enable step', () => {
    const d = diagnose(
      'Get-ExchangeCertificate | fl Thumbprint,Subject,Status,Services,NotAfter\n\nThumbprint : BADC0DE0123456789ABCDEF0123456789ABCDEF0\nSubject    : CN=mail.northwind.com\nStatus     : PendingRequest\nServices   : None\nNotAfter   : 11/20/2027 4:02:11 PM\n',
      { now: REFERENCE_NOW },
    );
    assert.ok(d.steps.some((s) => s.id === 'pending-enable'));
    assert.ok(!d.steps.some((s) => s.id === 'pending-enable-as-old'));
  });
});

// The completed certificate is put to work: IIS restarted when it serves IIS, the transport service
// that logged the event (or the ones on the SMTP ports) restarted when it serves SMTP, the event and
// the ports checked; the issued file is read from where the admin says it is.

const event12016 = (source: string) => `Log Name:      Application
Source:        ${source}
Event ID:      12016
Level:         Error
Computer:      EXCAS01.northwind.local
Description:
There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.northwind.com. The existing certificate for that FQDN has expired. The continued use of that FQDN will cause mail flow problems. A new certificate that contains the FQDN of mail.northwind.com should be installed on this server as soon as possible. You can create a new certificate by using the New-ExchangeCertificate task.
`;

/** The listing with the old certificate already expired (22 Nov), as a 12016 says. */
const expired = (question: string, version: string, services: string) =>
  listing(question, version, services).replace('12/4/2026 11:59:59 PM', '11/22/2026 11:59:59 PM');

interface FinishCase {
  name: string;
  lang: 'en' | 'ja';
  paste: string;
  /** The path the import reads, or the placeholder when the paste gives none. */
  path: string;
  restart?: RegExp;
  notRestart?: RegExp;
  /** The event check, when an event asked. */
  eventCheck?: RegExp;
  iis: boolean;
}

const FINISH: FinishCase[] = [
  {
    name: '2010 SP3, 12016 from Transport, full path in the prose',
    lang: 'en',
    paste: `${event12016('MSExchangeTransport')}\n${expired('The CA sent the cert, it is at C:\\certs\\mail_northwind_com.cer on EXCAS01.', 'Version 14.3 (Build 123.4)', 'IMAP, POP, IIS, SMTP')}`,
    path: 'C:\\certs\\mail_northwind_com.cer',
    restart: /^Restart-Service MSExchangeTransport$/m,
    notRestart: /MSExchangeFrontEndTransport/,
    eventCheck: /Get-WinEvent .*Id=12016/,
    iis: true,
  },
  {
    name: '2010 SP3, 12016, file name and folder said apart (ja)',
    lang: 'ja',
    paste: `${event12016('MSExchangeTransport')}\n${expired('JPRS から証明書 (mail_northwind_com.cer) が届きました。\nC:\\certs\\ に置いてあります。', 'Version 14.3 (Build 123.4)', 'IMAP, POP, IIS, SMTP')}`,
    path: 'C:\\certs\\mail_northwind_com.cer',
    restart: /^Restart-Service MSExchangeTransport$/m,
    eventCheck: /Get-WinEvent .*Id=12016/,
    iis: true,
  },
  {
    name: '2019, 12016 from Front End Transport, a .p7b in a folder (ja)',
    lang: 'ja',
    paste: `${event12016('MSExchangeFrontEndTransport')}\n${expired('CA から certnew.p7b が届いたので D:\\Install\\Certs に保存しました。', 'Version 15.2 (Build 1544.4)', 'IIS, SMTP')}`,
    path: 'D:\\Install\\Certs\\certnew.p7b',
    restart: /^Restart-Service MSExchangeFrontEndTransport$/m,
    eventCheck: /Get-WinEvent .*Id=12016/,
    iis: true,
  },
  {
    name: '2019, no event, no file: the SMTP port services, the placeholder',
    lang: 'en',
    paste: listing('Renewal came back from the CA, how do I finish?', 'Version 15.2 (Build 1544.4)', 'IIS, SMTP'),
    path: '<path to the issued .cer or .p7b>',
    restart: /Restart-Service MSExchangeFrontEndTransport, MSExchangeTransport/,
    iis: true,
  },
  {
    name: '2016, no event, the old one served IIS only: no transport restart (ja)',
    lang: 'ja',
    paste: listing('CA から証明書が届きました。C:\\certs\\owa.cer です。', 'Version 15.1 (Build 2507.6)', 'IIS'),
    path: 'C:\\certs\\owa.cer',
    notRestart: /Restart-Service/,
    iis: true,
  },
];

describe('a completed pending request is put to work and checked', () => {
  for (const c of FINISH) {
    it(`${c.name} (${c.lang})`, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang: c.lang });
      const text = commands(d);
      const at = (pattern: RegExp) => d.steps.findIndex((s) => pattern.test(s.command ?? ''));
      const complete = d.steps.find((s) => s.id === 'pending-complete');
      const shown = c.lang === 'ja' && c.path.startsWith('<') ? '<発行された .cer または .p7b のパス>' : c.path;
      assert.ok((complete?.command ?? '').includes(`'${shown}'`), complete?.command);
      const enable = at(/Enable-ExchangeCertificate/);
      assert.ok(enable > d.steps.indexOf(complete as (typeof d.steps)[number]));
      if (c.iis) assert.ok(at(/^iisreset/) > enable, text);
      if (c.restart) assert.ok(at(c.restart) > enable, text);
      if (c.notRestart) assert.doesNotMatch(text, c.notRestart);
      if (c.eventCheck) assert.ok(at(c.eventCheck) > at(c.restart ?? /^$/), text);
      else assert.doesNotMatch(text, /Get-WinEvent|Get-EventLog/);
      assert.match(text, /certcheck probe mail\.northwind\.com:443/);
      assert.doesNotMatch(text, /-GenerateRequest/);
    });
  }
});
