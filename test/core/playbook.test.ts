import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { playbookMarkdown } from '../../src/core/playbook.js';
import { PLAN_TABLE } from '../../src/core/knowledge/plan-table.js';

// docs/playbook.md is what an Exchange admin reviews: it must be what the plan table says today.

describe('docs/playbook.md', () => {
  const generated = playbookMarkdown();

  it('is current: rebuild it with `node --import tsx scripts/playbook.ts`', () => {
    const onDisk = readFileSync(new URL('../../docs/playbook.md', import.meta.url), 'utf8');
    assert.ok(onDisk === generated, 'docs/playbook.md is stale: run node --import tsx scripts/playbook.ts');
  });

  it('has every plan, for every version, in English and Japanese', () => {
    for (const plan of PLAN_TABLE.values()) {
      const headings = generated.split('\n').filter((line) => line.includes(`(\`${plan.id}\`)`));
      assert.equal(headings.length, 2, `${plan.id}: one heading per language`);
    }
    assert.equal(generated.match(/^#### Exchange 2007$/gm)?.length, PLAN_TABLE.size * 2);
    assert.match(generated, /^## 日本語$/m);
  });

  it('shows each branch with both outcomes and the fact shown before it', () => {
    const section = generated.split('(`internal-transport-renew`)')[1]?.split('#### Exchange 2010')[0] ?? '';
    assert.match(section, /`show-internal-transport`/);
    assert.match(section, /\(`isInternalTransport`\):/);
    assert.match(section, /\(`!isInternalTransport`\):/);
    assert.ok(section.indexOf('show-internal-transport') < section.indexOf('(`isInternalTransport`)'));
  });
});
