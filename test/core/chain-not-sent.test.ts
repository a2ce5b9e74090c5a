import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// openssl s_client showing one certificate and verify error 20/21: the server does not send its
// issuing CA's certificate. The fix installs that CA certificate where the server can build the chain
// and restarts what presents it; no new certificate, and the check probes the same endpoint.

const sClient = (
  port: number,
) => `$ openssl s_client -connect mail.tailspintoys.com:${port}${port === 25 ? ' -starttls smtp' : ''}
CONNECTED(00000003)
depth=0 C = US, O = Tailspin Toys, CN = mail.tailspintoys.com
verify error:num=20:unable to get local issuer certificate
verify return:1
depth=0 C = US, O = Tailspin Toys, CN = mail.tailspintoys.com
verify error:num=21:unable to verify the first certificate
verify return:1
---
Certificate chain
 0 s:C = US, O = Tailspin Toys, CN = mail.tailspintoys.com
   i:C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
   v:NotBefore: Nov 18 00:00:00 2026 GMT; NotAfter: Nov 17 23:59:59 2027 GMT
---
    Verify return code: 21 (unable to verify the first certificate)
`;

const run = (text: string) => diagnose(text, { now: REFERENCE_NOW });
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

describe('a server that presents its certificate without its issuing CA', () => {
  for (const [lang, question] of [
    ['en', 'Partners that require TLS bounce our mail since the renewal. Exchange 2019, server EXMB05.'],
    ['ja', '更新後、TLS 必須の相手先にメールが拒否されます。Exchange 2019、サーバーは EXMB05 です。'],
  ] as const) {
    it(`${lang}: port 25: the CA certificate on the server, transport restarted, 25 probed again`, () => {
      const d = run(`${question}\n\n${sClient(25)}`);
      assert.equal(d.language, lang);
      const finding = d.findings.find((f) => f.code === 'CHAIN_INCOMPLETE');
      assert.match(finding?.message ?? '', /DigiCert Global G2 TLS RSA SHA256 2020 CA1/);
      assert.match(d.summary, /mail\.tailspintoys\.com:25/);
      assert.equal(d.steps.find((s) => /certutil -addstore CA/.test(s.command ?? ''))?.server, 'EXMB05');
      assert.match(commands(d), /Restart-Service MSExchangeTransport/);
      assert.match(commands(d), /certcheck probe mail\.tailspintoys\.com:25/);
      assert.doesNotMatch(commands(d), /New-ExchangeCertificate|Remove-ExchangeCertificate|Enable-ExchangeCertificate/);
    });
  }

  it('port 443: IIS is restarted and 443 probed', () => {
    const d = run(sClient(443));
    assert.ok(d.findings.some((f) => f.code === 'CHAIN_INCOMPLETE'));
    assert.match(commands(d), /iisreset/);
    assert.match(commands(d), /certcheck probe mail\.tailspintoys\.com:443/);
    assert.doesNotMatch(commands(d), /Restart-Service MSExchangeTransport/);
  });

  it('a chain that carries its intermediate is not reported', () => {
    const withIssuer = sClient(25).replace(
      '---\n    Verify',
      ' 1 s:C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1\n   i:C = US, O = DigiCert Inc, OU = www.digicert.com, CN = DigiCert Global Root G2\n---\n    Verify',
    );
    assert.ok(!run(withIssuer).findings.some((f) => f.code === 'CHAIN_INCOMPLETE'));
  });
});
