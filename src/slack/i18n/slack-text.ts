import type { Language } from '../../core/model.js';

/**
 * The Slack app's own words (verdict chrome, buttons, help, modal, errors, App Home), in English
 * and Japanese with the same keys. Findings, steps and countdowns are the core's words.
 */
export interface SlackText {
  severity: Record<'critical' | 'warning' | 'info' | 'ok', string>;
  stepsShown: (shown: number, total: number) => string;
  stepsOmitted: (omitted: number) => string;
  certificatesOmitted: (omitted: number) => string;
  /** Certificates nothing is wrong with, folded into one line below the ones that need attention. */
  certificatesFine: (count: number, names: string) => string;
  references: string;
  /** Before a step's check: how to tell that it worked. */
  verify: string;
  issuedBy: string;
  thumbprint: string;
  /** A certificate known only from its thumbprint (event 12017): what it is, not a blank. */
  internalTransportCertificate: string;
  /** A pasted thumbprint alone that certcheck tracks: the verdict is what tracking knows of it. */
  trackedVerdict: (name: string, countdown: string, status: 'active' | 'renewed' | 'untracked') => string;
  /** Only for a version the diagnosis knows. */
  exchange: (version: string) => string;
  eventLevel: Record<'error' | 'warning' | 'information', string>;
  sharedBy: (userMention: string) => string;
  /** Before the quoted first line of the paste a thread answer is about. */
  about: string;
  buttons: {
    share: string;
    otherLanguage: string;
    showAllSteps: string;
    track: string;
    postToThread: string;
  };
  privateKey: {
    title: string;
    body: string;
    deleteMessage: string;
  };
  help: {
    title: string;
    intro: string;
    usage: string[];
    threads: string;
    files: string;
    subcommands: string;
  };
  modal: {
    title: string;
    submit: string;
    close: string;
    label: string;
    placeholder: string;
    hint: string;
    empty: string;
  };
  errors: {
    generic: string;
    rateLimited: string;
    notInChannel: string;
    expired: string;
    nothingFound: string;
    /** The database is down: diagnoses work, tracking does not. */
    storeUnavailable: string;
    fileTooLarge: (name: string) => string;
    fileUnreadable: (name: string) => string;
  };
  postedToThread: string;
  home: { title: string; body: string };
}

const en: SlackText = {
  severity: { critical: 'Critical', warning: 'Warning', info: 'Info', ok: 'OK' },
  stepsShown: (shown, total) => `Showing ${shown} of ${total} steps.`,
  stepsOmitted: (omitted) =>
    `${omitted} more step(s) do not fit in one Slack message: run \`certcheck diagnose\` on the paste to see them all.`,
  certificatesOmitted: (omitted) => `…and ${omitted} more certificate(s).`,
  certificatesFine: (count, names) => `🟢 ${count} more ${count === 1 ? 'is' : 'are'} fine: ${names}`,
  references: 'Reference',
  verify: 'Check',
  issuedBy: 'issued by',
  thumbprint: 'Thumbprint',
  internalTransportCertificate: 'Internal transport certificate',
  trackedVerdict: (name, countdown, status) =>
    `${name} ${countdown} — ${
      status === 'active'
        ? 'tracked by certcheck'
        : status === 'renewed'
          ? 'marked renewed in certcheck'
          : 'no longer tracked by certcheck'
    }`,
  exchange: (version) => `Exchange ${version}`,
  eventLevel: { error: 'error', warning: 'warning', information: 'information' },
  sharedBy: (user) => `Shared by ${user}`,
  about: 'About',
  buttons: {
    share: 'Share in channel',
    otherLanguage: '日本語',
    showAllSteps: 'Show all steps',
    track: 'Track this certificate',
    postToThread: 'Post to thread',
  },
  privateKey: {
    title: '⚠️ Your paste contains a private key',
    body: 'certcheck did not store, log or show the key again. Treat it as exposed: issue a new certificate with a new key and revoke this one.',
    deleteMessage: 'It was posted in a conversation: delete that message now.',
  },
  help: {
    title: 'certcheck: Exchange certificate diagnosis',
    intro:
      'Paste an event (12014, 12015, 12017…), a certificate (PEM or Base64), `Get-ExchangeCertificate` output or a thumbprint, and get the verdict, the countdown and the exact commands to run.',
    usage: [
      '`/certcheck <paste>`: diagnose the paste (only you see the answer)',
      '`/certcheck`: open a box for a multi-line paste',
      '`/certcheck help`: this message',
      'Message menu ⋯ → *Diagnose with certcheck*: diagnose any message',
    ],
    threads:
      'Slash commands do not work in threads (Slack’s rule): mention @certcheck in the thread instead, and it answers there (about the thread’s first message if your mention has nothing to diagnose).',
    files:
      'Too long to paste? Attach the .cer, .crt, .pem, .der, .p7b or .txt file to a message that mentions @certcheck.',
    subcommands: 'Tracking:',
  },
  modal: {
    title: 'certcheck',
    submit: 'Diagnose',
    close: 'Cancel',
    label: 'Paste an event, certificate or Get-ExchangeCertificate output',
    placeholder: 'Event ID: 12014 … or -----BEGIN CERTIFICATE----- …',
    hint: 'Up to 3000 characters. For more, attach the file to a message that mentions @certcheck.',
    empty: 'Paste something to diagnose.',
  },
  errors: {
    generic: 'Sorry, something went wrong while answering. Please try again in a moment.',
    rateLimited: 'Slack is asking certcheck to slow down. Please try again in a minute.',
    notInChannel: 'certcheck cannot post in this conversation. Invite it with `/invite @certcheck` and try again.',
    expired: 'This answer can only be used for 30 minutes, and that time has passed. Run `/certcheck` again.',
    nothingFound:
      'I found nothing to diagnose. Mention me with a paste (an event, a certificate or Get-ExchangeCertificate output), or mention me in the thread of a message that has one.',
    storeUnavailable:
      'Tracking is unavailable right now: certcheck cannot reach its database. Diagnoses still work; try tracking again in a few minutes.',
    fileTooLarge: (name) => `${name} is too large to diagnose (1 MB at most).`,
    fileUnreadable: (name) => `I could not download ${name}.`,
  },
  postedToThread: 'Posted in the thread.',
  home: {
    title: 'certcheck',
    body: 'Diagnose Exchange certificate problems: use `/certcheck` in any channel, mention @certcheck in a thread, or use *Diagnose with certcheck* from a message’s ⋯ menu.',
  },
};

