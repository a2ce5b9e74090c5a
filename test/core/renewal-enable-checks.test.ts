import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal the paste already shows (same subject and names, valid, later) is rolled out: enabled for
// what the old certificate served, IIS moved to it where 443 still serves the old one, the service
// that logged a transport event restarted, and the event checked, before the old one is removed.
// REFERENCE_NOW is 2026-11-28.

const OLD = '583A003D7FDA3EC8B245DA890A0AC5D0207EACD6';
const NEW = 'CEDE28564F7A2AB98735BF1C2387384EDDDBCB64';
const SETUP = '34B9B6959E3D178F10DC07F77BB0A788A7A36A7B';

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const ids = (d: Diagnosis) => d.steps.map((s) => s.id);
const indexOf = (d: Diagnosis, pattern: RegExp) => d.steps.findIndex((s) => pattern.test(s.command ?? ''));

const fl = (rows: { thumbprint: string; subject: string; notAfter: string; services?: string; issuer?: string }[]) =>
  rows
    .map(
      (r) =>
        `Thumbprint : ${r.thumbprint}\nSubject    : ${r.subject}\n${r.issuer ? `Issuer     : ${r.issuer}\n` : ''}NotAfter   : ${r.notAfter}\n${r.services ? `Services   : ${r.services}\n` : ''}`,
    )
    .join('\n');

// ---------------------------------------------------------------------------------------------------
// Both certificates list IIS: Services is history, so the 443 binding is shown and decides.

interface BindingCase {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  /** The command that shows the binding, or undefined when the paste settles it. */
  shows?: RegExp;
  /** Whether the renewed certificate is enabled for IIS (under a branch when the binding is shown). */
  enablesIis: boolean;
}

const TWO_FT = `Thumbprint                                Services   Subject
----------                                --------   -------
${OLD}  ...WS..    CN=owa.kobayashi-sangyo.co.jp, OU=情報システム部, O=Kobayas...
${NEW}  ...WS..    CN=owa.kobayashi-sangyo.co.jp, OU=情報システム部, O=Kobayas...
${SETUP}  IP.WS..    CN=EXCH-TK01

Thumbprint                               NotAfter
----------                               --------
${OLD} 2026/11/23 8:59:59
${NEW} 2027/11/27 8:59:59
${SETUP} 2029/10/05 16:21:30
`;

const twoFl = (services: string) =>
  fl([
    { thumbprint: OLD, subject: 'CN=mail.contoso.com, O=Contoso, C=US', notAfter: '11/23/2026 11:59:59 PM', services },
    { thumbprint: NEW, subject: 'CN=mail.contoso.com, O=Contoso, C=US', notAfter: '11/27/2027 11:59:59 PM', services },
    { thumbprint: SETUP, subject: 'CN=EX01', notAfter: '10/5/2029 4:21:30 PM', services: 'IMAP, POP, SMTP' },
  ]);

