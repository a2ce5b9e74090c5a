import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A self-signed replacement is made for SMTP only; the old certificate it replaces may also have
// served IMAP and POP. Before the old one is removed, the new one takes those services over (and the
// running IMAP/POP services restart, with the back-end services only where they exist).

const paste = (question: string, services: string, build: string) => `${question}

Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12015
Level:         Error
Computer:      EXMB07.corp.contoso.com
Description:
An internal transport certificate expired. Thumbprint:8A80D4A91E7A85B23588298C0930324EF897D3E1

[PS] C:\\>Get-ExchangeCertificate | fl CertificateDomains,IsSelfSigned,Issuer,NotAfter,Services,Status,Thumbprint

CertificateDomains : {EXMB07, EXMB07.corp.contoso.com}
IsSelfSigned       : True
Issuer             : CN=EXMB07
NotAfter           : 11/19/2026 10:12:44 AM
Services           : ${services}
Status             : DateInvalid
Thumbprint         : 8A80D4A91E7A85B23588298C0930324EF897D3E1

[PS] C:\\>Get-ExchangeServer | fl Name,ServerRole,AdminDisplayVersion

Name                : EXMB07
ServerRole          : Mailbox, ClientAccess, HubTransport
AdminDisplayVersion : ${build}
`;
const questions = {
  en: 'The internal transport certificate expired. What do I run?',
  ja: '内部トランスポート証明書の期限が切れました。どうすればよいですか?',
} as const;

describe('the self-signed replacement takes over IMAP and POP before the old certificate goes', () => {
  const cases = [
    ['2010, IMAP and POP', 'IMAP, POP, SMTP', 'Version 14.3 (Build 123.4)', 'IMAP,POP', false],
    ['2010, POP only', 'POP, SMTP', 'Version 14.3 (Build 123.4)', 'POP', false],
    ['2016, IMAP only', 'IMAP, SMTP', 'Version 15.1 (Build 2507.6)', 'IMAP', true],
    ['2016, SMTP only', 'SMTP', 'Version 15.1 (Build 2507.6)', undefined, true],
  ] as const;
  for (const language of ['en', 'ja'] as const)
    for (const [name, services, build, carried, backEnd] of cases)
      it(`${language}: ${name}`, () => {
        const d = diagnose(paste(questions[language], services, build), { now: REFERENCE_NOW });
        assert.equal(d.language, language);
        const commands = d.steps.map((s) => s.command ?? '');
        const removal = commands.findIndex((c) => /Remove-ExchangeCertificate -Thumbprint 8A80D4A9/.test(c));
        assert.ok(removal >= 0, 'the old certificate is removed');
        const carry = commands.findIndex((c) => /-Services (?:IMAP|POP)/.test(c));
        if (!carried) {
          assert.equal(carry, -1, 'nothing to carry over');
          return;
        }
        assert.ok(carry >= 0 && carry < removal, 'carried over before the removal');
        const command = commands[carry] ?? '';
        assert.ok(command.includes(`-Services ${carried}\n`), command);
        assert.equal(/MSExchangeIMAP4BE/.test(command), backEnd, command);
        assert.ok(d.steps[carry]?.title.includes(carried), d.steps[carry]?.title);
      });
});