const ja: SlackText = {
  severity: { critical: '重大', warning: '警告', info: '情報', ok: '問題なし' },
  stepsShown: (shown, total) => `全 ${total} 手順のうち ${shown} 手順を表示しています。`,
  stepsOmitted: (omitted) =>
    `残り ${omitted} 手順は Slack の 1 メッセージに収まりません。貼り付けた内容を \`certcheck diagnose\` で確認してください。`,
  certificatesOmitted: (omitted) => `…ほか ${omitted} 件の証明書`,
  certificatesFine: (count, names) => `🟢 ほかの ${count} 件は問題ありません: ${names}`,
  references: '参考資料',
  verify: '確認',
  issuedBy: '発行者',
  thumbprint: '拇印',
  internalTransportCertificate: '内部トランスポート証明書',
  trackedVerdict: (name, countdown, status) =>
    `${name}: ${countdown} — ${
      status === 'active'
        ? 'certcheck で追跡中'
        : status === 'renewed'
          ? 'certcheck で更新済み'
          : 'certcheck で追跡解除済み'
    }`,
  exchange: (version) => (version === '2013+' ? 'Exchange 2013 以降' : `Exchange ${version}`),
  eventLevel: { error: 'エラー', warning: '警告', information: '情報' },
  sharedBy: (user) => `${user} さんが共有`,
  about: '対象',
  buttons: {
    share: 'チャンネルに共有',
    otherLanguage: 'English',
    showAllSteps: 'すべての手順を表示',
    track: 'この証明書を追跡',
    postToThread: 'スレッドに投稿',
  },
  privateKey: {
    title: '⚠️ 貼り付けた内容に秘密キーが含まれています',
    body: 'certcheck は秘密キーを保存・記録・再表示していません。このキーは漏えいしたものとして扱い、新しいキーで証明書を発行し直し、この証明書を失効させてください。',
    deleteMessage: '会話に投稿されています。そのメッセージをすぐに削除してください。',
  },
  help: {
    title: 'certcheck: Exchange 証明書の診断',
    intro:
      'イベント (12014、12015、12017 など)、証明書 (PEM または Base64)、`Get-ExchangeCertificate` の出力、拇印を貼り付けると、判定、期限までの日数、実行するコマンドを返します。',
    usage: [
      '`/certcheck <貼り付け>`: 診断します (結果はあなたにだけ表示されます)',
      '`/certcheck`: 複数行を貼り付ける入力画面を開きます',
      '`/certcheck help`: このヘルプ',
      'メッセージのメニュー ⋯ → *Diagnose with certcheck*: 任意のメッセージを診断します',
    ],
    threads:
      'スラッシュ コマンドはスレッド内では使えません (Slack の仕様)。スレッドでは @certcheck をメンションしてください。メンションに診断対象がなければ、スレッドの最初のメッセージを診断します。',
    files:
      '長すぎて貼り付けられない場合は、.cer/.crt/.pem/.der/.p7b/.txt ファイルを添付して @certcheck をメンションしてください。',
    subcommands: '追跡:',
  },
  modal: {
    title: 'certcheck',
    submit: '診断',
    close: 'キャンセル',
    label: 'イベント、証明書、Get-ExchangeCertificate の出力を貼り付け',
    placeholder: 'イベント ID: 12014 … または -----BEGIN CERTIFICATE----- …',
    hint: '3000 文字まで。それ以上はファイルを添付して @certcheck をメンションしてください。',
    empty: '診断する内容を貼り付けてください。',
  },
  errors: {
    generic: '応答中に問題が発生しました。しばらくしてからもう一度お試しください。',
    rateLimited: 'Slack から送信を控えるよう求められています。1 分ほどしてからもう一度お試しください。',
    notInChannel: 'この会話には投稿できません。`/invite @certcheck` で招待してから、もう一度お試しください。',
    expired: 'この回答は操作できる時間 (30 分) を過ぎました。もう一度 `/certcheck` を実行してください。',
    nothingFound:
      '診断できる内容が見つかりませんでした。イベント、証明書、Get-ExchangeCertificate の出力と一緒にメンションするか、それを含むメッセージのスレッドでメンションしてください。',
    storeUnavailable:
      'certcheck がデータベースに接続できないため、現在は証明書の追跡を利用できません。診断はこのまま使えます。数分後にもう一度追跡をお試しください。',
    fileTooLarge: (name) => `${name} は大きすぎて診断できません (最大 1 MB)。`,
    fileUnreadable: (name) => `${name} をダウンロードできませんでした。`,
  },
  postedToThread: 'スレッドに投稿しました。',
  home: {
    title: 'certcheck',
    body: 'Exchange の証明書の問題を診断します。チャンネルで `/certcheck` を使うか、スレッドで @certcheck をメンションするか、メッセージの ⋯ メニューから *Diagnose with certcheck* を選んでください。',
  },
};

export const slackText = { en, ja } satisfies Record<Language, SlackText>;
