import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const LISTING = `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter,Services

Thumbprint : 924DAECB7AABDDF11B64EE073A493799D4F2BF9A
Subject    : CN=mail.contoso.com
NotAfter   : 12/18/2026 1:59:59 PM
Services   : IMAP, POP, IIS, SMTP

Thumbprint : 7BC52999F92BF4B381FC5D6FAF9498B11DF3132B
Subject    : CN=Microsoft Exchange Server Auth Certificate
NotAfter   : 6/5/2030 2:03:20 PM
Services   : SMTP
`;

/**
 * Subscription Edition as admins name it (SE, Subscription Edition, its RTM or a CU, its 15.2.2562+
 * build written out), in English and Japanese, is the release the answer speaks of, not "2013 or
 * later"; a paste that names two releases stays undecided between them.
 */
describe('Exchange Server SE named in the prose', () => {
  const rows: { name: string; prose: string; lang: 'en' | 'ja'; release: string }[] = [
    { name: 'Exchange Server SE RTM', prose: 'EXSE-MBX1 (Exchange Server SE RTM, Mailbox) warns about this.', lang: 'en', release: 'SE' },
    { name: 'Exchange SE CU1', prose: 'We are on Exchange SE CU1 since the summer.', lang: 'en', release: 'SE' },
    { name: 'Subscription Edition in full', prose: 'Microsoft Exchange Server Subscription Edition, one server.', lang: 'en', release: 'SE' },
    { name: 'a build written out', prose: 'The server runs 15.2.2562.17 according to ExSetup.', lang: 'en', release: 'SE' },
    { name: 'a zero-padded build', prose: 'ExSetup.exe のバージョンは 15.02.2562.017 です。証明書を確認してください。', lang: 'ja', release: 'SE' },
    { name: 'Japanese: SE の RTM', prose: 'Exchange Server SE の RTM を使っています。証明書の期限が近いです。', lang: 'ja', release: 'SE' },
    { name: 'Japanese: サブスクリプション エディション', prose: 'Exchange Server サブスクリプション エディションです。証明書の更新方法を教えてください。', lang: 'ja', release: 'SE' },
    { name: 'a 2019 build stays 2019', prose: 'Exchange 2019 CU14 (15.2.1544.4), one server.', lang: 'en', release: '2019' },
    {
      name: 'moving from 2019 to SE: both named, neither decided',
      prose: 'We run Exchange 2019 CU14 and move to Exchange SE next month.',
      lang: 'en',
      release: '2013+',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(`${row.prose}\n\n${LISTING}`, { now: NOW });
      assert.equal(d.language, row.lang);
      const words = {
        SE: { en: 'Exchange SE, judging by the paste.', ja: '貼り付けの内容から Exchange SE と判断しました。' },
        '2019': { en: 'Exchange 2019, judging by the paste.', ja: '貼り付けの内容から Exchange 2019 と判断しました。' },
        '2013+': {
          en: 'Exchange 2013 or later, judging by the paste.',
          ja: '貼り付けの内容から Exchange 2013 以降 と判断しました。',
        },
      }[row.release]?.[row.lang];
      assert.ok(d.notes.includes(words ?? ''), d.notes.join('\n'));
    });
  }
});
