import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { checksMatchTheAnswer } from './invariants/invariants.js';
import { planOf } from './invariants/plan.js';

// A check after the overwrite-default-SMTP prompt follows the answer its own branch gave: after Y the
// internal transport certificate is the new one, after N it is still the one it was.

const OLD = '8A80D4A91E7A85B23588298C0930324EF897D3E1';
const OTHER = '5C0017B4AE0F3F3D1D0E2E73C9A1B08E4F7C2D11';

const listing = (selfSigned: boolean | undefined) => `[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${OLD} | fl

CertificateDomains : {EXMB07, EXMB07.corp.contoso.com}
${selfSigned === undefined ? '' : `IsSelfSigned       : ${selfSigned ? 'True' : 'False'}\nIssuer             : CN=EXMB07\n`}NotAfter           : 11/19/2026 10:12:44 AM
Services           : IMAP, POP, SMTP
Status             : DateInvalid
Thumbprint         : ${OLD}
`;

const transport = (
  internal: string,
) => `[PS] C:\\>Get-TransportService EXMB07 | fl InternalTransportCertificateThumbprint

InternalTransportCertificateThumbprint : ${internal}
`;

const server = `[PS] C:\\>Get-ExchangeServer EXMB07 | fl Name,ServerRole,AdminDisplayVersion

Name                : EXMB07
ServerRole          : Mailbox
AdminDisplayVersion : Version 15.1 (Build 2507.6)
`;

const questions = {
  en: 'This certificate expired on EXMB07, how do I replace it?',
  ja: 'EXMB07 のこの証明書の期限が切れました。どう置き換えればよいですか?',
} as const;

const cases: readonly { name: string; body: string; y: boolean; n: boolean }[] = [
  {
    name: 'self-signed, another certificate is the internal one',
    body: listing(true) + transport(OTHER),
    y: false,
    n: true,
  },
  { name: 'self-signed, it is the internal one', body: listing(true) + transport(OLD), y: true, n: false },
  { name: 'self-signed, the internal one not shown', body: listing(true), y: true, n: true },
  {
    name: 'issuer not shown, another certificate is the internal one',
    body: listing(undefined) + transport(OTHER),
    y: false,
    n: true,
  },
];

describe('a check after the overwrite prompt never contradicts its branch', () => {
  for (const language of ['en', 'ja'] as const)
    for (const c of cases)
      it(`${language}: ${c.name}`, () => {
        const d = diagnose(`${questions[language]}\n\n${c.body}\n${server}`, { now: REFERENCE_NOW });
        assert.equal(d.language, language);
        assert.deepEqual(checksMatchTheAnswer(planOf(d)), []);
        const ids = d.steps.map((s) => s.id);
        assert.equal(ids.includes('new-internal-self-signed'), c.y, ids.join(' '));
        assert.equal(ids.includes('confirm-internal'), c.y, ids.join(' '));
        assert.equal(ids.includes('new-self-signed-not-internal'), c.n, ids.join(' '));
        assert.equal(ids.includes('confirm-internal-kept'), c.n, ids.join(' '));
        // Each check comes after its own answer.
        if (c.n) assert.ok(ids.indexOf('confirm-internal-kept') > ids.indexOf('new-self-signed-not-internal'));
        if (c.y) assert.ok(ids.indexOf('confirm-internal') > ids.indexOf('new-internal-self-signed'));
      });
});

const event12023 = (tp: string) => `Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12023
Level:         Error
Computer:      EX16-01.contoso.local
Description:
Microsoft Exchange could not load the certificate with thumbprint of ${tp} from the personal store on the local computer. This certificate was configured for authentication with other Exchange servers. Mail flow to other Exchange servers could be affected by this error. If the certificate with this thumbprint still exists in the personal store, run Enable-ExchangeCertificate ${tp} -Services SMTP to resolve the issue.

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter,Services

Thumbprint : ${tp}
Subject    : CN=EX16-01
NotAfter   : 3/1/2029 10:00:00 AM
Services   : IMAP, POP, SMTP
`;

describe('a certificate enabled again is checked as itself, not as a new thumbprint', () => {
  for (const language of ['en', 'ja'] as const)
    it(language, () => {
      const question = language === 'ja' ? 'このエラーが出ています。\n\n' : 'Seeing this on EX16-01.\n\n';
      const d = diagnose(question + event12023(OTHER), { now: REFERENCE_NOW });
      assert.equal(d.language, language);
      const ids = d.steps.map((s) => s.id);
      assert.ok(ids.includes('reenable-internal'), ids.join(' '));
      assert.ok(!ids.includes('confirm-internal'), ids.join(' '));
      const check = d.steps.find((s) => s.id === 'confirm-internal-reenabled');
      assert.ok(check?.title.includes(OTHER), check?.title);
    });
});
