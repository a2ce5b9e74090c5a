import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeThumbprint, recognizeThumbprints } from '../../../src/core/recognize/thumbprints.js';
import { certText, corpusText } from '../../helpers/cert-fixtures.js';

const TP = '2747582B9132F38EB2A0BE075A1C964195851AF1';
const spaced = '27 47 58 2b 91 32 f3 8e b2 a0 be 07 5a 1c 96 41 95 85 1a f1';
const colons = spaced.replace(/ /g, ':').toUpperCase();

describe('normalizeThumbprint', () => {
  const rows: { name: string; input: string; want: ReturnType<typeof normalizeThumbprint> }[] = [
    { name: 'upper case', input: TP, want: { value: TP, invisible: false } },
    { name: 'lower case', input: TP.toLowerCase(), want: { value: TP, invisible: false } },
    { name: 'certutil pairs', input: spaced, want: { value: TP, invisible: false } },
    { name: 'openssl colons', input: colons, want: { value: TP, invisible: false } },
    { name: 'surrounding spaces and backticks', input: `  \`${TP}\`  `, want: { value: TP, invisible: false } },
    {
      name: 'U+200E in front (s16)',
      input: `\u200E${spaced}`,
      want: { value: TP, invisible: true, invisibleChars: ['U+200E'] },
    },
    {
      name: 'zero-width space and BOM inside',
      input: `2747\u200B582B9132F38EB2A0BE075A1C964195851AF1\uFEFF`,
      want: { value: TP, invisible: true, invisibleChars: ['U+200B', 'U+FEFF'] },
    },
    {
      name: 'no-break spaces between pairs',
      input: spaced.replace(/ /g, '\u00A0'),
      want: { value: TP, invisible: true, invisibleChars: ['U+00A0'] },
    },
    {
      name: 'RTL marks around',
      input: `\u202B${TP}\u202C`,
      want: { value: TP, invisible: true, invisibleChars: ['U+202B', 'U+202C'] },
    },
    { name: '39 digits', input: TP.slice(1), want: undefined },
    { name: '41 digits', input: `${TP}0`, want: undefined },
    { name: 'not hex', input: `${TP.slice(0, 39)}G`, want: undefined },
    { name: 'mixed separators', input: '27 47:58 2b 91 32 f3 8e b2 a0 be 07 5a 1c 96 41 95 85 1a f1', want: undefined },
    { name: 'groups of four', input: '2747 582B 9132 F38E B2A0 BE07 5A1C 9641 9585 1AF1', want: undefined },
    { name: 'empty', input: '', want: undefined },
  ];
  for (const row of rows) it(row.name, () => assert.deepEqual(normalizeThumbprint(row.input), row.want));
});

function values(text: string): string[] {
  return (recognizeThumbprints(text).thumbprints ?? []).map((tp) => tp.value);
}

