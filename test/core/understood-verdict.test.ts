import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

/**
 * The verdict never says "nothing recognised" beside a footer that says what was understood: events
 * read without a finding, and known error messages, are said to be read.
 */

const NOW = new Date('2026-11-28T12:00:00Z');
const NOTHING = /Nothing certcheck recognises|認識できるものはありません/;

const REFUSED = `Remove-ExchangeCertificate -Thumbprint 12EFCEF3C4647D7E4A966820DE789DA58B36D749
The internal transport certificate cannot be removed because that would cause the Microsoft Exchange Transport service to stop. To replace the internal transport certificate, create a new certificate. The new certificate will automatically become the internal transport certificate. You can then remove the existing certificate.
    + CategoryInfo          : InvalidOperation: (:) [Remove-ExchangeCertificate], InvalidOperationException
    + FullyQualifiedErrorId : [Server=EX01,RequestId=1]
`;

const rows: { name: string; paste: string; says: RegExp; code?: string }[] = [
  {
    name: 'a Schannel 36888 with a handshake alert: one event read',
    paste: `Log Name:      System
Source:        Schannel
Event ID:      36888
Level:         Error
Computer:      EX19-01.contoso.com
Description:
A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 40. The Windows SChannel error state is 1205.
`,
    says: /^1 event read/,
  },
  {
    name: 'Japanese: the same event in Japanese',
    paste: `ログの名前:         System
ソース:           Schannel
イベント ID:       36888
レベル:           エラー
コンピューター:       EXJ01
説明:
致命的なアラートが生成され、リモート エンドポイントに送信されました。TLS プロトコルで定義されている致命的なエラー コードは 40 です。
`,
    says: /^イベントを 1 件読み取りました/,
  },
  {
    name: 'Remove-ExchangeCertificate refused for the internal transport certificate: said, with the way out',
    paste: REFUSED,
    says: /cannot be removed before a new one/,
    code: 'INTERNAL_CERT_REMOVE_REFUSED',
  },
  {
    name: 'Japanese question around the same refusal',
    paste: `古い証明書を削除しようとしたら次のエラーになりました。\n\n${REFUSED}`,
    says: /新しい証明書に置き換えるまで削除できません/,
    code: 'INTERNAL_CERT_REMOVE_REFUSED',
  },
];

describe('the verdict says what was read', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = diagnose(row.paste, { now: NOW });
      assert.doesNotMatch(result.summary, NOTHING);
      assert.match(result.summary, row.says);
      if (row.code) assert.ok(result.findings.some((f) => f.code === row.code));
    });
  }
});
