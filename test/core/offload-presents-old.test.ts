import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { offloadSaid } from '../../src/core/facts/offload-said.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const NEW = 'BFB5621B1B3F61E02DF1D9BDB35EDF0C56AA4118';
const OLD = '7C77FAA181447402946D5747764A1C73BE7A7FEA';

describe('a device in front of Exchange that terminates TLS, in the admin’s words', () => {
  const rows: { text: string; said: boolean; device?: string }[] = [
    {
      text: 'mail.adatum.com is a VIP on our Kemp LoadMaster which does SSL offload + re-encrypt on 443.',
      said: true,
      device: 'Kemp LoadMaster',
    },
    { text: 'The F5 VIP terminates TLS and re-encrypts to the servers.', said: true, device: 'F5' },
    { text: 'Our NetScaler does SSL bridging for OWA.', said: true, device: 'NetScaler' },
    { text: 'F5 で SSL オフロードしています。', said: true, device: 'F5' },
    { text: 'ロード バランサーで SSL を終端して、サーバーへは再暗号化しています。', said: true },
    { text: 'EX01/EX02 are behind a layer-4 LB (no SSL offload, pass-through).', said: false },
    { text: 'ロード バランサーは L4 で、SSL オフロードはしていません。', said: false },
    { text: 'Outlook says the certificate expired.', said: false },
  ];
  for (const row of rows)
    it(row.text, () => {
      const said = offloadSaid(row.text);
      assert.equal(said !== undefined, row.said);
      assert.equal(said?.device, row.device);
    });
});

/** The VIP still presents the old certificate, printed by `openssl x509 -noout … -fingerprint`. */
const fieldLines = `$ openssl s_client -connect mail.adatum.com:443 -servername mail.adatum.com </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates -fingerprint -sha1
subject=CN = mail.adatum.com
issuer=C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
notBefore=Nov 20 00:00:00 2025 GMT
notAfter=Nov 27 23:59:59 2026 GMT
sha1 Fingerprint=${OLD.match(/../g)?.join(':')}
`;

/** The same, as s_client -showcerts prints it: no thumbprint, the leaf known by its subject and dates. */
const showcerts = `$ openssl s_client -connect mail.adatum.com:443 -servername mail.adatum.com -showcerts
CONNECTED(00000003)
depth=1 C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
verify return:1
depth=0 CN = mail.adatum.com
verify error:num=10:certificate has expired
notAfter=Nov 27 23:59:59 2026 GMT
verify return:1
---
Certificate chain
 0 s:CN = mail.adatum.com
   i:C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Nov 20 00:00:00 2025 GMT; NotAfter: Nov 27 23:59:59 2026 GMT
---
Server certificate
subject=CN = mail.adatum.com
issuer=C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
---
    Verify return code: 10 (certificate has expired)
`;

const listing = `[PS] C:\\>Get-ExchangeCertificate -Server EX01 | fl Thumbprint,Subject,NotAfter,Services,Status

Thumbprint : ${NEW}
Subject    : CN=mail.adatum.com
NotAfter   : 11/20/2027 11:59:59 PM
Services   : IMAP, POP, IIS, SMTP
Status     : Valid

Thumbprint : ${OLD}
Subject    : CN=mail.adatum.com
NotAfter   : 11/27/2026 11:59:59 PM
Services   : IMAP, POP, IIS, SMTP
Status     : DateInvalid
`;

