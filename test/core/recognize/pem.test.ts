import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizePem } from '../../../src/core/recognize/pem.js';
import { bareBase64, certFacts, certText, corpusText } from '../../helpers/cert-fixtures.js';

const leaf = certText('leaf-expiring-soon.pem');
const ca = certText('ca.pem');
const p256 = certText('ecdsa-p256-valid.pem');
const LEAF = certFacts['leaf-expiring-soon']!.thumbprint;
const CA = certFacts.ca!.thumbprint;
const P256 = certFacts['ecdsa-p256-valid']!.thumbprint;
const P384 = certFacts['ecdsa-p384-not-yet-valid']!.thumbprint;
const EX2007 = certFacts['selfsigned-expired-2007']!.thumbprint;
const WEAK = certFacts['weak-rsa1024-sha1']!.thumbprint;

function thumbprints(text: string): (string | undefined)[] {
  return (recognizePem(text).certificates ?? []).map((cert) => cert.thumbprint);
}

describe('recognizePem: certificates in every shape they are pasted in', () => {
  const rows: { name: string; input: string; want: string[]; source?: string }[] = [
    { name: 'p01 self-signed SHA-1', input: corpusText('p01-pem-selfsigned-expired-sha1.txt'), want: [EX2007] },
    { name: 'p02 ECDSA P-256', input: corpusText('p02-pem-ecdsa-p256-valid.txt'), want: [P256] },
    { name: 'p03 leaf', input: corpusText('p03-pem-leaf-expiring-soon.txt'), want: [LEAF] },
    { name: 'p04 RSA-1024', input: corpusText('p04-pem-weak-rsa1024-sha1.txt'), want: [WEAK] },
    { name: 'p05 ECDSA P-384', input: corpusText('p05-pem-ecdsa-p384-not-yet-valid.txt'), want: [P384] },
    { name: 'p06 leaf + CA chain, in order', input: corpusText('p06-pem-chain-leaf-and-ca.txt'), want: [LEAF, CA] },
    {
      name: 'p07 bare base64 DER on one line',
      input: corpusText('p07-der-base64-leaf.txt'),
      want: [LEAF],
      source: 'der',
    },
    { name: 'CRLF line ends', input: leaf.replace(/\n/g, '\r\n'), want: [LEAF] },
    { name: 'lone CR line ends', input: leaf.replace(/\n/g, '\r'), want: [LEAF] },
    { name: 'indented (from an email or a YAML file)', input: leaf.replace(/^/gm, '    '), want: [LEAF] },
    { name: 'Slack quote prefix', input: leaf.replace(/^/gm, '> '), want: [LEAF] },
    { name: 'in a Slack code block', input: `\`\`\`${leaf}\`\`\``, want: [LEAF] },
    {
      name: 'blank lines and spaces inside the body',
      input: leaf.replace(/\n(?=[A-Za-z0-9+/])/g, '\n \n'),
      want: [LEAF],
    },
    { name: 'all on one line', input: leaf.replace(/\n/g, ' '), want: [LEAF] },
    { name: 'X509 CERTIFICATE label', input: leaf.replace(/CERTIFICATE/g, 'X509 CERTIFICATE'), want: [LEAF] },
    { name: 'TRUSTED CERTIFICATE label', input: leaf.replace(/CERTIFICATE/g, 'TRUSTED CERTIFICATE'), want: [LEAF] },
    { name: 'a JSON string with \\n escapes', input: JSON.stringify({ pem: leaf }), want: [LEAF] },
    { name: 'text around the PEM', input: `Here is our cert:\n${leaf}\nthanks!`, want: [LEAF] },
    { name: 'wrapped bare base64', input: bareBase64(p256).replace(/(.{64})/g, '$1\n'), want: [P256], source: 'der' },
    {
      name: 'bare base64 with CRLF wrapping',
      input: bareBase64(ca).replace(/(.{76})/g, '$1\r\n'),
      want: [CA],
      source: 'der',
    },
    { name: 'PEM chain armoured as PKCS7', input: certText('chain.p7b.pem'), want: [LEAF, CA, P256], source: 'pkcs7' },
    {
      name: 'bare base64 PKCS#7',
      input: bareBase64(certText('chain.p7b.pem')),
      want: [LEAF, CA, P256],
      source: 'pkcs7',
    },
    { name: 'Ed25519', input: certText('ed25519.pem'), want: ['6600874EAF725FF132AC259A5AAFEB2DDC7754DC'] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const evidence = recognizePem(row.input);
      assert.deepEqual(thumbprints(row.input), row.want);
      assert.deepEqual(evidence.notes, []);
      if (row.source) for (const cert of evidence.certificates ?? []) assert.equal(cert.source, row.source);
    });
  }

  it('gives the notAfter that openssl gives', () => {
    const [cert] = recognizePem(leaf).certificates ?? [];
    assert.equal(cert?.notAfter, certFacts['leaf-expiring-soon']!.notAfter);
  });
});

