import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const now = new Date('2026-11-28T12:00:00Z');
const paste = readFileSync(
  join('test', 'fixtures', 'corpus-extra', 'z14-se-imported-status-invalid-intermediate-missing.txt'),
  'utf8',
);

describe('a new CA certificate with Status Invalid and RootCAType Unknown', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`installs the issuing CA, re-checks Status, then enables it; no new request (${lang})`, () => {
      const d = diagnose(paste, { now, lang });
      const finding = d.findings.find((f) => f.code === 'CHAIN_INCOMPLETE');
      assert.equal(finding?.thumbprint, '7612E6F94EF56DDFA00E6384B5E32BEB40C1A086');
      assert.match(finding?.message ?? '', /Fourth Coffee Issuing CA 02/);
      const ids = d.steps.map((s) => s.id);
      assert.deepEqual(ids.slice(0, 3), ['issuer-install', 'issuer-recheck', 'issuer-enable']);
      assert.match(d.steps[0]?.title ?? '', /Fourth Coffee Issuing CA 02/);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(commands, /certutil -addstore CA /);
      assert.match(
        commands,
        /Enable-ExchangeCertificate -Thumbprint 7612E6F94EF56DDFA00E6384B5E32BEB40C1A086 -Services IIS,SMTP/,
      );
      // The old certificate keeps serving until the new one is Valid: no request for it, no removal.
      assert.doesNotMatch(commands, /-GenerateRequest|Remove-ExchangeCertificate/);
      assert.ok(d.findings.some((f) => f.code === 'CERT_EXPIRING' && f.thumbprint?.startsWith('104DCD88')));
    });
  }

  it('a certificate whose Status is Valid is not called incomplete', () => {
    const valid = paste
      .replace('Status        : Invalid', 'Status        : Valid')
      .replace('RootCAType    : Unknown', 'RootCAType    : Enterprise');
    const d = diagnose(valid, { now, lang: 'en' });
    assert.ok(!d.findings.some((f) => f.code === 'CHAIN_INCOMPLETE'));
    assert.ok(!d.steps.some((s) => s.id === 'issuer-install'));
  });
});
