import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, it } from 'node:test';
import { certificateRole, parseCertificateDer } from '../../src/core/certificate.js';
import type { RoleFacts } from '../../src/core/certificate-role.js';
import { bareBase64, certFacts, certText } from '../helpers/cert-fixtures.js';

function der(file: string): Uint8Array {
  return new Uint8Array(Buffer.from(bareBase64(certText(file)), 'base64'));
}

describe('parseCertificateDer', () => {
  const rows = [
    {
      name: 'ca',
      keyAlgorithm: 'RSA',
      keySize: 2048,
      signatureHash: 'SHA256',
      selfSigned: true,
      isCA: true,
      role: 'certificate-authority',
    },
    {
      name: 'selfsigned-expired-2007',
      keyAlgorithm: 'RSA',
      keySize: 2048,
      signatureHash: 'SHA1',
      selfSigned: true,
      isCA: false,
      role: 'exchange-self-signed',
    },
    {
      name: 'ecdsa-p256-valid',
      keyAlgorithm: 'ECDSA',
      keySize: 256,
      signatureHash: 'SHA256',
      selfSigned: false,
      isCA: false,
      role: 'ca-issued',
    },
    {
      name: 'leaf-expiring-soon',
      keyAlgorithm: 'RSA',
      keySize: 2048,
      signatureHash: 'SHA256',
      selfSigned: false,
      isCA: false,
      role: 'ca-issued',
    },
    {
      name: 'weak-rsa1024-sha1',
      keyAlgorithm: 'RSA',
      keySize: 1024,
      signatureHash: 'SHA1',
      selfSigned: true,
      isCA: false,
      role: 'self-signed',
    },
    {
      name: 'ecdsa-p384-not-yet-valid',
      keyAlgorithm: 'ECDSA',
      keySize: 384,
      signatureHash: 'SHA384',
      selfSigned: true,
      isCA: false,
      role: 'self-signed',
    },
  ] as const;
  for (const row of rows) {
    it(`reads ${row.name} as openssl saw it`, () => {
      const want = certFacts[row.name]!;
      const got = parseCertificateDer(der(`${row.name}.pem`), 'pem');
      assert.equal(got.thumbprint, want.thumbprint);
      assert.equal(got.notBefore, want.notBefore);
      assert.equal(got.notAfter, want.notAfter);
      assert.equal(got.subject, want.subject);
      assert.equal(got.issuer, want.issuer);
      assert.equal(got.serialNumber, want.serial);
      const sans = want.san ? want.san.split(', ').map((entry) => entry.replace(/^DNS:/, '')) : [];
      for (const name of sans) assert.ok(got.domains.includes(name), `${name} in ${got.domains.join(',')}`);
      assert.equal(got.keyAlgorithm, row.keyAlgorithm);
      assert.equal(got.keySize, row.keySize);
      assert.equal(got.signatureHash, row.signatureHash);
      assert.equal(got.selfSigned, row.selfSigned);
      assert.equal(got.isCA, row.isCA);
      assert.equal(got.role, row.role);
      assert.equal(got.source, 'pem');
    });
  }

  it('reads an Ed25519 certificate, with a multi-RDN subject in Windows order and a quoted comma', () => {
    const got = parseCertificateDer(der('ed25519.pem'), 'der');
    // Thumbprint and dates as `openssl x509 -fingerprint -dates` printed them (ed25519.openssl.txt).
    assert.equal(got.thumbprint, '6600874EAF725FF132AC259A5AAFEB2DDC7754DC');
    assert.equal(got.notBefore, '2026-11-28T12:35:21.000Z');
    assert.equal(got.notAfter, '2036-11-25T12:35:21.000Z');
    assert.equal(got.subject, 'CN=ed.contoso.com, O="Contoso, Inc.", S=Washington, C=US');
    assert.deepEqual(got.domains, ['ed.contoso.com', 'ed2.contoso.com']);
    assert.equal(got.keyAlgorithm, 'Ed25519');
    assert.equal(got.signatureHash, 'Ed25519');
    assert.equal(got.selfSigned, true);
    assert.equal(got.source, 'der');
  });

  it('ignores bytes after the certificate (TRUSTED CERTIFICATE trust settings)', () => {
    const bytes = der('leaf-expiring-soon.pem');
    const padded = new Uint8Array([...bytes, 0x30, 0x03, 0x02, 0x01, 0x00]);
    assert.equal(parseCertificateDer(padded, 'pem').thumbprint, certFacts['leaf-expiring-soon']!.thumbprint);
  });

  it('throws on bytes that are not a certificate (callers turn it into a note)', () => {
    assert.throws(() => parseCertificateDer(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), 'der'));
  });
});

describe('certificateRole', () => {
  const rows: { name: string; input: RoleFacts; want: ReturnType<typeof certificateRole> }[] = [
    {
      name: 'Auth certificate by CN',
      input: { subject: 'CN=Microsoft Exchange Server Auth Certificate', domains: [], selfSigned: true },
      want: 'auth',
    },
    { name: 'WMSvc', input: { subject: 'CN=WMSvc-SHA2-EX2016', domains: [] }, want: 'wmsvc' },
    {
      name: 'Federation by CN',
      input: { subject: 'CN=Federation', domains: [], selfSigned: true },
      want: 'federation',
    },
    {
      name: 'Federation by friendly name',
      input: { subject: 'CN=x', domains: [], friendlyName: 'Exchange Delegation Federation' },
      want: 'federation',
    },
    {
      name: 'CA',
      input: { subject: 'CN=Contoso CA', domains: [], isCA: true, selfSigned: true },
      want: 'certificate-authority',
    },
    {
      name: 'Exchange default',
      input: { subject: 'CN=EX01', domains: ['EX01', 'ex01.contoso.local'], selfSigned: true },
      want: 'exchange-self-signed',
    },
    {
      name: 'other self-signed',
      input: { subject: 'CN=mail.contoso.com', domains: ['mail.contoso.com'], selfSigned: true },
      want: 'self-signed',
    },
    {
      name: 'CA-issued',
      input: { subject: 'CN=mail.contoso.com', issuer: 'CN=CA', domains: [], selfSigned: false },
      want: 'ca-issued',
    },
    {
      name: 'issuer equals subject when selfSigned is not given',
      input: { subject: 'CN=EX01', issuer: 'CN=EX01', domains: ['EX01', 'EX01.x.local'] },
      want: 'exchange-self-signed',
    },
    {
      name: 'unknown without issuer (table row)',
      input: { subject: 'CN=EX2016', issuer: '', domains: ['EX2016'] },
      want: undefined,
    },
  ];
  for (const row of rows) {
    it(row.name, () => assert.equal(certificateRole(row.input), row.want));
  }
});