const bindingCases: BindingCase[] = [
  {
    name: 'ja, 2016, ft cut at terminal width, both ...WS..',
    paste: `Exchange 2016 CU23 (EXCH-TK01) です。Outlook で証明書の期限切れの警告が出ます。\n\n${TWO_FT}`,
    lang: 'ja',
    shows: /Get-WebBinding -Name 'Default Web Site'/,
    enablesIis: true,
  },
  {
    name: 'en, 2019, fl, both IIS, SMTP',
    paste: `Exchange 2019 CU14 on EX01, OWA says the certificate expired.\n\n${twoFl('IIS, SMTP')}`,
    lang: 'en',
    shows: /Get-WebBinding -Name 'Default Web Site'/,
    enablesIis: true,
  },
  {
    name: 'en, 2010 SP3, fl, both IMAP, POP, IIS, SMTP: netsh',
    paste: `Exchange 2010 SP3 on EX01 (CAS/Hub), OWA warns.\n\n${twoFl('IMAP, POP, IIS, SMTP')}`,
    lang: 'en',
    shows: /netsh http show sslcert ipport=0\.0\.0\.0:443/,
    enablesIis: true,
  },
  {
    name: 'ja, 2013, fl, both IIS, SMTP',
    paste: `Exchange 2013 CU23 の EX01 で、OWA に証明書の期限切れの警告が出ます。\n\n${twoFl('IIS, SMTP')}`,
    lang: 'ja',
    shows: /Get-WebBinding -Name 'Default Web Site'/,
    enablesIis: true,
  },
  {
    name: 'en, 2019: netsh in the paste shows the old certificate on 443',
    paste: `Exchange 2019 on EX01, OWA warns the certificate expired.\n\n${twoFl('IIS, SMTP')}
C:\\>netsh http show sslcert ipport=0.0.0.0:443

SSL Certificate bindings:
-------------------------

    IP:port                      : 0.0.0.0:443
    Certificate Hash             : ${OLD.toLowerCase()}
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My
`,
    lang: 'en',
    enablesIis: true,
  },
  {
    name: 'en, 2019: netsh in the paste shows the renewed certificate on 443',
    paste: `Exchange 2019 on EX01, mail partners complain.\n\n${twoFl('IIS, SMTP')}
C:\\>netsh http show sslcert ipport=0.0.0.0:443

SSL Certificate bindings:
-------------------------

    IP:port                      : 0.0.0.0:443
    Certificate Hash             : ${NEW.toLowerCase()}
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My
`,
    lang: 'en',
    enablesIis: false,
  },
];

