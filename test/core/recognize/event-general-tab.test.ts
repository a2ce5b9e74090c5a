import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import type { EventFacts } from '../../../src/core/model.js';
import { recognizeEvents } from '../../../src/core/recognize/events.js';

/**
 * Event Viewer's General tab copied as text: the description first, then the two-column grid, where
 * one line holds two label/value pairs parted by a tab (a chat may turn the tab into spaces).
 */

const EN_MESSAGE =
  "Microsoft Exchange could not find a certificate that contains the domain name mail.fabrikam.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default internal receive connector EDGE01 with a FQDN parameter of\r\nmail.fabrikam.com. If the connector's FQDN is not specified, the computer's FQDN is used.";
const EN_GRID = [
  'Log Name:\tApplication',
  'Source:\tMSExchangeTransport\tLogged:\t11/28/2026 2:03:17 AM',
  'Event ID:\t12014\tTask Category:\tTransportService',
  'Level:\tError\tKeywords:\tClassic',
  'User:\tN/A\tComputer:\tEDGE01.perimeter.fabrikam.com',
  'OpCode:\tInfo',
  'More Information:\t\u00a0Event Log Online Help ',
].join('\r\n');

const JA_MESSAGE =
  'ローカル コンピューターの個人用ストアにドメイン名 mail.contoso.co.jp を含む証明書が見つかりませんでした。';
const JA_GRID = [
  'ログの名前:\tApplication',
  'ソース:\tMSExchangeFrontEndTransport\tログの日付:\t2026/11/28 2:03:17',
  'イベント ID:\t12014\tタスクのカテゴリ:\tTransportService',
  'レベル:\tエラー\tキーワード:\tクラシック',
  'ユーザー:\tN/A\tコンピューター:\tEX01.contoso.local',
  'オペコード:\t情報',
  '詳細情報:\t\u00a0イベント ログのオンライン ヘルプ',
].join('\r\n');

const EXPIRED_15 = [
  'Log Name:\tApplication',
  'Source:\tMSExchangeTransport\tLogged:\t11/28/2026 7:15:02 AM',
  'Event ID:\t12015\tTask Category:\tTransportService',
  'Level:\tError\tKeywords:\tClassic',
  'User:\tN/A\tComputer:\tHUB01.corp.contoso.com',
].join('\n');

const W2003_DIALOG = [
  'Date:\t11/28/2026\tSource:\tMSExchangeTransport',
  'Time:\t2:03:17 AM\tCategory:\tTransportService',
  'Type:\tError\tEvent ID:\t12015',
  'User:\tN/A',
  'Computer:\tHUB01',
  'Description:',
  'An internal transport certificate expired. Thumbprint:7E82BAF379DFBFFE8B3DFD82388EC678051ABCF4',
].join('\r\n');

const W2003_DIALOG_JA = [
  '日付:\t2026/11/28\tソース:\tMSExchangeTransport',
  '時刻:\t2:03:17\t分類:\tTransportService',
  '種類:\tエラー\tイベント ID:\t12015',
  'ユーザー:\tN/A',
  'コンピュータ:\tHUB01',
  '説明:',
  'An internal transport certificate expired. Thumbprint:7E82BAF379DFBFFE8B3DFD82388EC678051ABCF4',
].join('\r\n');

const W2003_WANT: Partial<EventFacts> = {
  id: 12015,
  format: 'w2003',
  source: 'MSExchangeTransport',
  level: 'error',
  computer: 'HUB01',
  loggedAt: '2026-11-28T02:03:17Z',
  thumbprint: '7E82BAF379DFBFFE8B3DFD82388EC678051ABCF4',
};

const cases: { name: string; paste: string; want: Partial<EventFacts> }[] = [
  { name: "Windows 2003's Event Properties dialog, two pairs a line", paste: W2003_DIALOG, want: W2003_WANT },
  { name: "Windows 2003's Event Properties dialog in Japanese", paste: W2003_DIALOG_JA, want: W2003_WANT },
  {
    name: 'English grid after the description, CRLF and NBSP',
    paste: `Partners say TLS is not offered:\r\n\r\n${EN_MESSAGE}\r\n\r\n${EN_GRID}\r\n`,
    want: {
      id: 12014,
      source: 'MSExchangeTransport',
      level: 'error',
      computer: 'EDGE01.perimeter.fabrikam.com',
      loggedAt: '2026-11-28T02:03:17Z',
      connector: 'Default internal receive connector EDGE01',
      fqdn: 'mail.fabrikam.com',
    },
  },
  {
    name: 'Japanese grid after the description',
    paste: `${JA_MESSAGE}\r\n\r\n${JA_GRID}\r\n`,
    want: {
      id: 12014,
      source: 'MSExchangeFrontEndTransport',
      level: 'error',
      computer: 'EX01.contoso.local',
      loggedAt: '2026-11-28T02:03:17Z',
      domain: 'mail.contoso.co.jp',
    },
  },
  {
    name: 'Japanese grid whose tabs a chat turned into spaces',
    paste: `${JA_MESSAGE}\n\n${JA_GRID.replace(/\t/g, '  ')}\n`,
    want: { id: 12014, source: 'MSExchangeFrontEndTransport', computer: 'EX01.contoso.local' },
  },
  {
    name: 'the grid alone, without its description',
    paste: EXPIRED_15,
    want: { id: 12015, source: 'MSExchangeTransport', level: 'error', computer: 'HUB01.corp.contoso.com' },
  },
];

describe('Event Viewer General tab grid: two label/value pairs on a line', () => {
  for (const { name, paste, want } of cases) {
    it(name, () => {
      const events = recognizeEvents(paste).events ?? [];
      assert.equal(events.length, 1, JSON.stringify(events));
      const [event] = events;
      for (const [key, value] of Object.entries(want)) {
        assert.deepEqual(event?.[key as keyof EventFacts], value, key);
      }
      assert.equal(event?.known, true);
    });
    it(`${name}: the event is recognised once, never also as UNKNOWN_EVENT`, () => {
      const diagnosis = diagnose(paste, { now: new Date('2026-11-28T12:00:00Z') });
      const codes = diagnosis.findings.map((finding) => finding.code);
      assert.ok(!codes.includes('UNKNOWN_EVENT'), codes.join(','));
      assert.ok(!codes.includes('UNRECOGNIZED_INPUT'), codes.join(','));
    });
  }
});
