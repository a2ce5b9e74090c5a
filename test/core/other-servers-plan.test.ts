import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Plans that reach more than the server the paste is about (DAG members holding the same certificate,
// the other servers of a hybrid), renewals that keep every name, and certificates the paste names
// only by the thumbprint in a command line or a sentence. REFERENCE_NOW is 2026-11-28.

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus-extra/${name}.txt`, import.meta.url), 'utf8');
const run = (text: string, lang?: 'en' | 'ja') => diagnose(text, { now: REFERENCE_NOW, ...(lang && { lang }) });
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const on = (d: Diagnosis, server: string) => d.steps.filter((s) => s.server === server);

describe('a CA certificate shared by DAG members and named by 12017', () => {
  for (const lang of ['en', 'ja'] as const) {
    const d = run(corpus('y11-ja-e2016-dag-12017-expiring'), lang);

    it(`${lang}: is renewed by a request made from the old certificate, never as a self-signed copy`, () => {
      const text = commands(d);
      assert.match(
        text,
        /Get-ExchangeCertificate -Thumbprint BC52102509A160B67352C37C22207BC940D8C488 \| New-ExchangeCertificate -GenerateRequest/,
      );
      assert.doesNotMatch(text, /New-ExchangeCertificate -DomainName mail\.naniwa-shoji\.co\.jp/);
      assert.doesNotMatch(text, /Remove-ExchangeCertificate -Thumbprint BC52/);
      const request = d.steps.findIndex((s) => s.id === 'ca-request-renew');
      const imported = d.steps.findIndex((s) => s.id === 'ca-import');
      assert.ok(request !== -1 && imported > request, 'import after the request');
    });

    it(`${lang}: the internal transport role goes to a new self-signed certificate of the server's own names (Y)`, () => {
      assert.match(commands(d), /New-ExchangeCertificate -DomainName OSKEX02\.naniwa\.local,OSKEX02 -Services SMTP/);
      assert.ok(!d.steps.some((s) => /New-EdgeSubscription/.test(s.command ?? '')), 'a DAG member is no Edge');
    });

    it(`${lang}: the other member gets its own blocks: export on OSKEX02, import and enable on OSKEX01`, () => {
      const exported = d.steps.find((s) => s.id === 'export-copy');
      assert.equal(exported?.server, 'OSKEX02');
      assert.match(exported?.command ?? '', /Export-ExchangeCertificate .*-Password/);
      const other = on(d, 'OSKEX01').map((s) => s.id);
      // The paste lists no services of OSKEX01's copy: they are read off the old certificate there.
      assert.deepEqual(other.slice(0, 3), ['import-copy', 'ca-enable-as-old', 'show-internal-transport']);
      assert.match(on(d, 'OSKEX01')[0]?.command ?? '', /Import-ExchangeCertificate .*-Password/);
      // OSKEX01's own internal transport certificate is shown before it is replaced there, with its own names.
      const renewed = on(d, 'OSKEX01').find((s) => s.id === 'new-internal-self-signed');
      assert.equal(renewed?.when, 'internalHere');
      assert.match(renewed?.command ?? '', /-DomainName <[^<>]*OSKEX01[^<>]*>,OSKEX01 -Services SMTP/);
      assert.doesNotMatch(renewed?.command ?? '', /OSKEX02/);
      for (const step of d.steps) assert.doesNotMatch(step.title, /\{\w+\}/, step.title);
    });
  }
});

describe('a hybrid of two servers after the certificate swap (451 5.7.3)', () => {
  const d = run(corpus('y20-e2019-hybrid-451-573-inbound'));

  it("points each server's own Default Frontend connector at the renewed certificate, SMTP enabled first on each", () => {
    for (const server of ['EX19-HYB1', 'EX19-HYB2']) {
      const ids = on(d, server).map((s) => s.id);
      const enable = ids.indexOf('enable-smtp-new');
      const pin = ids.indexOf('set-receive-pin');
      assert.ok(enable !== -1 && pin > enable, `${server}: ${ids.join(', ')}`);
      assert.match(on(d, server)[pin]?.command ?? '', new RegExp(`'${server}\\\\Default Frontend ${server}'`));
      assert.ok(
        on(d, server).some((s) => /Restart-Service [^\n]*MSExchangeFrontEndTransport/.test(s.command ?? '')),
        `${server} restarts its Front End Transport service`,
      );
    }
  });

  it('asks whether the second server has the certificate before copying it there', () => {
    const shown = d.steps.findIndex((s) => s.id === 'show-renewed-on-server' && s.server === 'EX19-HYB2');
    const copied = d.steps.findIndex((s) => s.id === 'import-copy' && s.server === 'EX19-HYB2');
    assert.ok(shown !== -1 && copied > shown);
    assert.equal(d.steps[copied]?.when, '!renewedOnServer');
  });
});