describe('both certificates list IIS: the 443 binding decides, before the old one goes', () => {
  for (const c of bindingCases) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang: c.lang });
      const text = commands(d);
      assert.doesNotMatch(text, /-GenerateRequest|New-ExchangeCertificate/);
      assert.doesNotMatch(text, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${SETUP}`));
      const enable = indexOf(d, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services IIS\\niisreset`));
      const remove = indexOf(d, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${OLD}`));
      assert.ok(remove >= 0, ids(d).join(','));
      if (c.shows) {
        const shown = indexOf(d, c.shows);
        assert.ok(shown >= 0 && shown < enable, `binding shown before the branch: ${ids(d).join(',')}`);
        // The enable stands under the outcome "443 shows the old certificate", never unconditionally.
        const title = d.steps[enable]?.title ?? '';
        assert.match(
          title,
          c.lang === 'ja' ? /443 のバインドに古い証明書/ : /if the 443 binding shows the old certificate/i,
        );
      }
      if (c.enablesIis) assert.ok(enable >= 0 && enable < remove, ids(d).join(','));
      else assert.equal(enable, -1, ids(d).join(','));
    });
  }

  it('2007 on Windows 2003: the binding is read in IIS Manager, no Get-WebBinding', () => {
    const d = diagnose(
      `Exchange 2007 SP3 on Windows Server 2003 (EX2007), OWA warns.\n\n${twoFl('IMAP, POP, IIS, SMTP')}`,
      {
        now: REFERENCE_NOW,
        lang: 'en',
      },
    );
    assert.ok(ids(d).includes('show-iis-binding-2007'), ids(d).join(','));
    assert.doesNotMatch(commands(d), /Get-WebBinding|netsh http/);
    assert.ok(ids(d).includes('enable-renewed-iis'));
  });
});

// ---------------------------------------------------------------------------------------------------
// The paste carries no Services (certutil, a store listing): the old one's are read off it and the
// renewal is enabled for them, IIS restarted; never only "verify, then remove".

const LE_OLD = 'E546248EDE3A7DFB2D56C349DA281162612CC74B';
const LE_NEW = 'EEC2D614D882067A53CBDE7B909D795FDA2965DF';

const certutil = (name: string) => `C:\\>certutil -store my
my "Personal"
================ Certificate 0 ================
Serial Number: 04a1b2c3d4e5f60718293a4b5c6d7e8f9a0b
Issuer: CN=R11, O=Let's Encrypt, C=US
 NotBefore: 8/29/2026 2:14 AM
 NotAfter: 11/27/2026 2:14 AM
Subject: CN=${name}
Non-root Certificate
Cert Hash(sha1): ${LE_OLD.toLowerCase()}
  Key Container = 3f1a9c2e-7b44-4d0e-8f62-5a1c3e9b7d20
  Provider = Microsoft RSA SChannel Cryptographic Provider
Encryption test passed

================ Certificate 1 ================
Serial Number: 03f9e8d7c6b5a4938271605f4e3d2c1b0a99
Issuer: CN=R10, O=Let's Encrypt, C=US
 NotBefore: 11/27/2026 9:30 PM
 NotAfter: 2/25/2027 9:30 PM
Subject: CN=${name}
Non-root Certificate
Cert Hash(sha1): ${LE_NEW.toLowerCase()}
  Key Container = 9b2e7d41-0c3f-4a58-b6e1-2d7f9c4a8e13
  Provider = Microsoft RSA SChannel Cryptographic Provider
Encryption test passed
CertUtil: -store command completed successfully.
`;

const storeListing = (
  name: string,
) => `PS C:\\> Get-ChildItem Cert:\\LocalMachine\\My | fl Subject,Issuer,Thumbprint,NotBefore,NotAfter

Subject    : CN=${name}
Issuer     : CN=R11, O=Let's Encrypt, C=US
Thumbprint : ${LE_OLD}
NotBefore  : 8/29/2026 2:14:00 AM
NotAfter   : 11/27/2026 2:14:00 AM

Subject    : CN=${name}
Issuer     : CN=R10, O=Let's Encrypt, C=US
Thumbprint : ${LE_NEW}
NotBefore  : 11/27/2026 9:30:00 PM
NotAfter   : 2/25/2027 9:30:00 PM
`;

const unlistedCases: { name: string; paste: string; lang: 'en' | 'ja' }[] = [
  {
    name: 'en, SE, certutil -store my',
    paste: `Exchange SE (EXSE01, Mailbox): win-acme renewed the cert but OWA warns it expired.\n\n${certutil('mail.fourthcoffee.com')}`,
    lang: 'en',
  },
  {
    name: 'ja, 2019, certutil -store my',
    paste: `Exchange 2019 の EX01 です。win-acme で証明書を更新しましたが、OWA で期限切れの警告が出ます。\n\n${certutil('mail.fourthcoffee.co.jp')}`,
    lang: 'ja',
  },
  {
    name: 'en, 2016, Get-ChildItem Cert:\\LocalMachine\\My',
    paste: `Exchange 2016 CU23 on EX01: the renewed Let's Encrypt cert is in the store, Outlook warns.\n\n${storeListing('mail.fourthcoffee.com')}`,
    lang: 'en',
  },
  {
    name: 'ja, 2016, Get-ChildItem Cert:\\LocalMachine\\My',
    paste: `Exchange 2016 CU23 の EX01 です。更新した証明書はストアにありますが、Outlook で警告が出ます。\n\n${storeListing('mail.fourthcoffee.co.jp')}`,
    lang: 'ja',
  },
];

describe('the paste lists no Services: the renewal is still enabled for what the old one served', () => {
  for (const c of unlistedCases) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang: c.lang });
      const text = commands(d);
      assert.doesNotMatch(text, /-GenerateRequest|New-ExchangeCertificate|<services>/);
      const show = indexOf(d, new RegExp(`Get-ExchangeCertificate -Thumbprint ${LE_OLD} \\| fl .*Services`));
      const enable = indexOf(d, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${LE_NEW} -Services \\$services`));
      const reset = indexOf(d, /^iisreset/);
      const remove = indexOf(d, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${LE_OLD}`));
      assert.ok(show >= 0 && show < enable, ids(d).join(','));
      assert.match(
        d.steps[enable]?.command ?? '',
        new RegExp(`\\(Get-ExchangeCertificate -Thumbprint ${LE_OLD}\\)\\.Services`),
      );
      // N to the overwrite prompt: a CA certificate never takes over the internal transport role.
      assert.match(d.steps[enable]?.title ?? '', c.lang === 'ja' ? /N と答えます/ : /answer N/);
      assert.ok(enable < reset && reset < remove, ids(d).join(','));
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// A transport event asked and the renewal is enabled for SMTP: the service that logged it restarts
// (both when the paste does not say which, on 2013 and later), and the event is checked.

