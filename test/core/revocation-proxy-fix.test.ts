import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';

// A revocation check that fails because WinHTTP goes direct while the servers reach the internet only
// through a proxy: the paste already holds certutil -verify -urlfetch and netsh winhttp show proxy, so
// the plan gives the fix (the proxy the admin names, set for WinHTTP) and the re-check, never the same
// diagnostics again and never a new certificate.

const NOW = new Date('2026-11-28T12:00:00Z');
const LISTING = `Subject            : CN=mail.tailspintoys.com, O=Tailspin Toys, L=Seattle, S=WA, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
Thumbprint         : 416BA10E84A0F55489235EB8633718AABED3CE88
Services           : IMAP, POP, IIS, SMTP
Status             : RevocationCheckFailure
NotAfter           : 5/14/2027 4:59:59 PM
CertificateDomains : {mail.tailspintoys.com, autodiscover.tailspintoys.com}
`;
const CERTUTIL = `C:\\temp>certutil -verify -urlfetch mail.cer
  ----------------  Certificate CDP  ----------------
  Failed "CDP" Time: 0
    Error retrieving URL: The server name or address could not be resolved 0x80072ee7 (WinHttp: 12007 ERROR_WINHTTP_NAME_NOT_RESOLVED)
    http://crl3.digicert.com/DigiCertGlobalG2TLSRSASHA2562020CA1-1.crl
CertUtil: -verify command FAILED: 0x80092013 (-2146885613 CRYPT_E_REVOCATION_OFFLINE)
`;
const DIRECT_EN = `C:\\>netsh winhttp show proxy

Current WinHTTP proxy settings:

    Direct access (no proxy server).
`;
const DIRECT_JA = `C:\\>netsh winhttp show proxy

現在の WinHTTP プロキシ設定:

    直接アクセス (プロキシ サーバーなし)。
`;

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

const cases: { name: string; paste: string; fix: RegExp; ja?: boolean; repeats?: RegExp }[] = [
  {
    name: 'English: proxy named in prose, certutil and netsh pasted',
    paste: `ECP says the revocation check failed on CAS13A (Exchange 2013 CU23). Servers go out through a proxy (squid, 10.20.0.5:3128) since the firewall change.\n\n${LISTING}\n${CERTUTIL}\n${DIRECT_EN}`,
    fix: /^netsh winhttp set proxy proxy-server="10\.20\.0\.5:3128" bypass-list="<local>;\*\.[^"]+"$/m,
  },
  {
    name: 'English: proxy by name with http://, servers listed by FQDN',
    paste: `Exchange 2016 CU23 on EX16-01.corp.tailspintoys.com. All outbound HTTP goes via our proxy http://proxy.corp.tailspintoys.com:8080 now.\n\n${LISTING}\n${CERTUTIL}\n${DIRECT_EN}`,
    fix: /^netsh winhttp set proxy proxy-server="proxy\.corp\.tailspintoys\.com:8080" bypass-list="<local>;/m,
  },
  {
    name: 'English: no proxy named: WinHTTP takes the browser proxy',
    paste: `Exchange 2019 CU14 (EX19-01).\n\n${LISTING}\n${CERTUTIL}\n${DIRECT_EN}`,
    fix: /^netsh winhttp import proxy source=ie$/m,
  },
  {
    name: 'Japanese: 「プロキシ (10.1.2.3:8080) 経由」 and the Japanese netsh output',
    paste: `Exchange 2016 CU23 の EXJ01 です。ECP で失効確認に失敗しています。サーバーはプロキシ (10.1.2.3:8080) 経由でインターネットに出ます。\n\n${LISTING}\n${CERTUTIL}\n${DIRECT_JA}`,
    fix: /^netsh winhttp set proxy proxy-server="10\.1\.2\.3:8080" bypass-list="<local>;/m,
    ja: true,
  },
];

describe('a failing revocation check with the proxy in the paste', () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: NOW });
      if (c.ja) assert.equal(d.language, 'ja');
      const text = commands(d);
      assert.match(text, c.fix);
      assert.doesNotMatch(text, /netsh winhttp show proxy|certutil -verify -urlfetch/);
      assert.doesNotMatch(text, /New-ExchangeCertificate|Remove-ExchangeCertificate/);
      const fix = d.steps.findIndex((s) => c.fix.test(s.command ?? ''));
      const recheck = d.steps.findIndex((s) => /\| fl Status$/.test(s.command ?? ''));
      assert.ok(fix >= 0 && recheck > fix, 'the status is checked again after the fix');
    });
  }

  it('without the pasted diagnostics the plan still asks for them first', () => {
    const d = diagnose(`Exchange 2013 CU23 (CAS13A). We use a proxy 10.20.0.5:3128.\n\n${LISTING}`, { now: NOW });
    const text = commands(d);
    assert.match(text, /certutil -verify -urlfetch/);
    assert.match(text, /netsh winhttp show proxy/);
    assert.doesNotMatch(text, /netsh winhttp set proxy/);
  });
});
