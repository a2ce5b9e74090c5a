import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const DIR = join('test', 'fixtures', 'corpus-extra');
const file = readdirSync(DIR).find((f) => f.startsWith('o12-') && f.endsWith('.txt')) ?? '';
/** An Exchange 2007 Edge's 12015 and its certificate listing, without the admin's first paragraph. */
const paste = readFileSync(join(DIR, file), 'utf8').split('\n').slice(1).join('\n');

/**
 * The Hub Transport server the admin names only in prose runs the Hub side of the new Edge
 * subscription: the import, the synchronisation and its check name it instead of "the Hub".
 */
describe('a Hub Transport server named only in prose', () => {
  const rows: { lang: 'en' | 'ja'; prose: string; hub: string }[] = [
    { lang: 'ja', prose: 'Exchange 2007 SP3 のエッジ トランスポート サーバー（EDGE07）です。ハブは HUB07 です。', hub: 'HUB07' },
    { lang: 'ja', prose: 'Exchange 2007 SP3 のエッジです。ハブ トランスポート サーバーは HUB-TKY01 です。', hub: 'HUB-TKY01' },
    { lang: 'ja', prose: 'Exchange 2007 SP3 のエッジ（EDGE07）。ハブ サーバー: EXHUB2', hub: 'EXHUB2' },
    { lang: 'en', prose: 'Exchange 2007 SP3 Edge Transport (EDGE07). The Hub is HUB07.', hub: 'HUB07' },
    { lang: 'en', prose: 'Exchange 2007 SP3 Edge Transport server EDGE07; Hub Transport server HUB-TKY01.', hub: 'HUB-TKY01' },
    { lang: 'en', prose: 'Exchange 2007 SP3 Edge Transport (EDGE07). HUB07 is our Hub Transport server.', hub: 'HUB07' },
    { lang: 'ja', prose: 'Exchange 2007 SP3 のエッジ（EDGE07）です。HUB-OSK1 がハブです。', hub: 'HUB-OSK1' },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.prose}`, () => {
      const d = diagnose(`${row.prose}\n${paste}`, { now: NOW, lang: row.lang });
      for (const id of ['hub-import-subscription', 'hub-start-edgesync']) {
        const step = d.steps.find((s) => s.id === id);
        assert.ok(step, `${id}: ${d.steps.map((s) => s.id).join(',')}`);
        assert.equal(step.server, row.hub);
        assert.match(step.title, new RegExp(row.hub));
      }
      // The Edge's own steps stay on the Edge.
      assert.ok(!d.steps.some((s) => s.id === 'edge-restart-adam' && s.server === row.hub));
    });
});
