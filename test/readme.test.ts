import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { refreshedReadme } from '../scripts/readme-samples.js';

describe('README', () => {
  it('shows sample outputs exactly as real runs produce them today', async () => {
    const readme = await readFile('README.md', 'utf8');
    assert.match(readme, /<!-- sample:cli-diagnose -->/);
    assert.match(readme, /<!-- sample:slack-reply -->/);
    const fresh = await refreshedReadme(readme);
    assert.ok(
      fresh === readme,
      'README.md samples have drifted from what certcheck prints: run node --import tsx scripts/readme-samples.ts',
    );
  });
});