describe('a renewal keeps every name of the certificate', () => {
  it('from the old certificate when the paste shows only its subject (certutil -store)', () => {
    const d = run(corpus('y18-ja-certutil-store-ja'));
    const show = d.steps.findIndex((s) => s.id === 'show-request-names');
    const request = d.steps.findIndex((s) => s.id === 'ca-request-renew');
    assert.ok(show !== -1 && request > show, 'the names and services are shown before the request');
    assert.doesNotMatch(commands(d), /-DomainName mail\.chuo-denki\.co\.jp/);
    assert.ok(!d.steps.some((s) => s.title.includes('古い証明書と同じサービス (古い証明書と同じサービス)')));
  });

  it('with every name in -DomainName when the paste shows them (CertificateDomains)', () => {
    const d = run(`Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services

Thumbprint         : 3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C
Subject            : CN=mail.contoso.com, O=Contoso, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com, legacy.contoso.com}
NotAfter           : 12/10/2026 11:59:59 PM
Services           : IIS, SMTP
`);
    assert.match(commands(d), /-DomainName mail\.contoso\.com,autodiscover\.contoso\.com,legacy\.contoso\.com /);
  });
});

describe('a certificate named only by a thumbprint', () => {
  it("in 'Get-ExchangeCertificate <thumbprint> | fl' is that certificate (Auth, 26 days expired)", () => {
    const d = run(corpus('y19-ja-e2016-auth-expired-owa'));
    const cert = d.certificates.find((c) => c.thumbprint === '78EAF6885116E62018E6ED7B983FC9932F20B344');
    assert.equal(cert?.daysLeft, -26);
  });

  it('once listed, its federation renewal is given once', () => {
    const d = run(corpus('y10-e2013-federation-2009'));
    const ids = d.steps.map((s) => s.id);
    assert.deepEqual(ids, [...new Set(ids)]);
  });

  it("in the admin's sentence beside a 12016 is the expired certificate, and 'also used for OWA' keeps IIS", () => {
    const d = run(corpus('y15-ja-e2013cu23-12016-starttls-expired'));
    const text = commands(d);
    assert.match(text, /Get-ExchangeCertificate -Thumbprint DA15EAAA5B82A754E54F3E1A6BD4ECE90278BB5F/);
    assert.match(text, /-Services IIS,SMTP/);
    assert.doesNotMatch(text, /Remove-ExchangeCertificate -Thumbprint DA15/);
  });

  it('but not when Exchange names that thumbprint as the internal transport certificate', () => {
    const d = run(`Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12016
Level:         Error
Computer:      EX01.contoso.com
Description:
There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.contoso.com. The existing certificate for that FQDN has expired.

[PS] C:\\>Get-TransportService EX01 | fl Name,InternalTransportCertificateThumbprint

Name                                  : EX01
InternalTransportCertificateThumbprint : 5C0A1E2B3D4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B
`);
    assert.ok(d.events.some((e) => e.id === 12016));
    assert.ok(!d.events.some((e) => e.thumbprint === '5C0A1E2B3D4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B'));
  });
});

describe('a queue that names its server', () => {
  it('fills the server and the queue identity from the Get-Queue table', () => {
    const d = run(corpus('y05-ja-e2019cu14-hybrid-454'));
    const text = commands(d);
    assert.match(text, /'JPEX19A\\Default Frontend JPEX19A'/);
    assert.match(text, /Retry-Queue -Identity JPEX19A\\87/);
    assert.doesNotMatch(text, /<サーバー名>|<キューの ID>/);
  });
});
