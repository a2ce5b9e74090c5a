import type { Language, Step } from '../model.js';

/**
 * The words every report of a diagnosis shares (Slack replies, the CLI report): its two headings
 * and where a step runs, in both languages with the same keys.
 */
export interface ReportText {
  whatIsWrong: string;
  fix: string;
  /** A step for one role, on a known server. */
  runOn: (server: string, role: string) => string;
  /** A step for any server, on a known one: the role would only repeat "any". */
  runOnServer: (server: string) => string;
  role: Record<'hub' | 'edge' | 'cas' | 'mailbox' | 'any', string>;
}

const en: ReportText = {
  whatIsWrong: 'What is wrong',
  fix: 'Fix',
  runOn: (server, role) => `on ${server} (${role})`,
  runOnServer: (server) => `on ${server}`,
  role: { hub: 'Hub Transport', edge: 'Edge Transport', cas: 'Client Access', mailbox: 'Mailbox', any: 'any server' },
};

const ja: ReportText = {
  whatIsWrong: '何が起きているか',
  fix: '対処',
  runOn: (server, role) => `${server} (${role}) で実行`,
  runOnServer: (server) => `${server} で実行`,
  role: {
    hub: 'ハブ トランスポート',
    edge: 'エッジ トランスポート',
    cas: 'クライアント アクセス',
    mailbox: 'メールボックス',
    any: '任意のサーバー',
  },
};

export const reportText = { en, ja } satisfies Record<Language, ReportText>;

/**
 * Where to run a step: the server with its role, or either alone. A role of 'any' adds nothing:
 * "on HUB2010 (any server)" contradicts itself.
 */
export function stepPlace(step: Pick<Step, 'server' | 'role'>, lang: Language): string {
  const t = reportText[lang];
  const role = step.role === 'any' ? undefined : t.role[step.role];
  if (step.server) return role ? t.runOn(step.server, role) : t.runOnServer(step.server);
  return role ?? '';
}