describe('443 presents the old certificate while Exchange has its renewal enabled', () => {
  const rows: { name: string; lang: 'en' | 'ja'; prose: string; probe: string; offload: boolean }[] = [
    {
      name: 'Kemp SSL offload, x509 field lines',
      lang: 'en',
      prose:
        'Exchange 2019 CU15, EX01. mail.adatum.com is a VIP on our Kemp which does SSL offload + re-encrypt on 443.',
      probe: fieldLines,
      offload: true,
    },
    {
      name: 'F5 VIP terminates TLS, s_client chain',
      lang: 'en',
      prose: 'Exchange 2019 CU15, EX01. The F5 VIP terminates TLS for mail.adatum.com.',
      probe: showcerts,
      offload: true,
    },
    {
      name: 'F5 で SSL オフロード',
      lang: 'ja',
      prose: 'Exchange 2019 CU15 の EX01 です。F5 で SSL オフロードしています。',
      probe: fieldLines,
      offload: true,
    },
    {
      name: 'ロード バランサーで SSL を終端',
      lang: 'ja',
      prose: 'Exchange 2019 CU15 の EX01 です。ロード バランサーで SSL を終端しています。',
      probe: showcerts,
      offload: true,
    },
    {
      name: 'no device said: the port and Exchange disagree, nothing is blamed yet',
      lang: 'en',
      prose: 'Exchange 2019 CU15, EX01. Outlook says the certificate expired.',
      probe: fieldLines,
      offload: false,
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(`${row.prose}\n\n${row.probe}\n${listing}`, { now: NOW, lang: row.lang });
      const found = d.findings.find((f) => f.code === 'ENDPOINT_PRESENTS_OLD_CERT');
      assert.ok(found, d.findings.map((f) => f.code).join(','));
      assert.match(found.message, new RegExp(NEW));
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      const ids = d.steps.map((s) => s.id);
      if (row.offload) {
        assert.deepEqual(ids, ['offload-export', 'offload-install', 'verify-https-probe']);
        assert.match(commands, new RegExp(`Export-ExchangeCertificate -Thumbprint ${NEW} -BinaryEncoded -Password`));
        assert.match(commands, /certcheck probe mail\.adatum\.com:443/);
        assert.doesNotMatch(commands, /Remove-ExchangeCertificate|New-ExchangeCertificate|Enable-ExchangeCertificate/);
      } else {
        assert.ok(!ids.includes('offload-install'), ids.join(','));
      }
    });
});

/** Without a probe in the paste: a renewal (done or to come) also goes to the load balancer the admin names. */
describe('a load balancer that terminates TLS gets the renewal too', () => {
  const expiring = `[PS] C:\\>Get-ExchangeCertificate -Server EX01 | fl Thumbprint,Subject,Issuer,NotAfter,Services,CertificateDomains

Thumbprint         : ${OLD}
Subject            : CN=mail.adatum.com
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter           : 12/9/2026 11:59:59 PM
Services           : IMAP, POP, IIS, SMTP
CertificateDomains : {mail.adatum.com, autodiscover.adatum.com}
`;
  const renewed = `${expiring}
Thumbprint         : ${NEW}
Subject            : CN=mail.adatum.com
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter           : 11/20/2027 11:59:59 PM
Services           : None
CertificateDomains : {mail.adatum.com, autodiscover.adatum.com}
`;
  const rows: { name: string; lang: 'en' | 'ja'; prose: string; listing: string; offload: boolean }[] = [
    {
      name: 'renewal imported, F5 offloads SSL',
      lang: 'en',
      prose: 'Exchange 2019 CU15, EX01. The F5 offloads SSL for mail.adatum.com. We imported the renewed cert.',
      listing: renewed,
      offload: true,
    },
    {
      name: 'expiring, Kemp does SSL bridging',
      lang: 'en',
      prose: 'Exchange 2019 CU15, EX01, behind a Kemp doing SSL bridging. The cert expires in 11 days.',
      listing: expiring,
      offload: true,
    },
    {
      name: '期限間近、ロード バランサーで SSL オフロード',
      lang: 'ja',
      prose: 'Exchange 2019 CU15 の EX01 です。ロード バランサーで SSL オフロードしています。証明書が 11 日で切れます。',
      listing: expiring,
      offload: true,
    },
    {
      name: 'expiring, L4 pass-through',
      lang: 'en',
      prose: 'Exchange 2019 CU15, EX01, behind an L4 load balancer (no SSL offload). The cert expires in 11 days.',
      listing: expiring,
      offload: false,
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(`${row.prose}\n\n${row.listing}`, { now: NOW, lang: row.lang });
      const ids = d.steps.map((s) => s.id);
      assert.equal(ids.includes('offload-install'), row.offload, ids.join(','));
      if (row.offload) assert.ok(ids.indexOf('offload-export') < ids.indexOf('offload-install'), ids.join(','));
    });
});
