import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const paste = readFileSync(
  join('test', 'fixtures', 'corpus-extra', 'y07-openssl-starttls-expired-intermediate.txt'),
  'utf8',
);

describe('an expired intermediate in a presented chain', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`is fixed by installing the renewed intermediate, never by a request named after the CA (${lang})`, () => {
      const d = diagnose(paste, { now: new Date('2026-11-28T12:00:00Z'), lang });
      const ids = d.steps.map((s) => s.id);
      assert.ok(ids.includes('chain-install-renewed'), ids.join(','));
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(commands, /-GenerateRequest/);
      assert.doesNotMatch(commands, /Issuing CA 02/);
      assert.match(commands, /certcheck probe smtp\.contoso-pharma\.com:25/);
    });
  }
});
