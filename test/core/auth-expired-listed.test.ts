import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const EXPIRED = '070B2DC1445562FEC9E98A90E312C9500F91323A';
const FRESH = 'ABD40BB74D5C8879E667767D7DC2725845023BDB';

const auth = (thumbprint: string, notAfter: string) => `Thumbprint   : ${thumbprint}
Subject      : CN=Microsoft Exchange Server Auth Certificate
Issuer       : CN=Microsoft Exchange Server Auth Certificate
NotAfter     : ${notAfter}
Services     : SMTP
`;
const listing = (...records: string[]) =>
  `[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services\n\n${records.join('\n')}`;

/**
 * An expired Auth certificate in a listing is said as the OAuth outage it is while it is the current
 * one, unless Get-AuthConfig shows another certificate is current (then it is a leftover).
 */
describe('an expired Auth certificate listed without Get-AuthConfig', () => {
  const rows: { name: string; paste: string; lang: 'en' | 'ja'; problem: boolean }[] = [
    { name: 'English listing', paste: `Exchange 2019 CU14\n${listing(auth(EXPIRED, '11/9/2026 8:51:33 AM'))}`, lang: 'en', problem: true },
    {
      name: 'Japanese listing',
      paste: `Exchange 2016 CU23 の証明書です。\n${listing(auth(EXPIRED, '2026/11/09 8:51:33'))}`,
      lang: 'ja',
      problem: true,
    },
    {
      name: 'Get-AuthConfig shows another one current',
      paste: `Exchange 2019 CU14\n${listing(auth(EXPIRED, '11/9/2026 8:51:33 AM'), auth(FRESH, '6/1/2031 2:44:09 PM'))}\n[PS] C:\\>Get-AuthConfig | fl CurrentCertificateThumbprint,NextCertificateThumbprint\n\nCurrentCertificateThumbprint : ${FRESH}\nNextCertificateThumbprint    :\n`,
      lang: 'en',
      problem: false,
    },
    { name: 'a valid Auth certificate', paste: `Exchange 2019 CU14\n${listing(auth(FRESH, '6/1/2031 2:44:09 PM'))}`, lang: 'en', problem: false },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW });
      assert.equal(d.language, row.lang);
      const found = d.findings.filter((f) => f.code === 'AUTH_CERT_PROBLEM' && f.thumbprint === EXPIRED);
      assert.equal(found.length, row.problem ? 1 : 0, d.findings.map((f) => `${f.code} ${f.message}`).join('\n'));
      if (row.problem) assert.match(found[0]?.message ?? '', row.lang === 'ja' ? /OAuth.*失敗/ : /OAuth .* fails/);
    });
  }
});
