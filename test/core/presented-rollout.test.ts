import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// An endpoint presents an expired certificate while a server's store already holds its renewal (the
// same subject, later or undated): behind a load balancer the renewal is rolled out, never requested
// again from the presented subject (which would drop its other names), and the failing port is
// checked on each server by its own name and on the shared name.

const sClient = (host: string, port: number, subject: string, cn: string) => `$ openssl s_client ${
  port === 443 ? '' : '-starttls smtp '
}-connect ${host}:${port} -servername ${host} -showcerts </dev/null
CONNECTED(00000003)
depth=2 C = US, O = DigiCert Inc, OU = www.digicert.com, CN = DigiCert Global Root G2
verify return:1
depth=1 C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
verify return:1
depth=0 ${subject}
verify error:num=10:certificate has expired
notAfter=Nov 25 23:59:59 2026 GMT
verify return:1
---
Certificate chain
 0 s:${subject}
   i:C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Nov 20 00:00:00 2025 GMT; NotAfter: Nov 25 23:59:59 2026 GMT
 1 s:C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
   i:C = US, O = DigiCert Inc, OU = www.digicert.com, CN = DigiCert Global Root G2
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Mar 30 00:00:00 2021 GMT; NotAfter: Mar 29 23:59:59 2031 GMT
---
Server certificate
subject=${subject}
issuer=C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
---
SSL handshake has read 3391 bytes and written 447 bytes
Verification error: certificate has expired
---
New, TLSv1.2, Cipher is ECDHE-RSA-AES256-GCM-SHA384
    Verify return code: 10 (certificate has expired)
---${port === 443 ? '' : '\n250 SMTPUTF8'}
DONE (${cn})`;

const OLD = '6A1C0E2B9D4F7A3C5E8B1D0F2A4C6E8B0D2F4A61';
const NEW = '7B2D1F3C0E5A8B4D6F9C2E1A3B5D7F9C1E3A5B72';
const OWN = '8C3E2A4D1F6B9C5E7A0D3F2B4C6E8A0D2F4B6C83';

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  port: 25 | 443;
  server: string;
  host: string;
  /** The renewal's thumbprint when the listing dates it. */
  renewal?: string;
  rollout: boolean;
  /** The other server the paste names: it gets the copy by name and is probed by name. */
  named?: string;
}

const ROWS: Row[] = [
  {
    name: 'STARTTLS on 25 behind a load balancer, two undated certificates with the subject on one server',
    paste: `Partners with forced TLS bounce our mail since Friday. Exchange 2016 CU23, two Mailbox servers behind a load balancer.

${sClient('smtp.proseware.com', 25, 'C = US, ST = Texas, L = Dallas, O = Proseware Inc., CN = smtp.proseware.com', 'smtp')}

On EXPW01 Get-ExchangeCertificate shows the renewed one:

Thumbprint                                Services   Subject
----------                                --------   -------
${NEW}  IP.WS..    CN=smtp.proseware.com, O=Proseware Inc., L=Dallas, S=Texas, C=US
${OLD}  IP.WS..    CN=smtp.proseware.com, O=Proseware Inc., L=Dallas, S=Texas, C=US
${OWN}  ....S..    CN=EXPW01`,
    lang: 'en',
    port: 25,
    server: 'EXPW01',
    host: 'smtp.proseware.com',
    rollout: true,
  },
  {
    name: 'Japanese: STARTTLS on 25, a listing that dates the renewal',
    paste: `取引先から TLS 必須のメールが届かないと連絡がありました。Exchange 2019 CU14 の 2 台 (ロード バランサー配下) です。

${sClient('mail.fujimi-kogyo.co.jp', 25, 'C = JP, ST = Tokyo, L = Chiyoda-ku, O = Fujimi Kogyo K.K., CN = mail.fujimi-kogyo.co.jp', 'mail')}

EXFJ01 で確認した証明書です:

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Services,NotAfter

Thumbprint : ${NEW}
Subject    : CN=mail.fujimi-kogyo.co.jp, O=Fujimi Kogyo K.K., L=Chiyoda-ku, S=Tokyo, C=JP
Services   : IMAP, POP, IIS, SMTP
NotAfter   : 2027/11/20 8:59:59

Thumbprint : ${OLD}
Subject    : CN=mail.fujimi-kogyo.co.jp, O=Fujimi Kogyo K.K., L=Chiyoda-ku, S=Tokyo, C=JP
Services   : IMAP, POP, IIS, SMTP
NotAfter   : 2026/11/26 8:59:59

Thumbprint : ${OWN}
Subject    : CN=EXFJ01
Services   : SMTP
NotAfter   : 2029/05/20 13:02:44`,
    lang: 'ja',
    port: 25,
    server: 'EXFJ01',
    host: 'mail.fujimi-kogyo.co.jp',
    renewal: NEW,
    rollout: true,
  },
  {
    name: 'HTTPS on 443: the renewal is listed with its date; IIS restarted, 443 checked',
    paste: `Some users get a certificate warning in OWA, others do not. Exchange 2019 CU13, EXLB1 and EXLB2 behind an F5.

${sClient('owa.lucernepublishing.com', 443, 'C = US, ST = Washington, L = Seattle, O = Lucerne Publishing, CN = owa.lucernepublishing.com', 'owa')}

[PS] C:\\>Get-ExchangeCertificate -Server EXLB1 | fl Thumbprint,Subject,Services,NotAfter

Thumbprint : ${NEW}
Subject    : CN=owa.lucernepublishing.com, O=Lucerne Publishing, L=Seattle, S=Washington, C=US
Services   : IIS, SMTP
NotAfter   : 11/20/2027 11:59:59 PM

Thumbprint : ${OLD}
Subject    : CN=owa.lucernepublishing.com, O=Lucerne Publishing, L=Seattle, S=Washington, C=US
Services   : IIS, SMTP
NotAfter   : 11/25/2026 11:59:59 PM`,
    lang: 'en',
    port: 443,
    server: 'EXLB1',
    host: 'owa.lucernepublishing.com',
    renewal: NEW,
    rollout: true,
  },
  {
    name: 'a member probed directly presents the expired certificate; the admin gives the renewal thumbprint on the other',
    paste: `mail.proseware.com sits behind an F5, DAG of two: PWEX01 and PWEX02 (2019 CU14). I renewed the cert on PWEX01 last week (new thumbprint ${NEW}). Some users get warnings. Hitting PWEX02 directly:

$ openssl s_client -connect pwex02.proseware.local:443 -servername mail.proseware.com </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates -fingerprint -sha1
subject=C = US, ST = Texas, L = Dallas, O = Proseware Inc., CN = mail.proseware.com
issuer=C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
notBefore=Nov 26 00:00:00 2025 GMT
notAfter=Nov 27 23:59:59 2026 GMT
SHA1 Fingerprint=${OLD.match(/../g)?.join(':')}`,
    lang: 'en',
    port: 443,
    server: 'PWEX01',
    host: 'mail.proseware.com',
    rollout: true,
    named: 'PWEX02',
  },
  {
    name: 'Japanese: one undated certificate with the subject is no renewal: nothing is rolled out',
    paste: `Exchange 2019 CU14 のロード バランサー配下の 2 台です。ポート 25 で期限切れの証明書が出ます。

${sClient('mail.fujimi-kogyo.co.jp', 25, 'C = JP, ST = Tokyo, L = Chiyoda-ku, O = Fujimi Kogyo K.K., CN = mail.fujimi-kogyo.co.jp', 'mail')}

EXFJ01 の一覧:

Thumbprint                                Services   Subject
----------                                --------   -------
${OLD}  IP.WS..    CN=mail.fujimi-kogyo.co.jp, O=Fujimi Kogyo K.K., L=Chiyoda-ku, S=Tokyo, C=JP
${OWN}  ....S..    CN=EXFJ01`,
    lang: 'ja',
    port: 25,
    server: 'EXFJ01',
    host: 'mail.fujimi-kogyo.co.jp',
    rollout: false,
  },
];

