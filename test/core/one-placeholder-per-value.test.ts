import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A value the admin fills in has one name in a plan: the certificate imported after a CA renewal is
// `<imported thumbprint>` in every step that means it, not `<new thumbprint>` in some of them.

const TP = '9A4C1E7F0B2D3C5E6F708192A3B4C5D6E7F80912';
const ca = (services: string, notAfter: string) => `[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${TP} | fl

Thumbprint         : ${TP}
Subject            : CN=mail.contoso.com, O=Contoso Ltd, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
IsSelfSigned       : False
NotAfter           : ${notAfter}
Services           : ${services}
Status             : Valid
`;
const server = (build: string) => `[PS] C:\\>Get-ExchangeServer EX19-01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EX19-01
ServerRole          : Mailbox
AdminDisplayVersion : ${build}
`;
const internal = (tp: string) => `[PS] C:\\>Get-TransportService EX19-01 | fl InternalTransportCertificateThumbprint

InternalTransportCertificateThumbprint : ${tp}
`;
const hybrid = `We are hybrid with Exchange Online (HCW ran last year).
`;

const cases = [
  [
    'en',
    'Our public cert on EX19-01 expires soon, what is the procedure?',
    ca('IMAP, POP, IIS, SMTP', '12/05/2026 11:59:59 PM') + server('Version 15.2 (Build 1544.4)'),
  ],
  [
    'ja',
    'EX19-01 の公開証明書の期限が近いです。手順を教えてください。',
    ca('IIS, SMTP', '12/05/2026 11:59:59 PM') + server('Version 15.2 (Build 1544.4)'),
  ],
  [
    'en',
    'Cert expired yesterday on EX19-01!',
    hybrid + ca('IIS, SMTP', '11/27/2026 8:00:00 AM') + server('Version 15.2 (Build 1544.4)'),
  ],
  [
    'en',
    'Renewing the CA cert on EX19-01, it is also the internal transport cert.',
    ca('IIS, SMTP', '12/10/2026 8:00:00 AM') + server('Version 15.1 (Build 2507.6)') + internal(TP),
  ],
  [
    'ja',
    'EX19-01 の証明書を更新します。内部トランスポート証明書でもあります。',
    ca('IIS, SMTP', '12/10/2026 8:00:00 AM') + server('Version 15.1 (Build 2507.6)') + internal(TP),
  ],
] as const;

describe('the imported certificate has one placeholder name in its plan', () => {
  for (const [language, question, body] of cases)
    it(`${language}: ${question}`, () => {
      const d = diagnose(`${question}\n\n${body}`, { now: REFERENCE_NOW });
      assert.equal(d.language, language);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, /Import-ExchangeCertificate/);
      const imported = language === 'ja' ? '<インポートした証明書の拇印>' : '<imported thumbprint>';
      const fresh = language === 'ja' ? '<新しい証明書の拇印>' : '<new thumbprint>';
      assert.ok(commands.includes(imported), commands);
      assert.ok(!commands.includes(fresh), commands);
    });
});
