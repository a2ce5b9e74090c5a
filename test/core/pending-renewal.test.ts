import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal the admin already asked the CA for (a PendingRequest with the expiring certificate's
// subject, on the same server) is completed there, never requested again, and takes over the old
// certificate's services. REFERENCE_NOW is 2026-11-28.

const listing = (question: string, version: string, services: string) => `${question}

[PS] C:\\>Get-ExchangeServer EXCAS01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EXCAS01
ServerRole          : Mailbox, ClientAccess
AdminDisplayVersion : ${version}

[PS] C:\\>Get-ExchangeCertificate -Server EXCAS01 | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,Status

Thumbprint         : C0FFEE0123456789ABCDEF0123456789ABCDEF01
Subject            : CN=mail.northwind.com, O=Northwind, C=US
Issuer             : CN=Sectigo RSA Organization Validation Secure Server CA, O=Sectigo Limited, C=GB
CertificateDomains : {mail.northwind.com, autodiscover.northwind.com}
NotAfter           : 12/4/2026 11:59:59 PM
Services           : ${services}
Status             : Valid

Thumbprint         : BADC0DE0123456789ABCDEF0123456789ABCDEF0
Subject            : CN=mail.northwind.com, O=Northwind, C=US
Issuer             : CN=mail.northwind.com, O=Northwind, C=US
CertificateDomains : {mail.northwind.com, autodiscover.northwind.com}
NotAfter           : 11/20/2027 4:02:11 PM
Services           : None
Status             : PendingRequest
`;

interface Case {
  name: string;
  lang: 'en' | 'ja';
  paste: string;
  services: string;
  /** The Import-ExchangeCertificate form of the release. */
  importForm: RegExp;
}

const CASES: Case[] = [
  {
    name: 'Exchange 2010 SP3',
    lang: 'en',
    paste: listing(
      'The CA sent the certificate for my request; the old one expires next week.',
      'Version 14.3 (Build 123.4)',
      'IMAP, POP, IIS, SMTP',
    ),
    services: 'IMAP,POP,IIS,SMTP',
    importForm: /-Encoding Byte -ReadCount 0/,
  },
  {
    name: 'Exchange 2019',
    lang: 'en',
    paste: listing('Renewal came back from the CA, how do I finish?', 'Version 15.2 (Build 1544.4)', 'IIS, SMTP'),
    services: 'IIS,SMTP',
    importForm: /ReadAllBytes/,
  },
  {
    name: 'Exchange 2010 SP3',
    lang: 'ja',
    paste: listing(
      'CA から証明書が届きました。古い証明書は来週期限切れです。',
      'Version 14.3 (Build 123.4)',
      'IMAP, POP, IIS, SMTP',
    ),
    services: 'IMAP,POP,IIS,SMTP',
    importForm: /-Encoding Byte -ReadCount 0/,
  },
  {
    name: 'Exchange 2019',
    lang: 'ja',
    paste: listing('更新の証明書が CA から届きました。どう完了しますか？', 'Version 15.2 (Build 1544.4)', 'IIS, SMTP'),
    services: 'IIS,SMTP',
    importForm: /ReadAllBytes/,
  },
];

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

describe('a pending renewal request is completed, not made again', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.lang})`, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW });
      assert.equal(d.language, c.lang);
      assert.doesNotMatch(commands(d), /-GenerateRequest/, 'no second request to the CA');
      const complete = d.steps.find((s) => s.id === 'pending-complete');
      assert.equal(complete?.server, 'EXCAS01', 'completed on the server that made the request');
      assert.match(complete?.title ?? '', /EXCAS01/);
      assert.match(complete?.command ?? '', c.importForm);
      const enable = d.steps.find((s) => /Enable-ExchangeCertificate/.test(s.command ?? ''));
      assert.match(enable?.command ?? '', new RegExp(`-Services ${c.services}$`), 'the old certificate’s services');
      // One enable step: the plans do not disagree about the services.
      assert.equal(d.steps.filter((s) => /Enable-ExchangeCertificate/.test(s.command ?? '')).length, 1);
      // The expiring certificate is still reported.
      assert.ok(d.findings.some((f) => f.thumbprint === 'C0FFEE0123456789ABCDEF0123456789ABCDEF01'));
    });
  }
  it('a request that renews nothing listed keeps its own enable step', () => {
    const d = diagnose(
      'Get-ExchangeCertificate | fl Thumbprint,Subject,Status,Services,NotAfter\n\nThumbprint : BADC0DE0123456789ABCDEF0123456789ABCDEF0\nSubject    : CN=mail.northwind.com\nStatus     : PendingRequest\nServices   : None\nNotAfter   : 11/20/2027 4:02:11 PM\n',
      { now: REFERENCE_NOW },
    );
    assert.ok(d.steps.some((s) => s.id === 'pending-enable'));
    assert.ok(!d.steps.some((s) => s.id === 'pending-enable-as-old'));
  });
});