describe('recognizePem: private keys are counted and never echoed', () => {
  const p08 = corpusText('p08-pem-with-private-key.txt');
  const keyLines = p08
    .slice(p08.indexOf('-----BEGIN PRIVATE KEY-----'))
    .split('\n')
    .filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line.trim()));
  const keyBody = keyLines.join('\n');
  const rows: { name: string; input: string; want: { keys: number; certs: number } }[] = [
    { name: 'p08 certificate + PKCS#8 key', input: p08, want: { keys: 1, certs: 1 } },
    {
      name: 'RSA PRIVATE KEY',
      input: `-----BEGIN RSA PRIVATE KEY-----\n${keyBody}\n-----END RSA PRIVATE KEY-----\n`,
      want: { keys: 1, certs: 0 },
    },
    {
      name: 'EC PRIVATE KEY',
      input: `-----BEGIN EC PRIVATE KEY-----\n${keyBody}\n-----END EC PRIVATE KEY-----`,
      want: { keys: 1, certs: 0 },
    },
    {
      name: 'ENCRYPTED PRIVATE KEY',
      input: `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${keyBody}\n-----END ENCRYPTED PRIVATE KEY-----`,
      want: { keys: 1, certs: 0 },
    },
    {
      name: 'OPENSSH PRIVATE KEY',
      input: `-----BEGIN OPENSSH PRIVATE KEY-----\n${keyBody}\n-----END OPENSSH PRIVATE KEY-----`,
      want: { keys: 1, certs: 0 },
    },
    {
      name: 'truncated key (no END) before a certificate',
      input: `-----BEGIN PRIVATE KEY-----\n${keyLines.slice(0, 5).join('\n')}\n\n${leaf}`,
      want: { keys: 1, certs: 1 },
    },
    {
      name: 'truncated key at the end of the paste',
      input: `${leaf}-----BEGIN PRIVATE KEY-----\n${keyLines.slice(0, 5).join('\n')}`,
      want: { keys: 1, certs: 1 },
    },
    { name: 'bare base64 PKCS#8 without armour', input: keyLines.join(''), want: { keys: 1, certs: 0 } },
    { name: 'two keys, CRLF', input: `${p08}\n${p08}`.replace(/\n/g, '\r\n'), want: { keys: 2, certs: 2 } },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const evidence = recognizePem(row.input);
      assert.equal(evidence.privateKeys, row.want.keys);
      assert.equal(evidence.certificates?.length, row.want.certs);
      const json = JSON.stringify(evidence);
      for (const line of keyLines) assert.ok(!json.includes(line), 'a key line leaked into the evidence');
      for (const line of keyLines) assert.ok(!json.includes(line.slice(10, 30)), 'part of a key line leaked');
    });
  }
});

describe('recognizePem: bad input is a note, never an exception', () => {
  const body = bareBase64(leaf);
  const rows: { name: string; input: string; notes: number; certs: number }[] = [
    {
      name: 'truncated body (END present)',
      input: `-----BEGIN CERTIFICATE-----\n${body.slice(0, 300)}\n-----END CERTIFICATE-----`,
      notes: 1,
      certs: 0,
    },
    { name: 'no END line', input: `-----BEGIN CERTIFICATE-----\n${body.slice(0, 300)}`, notes: 1, certs: 0 },
    {
      name: 'not base64',
      input: '-----BEGIN CERTIFICATE-----\nthis is not base64 at all!\n-----END CERTIFICATE-----',
      notes: 1,
      certs: 0,
    },
    {
      name: 'corrupt DER header',
      input: `-----BEGIN CERTIFICATE-----\n${body.slice(0, 4)}AAAA${body.slice(8)}\n-----END CERTIFICATE-----`,
      notes: 1,
      certs: 0,
    },
    { name: 'empty block', input: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----', notes: 1, certs: 0 },
    {
      name: 'a good and a bad block',
      input: `${leaf}\n-----BEGIN CERTIFICATE-----\nMIIBroken\n-----END CERTIFICATE-----\n${ca}`,
      notes: 1,
      certs: 2,
    },
    { name: 'a truncated bare DER', input: body.slice(0, 400), notes: 1, certs: 0 },
    {
      name: 'a CSR is not a certificate and not a problem',
      input: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----',
      notes: 0,
      certs: 0,
    },
    { name: 'plain prose', input: 'The certificate expired yesterday, what do I do?', notes: 0, certs: 0 },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const evidence = recognizePem(row.input);
      assert.equal(evidence.notes?.length, row.notes, JSON.stringify(evidence.notes));
      assert.ok(evidence.notes?.every((note) => note.code === 'unreadable-certificate'));
      assert.equal(evidence.certificates?.length, row.certs);
    });
  }

  it('1 MiB of junk and 1 MiB of base64 junk stay fast', () => {
    const junk = 'lorem ipsum 12:34 AB:CD -----BEGIN '.repeat(30_000).slice(0, 1024 * 1024);
    let seed = 7;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const chars: string[] = [];
    for (let i = 0; i < 1024 * 1024; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      chars.push(alphabet[seed % 64]!);
    }
    const base64Junk = `MII${chars.join('')}`;
    const wrapped = base64Junk.replace(/(.{64})/g, '$1\n');
    for (const input of [
      junk,
      base64Junk,
      wrapped,
      `-----BEGIN CERTIFICATE-----\n${wrapped}\n-----END CERTIFICATE-----`,
    ]) {
      const started = performance.now();
      const evidence = recognizePem(input);
      assert.ok(performance.now() - started < 1000, 'took a second or more');
      assert.equal(evidence.certificates?.length, 0);
    }
  });
});
