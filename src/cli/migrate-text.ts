import type { Language } from '../core/model.js';
import type { ImportCounts } from '../store/store.js';

/** What `certcheck migrate` says, in English and Japanese. */
export interface MigrateText {
  copied: (from: string, to: string) => string;
  line: (what: keyof ImportCounts, read: number, added: number) => string;
  again: string;
  noSource: (from: string) => string;
  failed: (where: string, error: string) => string;
}

const en: MigrateText = {
  copied: (from, to) => `Copied ${from} to ${to}:`,
  line: (what, read, added) => {
    const names = {
      certificates: 'tracked certificates',
      ledger: 'reminder records',
      snoozes: 'snoozes',
      renewals: 'renewals',
    };
    return `  ${names[what]}: ${read} read, ${added} new`;
  },
  again: 'Running it again is safe: what is already there is refreshed, never doubled.',
  noSource: (from) => `${from} does not exist: nothing to copy (give the SQLite file certcheck has been using)`,
  failed: (where, error) => `could not copy (${where}): ${error}. Nothing was changed in the target.`,
};

const ja: MigrateText = {
  copied: (from, to) => `${from} から ${to} へコピーしました:`,
  line: (what, read, added) => {
    const names = {
      certificates: '追跡中の証明書',
      ledger: 'リマインダーの記録',
      snoozes: '一時停止',
      renewals: '更新の記録',
    };
    return `  ${names[what]}: ${read} 件を読み取り、${added} 件を新規追加`;
  },
  again: 'もう一度実行しても安全です: 既存のものは更新され、重複はしません。',
  noSource: (from) =>
    `${from} が存在しません: コピーするものがありません (certcheck が使用してきた SQLite ファイルを指定してください)`,
  failed: (where, error) => `コピーできませんでした (${where}): ${error}。コピー先は変更されていません。`,
};

export const migrateText: Record<Language, MigrateText> = { en, ja };
