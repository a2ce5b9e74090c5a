import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type KnownCertificate, planForCertificate } from '../../src/core/certificate-plan.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

const base: KnownCertificate = {
  thumbprint: '896777B6CA9D0066DB7463DB76DA36DD6241D5D5',
  subject: 'CN=owa.contoso.com',
  issuer: 'CN=Contoso Issuing CA',
  domains: ['owa.contoso.com'],
  notAfter: '2026-12-10T00:00:00.000Z',
  services: ['IIS', 'SMTP'],
  servers: ['EX01'],
};
const commands = (known: KnownCertificate, lang: 'en' | 'ja' = 'en') =>
  planForCertificate(known, { now: REFERENCE_NOW, lang })
    .steps.map((s) => s.command ?? '')
    .join('\n');

describe('planForCertificate: the renewal a tracked certificate needs', () => {
  it('a CA-issued certificate gets a certificate request, not a self-signed copy', () => {
    const text = commands({ ...base, role: 'ca-issued' });
    assert.match(text, /New-ExchangeCertificate -GenerateRequest/);
    // Only the CN is known: the request is made from the old certificate, which keeps every name it has.
    assert.match(
      text,
      /Get-ExchangeCertificate -Thumbprint 896777B6CA9D0066DB7463DB76DA36DD6241D5D5 \| New-ExchangeCertificate -GenerateRequest/,
    );
    assert.match(text, /-Services IIS,SMTP/);
  });

  it('a CA-issued certificate whose names are known keeps every one of them in the request', () => {
    const text = commands({ ...base, role: 'ca-issued', domains: ['owa.contoso.com', 'autodiscover.contoso.com'] });
    assert.match(text, /-SubjectName 'CN=owa\.contoso\.com' -DomainName owa\.contoso\.com,autodiscover\.contoso\.com /);
    assert.doesNotMatch(text, /\| New-ExchangeCertificate/);
  });

  it('the Auth certificate gets Set-AuthConfig', () => {
    const auth = {
      ...base,
      subject: 'CN=Microsoft Exchange Server Auth Certificate',
      issuer: 'CN=Microsoft Exchange Server Auth Certificate',
      domains: [],
      services: ['SMTP'],
      role: 'auth',
    };
    assert.match(commands(auth), /Set-AuthConfig -NewCertificateThumbprint/);
  });

  it('a self-signed Exchange certificate is renewed in place, on its server', () => {
    const own = {
      ...base,
      subject: 'CN=EX01',
      issuer: 'CN=EX01',
      domains: ['EX01', 'EX01.contoso.com'],
      role: 'exchange-self-signed',
    };
    const plan = planForCertificate(own, { now: REFERENCE_NOW, lang: 'en' });
    // The release decides the cmdlet that shows it (Get-TransportService or Get-TransportServer): shown first.
    assert.equal(plan.steps[0]?.id, 'show-exchange-version');
    assert.equal(plan.steps[0]?.server, 'EX01');
    // Whether it is the internal transport certificate decides the overwrite prompt: shown next.
    assert.equal(plan.steps[1]?.id, 'show-internal-transport');
    assert.equal(plan.steps[1]?.server, 'EX01');
    const renew = plan.steps.find((s) => s.when === 'isInternalTransport');
    assert.match(renew?.command ?? '', /^New-ExchangeCertificate -DomainName EX01\.contoso\.com,EX01 -Services SMTP$/);
    assert.equal(renew?.server, 'EX01');
    // Never a self-signed copy piped from the certificate, and never IIS without the binding shown first.
    assert.ok(!plan.steps.some((s) => s.command?.includes('| New-ExchangeCertificate')));
  });

  it('plans even when the certificate is far from expiry (the user asked), in Japanese too', () => {
    const later = { ...base, notAfter: '2028-01-01T00:00:00.000Z', role: 'ca-issued' };
    assert.match(commands(later, 'ja'), /New-ExchangeCertificate -GenerateRequest/);
    assert.match(
      planForCertificate(later, { now: REFERENCE_NOW, lang: 'ja' }).steps[0]?.title ?? '',
      /[\u3040-\u30ff]/,
    );
  });
});
