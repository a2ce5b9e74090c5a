import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal asked for by a listing, a HealthChecker report or a refused command has no event whose
// source could be missing: its restart names the services by the ports they answer, not "the event".

const fixture = (name: string) => readFileSync(new URL(`../fixtures/corpus-extra/${name}`, import.meta.url), 'utf8');

const restarts = (text: string) =>
  diagnose(text, { now: REFERENCE_NOW }).steps.filter((s) => /^Restart-Service MSExchange/.test(s.command ?? ''));

describe('the transport restart of a renewal no event asked for', () => {
  it('English: a HealthChecker report restarts both services, worded for the SMTP ports', () => {
    const [restart, ...more] = restarts(fixture('w11-e2019cu15-healthchecker-internal-transport-expired.txt'));
    assert.equal(more.length, 0);
    assert.equal(restart?.command, 'Restart-Service MSExchangeFrontEndTransport, MSExchangeTransport');
    assert.match(restart?.title ?? '', /ports 25 and 587/);
    assert.doesNotMatch(restart?.title ?? '', /\bevent\b/);
  });

  it('Japanese: a refused removal restarts both services, worded for the SMTP ports', () => {
    const [restart] = restarts(fixture('w15-ja-e2016-remove-internal-transport-error.txt'));
    assert.match(restart?.title ?? '', /ポート 25 と 587/);
    assert.doesNotMatch(restart?.title ?? '', /イベント/);
  });

  it('an event without its source still says so', () => {
    const event = `Log Name: Application
Source: MSExchangeTransport
Event ID: 12015
Level: Error
Computer: EX19-ZZ1.contoso.com
Description:
An internal transport certificate expired. Thumbprint:0206A7061CFBF48238B0551A5E856A8D8253EE34`;
    const withSource = restarts(event);
    assert.ok(withSource.every((s) => !/ports 25 and 587/.test(s.title)));
  });
});
