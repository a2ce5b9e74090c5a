import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import { readWithNode } from '../../src/core/certificate.js';
import { readOrdinaryCertificate } from '../../src/core/certificate-der.js';
import { childrenOf, readTlv } from '../../src/core/der.js';

/**
 * The DER reading of ordinary certificates must give exactly what Node's X509Certificate gives, or
 * give nothing (and leave the certificate to Node): every fixture certificate, and certificates made
 * here in the shapes that must be read and the shapes that must be refused.
 */

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function fixtureBlocks(): string[] {
  const blocks: string[] = [];
  for (const folder of ['certs', 'corpus', 'corpus-extra']) {
    const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
    for (const file of readdirSync(dir)) {
      if (!/\.(?:pem|txt)$/.test(file)) continue;
      blocks.push(...(readFileSync(new URL(file, dir), 'utf8').match(PEM) ?? []));
    }
  }
  return blocks;
}

function derOf(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
}

function fastRead(der: Uint8Array) {
  const cert = readTlv(der, 0);
  assert.ok(cert);
  return readOrdinaryCertificate(der.subarray(0, cert.end), cert);
}

/** Same as Node, or undefined: returns whether the fast reading was taken. */
function agreesWithNode(der: Uint8Array): boolean {
  const fast = fastRead(der);
  if (fast) assert.deepEqual(fast, readWithNode(der));
  return fast !== undefined;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const key = forge.pki.privateKeyFromPem(rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const otherKey = forge.pki.privateKeyFromPem(otherRsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
const publicKey = forge.pki.setRsaPublicKey(key.n, key.e);

interface Spec {
  subject?: forge.pki.CertificateField[];
  issuer?: forge.pki.CertificateField[];
  extensions?: object[];
  serial?: string;
  notBefore?: Date;
  notAfter?: Date;
  signer?: forge.pki.rsa.PrivateKey;
  md?: 'sha1' | 'sha256' | 'sha384' | 'sha512';
  tamper?: boolean;
}

function make(spec: Spec): Uint8Array {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = spec.serial ?? '0a1b2c';
  cert.validity.notBefore = spec.notBefore ?? new Date('2025-01-02T03:04:05Z');
  cert.validity.notAfter = spec.notAfter ?? new Date('2027-06-07T08:09:10Z');
  const subject = spec.subject ?? [{ shortName: 'CN', value: 'mail.contoso.com' }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ?? subject);
  cert.setExtensions(
    spec.extensions ?? [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'mail.contoso.com' }] }],
  );
  cert.sign(spec.signer ?? key, forge.md[spec.md ?? 'sha256'].create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const bytes = new Uint8Array(Buffer.from(der, 'binary'));
  // The serial number changed after signing: the signature no longer matches.
  if (spec.tamper) bytes[Buffer.from(bytes).indexOf(Buffer.from(cert.serialNumber, 'hex')) + 2]! ^= 1;
  return bytes;
}

/** The certificate with another SubjectPublicKeyInfo in place of its own (its signature no longer matters). */
function withPublicKey(certificate: Uint8Array, spki: Uint8Array): Uint8Array {
  const cert = forge.asn1.fromDer(Buffer.from(certificate).toString('binary'));
  const tbs = (cert.value as forge.asn1.Asn1[])[0]!;
  (tbs.value as forge.asn1.Asn1[])[6] = forge.asn1.fromDer(Buffer.from(spki).toString('binary'));
  return new Uint8Array(Buffer.from(forge.asn1.toDer(cert).getBytes(), 'binary'));
}

/** An EC SubjectPublicKeyInfo with its point compressed: 02 or 03 (the parity of Y), then X. */
function compressedKey(spki: Uint8Array): Uint8Array {
  const [algorithm, bits] = childrenOf(spki, readTlv(spki, 0)!)!;
  const point = spki.subarray(bits!.contentStart + 2, bits!.contentEnd);
  const x = point.subarray(0, point.length / 2);
  const prefix = (point[point.length - 1]! & 1) === 1 ? 0x03 : 0x02;
  const bitString = [0x03, x.length + 2, 0x00, prefix, ...x];
  const content = [...spki.subarray(algorithm!.start, algorithm!.end), ...bitString];
  return Uint8Array.from([0x30, content.length, ...content]);
}

const CA_ISSUER = [
  { shortName: 'C', value: 'US' },
  { shortName: 'O', value: 'Contoso Ltd' },
  { shortName: 'CN', value: 'Contoso Issuing CA 01' },
];

describe('readOrdinaryCertificate', () => {
  it('agrees with Node on every fixture certificate, and reads the ordinary ones itself', () => {
    const blocks = fixtureBlocks();
    assert.ok(blocks.length >= 10);
    const read = blocks.filter((block) => agreesWithNode(derOf(block)));
    assert.ok(read.length >= 3, `only ${read.length} of ${blocks.length} read from DER`);
  });

  it('reads a CA-issued RSA certificate, a self-signed one, and one whose signature does not verify', () => {
    for (const md of ['sha1', 'sha256', 'sha384', 'sha512'] as const) {
      assert.ok(agreesWithNode(make({ md })), md);
      assert.ok(agreesWithNode(make({ md, issuer: CA_ISSUER, signer: otherKey })), md);
    }
    const selfSigned = fastRead(make({}));
    assert.equal(selfSigned?.selfSigned, true);
    // Names itself as issuer, but another key signed it; or the signed bytes were changed.
    assert.equal(fastRead(make({ signer: otherKey }))?.selfSigned, false);
    assert.equal(fastRead(make({ tamper: true }))?.selfSigned, false);
    assert.ok(agreesWithNode(make({ signer: otherKey })));
    assert.ok(agreesWithNode(make({ tamper: true })));
  });

  it('prints serial numbers and dates as Node does', () => {
    for (const serial of ['01', '0f', '7f', '00ff', '0a0b', '1234567890abcdef1234567890abcdef12345678'])
      assert.ok(agreesWithNode(make({ serial })), serial);
    for (const [from, to] of [
      ['1999-12-31T23:59:59Z', '2049-12-31T23:59:59Z'],
      ['2026-02-28T00:00:00Z', '2050-01-01T00:00:00Z'],
      ['1950-01-01T00:00:00Z', '9999-12-31T23:59:59Z'],
    ] as const)
      assert.ok(agreesWithNode(make({ notBefore: new Date(from), notAfter: new Date(to) })), `${from} ${to}`);
  });

  it('reads the usual name attributes and SANs, and leaves every other shape to Node', () => {
    const names = [
      { shortName: 'C', value: 'JP' },
      { shortName: 'ST', value: 'Tokyo' },
      { shortName: 'L', value: 'Minato-ku' },
      { shortName: 'O', value: 'Contoso (Japan) K.K.' },
      { shortName: 'OU', value: 'IT' },
      { name: 'emailAddress', value: 'admin@contoso.com' },
      { shortName: 'CN', value: '*.contoso.com' },
    ];
    assert.ok(agreesWithNode(make({ subject: names, issuer: CA_ISSUER, signer: otherKey })));
    const sans = [
      { type: 2, value: 'mail.contoso.com' },
      { type: 7, ip: '192.0.2.10' },
      { type: 2, value: 'autodiscover.contoso.com' },
    ];
    assert.ok(agreesWithNode(make({ extensions: [{ name: 'subjectAltName', altNames: sans }] })));
    assert.ok(agreesWithNode(make({ extensions: [{ name: 'basicConstraints', cA: false }] })));
    assert.ok(agreesWithNode(make({ extensions: [] })));

    const refused: Spec[] = [
      { subject: [{ shortName: 'O', value: 'Contoso, Inc.' }] },
      { subject: [{ shortName: 'CN', value: ' leading space' }] },
      { subject: [{ shortName: 'CN', value: '#hash' }] },
      { subject: [{ shortName: 'CN', value: 'a+b' }] },
      {
        subject: [
          {
            shortName: 'CN',
            value: 'mail.contoso.com',
            valueTagClass: forge.asn1.Type.BMPSTRING as unknown as forge.asn1.Class,
          },
        ],
      },
      { subject: [{ type: '2.5.4.97', value: 'VATJP-123' }] },
      { extensions: [{ name: 'basicConstraints', cA: true }] },
      { extensions: [{ name: 'subjectAltName', altNames: [{ type: 1, value: 'a@contoso.com' }] }] },
      { extensions: [{ name: 'subjectAltName', altNames: [{ type: 6, value: 'http://x, DNS:y' }] }] },
      { extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'a,b.contoso.com' }] }] },
      {
        extensions: [
          { name: 'subjectAltName', altNames: [{ type: 2, value: 'a.contoso.com' }] },
          { name: 'subjectAltName', altNames: [{ type: 2, value: 'b.contoso.com' }] },
        ],
      },
    ];
    for (const spec of refused) {
      const der = make(spec);
      assert.equal(fastRead(der), undefined, JSON.stringify(spec));
      agreesWithNode(der);
    }
  });

  it('reads EC keys on P-256, P-384 and P-521 in uncompressed points on the curve, and leaves the rest to Node', () => {
    for (const namedCurve of ['prime256v1', 'secp384r1', 'secp521r1']) {
      const spki = generateKeyPairSync('ec', { namedCurve }).publicKey.export({ type: 'spki', format: 'der' });
      const der = withPublicKey(make({ issuer: CA_ISSUER, signer: otherKey }), new Uint8Array(spki));
      assert.ok(agreesWithNode(der), namedCurve);
      // A point moved off the curve: OpenSSL will not load it, and neither is it read here.
      const moved = Uint8Array.from(der);
      const at = Buffer.from(moved).indexOf(Buffer.from(spki).subarray(-8));
      moved[at + 7]! ^= 1;
      assert.equal(fastRead(moved), undefined, namedCurve);
      assert.deepEqual(readWithNode(moved).key, {}, namedCurve);
      // The same point compressed (02 or 03, then X only) is left to Node.
      assert.equal(fastRead(withPublicKey(der, compressedKey(new Uint8Array(spki)))), undefined, namedCurve);
    }
    // A self-signed EC certificate (its signature is Node's to check) and an Ed25519 one.
    for (const file of ['ecdsa-p384-not-yet-valid.pem', 'ed25519.pem']) {
      const pem = readFileSync(new URL(`../fixtures/certs/${file}`, import.meta.url), 'utf8');
      assert.equal(fastRead(derOf(pem)), undefined, file);
    }
    const p256 = readFileSync(new URL('../fixtures/certs/ecdsa-p256-valid.pem', import.meta.url), 'utf8');
    assert.deepEqual(fastRead(derOf(p256))?.key, { algorithm: 'ECDSA', size: 256 });
  });
});
