import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// KB 953354: when IIS served the expired self-signed certificate, IIS is enabled on its replacement
// once, under "if 443 shows the expired certificate"; the removal's own "if 443 shows the old
// certificate" step is the same command for the same certificate and is not given again. A server the
// admin calls a Hub Transport server is not labelled Client Access.

const TP = '472062235385D1BFF54DB7B4FB5CDAEC8330A9E3';
const en = (intro: string, server: string) => `${intro}

Event Type:	Warning
Event Source:	MSExchangeTransport
Event Category:	TransportService
Event ID:	12015
Date:		11/27/2026
Time:		8:41:07 AM
User:		N/A
Computer:	${server}
Description:
An internal transport certificate expired. Thumbprint:${TP}
`;
const ja = (intro: string, server: string) => `${intro}

イベントの種類:	警告
イベント ソース:	MSExchangeTransport
イベント カテゴリ:	TransportService
イベント ID:	12015
日付:		2026/11/26
時刻:		9:00:00
ユーザー:		N/A
コンピュータ:	${server}
説明:
内部トランスポート証明書の有効期限が切れています。拇印: ${TP}
`;

const cases = [
  ['en', en('Our Exchange 2007 SP1 hub (HUB01, Windows Server 2003) logs this.', 'HUB01'), 'HUB01', true],
  ['en', en('Exchange 2007 SP3 Hub Transport server HT02 on Windows 2003 R2, what do I do?', 'HT02'), 'HT02', true],
  [
    'ja',
    ja('Exchange 2007 SP3 のハブ トランスポート サーバー (EXHT01、Windows Server 2003) です。', 'EXHT01'),
    'EXHT01',
    true,
  ],
  ['en', en('Exchange 2007 SP3 on EX07 (Windows Server 2003), all roles on one box.', 'EX07'), 'EX07', false],
] as const;

describe('IIS moves to the replacement once, on a server labelled for the roles the paste gives it', () => {
  for (const [language, paste, server, hubOnly] of cases)
    it(`${language}: ${server}`, () => {
      const d = diagnose(paste, { now: REFERENCE_NOW });
      assert.equal(d.language, language);
      const iis = d.steps.filter((s) => /Enable-ExchangeCertificate[^\n]*-Services IIS\b/.test(s.command ?? ''));
      assert.equal(iis.length, 1, iis.map((s) => s.title).join('\n'));
      const removal = d.steps.findIndex((s) => /Remove-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(removal === -1 || d.steps.indexOf(iis[0]!) < removal);
      if (hubOnly)
        assert.deepEqual(
          d.steps.filter((s) => s.server === server && s.role === 'cas').map((s) => s.title),
          [],
        );
    });
});
