import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** What `openssl x509 -noout -subject -issuer -dates -fingerprint` prints, in 3.x and 1.0 spelling. */
describe('openssl x509 field lines are a certificate', () => {
  const rows: { name: string; lang: 'en' | 'ja'; text: string; days: number; thumbprint?: string }[] = [
    {
      name: '3.x, -fingerprint -sha1, after s_client',
      lang: 'en',
      text: `$ openssl s_client -connect mail.contoso.com:443 </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates -fingerprint -sha1
subject=CN = mail.contoso.com
issuer=C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
notBefore=Nov 20 00:00:00 2025 GMT
notAfter=Nov 27 23:59:59 2026 GMT
sha1 Fingerprint=7C:77:FA:A1:81:44:74:02:94:6D:57:47:76:4A:1C:73:BE:7A:7F:EA`,
      days: -1,
      thumbprint: '7C77FAA181447402946D5747764A1C73BE7A7FEA',
    },
    {
      name: 'a file, 1.0 spelling, no fingerprint',
      lang: 'ja',
      text: `証明書ファイルを確認しました。
$ openssl x509 -in mail.crt -noout -subject -issuer -dates
subject= /C=JP/O=Contoso KK/CN=mail.contoso.co.jp
issuer= /C=JP/O=JPRS/CN=JPRS OV CA 2017 G1
notBefore=Dec  1 00:00:00 2025 GMT
notAfter=Dec 10 23:59:59 2026 GMT`,
      days: 12,
    },
    {
      name: 'a file, SHA1 Fingerprint upper case',
      lang: 'en',
      text: `openssl x509 -in owa.pem -noout -fingerprint -subject -enddate
SHA1 Fingerprint=A5:AD:D1:3A:24:02:5B:63:24:E2:56:FF:18:26:07:3B:01:F9:F8:22
subject=CN = owa.fabrikam.com
notAfter=Jan 10 23:59:59 2027 GMT`,
      days: 43,
      thumbprint: 'A5ADD13A24025B6324E256FF1826073B01F9F822',
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(row.text, { now: NOW, lang: row.lang });
      const cert = d.certificates.find((c) => c.notAfter !== undefined);
      assert.ok(cert, JSON.stringify(d.certificates));
      assert.ok(Math.abs((cert.daysLeft ?? 999) - row.days) <= 1, `daysLeft ${cert.daysLeft}`);
      if (row.thumbprint) assert.equal(cert.thumbprint, row.thumbprint);
      assert.equal(d.certificates.filter((c) => c.notAfter === cert.notAfter).length, 1);
    });
});
