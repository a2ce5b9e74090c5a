import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { pasteFromBytes } from '../../src/core/paste-bytes.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

const corpus = new URL('../fixtures/corpus/', import.meta.url);
const certs = new URL('../fixtures/certs/', import.meta.url);
const fl = readFileSync(new URL('s18-fl-expired-default-cert.txt', corpus), 'utf8');
const derOf = (pemFile: string) =>
  Buffer.from(readFileSync(new URL(pemFile, certs), 'utf8').replace(/-----[A-Z0-9 ]+-----|\s/g, ''), 'base64');
const utf16 = (text: string, bom: boolean) =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);

describe('pasteFromBytes: a file as the text the core reads', () => {
  const rows = [
    { name: 'UTF-8', bytes: Buffer.from(fl, 'utf8'), encoding: 'utf-8' },
    {
      name: 'UTF-8 with BOM',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fl, 'utf8')]),
      encoding: 'utf-8',
    },
    { name: 'UTF-16LE with BOM (Windows PowerShell > file)', bytes: utf16(fl, true), encoding: 'utf-16le' },
    { name: 'UTF-16LE without BOM', bytes: utf16(fl, false), encoding: 'utf-16le' },
  ];
  for (const row of rows) {
    it(`reads ${row.name}`, () => {
      const paste = pasteFromBytes(new Uint8Array(row.bytes));
      assert.equal(paste.encoding, row.encoding);
      const d = diagnose(paste.text, { now: REFERENCE_NOW });
      assert.equal(d.certificates[0]?.thumbprint, '2747582B9132F38EB2A0BE075A1C964195851AF1');
    });
  }

  it('reads a binary DER certificate (.cer)', () => {
    const paste = pasteFromBytes(new Uint8Array(derOf('leaf-expiring-soon.pem')));
    assert.equal(paste.encoding, 'binary');
    const d = diagnose(paste.text, { now: REFERENCE_NOW });
    assert.equal(d.certificates[0]?.thumbprint, '896777B6CA9D0066DB7463DB76DA36DD6241D5D5');
    assert.equal(d.language, 'en');
  });

  it('reads a binary PKCS#7 chain (.p7b)', () => {
    const d = diagnose(pasteFromBytes(new Uint8Array(derOf('chain.p7b.pem'))).text, { now: REFERENCE_NOW });
    assert.ok(d.certificates.length >= 2);
  });

  it('says "nothing recognised" for other binary, in English', () => {
    const junk = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256));
    const d = diagnose(pasteFromBytes(junk).text, { now: REFERENCE_NOW });
    assert.equal(d.language, 'en');
    assert.equal(d.findings[0]?.code, 'UNRECOGNIZED_INPUT');
  });
});
