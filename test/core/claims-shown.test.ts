import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis, Language } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A finding claims only what the paste shows: a self-signed certificate "serves clients" when a port
// clients use presents it or it carries a name clients use that no CA certificate covers, never from
// its Services column; an expired SMTP certificate touches Edge and Hub mutual TLS only when it is the
// internal transport certificate of a site with an Edge subscription.

const run = (text: string, lang: Language) => diagnose(text, { now: REFERENCE_NOW, lang });
const selfSigned = (d: Diagnosis, thumbprint: string) =>
  d.findings.find((f) => f.code === 'SELF_SIGNED' && f.thumbprint === thumbprint);

const SETUP = 'C18920E462A5902EE26EB53A759872E5237B0E22';
const CA = '3202972D310452484BC56ECB2D54ED4FFD78BE51';

/** Setup's certificate keeps IMAP, POP, IIS and SMTP in Services beside the CA certificate that serves clients. */
const setupBesideCa = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EXJ13 | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,Status,IsSelfSigned

Thumbprint         : ${CA}
Subject            : CN=mail.minato-unyu.co.jp
Issuer             : CN=JPRS DV CA G4, O="Japan Registry Services Co., Ltd.", C=JP
CertificateDomains : {mail.minato-unyu.co.jp, autodiscover.minato-unyu.co.jp}
NotAfter           : 8/25/2027 8:59:59 AM
Services           : IIS, SMTP
Status             : Valid
IsSelfSigned       : False

Thumbprint         : ${SETUP}
Subject            : CN=EXJ13
Issuer             : CN=EXJ13
CertificateDomains : {EXJ13, EXJ13.minato.local}
NotAfter           : 7/2/2027 2:30:11 PM
Services           : IMAP, POP, IIS, SMTP
Status             : Valid
IsSelfSigned       : True
`;

const SELF_MAIL = '5B1E0F2C3D4A59687766554433221100FFEEDDCC';
/** A self-signed certificate made for the published name and enabled for IIS, with no CA certificate for it. */
const selfSignedMail = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX10 | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,IsSelfSigned

Thumbprint         : ${SELF_MAIL}
Subject            : CN=mail.contoso.com
Issuer             : CN=mail.contoso.com
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
NotAfter           : 3/1/2029 10:00:00 AM
Services           : IIS, SMTP
IsSelfSigned       : True
`;

describe("a self-signed certificate's client-facing warning needs what shows clients get it", () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: Setup's certificate listing IIS beside a CA certificate that serves IIS is left alone`, () => {
      const d = run(setupBesideCa, lang);
      const finding = selfSigned(d, SETUP);
      assert.equal(finding, undefined, finding?.message);
      assert.ok(!d.steps.some((s) => s.id === 'ca-for-clients'), 'no plan to replace what clients already get');
    });

    it(`${lang}: Setup's certificate alone, Services IIS, is not said to serve clients`, () => {
      const alone = setupBesideCa.slice(setupBesideCa.indexOf(`Thumbprint         : ${SETUP}`));
      const d = run(`Get-ExchangeCertificate -Server EXJ13 | fl\n\n${alone}`, lang);
      assert.equal(selfSigned(d, SETUP)?.severity, 'info');
    });

    it(`${lang}: a self-signed certificate for a name clients use, with no CA certificate for it, warns`, () => {
      const d = run(selfSignedMail, lang);
      const finding = selfSigned(d, SELF_MAIL);
      assert.equal(finding?.severity, 'warning');
      assert.match(finding?.message ?? '', /mail\.contoso\.com/);
      assert.match(finding?.message ?? '', lang === 'en' ? /no CA-issued certificate/ : /CA 発行の証明書がありません/);
    });
  }

  it('a CA certificate covering that name takes the warning away', () => {
    const withCa = `${selfSignedMail}
Thumbprint         : ${CA}
Subject            : CN=mail.contoso.com
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
NotAfter           : 8/25/2027 8:59:59 AM
Services           : IIS, SMTP
IsSelfSigned       : False
`;
    const d = run(withCa, 'en');
    assert.notEqual(selfSigned(d, SELF_MAIL)?.severity, 'warning');
    assert.ok(!d.steps.some((s) => s.id === 'ca-for-clients'));
  });
});

const EXPIRED_CA = '9D92F4BDAAE1F15D7023D41C550C17864768BD67';
const expiredCaForSmtp = (extra: string) => `${extra}
[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX16-01 | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,IsSelfSigned

Thumbprint         : ${EXPIRED_CA}
Subject            : CN=mail.tailwindtraders.com
Issuer             : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, C=GB
CertificateDomains : {mail.tailwindtraders.com}
NotAfter           : 11/20/2026 4:59:59 PM
Services           : IIS, SMTP
IsSelfSigned       : False
`;

const transportExpired = (d: Diagnosis) =>
  d.findings.find((f) => f.code === 'TRANSPORT_CERT_EXPIRED' && f.thumbprint === EXPIRED_CA)?.message ?? '';

describe('an expired SMTP certificate touches Edge and Hub mutual TLS only when the paste shows it', () => {
  const internalWithEdge = `[PS] C:\\Windows\\system32>Get-TransportService EX16-01 | fl Name,InternalTransportCertificateThumbprint

Name                                   : EX16-01
InternalTransportCertificateThumbprint : ${EXPIRED_CA}

[PS] C:\\Windows\\system32>Get-SendConnector | ft Name
Name
----
EdgeSync - Default-First-Site-Name to Internet
`;
  for (const [lang, edgeWords] of [
    ['en', /Edge and Hub mutual TLS/],
    ['ja', /エッジとハブの相互 TLS/],
  ] as const) {
    it(`${lang}: a CA certificate enabled for SMTP makes no claim about the Edge`, () => {
      const message = transportExpired(run(expiredCaForSmtp(''), lang));
      assert.ok(message !== '', 'the expired SMTP certificate is still reported');
      assert.doesNotMatch(message, edgeWords);
    });

    it(`${lang}: the internal transport certificate of a site with an Edge subscription does`, () => {
      assert.match(transportExpired(run(expiredCaForSmtp(internalWithEdge), lang)), edgeWords);
    });
  }
});

describe("SHA-1 on Exchange Setup's own certificate is a note, not a fault", () => {
  const pem = readFileSync(new URL('../fixtures/corpus/s22-pem-ex2016-default-cert.txt', import.meta.url), 'utf8');
  for (const lang of ['en', 'ja'] as const) {
    it(lang, () => {
      const sha1 = run(pem, lang).findings.find((f) => f.code === 'SHA1_SIGNATURE');
      assert.equal(sha1?.severity, 'info');
      assert.match(sha1?.message ?? '', lang === 'en' ? /Exchange Setup/ : /セットアップ/);
    });
  }
});
