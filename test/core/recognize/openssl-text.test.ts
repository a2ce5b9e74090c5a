import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeOpensslText } from '../../../src/core/recognize/openssl-text.js';
import { certFacts, certText, corpusText } from '../../helpers/cert-fixtures.js';

describe('recognizeOpensslText', () => {
  it('s23: no fingerprint, so no thumbprint; issuer ≠ subject is not self-signed', () => {
    const evidence = recognizeOpensslText(corpusText('s23-openssl-text-expiring.txt'));
    assert.deepEqual(evidence.certificates, [
      {
        subject: 'CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US',
        issuer: 'CN=Contoso Issuing CA 01',
        domains: ['mail.contoso.com', 'autodiscover.contoso.com', 'owa.contoso.com'],
        source: 'openssl',
        notBefore: '2025-12-18T00:00:00.000Z',
        notAfter: '2026-12-18T23:59:59.000Z',
        selfSigned: false,
        keyAlgorithm: 'RSA',
        keySize: 2048,
        signatureHash: 'SHA256',
        serialNumber: 'DE37ED500DC4A2BBCD5BC3681DA6BF04',
        isCA: false,
        role: 'ca-issued',
      },
    ]);
  });

  it('the leaf fixture matches what openssl computed when it was made', () => {
    const [cert] = recognizeOpensslText(certText('leaf-expiring-soon.openssl.txt')).certificates ?? [];
    const want = certFacts['leaf-expiring-soon']!;
    assert.equal(cert?.thumbprint, undefined);
    assert.equal(cert?.notAfter, want.notAfter);
    assert.equal(cert?.notBefore, want.notBefore);
    assert.equal(cert?.serialNumber, want.serial);
    assert.equal(cert?.subject, want.subject);
  });

  it('-fingerprint before -text (fingerprint first), Ed25519 with a quoted comma', () => {
    const [cert] = recognizeOpensslText(certText('ed25519.openssl.txt')).certificates ?? [];
    assert.equal(cert?.thumbprint, '6600874EAF725FF132AC259A5AAFEB2DDC7754DC');
    assert.equal(cert?.subject, 'CN=ed.contoso.com, O="Contoso, Inc.", S=Washington, C=US');
    assert.equal(cert?.keyAlgorithm, 'Ed25519');
    assert.equal(cert?.signatureHash, 'Ed25519');
    assert.equal(cert?.selfSigned, true);
    assert.equal(cert?.isCA, false);
  });

  const p384 = `Certificate:
    Data:
        Version: 3 (0x2)
        Serial Number: 439042475 (0x1a2b41ab)
        Signature Algorithm: ecdsa-with-SHA384
        Issuer: CN = smtp.contoso.com
        Validity
            Not Before: Jan  1 00:00:00 2027 GMT
            Not After : Jan  1 00:00:00 2028 GMT
        Subject: CN = smtp.contoso.com
        Subject Public Key Info:
            Public Key Algorithm: id-ecPublicKey
                Public-Key: (384 bit)
        X509v3 extensions:
            X509v3 Basic Constraints: critical
                CA:FALSE
            X509v3 Subject Alternative Name: 
                DNS:smtp.contoso.com
    Signature Algorithm: ecdsa-with-SHA384
    Signature Value:
        30:65:02:30:0a:2b:91:bc:96:8e:03:77:ca:76:32:22:18:d9:
sha1 Fingerprint=76:BA:2A:35:0D:6D:8F:5F:78:71:8A:49:75:52:77:FF:0E:8B:58:0A
`;
  const rows: { name: string; input: string; want: Record<string, unknown> }[] = [
    {
      name: 'ECDSA P-384, fingerprint after the text (OpenSSL 3 lower-case sha1)',
      input: p384,
      want: {
        thumbprint: certFacts['ecdsa-p384-not-yet-valid']!.thumbprint,
        keyAlgorithm: 'ECDSA',
        keySize: 384,
        signatureHash: 'SHA384',
        selfSigned: true,
        serialNumber: '1A2B41AB',
        notAfter: '2028-01-01T00:00:00.000Z',
      },
    },
    {
      name: 'CRLF',
      input: p384.replace(/\n/g, '\r\n'),
      want: { thumbprint: certFacts['ecdsa-p384-not-yet-valid']!.thumbprint, domains: ['smtp.contoso.com'] },
    },
    {
      name: 'OpenSSL 1.0 names (CN=x, no spaces), SHA1 Fingerprint, sha1WithRSAEncryption, CA:TRUE',
      input: p384
        .replace(/CN = /g, 'CN=')
        .replace(/ecdsa-with-SHA384/g, 'sha1WithRSAEncryption')
        .replace('id-ecPublicKey', 'rsaEncryption')
        .replace('Public-Key: (384 bit)', 'RSA Public-Key: (1024 bit)')
        .replace('CA:FALSE', 'CA:TRUE')
        .replace('sha1 Fingerprint', 'SHA1 Fingerprint'),
      want: {
        subject: 'CN=smtp.contoso.com',
        keyAlgorithm: 'RSA',
        keySize: 1024,
        signatureHash: 'SHA1',
        isCA: true,
        // CA:TRUE on a certificate for a host name: a self-signed server certificate (openssl req -x509).
        role: 'self-signed',
      },
    },
    {
      name: 'a paste that starts below Certificate:/Data:',
      input: p384.split('\n').slice(5).join('\n'),
      want: { notAfter: '2028-01-01T00:00:00.000Z', subject: 'CN=smtp.contoso.com' },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const [cert] = recognizeOpensslText(row.input).certificates ?? [];
      for (const [key, value] of Object.entries(row.want)) {
        assert.deepEqual(cert?.[key as keyof typeof cert], value, key);
      }
    });
  }

  it('two certificates (openssl pkcs7 -print_certs -text), each with its own fields', () => {
    const input = `${certText('leaf-expiring-soon.openssl.txt')}\n${p384}`;
    const certs = recognizeOpensslText(input).certificates ?? [];
    assert.deepEqual(
      certs.map((cert) => [cert.subject, cert.thumbprint]),
      [
        ['CN=owa.contoso.com', undefined],
        ['CN=smtp.contoso.com', certFacts['ecdsa-p384-not-yet-valid']!.thumbprint],
      ],
    );
  });

  const nothing = [
    { name: 'certutil', input: corpusText('s24-certutil-dump-auth-cert.txt') },
    { name: 'fl', input: corpusText('s18-fl-expired-default-cert.txt') },
    { name: '1 MiB of Certificate:/Data: lines', input: 'Certificate:\n    Data:\n'.repeat(50_000) },
  ];
  for (const row of nothing) {
    it(`finds no dated certificate in ${row.name}`, () => {
      const started = performance.now();
      const certs = recognizeOpensslText(row.input).certificates ?? [];
      assert.ok(certs.every((cert) => cert.notAfter === undefined && cert.thumbprint === undefined));
      assert.ok(performance.now() - started < 1000);
    });
  }
});

describe('recognizeOpensslText next to the PEM it was printed from', () => {
  it('leaves the certificate to the PEM recogniser (which has the thumbprint)', () => {
    const input = `${certText('leaf-expiring-soon.openssl.txt')}${certText('leaf-expiring-soon.pem')}`;
    assert.deepEqual(recognizeOpensslText(input).certificates, []);
  });

  it('keeps a certificate whose PEM is not in the paste', () => {
    const input = `${certText('leaf-expiring-soon.openssl.txt')}${certText('ca.pem')}`;
    assert.equal(recognizeOpensslText(input).certificates?.length, 1);
  });
});
