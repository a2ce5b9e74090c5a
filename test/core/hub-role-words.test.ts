import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const EXPIRED = 'A3CD942CBB9E9E76C42CC58503950EF2731F0CD1';

const event = `Log Name:      Application
Source:        MSExchangeTransport
Date:          11/28/2026 8:31:55 PM
Event ID:      12015
Level:         Error
Computer:      EDGE01.dmz.contoso.com
Description:
An internal transport certificate expired. Thumbprint:${EXPIRED}
`;
const listing = (cmdlet: string) => `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter,Services,IsSelfSigned

Thumbprint   : ${EXPIRED}
Subject      : CN=EDGE01
NotAfter     : 11/21/2026 3:07:42 PM
Services     : SMTP
IsSelfSigned : True

[PS] C:\\>${cmdlet} | fl Name,ServerRole,InternalTransportCertificateThumbprint

Name                                   : EDGE01
ServerRole                             : Edge
InternalTransportCertificateThumbprint : ${EXPIRED}
`;

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  /** Words the subscription steps must use for the Edge's other side, and words they must not. */
  says: RegExp;
  never: RegExp;
}

/**
 * The other side of an Edge subscription is named for the release: a Hub Transport server on 2007
 * and 2010, a Mailbox server from 2013 (which has no Hub Transport role), both when the paste does
 * not tell; in English and Japanese.
 */
describe('the Edge subscription names its other side by release', () => {
  const rows: Row[] = [
    {
      name: '2019 Edge, English',
      lang: 'en',
      paste: `Edge EDGE01, Exchange 2019 CU14. EdgeSync fails.\n\n${event}\n${listing('Get-TransportService')}`,
      says: /Mailbox server/,
      never: /Hub Transport|the Hub\b/,
    },
    {
      name: '2016 Edge, Japanese',
      lang: 'ja',
      paste: `エッジ トランスポート サーバー EDGE01 (Exchange 2016 CU23) で同期が失敗します。\n\n${event}\n${listing('Get-TransportService')}`,
      says: /メールボックス サーバー/,
      never: /ハブ/,
    },
    {
      name: 'SE Edge, Japanese',
      lang: 'ja',
      paste: `Exchange Server SE のエッジ サーバーです。証明書が切れました。\n\n${event}\n${listing('Get-TransportService')}`,
      says: /メールボックス サーバー/,
      never: /ハブ/,
    },
    {
      name: '2010 Edge, English',
      lang: 'en',
      paste: `Our Exchange 2010 SP3 Edge (EDGE01) logs this.\n\n${event}\n${listing('Get-TransportServer')}`,
      says: /Hub Transport server/,
      never: /Mailbox server|\(Mailbox\)/,
    },
    {
      name: '2010 Edge, Japanese',
      lang: 'ja',
      paste: `Exchange 2010 SP3 のエッジ EDGE01 でイベントが出ます。\n\n${event}\n${listing('Get-TransportServer')}`,
      says: /ハブ トランスポート サーバー/,
      never: /メールボックス/,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW });
      assert.equal(d.language, row.lang);
      const subscription = d.steps.filter((s) => /New-EdgeSubscription|Start-EdgeSynchronization|Test-EdgeSynchronization/.test(s.command ?? ''));
      assert.ok(subscription.length >= 2, d.steps.map((s) => s.title).join('\n'));
      const words = subscription.map((s) => `${s.title}\n${s.why ?? ''}`).join('\n');
      assert.match(words, row.says);
      assert.doesNotMatch(words, row.never);
    });
  }
});
