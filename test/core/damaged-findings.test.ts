import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const now = new Date('2026-11-28T12:00:00Z');

describe('what a damaged or overlong paste still says', () => {
  it('a 12017 whose thumbprint is damaged still warns of the expiry and says the thumbprint is damaged', () => {
    for (const lang of ['en', 'ja'] as const) {
      const d = diagnose(
        [
          'Log Name: Application',
          'Source: MSExchangeTransport',
          'Event ID: 12017',
          'Level: Warning',
          'Computer: HUB2010.contoso.local',
          'Description:',
          'An internal transport certificate will expire soon. Thumbprint:3BFBD8DFD6642FE619EA98BBB60X1BC5ADEBBE0C, hours remaining: 400',
        ].join('\n'),
        { now, lang },
      );
      const codes = d.findings.map((f) => f.code);
      assert.ok(codes.includes('CERT_EXPIRING'), `${lang}: ${codes.join(',')}`);
      assert.ok(codes.includes('THUMBPRINT_DAMAGED'), `${lang}: ${codes.join(',')}`);
      assert.ok(d.steps.length > 0, 'the renewal plan is still given');
      assert.ok(
        d.steps.every((s) => !(s.command ?? '').includes('60X1')),
        'the damaged thumbprint never reaches a command',
      );
    }
  });

  it('a paste with thousands of thumbprints says only the first part was read', () => {
    const hex = (i: number) => i.toString(16).toUpperCase().padStart(40, '0');
    const text = Array.from({ length: 2000 }, (_, i) => hex(i + 1)).join('\n');
    const d = diagnose(text, { now, lang: 'ja' });
    const truncated = d.findings.find((f) => f.code === 'INPUT_TRUNCATED');
    assert.ok(truncated, d.findings.map((f) => f.code).join(','));
    assert.match(truncated.message, /最初の \d+ 件の拇印/);
  });
});
