import type { LibraryStep } from './knowledge/library-model.js';
import type { ExchangeVersion, Language, StepRole } from './model.js';

const SINCE: Record<Language, Record<'2010' | '2013', string>> = {
  en: { '2010': 'Exchange 2010 and later', '2013': 'Exchange 2013 and later' },
  ja: { '2010': 'Exchange 2010 以降', '2013': 'Exchange 2013 以降' },
};

/**
 * With the version unknown the 2013+ command is shown, so the title says where it does not apply:
 * the step's own note, or the oldest version its `versions` allow (unless the title names one).
 */
export function withVersionNote(step: LibraryStep, version: ExchangeVersion, language: Language): string {
  const title = step.title[language];
  // A version the paste shows needs no "Exchange 2013 and later:" in front: the step is for it.
  if (version !== 'unknown') return withoutSincePrefix(title, language);
  if (step.unknownNote) return `${title} (${step.unknownNote[language]})`;
  const versions = step.versions;
  if (!versions || versions.includes('2007') || /20(07|10|13)/.test(title)) return title;
  return `${title} (${SINCE[language][versions.includes('2010') ? '2010' : '2013']})`;
}

function withoutSincePrefix(title: string, language: Language): string {
  const prefix = `${SINCE[language]['2013']}: `;
  if (!title.startsWith(prefix)) return title;
  const rest = title.slice(prefix.length);
  return language === 'en' ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest;
}

/** Where a step runs, from its role class, the version and whether the server is an Edge. */
export function resolveRole(
  role: LibraryStep['role'],
  version: ExchangeVersion,
  edge: 'yes' | 'no' | 'unknown',
): StepRole {
  if (role === 'transport') {
    if (edge === 'yes') return 'edge';
    // Hub or Edge: on 2007/2010 the paste must say which, or the step names no role.
    if (version === '2007' || version === '2010') return edge === 'no' ? 'hub' : 'any';
    return version === '2013+' ? 'mailbox' : 'any';
  }
  if (role === 'mailbox' && edge === 'yes') return 'edge';
  // Exchange 2013 and later have no Hub Transport role: its side of a subscription is a Mailbox server.
  if (role === 'hub' && version === '2013+') return 'mailbox';
  if (role === 'client-access') {
    // A certificate step on a server the paste shows as an Edge runs there, on the Edge.
    if (edge === 'yes') return 'edge';
    if (version === '2007' || version === '2010') return 'cas';
    return version === '2013+' ? 'mailbox' : 'any';
  }
  return role;
}

/**
 * Placeholders and comments inside commands are prose too: a Japanese reply says them in Japanese.
 * The cmdlets, parameters and values stay as PowerShell takes them.
 */
const COMMAND_WORDS_JA: readonly [RegExp, string][] = [
  [/<new thumbprint>/g, '<新しい証明書の拇印>'],
  [/<imported thumbprint>/g, '<インポートした証明書の拇印>'],
  [/<thumbprint from the list>/g, '<一覧に表示された拇印>'],
  [/<thumbprint of the CA-issued certificate>/g, '<CA 発行の証明書の拇印>'],
  [/<name on the certificate>/g, '<証明書にある名前>'],
  [/<expired thumbprint>/g, '<期限切れの証明書の拇印>'],
  [/<thumbprint>/g, '<拇印>'],
  [/<FQDN of ([^<>]+)>/g, '<$1 の FQDN>'],
  [/<connector FQDN>/g, '<コネクタの FQDN>'],
  [/<host name under ([^<>]+)>/g, '<$1 のホスト名>'],
  [/<server name>/g, '<サーバー名>'],
  [/<other server>/g, '<他のサーバー名>'],
  [/<server FQDN>/g, '<サーバーの FQDN>'],
  [/<server>/g, '<サーバー名>'],
  [/<connector name>/g, '<コネクタ名>'],
  [/<partner mail server FQDN>/g, '<取引先のメール サーバーの FQDN>'],
  [/<peer server name>/g, '<相手のサーバー名>'],
  [/<peer server>/g, '<相手のサーバー>'],
  [/<queue identity>/g, '<キューの ID>'],
  [/<on-premises mailbox>/g, '<オンプレミスのメールボックス>'],
  [/<AD site>/g, '<AD サイト>'],
  [/<services>/g, '<サービス>'],
  [/<path to the issued \.cer or \.p7b>/g, '<発行された .cer または .p7b のパス>'],
  [/<path to the issued \.cer>/g, '<発行された .cer のパス>'],
  [/<federated domain>/g, '<フェデレーション ドメイン>'],
];

export function localizeCommand(command: string, language: Language): string {
  // Every placeholder is written `<…>`: a command without one has nothing to translate.
  if (language !== 'ja' || !command.includes('<')) return command;
  return COMMAND_WORDS_JA.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), command);
}
