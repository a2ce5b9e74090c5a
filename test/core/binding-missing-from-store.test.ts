import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

/**
 * An HTTPS binding (netsh http show sslcert, in English or Japanese) to a hash the pasted store
 * listing does not hold. A whole listing (certutil -store my, Get-ChildItem Cert:\LocalMachine\My)
 * makes it a removed certificate; a filtered one (| findstr, | Where-Object) only says it is not
 * among the lines shown, so the whole store is shown first. Either way the answer is never "no
 * problem", and the site is bound again to a certificate that exists.
 */

const NOW = new Date('2026-11-28T12:00:00Z');

const NETSH_EN = (port: number, hash: string) => `C:\\>netsh http show sslcert ipport=0.0.0.0:${port}

SSL Certificate bindings:
-------------------------

    IP:port                      : 0.0.0.0:${port}
    Certificate Hash             : ${hash}
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My
    Verify Client Certificate Revocation : Enabled
`;

const NETSH_JA = (port: number, hash: string) => `C:\\>netsh http show sslcert ipport=0.0.0.0:${port}

SSL 証明書のバインド:
-------------------------

    IP:ポート                           : 0.0.0.0:${port}
    証明書ハッシュ                      : ${hash}
    アプリケーション ID                 : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    証明書ストア名                      : My
`;

const CERTUTIL_WHOLE = `C:\\>certutil -store my
my "Personal"
================ Certificate 0 ================
Serial Number: 4c000001a7e3b1f2c9d04e8b5a000000001a7
Issuer: CN=Fabrikam Issuing CA 01, DC=fabrikam, DC=local
 NotBefore: 12/18/2025 9:12 AM
 NotAfter: 12/18/2027 9:12 AM
Subject: CN=owa.fabrikam.com, OU=IT, O=Fabrikam, L=Denver, S=Colorado, C=US
Cert Hash(sha1): 9c 46 74 5d 5a 68 2d dc 40 b4 b0 37 ae 50 d4 b6 99 b6 1d 4c

================ Certificate 1 ================
Serial Number: 2e7f9a3c5b1d8e4f
Issuer: CN=Microsoft Exchange Server Auth Certificate
 NotBefore: 11/25/2024 3:04 PM
 NotAfter: 11/25/2029 3:04 PM
Subject: CN=Microsoft Exchange Server Auth Certificate
Cert Hash(sha1): 8b 4e f1 98 c7 a7 ea 77 07 18 e8 3a 41 ca 57 1e 91 01 10 6b
CertUtil: -store command completed successfully.
`;

const CERTUTIL_FINDSTR_EN = `C:\\>certutil -store my | findstr /C:"Cert Hash" /C:"Subject" /C:"NotAfter"
 NotAfter: 12/18/2027 9:12 AM
Subject: CN=owa.fabrikam.com, OU=IT, O=Fabrikam, L=Denver, S=Colorado, C=US
Cert Hash(sha1): 9c46745d5a682ddc40b4b037ae50d4b699b61d4c
`;

const CERTUTIL_FINDSTR_JA = `C:\\>certutil -store my | findstr /C:"ハッシュ" /C:"サブジェクト" /C:"NotAfter"
 NotAfter: 2027/08/31 23:59
サブジェクト: CN=mail.contoso.co.jp, O=Contoso, L=Osaka, S=Osaka, C=JP
証明書ハッシュ(sha1): a063f4134e3a89bf6a81c7c8f83b4c15ca6f888c
`;

const GCI_WHERE = `PS C:\\> Get-ChildItem Cert:\\LocalMachine\\My | ? { $_.Subject -like '*fabrikam*' } | ft Thumbprint,NotAfter,Subject -AutoSize

Thumbprint                               NotAfter             Subject
----------                               --------             -------
9C46745D5A682DDC40B4B037AE50D4B699B61D4C 12/18/2027 9:12:00 AM CN=owa.fabrikam.com, OU=IT, O=Fabrikam, L=Denver, S=Colorado, C=US
`;

