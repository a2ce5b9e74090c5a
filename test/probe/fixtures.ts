import forge from 'node-forge';
import { makeCertificate, type TestCertificate } from './helpers/test-certs.js';

/** The probes' clock: every certificate below is dated against it. */
export const NOW = new Date('2026-12-07T12:00:00Z');

/** SHA-1 of the DER, 40 upper-case hex digits, as the contract's thumbprint. */
export function thumbprintOf(cert: TestCertificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert.cert)).getBytes();
  return forge.md.sha1.create().update(der).digest().toHex().toUpperCase();
}

export const root = makeCertificate({
  cn: 'Contoso Root CA',
  notBefore: '2020-01-01T00:00:00Z',
  notAfter: '2040-01-01T00:00:00Z',
  ca: true,
});
export const expiredIntermediate = makeCertificate({
  cn: 'Contoso Issuing CA 1',
  issuer: root,
  ca: true,
  notBefore: '2021-01-01T00:00:00Z',
  notAfter: '2026-11-30T00:00:00Z',
});
export const validIntermediate = makeCertificate({
  cn: 'Contoso Issuing CA 2',
  issuer: root,
  ca: true,
  notBefore: '2021-01-01T00:00:00Z',
  notAfter: '2031-01-01T00:00:00Z',
});
/** Valid, for mail.contoso.com, under the expired intermediate. */
export const leafUnderExpired = makeCertificate({
  cn: 'mail.contoso.com',
  sans: ['mail.contoso.com', 'autodiscover.contoso.com'],
  issuer: expiredIntermediate,
  notBefore: '2026-06-01T00:00:00Z',
  notAfter: '2027-06-01T00:00:00Z',
});
export const goodLeaf = makeCertificate({
  cn: 'mail.contoso.com',
  sans: ['mail.contoso.com', 'localhost'],
  issuer: validIntermediate,
  notBefore: '2026-06-01T00:00:00Z',
  notAfter: '2027-06-01T00:00:00Z',
});
/** Expired 20 days before NOW. */
export const expiredLeaf = makeCertificate({
  cn: 'owa.contoso.com',
  sans: ['owa.contoso.com'],
  issuer: validIntermediate,
  notBefore: '2025-11-17T12:00:00Z',
  notAfter: '2026-11-17T12:00:00Z',
});
export const wrongNameLeaf = makeCertificate({
  cn: 'www.fabrikam.com',
  sans: ['www.fabrikam.com'],
  issuer: validIntermediate,
  notBefore: '2026-06-01T00:00:00Z',
  notAfter: '2027-06-01T00:00:00Z',
});
/** Exchange 2007's default: self-signed, 1024-bit RSA, SHA-1, named after the server. */
export const exchange2007Default = makeCertificate({
  cn: 'EXCH2007',
  sans: ['EXCH2007', 'EXCH2007.contoso.local'],
  bits: 1024,
  hash: 'sha1',
  notBefore: '2007-06-01T00:00:00Z',
  notAfter: '2008-06-01T00:00:00Z',
});

export function chainPem(...certs: TestCertificate[]): string {
  return certs.map((c) => c.certPem).join('');
}
