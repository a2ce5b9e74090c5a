import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeCertutil } from '../../../src/core/recognize/certutil.js';
import { corpusText } from '../../helpers/cert-fixtures.js';

const store = `My "Personal"
================ Certificate 0 ================
Serial Number: 1e048fc644fc9e541e1d3e6c124ffdf7
Issuer: CN=EX2016
 NotBefore: 8/6/2021 6:56 AM
 NotAfter: 8/6/2026 6:56 AM
Subject: CN=EX2016
Signature matches Public Key
Root Certificate: Subject matches Issuer
Cert Hash(sha1): 27 47 58 2b 91 32 f3 8e b2 a0 be 07 5a 1c 96 41 95 85 1a f1
  Key Container = 9f1c3c1e-8b0d-4f5e-9a0a-1c2b3c4d5e6f
  Unique container name: 2a8d1f7e2a3e6a1c0b6a7d1e2f3a4b5c_9f1c3c1e-8b0d-4f5e-9a0a-1c2b3c4d5e6f
  Provider = Microsoft RSA SChannel Cryptographic Provider
Encryption test passed

================ Certificate 1 ================
Serial Number: 6f0000a0fd91cd4593faa8ff50ac14cb04bd9b
Issuer: CN=Contoso Issuing CA 01, DC=corp, DC=contoso, DC=de
 NotBefore: 14.03.2025 09:12
 NotAfter: 14.03.2027 09:12
Subject: CN=smtp.contoso.de
Non-root Certificate
Template: WebServer, Web Server
Cert Hash(sha1): 16580057653f522df6eb27523f531720a3658ac9
CertUtil: -store command completed successfully.
`;

const japanese = `X509 証明書:
バージョン: 3
シリアル番号: 66cca3cab1bb27976545b750ff155155
署名アルゴリズム:
    Algorithm ObjectId: 1.2.840.113549.1.1.11 sha256RSA
発行者:
    CN=Microsoft Exchange Server Auth Certificate
  名前ハッシュ (sha1): 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c

 NotBefore: 2022/01/20 11:11
 NotAfter: 2026/12/25 11:11

サブジェクト:
    CN=Microsoft Exchange Server Auth Certificate
証明書ハッシュ(sha1): 1d 12 5d 33 c2 07 06 df fd ef 39 d9 2d 8a ab 5e 91 b7 55 35
`;

describe('recognizeCertutil', () => {
  it('s24 -dump of the Auth certificate', () => {
    const evidence = recognizeCertutil(corpusText('s24-certutil-dump-auth-cert.txt'));
    assert.deepEqual(evidence.certificates, [
      {
        subject: 'CN=Microsoft Exchange Server Auth Certificate',
        issuer: 'CN=Microsoft Exchange Server Auth Certificate',
        domains: [],
        source: 'certutil',
        thumbprint: '1D125D33C20706DFFDEF39D92D8AAB5E91B75535',
        notBefore: '2022-01-19T18:11:00.000Z',
        notAfter: '2026-12-24T18:11:00.000Z',
        selfSigned: true,
        isCA: false,
        keySize: 2048,
        keyAlgorithm: 'RSA',
        signatureHash: 'SHA1',
        serialNumber: '66CCA3CAB1BB27976545B750FF155155',
        role: 'auth',
      },
    ]);
    assert.deepEqual(evidence.versionHints, [{ version: '2013+', reason: 'auth-certificate' }]);
    assert.equal(evidence.japanese, undefined);
  });

  for (const variant of ['LF', 'CRLF'] as const) {
    it(`-store with two certificates, spaced and contiguous hashes (${variant})`, () => {
      const input = variant === 'CRLF' ? store.replace(/\n/g, '\r\n') : store;
      const certs = recognizeCertutil(input).certificates ?? [];
      assert.deepEqual(
        certs.map((cert) => [cert.thumbprint, cert.notAfter, cert.selfSigned, cert.subject, cert.issuer]),
        [
          ['2747582B9132F38EB2A0BE075A1C964195851AF1', '2026-08-06T06:56:00.000Z', true, 'CN=EX2016', 'CN=EX2016'],
          [
            '16580057653F522DF6EB27523F531720A3658AC9',
            '2027-03-14T09:12:00.000Z',
            false,
            'CN=smtp.contoso.de',
            'CN=Contoso Issuing CA 01, DC=corp, DC=contoso, DC=de',
          ],
        ],
      );
      assert.deepEqual(certs[0]?.domains, ['EX2016']);
    });
  }

  it('Japanese labels', () => {
    const evidence = recognizeCertutil(japanese);
    const cert = evidence.certificates?.[0];
    assert.equal(cert?.thumbprint, '1D125D33C20706DFFDEF39D92D8AAB5E91B75535');
    assert.equal(cert?.subject, 'CN=Microsoft Exchange Server Auth Certificate');
    assert.equal(cert?.notAfter, '2026-12-25T11:11:00.000Z');
    assert.equal(cert?.signatureHash, 'SHA256');
    assert.equal(cert?.serialNumber, '66CCA3CAB1BB27976545B750FF155155');
    assert.equal(evidence.japanese, true);
  });

  it('-dump with the subject alternative names and a CA', () => {
    const input = `X509 Certificate:
Issuer:
    CN=Contoso Issuing CA
Subject:
    CN=mail.contoso.com
    O=Contoso Ltd
 NotBefore: 12/18/2025 12:00 AM
 NotAfter: 12/18/2026 11:59 PM
    2.5.29.17: Flags = 0, Length = 2c
    Subject Alternative Name
        DNS Name=mail.contoso.com
        DNS Name=autodiscover.contoso.com
    2.5.29.19: Flags = 1(Critical), Length = 5
    Basic Constraints
        Subject Type=End Entity
Cert Hash(sha1): 74f52319e499f8c91b3568ebcc996c64985b9c94
`;
    const cert = recognizeCertutil(input).certificates?.[0];
    assert.equal(cert?.subject, 'CN=mail.contoso.com, O=Contoso Ltd');
    assert.deepEqual(cert?.domains, ['mail.contoso.com', 'autodiscover.contoso.com']);
    assert.equal(cert?.selfSigned, false);
    assert.equal(cert?.role, 'ca-issued');
  });

  const nothing = [
    { name: 'fl output', input: corpusText('s18-fl-expired-default-cert.txt') },
    { name: 'openssl text', input: corpusText('s23-openssl-text-expiring.txt') },
    { name: 'a PEM', input: corpusText('p03-pem-leaf-expiring-soon.txt') },
    { name: '1 MiB of certutil-ish junk', input: `X509 Certificate:\n${'Issuer:\n    '.repeat(80_000)}` },
  ];
  for (const row of nothing) {
    it(`finds nothing in ${row.name}`, () => {
      const started = performance.now();
      assert.deepEqual(recognizeCertutil(row.input).certificates ?? [], []);
      assert.ok(performance.now() - started < 1000);
    });
  }
});
