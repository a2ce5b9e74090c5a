import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Setup's "The certificate is expired." names the certificate by its issuer and its last valid moment.
// When the paste lists that certificate, it is renewed once, by its own plan (a CA request from the old
// certificate), the finding names it rather than its issuer, and Setup is run again afterwards.

const log = `[11/27/2026 23:41:08.0521] [2] Beginning processing Install-ExchangeCertificate
[11/27/2026 23:41:08.2104] [2] Installing certificate signed by 'CN=Fabrikam Issuing CA 02, DC=corp, DC=fabrikam, DC=com' for site 'Default Web Site'.  Certificate is valid from 11/15/2024 9:00:00 AM until 11/15/2026 9:00:00 AM.
[11/27/2026 23:41:08.2260] [2] [ERROR] The certificate is expired.
`;
const listing = `[PS] C:\\>Get-ExchangeCertificate -Server EXB-02 | fl Thumbprint,Subject,Issuer,NotAfter,Services

Thumbprint : 4E1C2B3A59687766554433221100FFEEDDCCBBAA
Subject    : CN=webmail.fabrikam.com
Issuer     : CN=Fabrikam Issuing CA 02, DC=corp, DC=fabrikam, DC=com
NotAfter   : 11/15/2026 9:00:00 AM
Services   : IIS, SMTP
`;

const run = (text: string) => diagnose(text, { now: REFERENCE_NOW });
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

describe("Setup's expired certificate, listed in the paste", () => {
  for (const [lang, question] of [
    ['en', 'CU15 setup on EXB-02 (Exchange 2019) stops here:'],
    ['ja', 'EXB-02 (Exchange 2019) の CU15 のセットアップがここで止まります。'],
  ] as const) {
    it(`${lang}: is renewed once, by request, and named by its subject`, () => {
      const d = run(`${question}\n\n${log}\n${listing}`);
      assert.equal(d.language, lang);
      const setup = d.findings.find((f) => f.code === 'CERT_EXPIRED');
      assert.equal(setup?.thumbprint, '4E1C2B3A59687766554433221100FFEEDDCCBBAA');
      assert.match(setup?.message ?? '', /webmail\.fabrikam\.com/);
      assert.equal((commands(d).match(/-GenerateRequest/g) ?? []).length, 1, 'one request');
      assert.match(
        commands(d),
        /Get-ExchangeCertificate -Thumbprint 4E1C2B3A[0-9A-F]* \| New-ExchangeCertificate -GenerateRequest/,
      );
      assert.doesNotMatch(commands(d), /<connector FQDN>|-Services <services>|<thumbprint>/);
      assert.ok(d.steps.some((s) => s.id === 'rerun-setup'));
      assert.ok(!d.steps.some((s) => s.id === 'find-expired-certs'), 'the paste already shows it');
    });
  }

  it('without the listing, the issuer is not called the expired certificate and no value is made up', () => {
    const d = run(log);
    const setup = d.findings.find((f) => f.code === 'CERT_EXPIRED');
    assert.match(setup?.message ?? '', /issued by Fabrikam Issuing CA 02/);
    assert.doesNotMatch(setup?.message ?? '', /\?/);
    assert.ok(d.steps.some((s) => s.id === 'find-expired-certs'));
  });
});