const CA_OLD = '6658274E7AC65A14D9E71323D0BDEE766AFDE04A';
const CA_NEW = 'AD72A87541453BC64753CCE69CA8AAA94EC17D43';

const message = (id: number, fqdn: string) =>
  id === 12014
    ? `Microsoft Exchange could not find a certificate that contains the domain name ${fqdn} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX01 with a FQDN parameter of ${fqdn}. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.`
    : `There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of ${fqdn}. The existing certificate for that FQDN has expired. The continued use of that FQDN will cause mail flow problems. A new certificate that contains the FQDN of ${fqdn} should be installed on this server as soon as possible. You can create a new certificate by using the New-ExchangeCertificate task.`;

const eventEn = (id: number, source: string | undefined, fqdn: string) => `Log Name:      Application
${source ? `Source:        ${source}\n` : ''}Date:          11/28/2026 9:14:27 AM
Event ID:      ${id}
Task Category: TransportService
Level:         Error
Computer:      EX01.contoso.local
Description:
${message(id, fqdn)}
`;

const eventJa = (id: number, source: string, fqdn: string) => `ログの名前:         Application
ソース:           ${source}
日付:            2026/11/28 19:44:10
イベント ID:       ${id}
タスクのカテゴリ:     TransportService
レベル:           エラー
コンピューター:       EX01.contoso.local
説明:
${message(id, fqdn)}
`;

const renewalFl = (newServices: string) =>
  fl([
    {
      thumbprint: CA_OLD,
      subject: 'CN=mail.contoso.com, O=Contoso, C=US',
      notAfter: '11/25/2026 11:59:59 PM',
      services: 'IIS, SMTP',
      issuer: 'CN=Go Daddy Secure Certificate Authority - G2, O="GoDaddy.com, Inc.", C=US',
    },
    {
      thumbprint: CA_NEW,
      subject: 'CN=mail.contoso.com, O=Contoso, C=US',
      notAfter: '11/22/2027 11:59:59 PM',
      services: newServices,
      issuer: 'CN=Go Daddy Secure Certificate Authority - G2, O="GoDaddy.com, Inc.", C=US',
    },
  ]);

interface EventCase {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  restart: RegExp;
  notRestart?: RegExp;
  check: RegExp;
}

