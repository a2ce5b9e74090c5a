import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// 12019 on a Mailbox server for its Edge, named by host name only: the Edge's new certificate keeps a
// visible FQDN placeholder instead of the host name twice, the subscription's Mailbox side is the
// server that logged the event (not an "Edge"), and the plan ends with Test-EdgeSynchronization.

const paste = (question: string) => `${question}

Log Name:      Application
Source:        MSExchangeTransport
Date:          11/27/2026 11:30:01 AM
Event ID:      12019
Level:         Error
Computer:      MBX07.fabrikam.net
Description:
The remote internal transport certificate expired. Certificate subject: EDGE07.
`;

const run = (text: string) => diagnose(text, { now: REFERENCE_NOW });
const step = (d: Diagnosis, pattern: RegExp) => d.steps.find((s) => pattern.test(s.command ?? ''));

describe("a peer Edge's expired internal transport certificate (12019)", () => {
  for (const [lang, question] of [
    ['en', 'Exchange 2019 CU14, our Edge is EDGE07. MBX07 keeps logging this.'],
    ['ja', 'Exchange 2019 CU14 です。エッジは EDGE07 です。MBX07 にこのイベントが出続けます。'],
  ] as const) {
    it(lang, () => {
      const d = run(paste(question));
      assert.equal(d.language, lang);
      const renew = step(d, /New-ExchangeCertificate -DomainName/);
      assert.equal(renew?.server, 'EDGE07');
      assert.match(
        renew?.command ?? '',
        lang === 'en' ? /-DomainName <FQDN of EDGE07>,EDGE07 / : /-DomainName <EDGE07 の FQDN>,EDGE07 /,
      );
      const imported = step(d, /New-EdgeSubscription -FileData/);
      assert.equal(imported?.server, 'MBX07');
      assert.equal(imported?.role, 'mailbox');
      assert.equal(step(d, /Test-EdgeSynchronization/)?.server, 'MBX07');
      assert.ok(!d.steps.some((s) => s.server === 'MBX07' && s.role === 'edge'), 'the Mailbox server is not the Edge');
    });
  }
});

// The Edge's own 12015: the subscription is imported on the Mailbox server the admin names, which the
// word "Edge" elsewhere in the paste does not turn into an Edge.
const edge12015 = (question: string) => `${question}

Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12015
Level:         Error
Computer:      EDGE09.dmz.fabrikam.net
Description:
An internal transport certificate expired. Thumbprint:7A1C2B3D4E5F60718293A4B5C6D7E8F901234567
`;

describe("an Edge's subscription, with the Mailbox server named in the paste", () => {
  for (const [lang, question] of [
    ['en', 'Exchange 2019 Edge Transport server EDGE09; the Mailbox server is EXMB09.'],
    ['ja', 'Exchange 2019 のエッジ トランスポート サーバー EDGE09 です。メールボックス サーバーは EXMB09 です。'],
  ] as const) {
    it(lang, () => {
      const d = run(edge12015(question));
      const imported = step(d, /New-EdgeSubscription -FileData/);
      assert.equal(imported?.server, 'EXMB09');
      assert.match(imported?.title ?? '', /EXMB09/);
      assert.equal(step(d, /New-EdgeSubscription -FileName/)?.server, 'EDGE09');
      assert.ok(!d.steps.some((s) => s.server === 'EXMB09' && s.role === 'edge'));
    });
  }
});

describe("an Edge's subscription, with the Hub Transport server named in the paste", () => {
  for (const [lang, question] of [
    ['en', 'Exchange 2010 SP3: inbound mail through our Edge EDGE09 died. Hub is HUB10-01.'],
    ['en', 'Exchange 2010 SP3, our Edge EDGE09 stopped syncing. The Hub server is HUB10-01.'],
    ['ja', 'Exchange 2010 SP3 のエッジ EDGE09 です。ハブ トランスポート サーバーは HUB10-01 です。'],
  ] as const) {
    it(`${lang}: ${question}`, () => {
      const d = run(edge12015(question));
      for (const command of [/New-EdgeSubscription -FileData/, /Start-EdgeSynchronization/]) {
        const hub = step(d, command);
        assert.equal(hub?.server, 'HUB10-01', String(command));
        assert.match(hub?.title ?? '', /HUB10-01/);
      }
      assert.ok(!d.steps.some((s) => s.server === 'HUB10-01' && s.role === 'edge'));
    });
  }
});

// A CA certificate renewed on an Edge: the steps run on the Edge and say so, and no Default Frontend
// connector (which an Edge does not have) is set there.
const edgeCa = (question: string) => `${question}

[PS] C:\\>Get-ExchangeServer EDGE-DE01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EDGE-DE01
ServerRole          : Edge
AdminDisplayVersion : Version 15.2 (Build 1544.4)

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services

Thumbprint         : 6A8C0E2B4D6F8A1C3E5A7C9B1D3F5E7A9C0B2D4E
Subject            : CN=smtp.fabrikam.de
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {smtp.fabrikam.de}
NotAfter           : 11/20/2026 11:59:59 PM
Services           : SMTP
`;

describe('a CA certificate renewed on an Edge Transport server', () => {
  for (const [lang, question] of [
    ['en', 'Our Edge presents an expired certificate to partners.'],
    ['ja', 'エッジ サーバーの証明書が期限切れです。'],
  ] as const) {
    it(lang, () => {
      const d = run(edgeCa(question));
      const request = step(d, /-GenerateRequest/);
      assert.equal(request?.server, 'EDGE-DE01');
      assert.equal(request?.role, 'edge');
      assert.ok(!d.steps.some((s) => /Default Frontend|Outbound to Office 365/.test(`${s.title} ${s.command ?? ''}`)));
    });
  }
});

// 12019 on an Edge: the peer is a Mailbox server named by its certificate subject (CN=…). Its new
// certificate reaches the Edge through EdgeSync, started on that Mailbox server; no subscription.
const edgeLogs = (question: string) => `${question}

Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12019
Level:         Error
Computer:      EDGE31.perimeter.fabrikam.com
Description:
The remote internal transport certificate expired. Certificate subject: CN=EXMB31.
`;

describe("an Edge logging a Mailbox peer's expired internal transport certificate", () => {
  for (const [lang, question] of [
    ['en', 'Exchange 2019 Edge EDGE31 logs this every few hours.'],
    ['ja', 'Exchange 2019 のエッジ EDGE31 でこのイベントが数時間ごとに出ます。'],
  ] as const) {
    it(lang, () => {
      const d = run(edgeLogs(question));
      const renew = step(d, /New-ExchangeCertificate -DomainName/);
      assert.equal(renew?.server, 'EXMB31');
      assert.doesNotMatch(renew?.command ?? '', /CN=/);
      assert.equal(step(d, /^Start-EdgeSynchronization/)?.server, 'EXMB31');
      assert.ok(!d.steps.some((s) => /New-EdgeSubscription/.test(s.command ?? '')), 'no new subscription');
    });
  }
});
