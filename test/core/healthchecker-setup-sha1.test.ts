import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// HealthChecker lists no subject or issuer. Setup's certificate is known there by its friendly name
// "Microsoft Exchange" and its names (the server's host name and FQDN), the Auth certificate by its
// own name: their SHA-1 signature is Setup's design, a note for the next renewal. A CA certificate
// signed with SHA-1 stays a warning.

const SETUP = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';
const AUTH = 'B2C3D4E5F60718293A4B5C6D7E8F901234567890';
const CA = 'C3D4E5F60718293A4B5C6D7E8F90123456789012';

const report = `Exchange Information
---------------------
        Name:                     EX16-NA1
        Generation Time:          11/27/2026 08:05:12
        Version:                  Exchange 2016 CU23
        Build Number:             15.1.2507.39
        Server Role:              Mailbox

Exchange Certificates:
        Certificate:
                FriendlyName:                   Microsoft Exchange
                Thumbprint:                     ${SETUP}
                Lifetime in days:               1400
                Key size:                       2048
                Signature Algorithm:            sha1RSA
                Signature Hash Algorithm:       sha1
                Bound to services:              IMAP, POP, IIS, SMTP
                Current Auth Certificate:       False
                SAN Certificate:                True
                Namespaces:
                        EX16-NA1
                        EX16-NA1.corp.northwind.com
                Internal Transport Certificate: True
        Certificate:
                FriendlyName:                   Microsoft Exchange Server Auth Certificate
                Thumbprint:                     ${AUTH}
                Lifetime in days:               900
                Key size:                       2048
                Signature Algorithm:            sha1RSA
                Signature Hash Algorithm:       sha1
                Bound to services:              SMTP
                Current Auth Certificate:       True
                SAN Certificate:                False
                Namespaces:
                Internal Transport Certificate: False
        Certificate:
                FriendlyName:                   mail.northwind.com
                Thumbprint:                     ${CA}
                Lifetime in days:               300
                Key size:                       2048
                Signature Algorithm:            sha1RSA
                Signature Hash Algorithm:       sha1
                Bound to services:              IIS, SMTP
                Current Auth Certificate:       False
                SAN Certificate:                True
                Namespaces:
                        mail.northwind.com
                        autodiscover.northwind.com
                Internal Transport Certificate: False
`;

const sha1 = (d: Diagnosis, thumbprint: string) =>
  d.findings.find((f) => f.code === 'SHA1_SIGNATURE' && f.thumbprint === thumbprint);

for (const [language, prose, design] of [
  ['English', 'HealthChecker on EX16-NA1 shows yellow SHA-1 lines. Do I need to act?', /Exchange Setup creates/],
  [
    'Japanese',
    'EX16-NA1 の HealthChecker で SHA-1 が黄色で表示されました。対処が必要ですか?',
    /セットアップが作る証明書/,
  ],
] as const) {
  describe(`${language}: SHA-1 on the certificates HealthChecker shows`, () => {
    const d = diagnose(`${prose}\n\n${report}`, { now: REFERENCE_NOW });

    it("Setup's certificate and the Auth certificate get a note, not a warning", () => {
      for (const thumbprint of [SETUP, AUTH]) {
        const finding = sha1(d, thumbprint);
        assert.equal(finding?.severity, 'info', thumbprint);
        assert.match(finding?.message ?? '', design);
      }
    });

    it('a CA certificate for a client name signed with SHA-1 stays a warning', () => {
      assert.equal(sha1(d, CA)?.severity, 'warning');
    });
  });
}
