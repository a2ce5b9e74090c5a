import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { certificateFactsSchema } from '../../../src/core/model.js';
import { recognizeCertutil } from '../../../src/core/recognize/certutil.js';
import { mergeEvidence, type Recognizer } from '../../../src/core/recognize/evidence.js';
import { recognizeExchangeList } from '../../../src/core/recognize/exchange-list.js';
import { recognizeExchangeTable } from '../../../src/core/recognize/exchange-table.js';
import { recognizeOpensslText } from '../../../src/core/recognize/openssl-text.js';
import { recognizePem } from '../../../src/core/recognize/pem.js';
import { recognizeThumbprints } from '../../../src/core/recognize/thumbprints.js';
import { certText } from '../../helpers/cert-fixtures.js';
import { pasteLike } from '../../helpers/paste-like.js';

const certificateRecognizers: readonly Recognizer[] = [
  recognizePem,
  recognizeExchangeList,
  recognizeExchangeTable,
  recognizeCertutil,
  recognizeOpensslText,
  recognizeThumbprints,
];

const corpusDir = new URL('../../fixtures/corpus/', import.meta.url);
const samples = [
  ...readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, corpusDir), 'utf8')),
  certText('chain.p7b.pem'),
  certText('ed25519.openssl.txt'),
];

describe('certificate recognisers on any input', () => {
  it('never throw, and every certificate fits the contract', () => {
    fc.assert(
      fc.property(pasteLike(samples, '\n'), (text) => {
        const evidence = mergeEvidence(certificateRecognizers.map((recognize) => recognize(text)));
        for (const cert of evidence.certificates) certificateFactsSchema.parse(cert);
        for (const tp of evidence.thumbprints) assert.match(tp.value, /^[0-9A-F]{40}$/);
        for (const cert of evidence.certificates) if (cert.thumbprint) assert.match(cert.thumbprint, /^[0-9A-F]{40}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('never echo a pasted private key, however it is cut', () => {
    const p08 = samples.find((s) => s.includes('BEGIN PRIVATE KEY'))!;
    const keyLines = p08
      .slice(p08.indexOf('-----BEGIN PRIVATE KEY-----'))
      .split('\n')
      .filter((line) => /^[A-Za-z0-9+/=]{40,}$/.test(line.trim()));
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('\n', '\r\n', '\n\n'), (cut, newline) => {
        const text = p08.slice(0, p08.length - (cut % 400)).replace(/\n/g, newline);
        const json = JSON.stringify(mergeEvidence(certificateRecognizers.map((recognize) => recognize(text))));
        for (const line of keyLines) assert.ok(!json.includes(line.slice(0, 24)));
      }),
      { numRuns: 100 },
    );
  });
});
