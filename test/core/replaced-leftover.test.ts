import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const NEW = '8E75DBE8C1D960B7B1A7A3F88EA2257882601410';
const OLD = '08A90053D6F32E5735AC0BEAADF5F176E4872FF7';

const EVENT_EN = `Log Name:      System
Source:        Schannel
Date:          11/28/2026 8:13:45 PM
Event ID:      36887
Level:         Error
Computer:      EDGE01
Description:
A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 48.
`;
const EVENT_JA = `ログの名前:    System
ソース:        Schannel
日付:          2026/11/28 20:13:45
イベント ID:   36887
レベル:        エラー
コンピューター: EDGE01
説明:
リモート エンドポイントから致命的な警告を受信しました。TLS プロトコルで定義された致命的な警告コードは 48 です。
`;

function listing(oldServices: string, newServices: string): string {
  return `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services,Status

Thumbprint : ${NEW}
Subject    : CN=mail.contoso.com, O=Contoso, C=US
Issuer     : CN=Example SureServer CA G4, O=Example Trust, C=US
NotAfter   : 11/15/2027 11:59:59 PM
Services   : ${newServices}
Status     : Valid

Thumbprint : ${OLD}
Subject    : CN=mail.contoso.com, O=Contoso, C=US
Issuer     : CN=Example SureServer CA G3, O=Example Trust, C=US
NotAfter   : 11/25/2026 11:59:59 PM
Services   : ${oldServices}
Status     : DateInvalid
`;
}

/**
 * An expired certificate whose renewal already serves all it served is a leftover: beside a live
 * error (a partner's alert 48 after the new intermediate) the answer leads with that error and the
 * plan does not end by removing the leftover; with nothing else wrong, its clean-up is the plan.
 */
describe('an expired certificate its renewal already replaces is not the headline of a live problem', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    text: string;
    leftover: boolean;
    removal: boolean;
  }[] = [
    {
      name: 'Edge, alert 48 after the renewal, renewal on SMTP',
      lang: 'en',
      text: `EDGE01 is our Exchange 2019 CU15 Edge. Since the renewal last week the partner with domain secure refuses us; the new cert is enabled for SMTP.\n\n${EVENT_EN}\n${listing('SMTP', 'SMTP')}`,
      leftover: true,
      removal: false,
    },
    {
      name: 'エッジ、更新後にアラート 48',
      lang: 'ja',
      text: `エッジ トランスポート サーバー EDGE01（Exchange 2019 CU15）です。証明書を更新してから取引先への送信が失敗します。新しい証明書は SMTP で有効化済みです。\n\n${EVENT_JA}\n${listing('SMTP', 'SMTP')}`,
      leftover: true,
      removal: false,
    },
    {
      name: 'IMAP, POP and SMTP all on the renewal',
      lang: 'en',
      text: `Exchange 2019 CU15 Edge EDGE01, alert 48 from a partner after we renewed.\n\n${EVENT_EN}\n${listing('IMAP, POP, SMTP', 'IMAP, POP, SMTP')}`,
      leftover: true,
      removal: false,
    },
    {
      name: 'nothing else wrong: can the expired one go?',
      lang: 'en',
      text: `Exchange 2019 CU15 Edge EDGE01. The renewal is enabled for SMTP. Can I delete the expired one?\n\n${listing('SMTP', 'SMTP')}`,
      leftover: true,
      removal: true,
    },
    {
      name: '更新後の証明書に SMTP がない: 期限切れが原因',
      lang: 'ja',
      text: `エッジ トランスポート サーバー EDGE01（Exchange 2019 CU15）です。\n\n${EVENT_JA}\n${listing('SMTP', 'IMAP')}`,
      leftover: false,
      removal: true,
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(row.text, { now: NOW, lang: row.lang });
      const expired = d.findings.find((f) => f.code === 'CERT_EXPIRED' && f.thumbprint === OLD);
      assert.ok(expired, d.findings.map((f) => f.code).join(','));
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      if (row.leftover) {
        assert.equal(expired.severity, 'info');
        assert.ok(!d.findings.some((f) => f.code === 'TRANSPORT_CERT_EXPIRED' && f.thumbprint === OLD));
        // Beside a live error, that error leads.
        if (!row.removal) assert.doesNotMatch(d.summary, /3 days ago|3 日経過/);
      } else assert.equal(expired.severity, 'critical');
      if (row.removal) assert.match(commands, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${OLD}`));
      else assert.doesNotMatch(commands, /Remove-ExchangeCertificate/);
      assert.doesNotMatch(commands, /New-ExchangeCertificate|-GenerateRequest/);
    });
});
