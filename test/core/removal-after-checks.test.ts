import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Step } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The old certificate goes only after the checks that show its replacement serves (the events stop,
// STARTTLS on 25, 443); the check of the new certificate itself stays the last step.

const LIVE = new Set(['verify-events', 'verify-starttls-probe', 'verify-https-probe', 'verify-edgesync', 'verify-owa']);
const REMOVAL = /^remove-old/;

function paste(name: string): string {
  return readFileSync(new URL(`../fixtures/corpus-extra/${name}`, import.meta.url), 'utf8');
}

function assertRemovalAfterChecks(steps: Step[]): void {
  const removals = steps.flatMap((s, i) => (REMOVAL.test(s.id ?? '') ? [i] : []));
  const checks = steps.flatMap((s, i) => (LIVE.has(s.id ?? '') ? [i] : []));
  assert.ok(removals.length > 0, 'the plan removes the old certificate');
  assert.ok(checks.length > 0, 'the plan checks the new one serves');
  const lastCheck = Math.max(...checks);
  for (const removal of removals)
    assert.ok(removal > lastCheck, `removal at ${removal + 1} before a check at ${lastCheck + 1}`);
  assert.match(steps.at(-1)?.id ?? '', /^verify-/, 'a verification is last');
}

describe('the old certificate is removed after the checks that show the new one serves', () => {
  it('English: an expired internal transport certificate from HealthChecker', () => {
    const d = diagnose(paste('w11-e2019cu15-healthchecker-internal-transport-expired.txt'), { now: REFERENCE_NOW });
    assertRemovalAfterChecks(d.steps);
    const removal = d.steps.find((s) => s.id === 'remove-old');
    assert.match(removal?.title ?? '', /checks above/);
    assert.ok(removal?.verify, 'the removal says how to see it went well');
  });

  it('Japanese: a refused removal of the internal transport certificate and an expired Auth certificate', () => {
    const d = diagnose(paste('w15-ja-e2016-remove-internal-transport-error.txt'), { now: REFERENCE_NOW });
    assertRemovalAfterChecks(d.steps);
    const removal = d.steps.find((s) => s.id === 'remove-old');
    assert.match(removal?.title ?? '', /上の確認/);
  });
});