const eventCases: EventCase[] = [
  {
    name: 'en, 2019, 12016 from Front End Transport, renewal enabled for IIS only',
    paste: `Exchange 2019 CU14 on EX01.\n\n${eventEn(12016, 'MSExchangeFrontEndTransport', 'mail.contoso.com')}\n${renewalFl('IIS')}`,
    lang: 'en',
    restart: /^Restart-Service MSExchangeFrontEndTransport$/m,
    notRestart: /Restart-Service MSExchangeTransport\b/,
    check: /Get-WinEvent .*Id=12016/,
  },
  {
    name: 'ja, 2019, 12016 from Front End Transport, renewal imported with Services None',
    paste: `Exchange 2019 CU14 の EX01 です。更新した証明書はインポート済みです。\n\n${eventJa(12016, 'MSExchangeFrontEndTransport', 'mail.contoso.com')}\n${renewalFl('None')}`,
    lang: 'ja',
    restart: /^Restart-Service MSExchangeFrontEndTransport$/m,
    check: /Get-WinEvent .*Id=12016/,
  },
  {
    name: 'en, 2016, 12016 from Transport, renewal enabled for IIS only',
    paste: `Exchange 2016 CU23 on EX01.\n\n${eventEn(12016, 'MSExchangeTransport', 'mail.contoso.com')}\n${renewalFl('IIS')}`,
    lang: 'en',
    restart: /^Restart-Service MSExchangeTransport$/m,
    notRestart: /MSExchangeFrontEndTransport/,
    check: /Get-WinEvent .*Id=12016/,
  },
  {
    name: 'ja, 2016, 12016 from Transport, renewal enabled for IIS only',
    paste: `Exchange 2016 CU23 の EX01 です。\n\n${eventJa(12016, 'MSExchangeTransport', 'mail.contoso.com')}\n${renewalFl('IIS')}`,
    lang: 'ja',
    restart: /^Restart-Service MSExchangeTransport$/m,
    notRestart: /MSExchangeFrontEndTransport/,
    check: /Get-WinEvent .*Id=12016/,
  },
  {
    // The Default Frontend connector the 12014 names is read by Front End Transport, the certificate by Transport.
    name: 'ja, 2019, 12014 for Default Frontend from Front End Transport',
    paste: `Exchange 2019 CU14 の EX01 です。\n\n${eventJa(12014, 'MSExchangeFrontEndTransport', 'mail.contoso.com')}\n${renewalFl('IIS')}`,
    lang: 'ja',
    restart: /Restart-Service .*MSExchangeFrontEndTransport/,
    check: /Get-WinEvent .*Id=12014/,
  },
  {
    name: 'en, 2007 SP3 on Windows 2003, 12016 from Transport: Get-EventLog',
    paste: `Exchange 2007 SP3 on Windows Server 2003 (EX01, Hub/CAS).\n\n${eventEn(12016, 'MSExchangeTransport', 'mail.contoso.com')}\n${renewalFl('IIS')}`,
    lang: 'en',
    restart: /^Restart-Service MSExchangeTransport$/m,
    notRestart: /MSExchangeFrontEndTransport|Get-WinEvent/,
    check: /Get-EventLog Application .*12016/,
  },
  {
    name: 'en, 2019, 12016 without its source: both transport services',
    paste: `Exchange 2019 CU14 on EX01.\n\n${eventEn(12016, undefined, 'mail.contoso.com')}\n${renewalFl('IIS')}`,
    lang: 'en',
    restart:
      /Restart-Service (?:MSExchangeTransport, MSExchangeFrontEndTransport|MSExchangeFrontEndTransport, MSExchangeTransport)/,
    check: /Get-WinEvent .*Id=12016/,
  },
  {
    name: 'en, 2010 SP3, 12016 from Transport: MSExchangeTransport only',
    paste: `Exchange 2010 SP3 on EX01 (Hub/CAS).\n\n${eventEn(12016, 'MSExchangeTransport', 'mail.contoso.com')}\n${renewalFl('IIS')}`,
    lang: 'en',
    restart: /^Restart-Service MSExchangeTransport$/m,
    notRestart: /MSExchangeFrontEndTransport/,
    check: /Get-WinEvent .*Id=12016/,
  },
];

describe('a transport event and a renewal enabled for SMTP: that service restarts, the event is checked', () => {
  for (const c of eventCases) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang: c.lang });
      const text = commands(d);
      assert.doesNotMatch(text, /-GenerateRequest|New-ExchangeCertificate/);
      const enable = indexOf(d, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${CA_NEW} -Services .*SMTP`));
      const restart = indexOf(d, c.restart);
      const check = indexOf(d, c.check);
      const remove = indexOf(d, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${CA_OLD}`));
      assert.ok(enable >= 0 && enable < restart, `${ids(d).join(',')}\n${text}`);
      assert.ok(restart < check && check < remove, ids(d).join(','));
      if (c.notRestart) assert.doesNotMatch(text, c.notRestart);
      assert.equal(d.steps.filter((s) => s.id === 'verify-events').length, 1);
    });
  }

  it('no event: no transport restart is added to the roll-out', () => {
    const d = diagnose(`Exchange 2019 on EX01, the renewal is imported.\n\n${renewalFl('IIS')}`, {
      now: REFERENCE_NOW,
      lang: 'en',
    });
    assert.doesNotMatch(commands(d), /Restart-Service/);
  });
});
