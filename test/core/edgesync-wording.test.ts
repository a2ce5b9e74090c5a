import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

// EdgeSync never copies a certificate with its private key to an Edge Transport server: a certificate
// renewed on a Hub or Mailbox server reaches the Edge only by export and import, and a new internal
// transport certificate on the Edge needs a new subscription. No step may say otherwise, in any plan
// the pasted cases produce, in English or Japanese.

const CLAIMS = [
  /EdgeSync\s+(?:carries|copies|delivers|brings|sends|pushes|replicates)\b[^.]*\bcertificate/i,
  /certificate[^.]*\b(?:reaches|arrives? at|is copied to)\s+the Edge\s+(?:through|via|by)\s+EdgeSync/i,
  /EdgeSync\s*が[^。]*(?:エッジに届け|エッジにコピーし|エッジへ配布)/,
  /証明書は\s*EdgeSync\s*が/,
];

const dir = 'test/fixtures/corpus-extra';
const pastes = readdirSync(dir).filter((f) => f.endsWith('.txt') && /edge|12014|12015|12016/i.test(f));
const now = new Date('2026-11-28T12:00:00Z');

describe('no step says EdgeSync carries a certificate to the Edge', () => {
  for (const language of ['en', 'ja'] as const)
    it(`${language}: ${pastes.length} pastes`, () => {
      for (const name of pastes) {
        const d = diagnose(readFileSync(`${dir}/${name}`, 'utf8'), { now, lang: language });
        for (const step of d.steps) {
          const text = `${step.title}\n${step.why ?? ''}\n${step.verify ?? ''}`;
          for (const claim of CLAIMS) assert.doesNotMatch(text, claim, `${name}: ${step.id}`);
        }
      }
    });
});