describe('an expired certificate presented on a port whose renewal a server already holds is rolled out', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW });
      assert.equal(d.language, row.lang);
      const ids = d.steps.map((s) => s.id);
      const all = d.steps.map((s) => s.command ?? '').join('\n');
      if (!row.rollout) {
        assert.ok(!ids.includes('verify-each-server-probe'), ids.join(' '));
        return;
      }
      assert.doesNotMatch(all, /New-ExchangeCertificate/, 'never a new request');
      if (row.renewal) {
        // Dated: the roll-out of a renewal the listing shows, to every server, each restarted and checked.
        assert.match(all, new RegExp(`Export-ExchangeCertificate -Thumbprint ${row.renewal}`));
        assert.match(all, row.port === 25 ? /MSExchangeFrontEndTransport/ : /iisreset/);
        assert.match(all, new RegExp(`certcheck probe ${row.host.replaceAll('.', '\\.')}:${row.port}`));
        return;
      }
      // Undated: the renewal is found by its dates, enabled here and copied; nothing is removed.
      assert.doesNotMatch(all, /Remove-ExchangeCertificate/);
      assert.ok(ids.includes('list-with-dates'), ids.join(' '));
      const enable = d.steps.find((s) => s.id === 'enable-renewed');
      assert.equal(enable?.server, row.server);
      if (row.renewal) assert.match(enable?.command ?? '', new RegExp(`-Thumbprint ${row.renewal} `));
      assert.match(all, /Export-ExchangeCertificate/);
      if (row.named) {
        assert.equal(d.steps.find((s) => s.id === 'import-copy')?.server, row.named);
        assert.match(d.steps.at(-1)?.command ?? '', new RegExp(`certcheck probe ${row.named}:${row.port}`));
        assert.match(all, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW}`));
        return;
      }
      assert.match(all, /Import-ExchangeCertificate -Server /);
      // The service that presents on the failing port reads the certificate again, here and on the others.
      if (row.port === 25) {
        assert.match(all, /Restart-Service MSExchangeFrontEndTransport/);
        assert.match(all, /Invoke-Command -ComputerName .+ \{ Restart-Service MSExchangeFrontEndTransport/);
      } else {
        assert.match(all, /iisreset/);
        assert.match(all, /Invoke-Command -ComputerName .+ \{ iisreset \/noforce \}/);
      }
      const last = d.steps.at(-1);
      assert.equal(last?.id, 'verify-each-server-probe');
      assert.match(last?.command ?? '', new RegExp(`certcheck probe ${row.server}:${row.port}`));
      assert.match(last?.command ?? '', new RegExp(`certcheck probe ${row.host.replaceAll('.', '\\.')}:${row.port}`));
      const otherPort = row.port === 25 ? 443 : 25;
      assert.doesNotMatch(
        all,
        new RegExp(`certcheck probe \\S+:${otherPort}\\b`),
        'the failing port is the one checked',
      );
    });
  }
});
