import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { permissionText } from '../../src/slack/i18n/permission-text.js';

/** Every key in one language exists in the other, at every depth. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('permission words', () => {
  it('English and Japanese have the same keys', () => {
    assert.deepEqual(keys(permissionText.ja).sort(), keys(permissionText.en).sort());
  });
  it('the Japanese refusal reads as Japanese and names who can', () => {
    const t = permissionText.ja;
    const text = t.refused(t.actions.untrack, 'mail.contoso.com', [t.members('<#C1>'), t.admins].join(t.or));
    assert.match(text, /追跡解除できません/);
    assert.match(text, /<#C1> のメンバー、ワークスペースの管理者/);
  });
});