describe('recognizeThumbprints: what is a thumbprint', () => {
  const rows: { name: string; input: string; want: string[] }[] = [
    { name: 's16 bare spaced with U+200E', input: corpusText('s16-thumbprint-invisible-mark.txt'), want: [TP] },
    { name: '12015 event text', input: `An internal transport certificate expired. Thumbprint:${TP}`, want: [TP] },
    {
      name: 'Japanese event text with a space',
      input: `内部トランスポート証明書の有効期限が切れています。拇印: ${TP}`,
      want: [TP],
    },
    {
      name: '"serialization" is not "serial"',
      input: `Serialization signing uses the Auth certificate ${TP}`,
      want: [TP],
    },
    { name: 'Identity SERVER\\thumbprint', input: `Identity : EX2016\\${TP}`, want: [TP] },
    { name: 'XML event data', input: `<Data>${TP}</Data>`, want: [TP] },
    { name: 'openssl SHA1 fingerprint', input: `SHA1 Fingerprint=${colons}`, want: [TP] },
    { name: 'certutil contiguous hash', input: `Cert Hash(sha1): ${TP.toLowerCase()}`, want: [TP] },
    { name: 'certutil spaced hash', input: `Cert Hash(sha1): ${spaced}`, want: [TP] },
    { name: 'Japanese certutil label', input: `証明書ハッシュ(sha1)： ${spaced}`, want: [TP] },
    {
      name: 'certutil -dump: the Cert Hash(sha1) after a Subject Key Identifier block',
      input: `    Subject Key Identifier\n        ${'B'.repeat(40)}\n\n    Key Usage\n        Digital Signature (80)\nKey Id Hash(rfc-sha1): ${'C'.repeat(40)}\nCert Hash(md5): ${'d'.repeat(32)}\nCert Hash(sha1): ${TP.toLowerCase()}`,
      want: [TP],
    },
    {
      name: 'two, deduplicated, CRLF',
      input: `${TP}\r\n${TP.toLowerCase()}\r\n${'A'.repeat(40)}`,
      want: [TP, 'A'.repeat(40)],
    },
    {
      name: 's17 table',
      input: corpusText('s17-get-exchangecertificate-table.txt'),
      want: [
        '74F52319E499F8C91B3568EBCC996C64985B9C94',
        '87A0A4EF50894F96B746AEF1F00A93344C2867FC',
        TP,
        '55D440B852D16C412EF16582E6D066287AE9F560',
      ],
    },
  ];
  for (const row of rows) it(row.name, () => assert.deepEqual(values(row.input), row.want));

  it('keeps which invisible character came with it', () => {
    const [tp] = recognizeThumbprints(corpusText('s16-thumbprint-invisible-mark.txt')).thumbprints ?? [];
    assert.deepEqual(tp, { value: TP, invisible: true, invisibleChars: ['U+200E'] });
  });

  it('an invisible character elsewhere on the line does not mark it', () => {
    const [tp] = recognizeThumbprints(`Thumbprint: ${TP} \u200E (copied)`).thumbprints ?? [];
    assert.equal(tp?.invisible, false);
  });
});

