import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { normalizePaste } from '../../../src/core/normalize.js';
import type { ExchangeVersion } from '../../../src/core/model.js';
import type { ExchangeRelease, Strength } from '../../../src/core/recognize/evidence.js';
import { recognize } from '../../../src/core/recognize/index.js';

/** The release as admins write it in prose: short forms, rollups, Japanese words. */

const EVENT_12015 = `Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12015
Level:         Error
Computer:      EXBOX.litware.local
Description:
An internal transport certificate expired. Thumbprint:7E82BAF379DFBFFE8B3DFD82388EC678051ABCF4`;

const rows: {
  paste: string;
  release?: ExchangeRelease;
  strength?: Strength;
  /** The version the whole diagnosis settles on (the prose over the 12015 event). */
  version: ExchangeVersion;
}[] = [
  { paste: 'EX2010 SP3 RU32, CAS/HUB/MBX all on one box.', release: '2010', strength: 'strong', version: '2010' },
  { paste: 'Exch 2016 CU23 here, event below', release: '2016', strength: 'strong', version: '2013+' },
  { paste: 'E2013 CU23 multi-role', release: '2013', strength: 'strong', version: '2013+' },
  { paste: 'running 2010SP3 on W2K8R2', release: '2010', strength: 'strong', version: '2010' },
  { paste: 'Exchange2010 SP3 box', release: '2010', strength: 'strong', version: '2010' },
  { paste: 'our E2K10 SP3 server', release: '2010', strength: 'strong', version: '2010' },
  { paste: 'Exchange2019 only, no hybrid', release: '2019', strength: 'weak', version: '2013+' },
  { paste: 'We installed Update Rollup 32 last month.', release: '2010', strength: 'strong', version: '2010' },
  {
    paste: 'サーバーは Exchange 2010 SP3 ロールアップ 32 です。',
    release: '2010',
    strength: 'strong',
    version: '2010',
  },
  {
    paste: 'Exchange 2016 累積更新プログラム 23 を適用済みです。',
    release: '2016',
    strength: 'strong',
    version: '2013+',
  },
  { paste: 'Exchange Server 2019 CU14 (EX19-02)', release: '2019', strength: 'strong', version: '2013+' },
  // Rollups stopped at 23 on 2007 SP3: a lower one does not tell 2007 from 2010.
  { paste: 'Update Rollup 12 is installed.', version: 'unknown' },
  // A server named for a release is no update level; its name alone is never read as one.
  { paste: 'The server EX2016-01 logs this.', version: 'unknown' },
  { paste: 'Logged on 11/28/2010 at 9:00', version: 'unknown' },
  { paste: "Installing certificate signed by 'CN=EX2016' for site 'Default Web Site'", version: 'unknown' },
  { paste: 'Computer: EX2010.litware.local', version: 'unknown' },
];

describe('Exchange release in admin shorthand', () => {
  for (const row of rows) {
    it(row.paste, () => {
      const hints = recognize(normalizePaste(row.paste)).versionHints.filter((h) => h.reason === 'prose');
      if (row.release) {
        assert.equal(hints.length, 1, JSON.stringify(hints));
        assert.equal(hints[0]?.release, row.release);
        assert.equal(hints[0]?.strength, row.strength);
      } else assert.deepEqual(hints, []);
      const diagnosis = diagnose(`${row.paste}\n\n${EVENT_12015}`, { now: new Date('2026-11-28T12:00:00Z') });
      assert.equal(diagnosis.exchangeVersion, row.version);
    });
  }

  it('a build number is never overridden by shorthand in prose', () => {
    const build = 'Name  AdminDisplayVersion\n----  -------------------\nEXBOX Version 15.1 (Build 2507.6)';
    const now = new Date('2026-11-28T12:00:00Z');
    // A name alone is weak: the build decides.
    const weak = diagnose(`Moved off EX2010 last year.\n\n${build}\n\n${EVENT_12015}`, { now });
    assert.equal(weak.exchangeVersion, '2013+');
    // An update level is strong too: the two disagree, and neither is taken over the other.
    const strong = diagnose(`EX2010 SP3 RU32 was the old box.\n\n${build}\n\n${EVENT_12015}`, { now });
    assert.notEqual(strong.exchangeVersion, '2010');
  });

  it('a CU with a 2010 or a rollup with a 2016 contradicts itself and stays weak', () => {
    for (const paste of ['Exchange 2010 CU5', 'Exchange 2016 RU3']) {
      const hints = recognize(normalizePaste(paste)).versionHints.filter((h) => h.reason === 'prose');
      assert.equal(hints[0]?.strength, 'weak', paste);
    }
  });
});
