import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A Get-ExchangeCertificate | fl copy cut off mid-value (an RDP window, a console buffer): what was
// cut is damaged, never an empty field (which would mean a serialization failure and an Auth
// replacement) and never a name in a request.

const RECORD = (
  thumbprint: string,
  domains: string,
) => `AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule}
CertificateDomains : ${domains}
HasPrivateKey      : True
IsSelfSigned       : False
Issuer             : CN=Entrust Certification Authority - L1K, O="Entrust, Inc.", C=US
NotAfter           : 11/20/2026 4:59:59 PM
NotBefore          : 11/20/2025 5:00:00 PM
Services           : IIS, SMTP
Status             : DateInvalid
Subject            : CN=webmail.tailwindtraders.com, O=Tailwind Traders, C=US
Thumbprint         : ${thumbprint}`;

const FULL = '7F3A9C21D4E8B6A05F1C2D3E4B5A69788C9D0E1F';

function plan(text: string) {
  const d = diagnose(`Exchange 2016, server EX16-WEB2.\n\n${text}`, { now: REFERENCE_NOW, lang: 'en' });
  const commands = d.steps.map((s) => s.command ?? '').join('\n');
  return { d, commands, codes: d.findings.map((f) => f.code) };
}

describe('a listing cut off mid-record', () => {
  it('a thumbprint of fewer than 40 digits is damaged, not an empty field: no Auth replacement', () => {
    const { codes, commands, d } = plan(
      RECORD('DE93183CD8BD82B987', '{webmail.tailwindtraders.com, autodiscover.tailwindtraders.com}'),
    );
    assert.ok(codes.includes('THUMBPRINT_DAMAGED'), codes.join());
    assert.ok(!codes.includes('AUTH_CERT_PROBLEM'), codes.join());
    assert.doesNotMatch(commands, /Set-AuthConfig/);
    assert.doesNotMatch(commands, /DE93183CD8BD82B987/);
    const message = d.findings.find((f) => f.code === 'THUMBPRINT_DAMAGED')?.message ?? '';
    assert.match(message, /webmail\.tailwindtraders\.com/);
    assert.doesNotMatch(message, /event 0/);
  });

  it('a name list never closed loses its cut name; the request is made from the old certificate', () => {
    const { d, commands } = plan(
      RECORD(FULL, '{webmail.tailwindtraders.com, autodiscover.tailwindtraders.com, owa.tailwindtrad'),
    );
    const cert = d.certificates.find((c) => c.thumbprint === FULL);
    assert.deepEqual(cert?.domains, ['webmail.tailwindtraders.com', 'autodiscover.tailwindtraders.com']);
    assert.equal(cert?.cut, true);
    assert.doesNotMatch(commands, /owa\.tailwindtrad\b(?!ers)/);
    assert.match(
      commands,
      new RegExp(`Get-ExchangeCertificate -Thumbprint ${FULL} \\| New-ExchangeCertificate -GenerateRequest`),
    );
  });

  it('with both cut, the plan lists the certificates in full before the request that needs the thumbprint', () => {
    const { d } = plan(RECORD('DE93183CD8', '{webmail.tailwindtraders.com, owa.tailw'));
    const ids = d.steps.map((s) => s.id);
    const show = ids.indexOf('show-cut-record');
    const request = ids.indexOf('ca-request-renew');
    assert.ok(show >= 0 && request > show, ids.join());
    assert.ok(!ids.includes('remove-old'), ids.join());
  });

  it('a complete record with an empty Thumbprint still points at the serialization failure', () => {
    const { codes } = plan(RECORD('', '{webmail.tailwindtraders.com}'));
    assert.ok(codes.includes('AUTH_CERT_PROBLEM'), codes.join());
    assert.ok(!codes.includes('THUMBPRINT_DAMAGED'), codes.join());
  });
});