describe('recognizeThumbprints: hex that is not a thumbprint', () => {
  const rows: { name: string; input: string }[] = [
    { name: 'fl SerialNumber of 40 digits', input: `SerialNumber       : ${TP}` },
    { name: 'certutil -verify Serial', input: `  Serial: ${TP.toLowerCase()}` },
    { name: 'certutil Serial Number', input: `Serial Number: ${TP.toLowerCase()}` },
    {
      name: 'openssl serial on the next line',
      input: `        Serial Number:\n            ${colons.toLowerCase()}\n        Signature Algorithm: sha256WithRSAEncryption`,
    },
    {
      name: 'openssl Authority Key Identifier',
      input: `            X509v3 Authority Key Identifier: \n                ${colons}\n`,
    },
    {
      name: 'openssl 1.x keyid form',
      input: `            X509v3 Authority Key Identifier: \n                keyid:${colons}\n`,
    },
    {
      name: 'openssl Subject Key Identifier',
      input: `            X509v3 Subject Key Identifier: \n                ${colons}\n`,
    },
    { name: 'certutil Key Id Hash', input: `Key Id Hash(sha1): ${spaced}\nKey Id Hash(rfc-sha1): ${TP.toLowerCase()}` },
    { name: 'certutil Name Hash', input: `Issuer:\n    CN=EX2016\n  Name Hash(sha1): ${TP.toLowerCase()}` },
    { name: 'fl SubjectKeyIdentifier', input: `SubjectKeyIdentifier : ${TP}` },
    {
      name: 'certutil -dump Subject Key Identifier, label alone and the value below',
      input: `    2.5.29.14: Flags = 0, Length = 16\n    Subject Key Identifier\n        ${TP.toLowerCase()}\n`,
    },
    {
      name: 'certutil -dump Subject Key Identifier after Slack stripped the indentation',
      input: `2.5.29.14: Flags = 0, Length = 16\nSubject Key Identifier\n${TP.toLowerCase()}\n`,
    },
    {
      name: 'certutil -dump Authority Key Identifier, value with its KeyID=',
      input: `    Authority Key Identifier\n        KeyID=${TP.toLowerCase()}\n`,
    },
    {
      name: 'Japanese certutil -dump サブジェクト キー識別子',
      input: `    2.5.29.14: フラグ = 0, 長さ = 16\n    サブジェクト キー識別子\n        ${TP.toLowerCase()}\n`,
    },
    { name: 'Japanese details tab キー識別子 on one line', input: `サブジェクト キー識別子\t${TP.toLowerCase()}` },
    { name: 'certutil Key Id Hash(rfc-sha1) alone', input: `Key Id Hash(rfc-sha1): ${TP.toLowerCase()}` },
    { name: 'Japanese certutil キー ID ハッシュ', input: `キー ID ハッシュ(rfc-sha1): ${TP.toLowerCase()}` },
    { name: 'SHA-256 fingerprint', input: `sha256 Fingerprint=${`${colons}:${colons}`.slice(0, 95)}` },
    { name: 'SHA-256 contiguous', input: `2078413792098B142F75D2BD4561BD8A8C05FF4222FE5BC0BDF1B8F64F2BEB10` },
    { name: 'GUID', input: 'Key Container = 9f1c3c1e-8b0d-4f5e-9a0a-1c2b3c4d5e6f' },
    {
      name: 'modulus dump',
      input: `                Modulus:\n${`                    00:97:cc:d5:ce:a4:e0:38:96:fc:2f:b8:c5:74:5e:\n`.repeat(17)}                Exponent: 65537 (0x10001)`,
    },
    {
      name: 'signature value dump',
      input: `    Signature Value:\n${'        9c:a1:df:24:ff:00:60:c7:98:76:f8:90:4f:12:95:99:1b:57:\n'.repeat(14)}`,
    },
    {
      name: 'certutil hex dump with offsets',
      input:
        '    0000  30 82 01 0a 02 82 01 01  00 b7 5a 1c 96 41 95 85\n    0010  1a f1 27 47 58 2b 91 32  f3 8e b2 a0 be 07 5a 1c',
    },
    {
      name: 'inside a PEM body',
      input: `-----BEGIN CERTIFICATE-----\nMIIB/${TP}+AAAA\n${TP}\n-----END CERTIFICATE-----`,
    },
    { name: 'glued to base64', input: `abc/${TP}+def` },
    { name: '41 hex digits', input: `${TP}A` },
    { name: 'a 21-pair run', input: `${spaced} 00` },
    { name: 's23 openssl text without fingerprint', input: corpusText('s23-openssl-text-expiring.txt') },
    {
      name: 'openssl text of the Ed25519 certificate, minus the fingerprint',
      input: certText('ed25519.openssl.txt').replace(/^SHA1 Fingerprint.*$/m, ''),
    },
    {
      name: 'PEM fixtures',
      input: corpusText('p06-pem-chain-leaf-and-ca.txt') + corpusText('p08-pem-with-private-key.txt'),
    },
    { name: 'bare base64', input: corpusText('p07-der-base64-leaf.txt') },
  ];
  for (const row of rows) it(row.name, () => assert.deepEqual(values(row.input), []));

  it('1 MiB of hex-ish junk stays fast', () => {
    const inputs = [
      '27 47 58 2b 91 '.repeat(70_000),
      'ab:'.repeat(350_000),
      'f'.repeat(1024 * 1024),
      `${'x'.repeat(1024 * 1024)}\u200E${TP}`,
    ];
    for (const input of inputs) {
      const started = performance.now();
      recognizeThumbprints(input);
      assert.ok(performance.now() - started < 1000, 'took a second or more');
    }
  });
});