const GONE = '4477c992fcf0586148aade3f50adfc1fd2430242';
const KEPT = '9c46745d5a682ddc40b4b037ae50d4b699b61d4c';

interface Row {
  name: string;
  paste: string;
  language?: 'en' | 'ja';
  /** The binding's certificate is said missing (never "no problem"). */
  missing: boolean;
  /** The listing was filtered: the whole store is shown before the site is bound again. */
  filtered?: boolean;
  /** The rebind step expected. */
  rebind?: 'rebind-backend-444' | 'rebind-frontend-443';
}

const rows: Row[] = [
  {
    name: 'Japanese: netsh 444 and certutil | findstr without the hash, after removing the self-signed',
    language: 'ja',
    paste: `EXJP03 で期限切れの自己署名証明書を Remove-ExchangeCertificate で消したら OWA/ECP が真っ白です。\n\n${NETSH_JA(444, GONE)}\n${CERTUTIL_FINDSTR_JA}`,
    missing: true,
    filtered: true,
    rebind: 'rebind-backend-444',
  },
  {
    name: 'English: netsh 444 and certutil | findstr without the hash',
    paste: `OWA is blank after cleaning up old certificates on EX01.\n\n${NETSH_EN(444, GONE)}\n${CERTUTIL_FINDSTR_EN}`,
    missing: true,
    filtered: true,
    rebind: 'rebind-backend-444',
  },
  {
    name: 'English: netsh 443 and Get-ChildItem Cert:\\ | ? {…} without the hash',
    paste: `HTTPS to EX01 fails.\n\n${NETSH_EN(443, GONE)}\n${GCI_WHERE}`,
    missing: true,
    filtered: true,
    rebind: 'rebind-frontend-443',
  },
  {
    name: 'English: netsh 444 and the whole certutil -store my without the hash',
    paste: `EMS does not connect on EX01.\n\n${NETSH_EN(444, GONE)}\n${CERTUTIL_WHOLE}`,
    missing: true,
    filtered: false,
    rebind: 'rebind-backend-444',
  },
  {
    name: 'Japanese: netsh 444 and the whole certutil -store my without the hash',
    language: 'ja',
    paste: `EX01 で EMS に接続できません。\n\n${NETSH_JA(444, GONE)}\n${CERTUTIL_WHOLE}`,
    missing: true,
    filtered: false,
    rebind: 'rebind-backend-444',
  },
  {
    name: 'English: the filtered listing holds the bound hash: nothing is missing',
    paste: `Just checking EX01.\n\n${NETSH_EN(443, KEPT)}\n${CERTUTIL_FINDSTR_EN}`,
    missing: false,
  },
];

describe('an HTTPS binding to a certificate the store listing does not hold', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = diagnose(row.paste, { now: NOW, ...(row.language && { language: row.language }) });
      const broken = result.findings.filter((f) => f.code === 'SSL_BINDING_BROKEN');
      const ids = result.steps.map((s) => s.id);
      if (!row.missing) {
        assert.equal(broken.length, 0);
        return;
      }
      assert.equal(broken.length, 1, 'the missing certificate is not said');
      assert.equal(broken[0]?.severity, 'critical');
      assert.equal(broken[0]?.thumbprint, GONE.toUpperCase());
      assert.doesNotMatch(broken[0]?.message ?? '', /expired|期限切れ/);
      assert.ok(row.rebind && ids.includes(row.rebind), `no ${row.rebind}`);
      const text = result.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(text, new RegExp(`(?:Enable|Remove)-ExchangeCertificate -Thumbprint ${GONE}`, 'i'));
      const shown = ids.indexOf('show-store-for-bindings');
      if (row.filtered) {
        assert.match(broken[0]?.message ?? '', /filtered|絞り込んだ/);
        assert.ok(shown >= 0 && shown < ids.indexOf(row.rebind), 'the whole store is not shown before the rebind');
      } else {
        assert.equal(shown, -1, 'a whole listing is asked for again');
      }
    });
  }
});
