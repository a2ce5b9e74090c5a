import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Step } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The same check under both outcomes of one open question, one right after the other, is one step
// with no "If …" of that question: at 3 a.m. two copies that differ only in their condition read as
// two different things to do.

const paste = readFileSync(
  new URL('../fixtures/corpus-extra/w15-ja-e2016-remove-internal-transport-error.txt', import.meta.url),
  'utf8',
);

function twins(steps: Step[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < steps.length; i++) {
    const [a, b] = [steps[i - 1], steps[i]];
    if (a?.command && a.command === b?.command && a.server === b?.server) out.push(`${i}: ${a.command}`);
  }
  return out;
}

for (const [language, lang, prefix] of [
  ['English', 'en', /^If CurrentCertificateThumbprint/],
  ['Japanese', 'ja', /^CurrentCertificateThumbprint が/],
] as const) {
  describe(`${language}: a check needed under both outcomes is shown once`, () => {
    const d = diagnose(paste, { now: REFERENCE_NOW, lang });

    it('no two steps in a row run the same command on the same server', () => {
      assert.deepEqual(twins(d.steps), []);
    });

    it('the Auth check is one step, without the question both outcomes answer', () => {
      const checks = d.steps.filter((s) => s.id === 'verify-authconfig');
      assert.equal(checks.length, 1);
      assert.doesNotMatch(checks[0]?.title ?? '', prefix);
      assert.equal(checks[0]?.when, undefined);
      assert.equal(d.steps.at(-1), checks[0], 'it stays the last step');
    });
  });
}

describe('a step that only shows something, asked under both outcomes apart, is shown once', () => {
  const expiredSetup = `Exchange 2019 CU14, EX19-07. I want to remove the expired certificate.

[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
7CF84585E6B2E0A1C3D5F7092B4D6F8A0C2E4F61 IP.WS..  11/14/2026 10:05:33 AM CN=EX19-07
`;
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: the 444 binding is shown once, before either outcome's rebind`, () => {
      const d = diagnose(expiredSetup, { now: REFERENCE_NOW, lang });
      const shows = d.steps.flatMap((s, i) => (s.id === 'show-backend-444' ? [i] : []));
      const rebinds = d.steps.flatMap((s, i) => (s.id === 'rebind-backend-444' ? [i] : []));
      assert.equal(shows.length, 1, d.steps.map((s) => s.id).join());
      assert.ok(rebinds.length >= 1 && rebinds.every((i) => i > (shows[0] ?? Infinity)), `${shows} ${rebinds}`);
    });
  }
});
