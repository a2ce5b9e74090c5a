import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Enable-ExchangeCertificate's warning for a wildcard enabled for POP only, with the POP settings shown.
const POP_ONLY = `[PS] C:\\Windows\\system32>Enable-ExchangeCertificate -Thumbprint 5E2A7C1B9D3F4A6E8B0C2D4F6A8B0C2D4E6F8A0B -Services POP
WARNING: This certificate with thumbprint 5E2A7C1B9D3F4A6E8B0C2D4F6A8B0C2D4E6F8A0B and subject '*.fabrikam.com' cannot used for POP SSL/TLS connections because the subject is not a Fully Qualified Domain Name (FQDN). Use command Set-POPSettings to set X509CertificateName to the FQDN of the service.

[PS] C:\\Windows\\system32>Get-PopSettings -Server CAS10 | fl X509CertificateName,ExternalConnectionSettings

X509CertificateName        : CAS10
ExternalConnectionSettings : {pop.fabrikam.com:995:SSL}
`;

describe('a wildcard certificate enabled for IMAP/POP (X509CertificateName)', () => {
  it('sets only the warned protocol, to the name its clients use, and keeps the certificate', () => {
    const diagnosis = diagnose(POP_ONLY, { now: REFERENCE_NOW, lang: 'en' });
    const commands = diagnosis.steps.map((s) => s.command ?? '').join('\n');
    const finding = diagnosis.findings.find((f) => f.code === 'IMAP_POP_CERTIFICATE_NAME');
    assert.ok(finding, JSON.stringify(diagnosis.findings));
    assert.match(finding.message, /now CAS10/);
    assert.match(commands, /Set-PopSettings -Server CAS10 -X509CertificateName pop\.fabrikam\.com/);
    assert.doesNotMatch(commands, /Set-ImapSettings|MSExchangeIMAP4|New-ExchangeCertificate|Remove-ExchangeCertificate/);
  });

  it('says it in Japanese', () => {
    const diagnosis = diagnose(POP_ONLY, { now: REFERENCE_NOW, lang: 'ja' });
    const finding = diagnosis.findings.find((f) => f.code === 'IMAP_POP_CERTIFICATE_NAME');
    assert.match(finding?.message ?? '', /ワイルドカードのサブジェクト/);
    assert.ok(diagnosis.steps.some((s) => /POP が証明書を探す名前/.test(s.title)));
  });
});
