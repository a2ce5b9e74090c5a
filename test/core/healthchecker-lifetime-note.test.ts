import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

/**
 * HealthChecker's "Lifetime: N day(s)" counts from when its report ran, which a paste of its
 * certificate section does not show: the answer counts from now and says so, in either language.
 */
const dir = new URL('../fixtures/corpus-extra/', import.meta.url);
const healthChecker = readFileSync(
  new URL(readdirSync(dir).find((f) => f.startsWith('u11-') && f.endsWith('.txt')) ?? '', dir),
  'utf8',
);
const listing = `Thumbprint : 896777B6CA9D0066DB7463DB76DA36DD6241D5D5
Subject    : CN=mail.contoso.com
Services   : IIS, SMTP
NotAfter   : 12/10/2026 12:00:00 AM`;

describe('a HealthChecker lifetime is counted from now, and the answer says so', () => {
  const cases = [
    { lang: 'en', says: /Lifetime: N day\(s\).*counted from now/ },
    { lang: 'ja', says: /Lifetime: N day\(s\).*現在から数えた推定/ },
  ] as const;
  for (const { lang, says } of cases) {
    it(`${lang}: a HealthChecker certificate section`, () => {
      const diagnosis = diagnose(healthChecker, { now: REFERENCE_NOW, lang });
      const counted = diagnosis.certificates.find((c) => c.daysLeft === 14);
      assert.ok(counted, 'the 14-day certificate is dated from now');
      assert.equal(diagnosis.notes.filter((n) => says.test(n)).length, 1, diagnosis.notes.join('\n'));
    });
    it(`${lang}: a listing with its own dates has no such note`, () => {
      const diagnosis = diagnose(listing, { now: REFERENCE_NOW, lang });
      assert.ok(diagnosis.certificates.length > 0);
      assert.equal(diagnosis.notes.filter((n) => says.test(n)).length, 0, diagnosis.notes.join('\n'));
    });
  }
});
