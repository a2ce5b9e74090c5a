import type { Language } from '../model.js';

/** Every string tracking and reminders show (Slack and CLI), in English and Japanese. */
export interface TrackingText {
  digest: {
    header: (count: number) => string;
    /** A digest redrawn after every certificate in it was snoozed, renewed or untracked. */
    allHandled: string;
    part: (part: number, parts: number) => string;
    fallback: (count: number, first: string) => string;
    nextRun: (when: string) => string;
    listHint: string;
    estimated: string;
    firstReminder: (threshold: number) => string;
    dailyAfterExpiry: string;
    more: (count: number) => string;
  };
  notes: {
    snoozed: (until: string, by: string) => string;
    renewed: (by: string) => string;
    untracked: (by: string) => string;
    someone: string;
  };
  buttons: {
    snooze1d: string;
    snooze1w: string;
    markRenewed: string;
    showSteps: string;
    untrack: string;
  };
  badges: { expired: string; critical: string; soon: string; fine: string };
  home: {
    title: string;
    summary: (counts: { expired: number; critical: number; soon: number; fine: number }) => string;
    empty: string;
    more: (count: number) => string;
  };
  list: {
    title: (count: number) => string;
    empty: string;
    channel: (channel: string) => string;
    noChannel: string;
    owner: (owner: string) => string;
  };
  track: {
    tracked: (count: number) => string;
    updated: string;
    added: string;
    noCertificate: string;
    /** A Get-ExchangeCertificate table: thumbprints and subjects, but no dates to remind about. */
    tableHasNoDates: string;
    skippedWmsvc: string;
    skippedNoThumbprint: (subject: string) => string;
    skippedNoExpiry: (subject: string) => string;
    remindIn: (channel: string) => string;
    noChannel: string;
    /** `/certcheck track` in a DM with no REMINDER_CHANNEL: the bot cannot post there. */
    dmNoChannel: string;
    usage: string;
  };
  untrack: {
    done: (subject: string) => string;
    notTracked: (thumbprint: string) => string;
    usage: string;
    /** Already closed: who did it, and when. */
    alreadyUntracked: (subject: string, by: string, when: string) => string;
    alreadyRenewed: (subject: string, by: string, when: string) => string;
    /** A prefix shorter than 8 hex digits: too likely to match the wrong certificate. */
    tooShort: (prefix: string) => string;
    /** A prefix several tracked certificates share: the matches follow, one per line. */
    ambiguous: (prefix: string) => string;
  };
  remind: {
    sent: (count: number) => string;
    /** --dry-run: what a run would send now. */
    due: (count: number) => string;
    /** A due reminder with neither its own channel nor REMINDER_CHANNEL. */
    noChannel: string;
    notSent: (thumbprint: string, channel: string | null, error: string) => string;
    /** The heading of the due reminders a run did not send (no channel, or Slack refused). */
    unsent: (count: number) => string;
    /** Due reminders another run (a replica, another `remind`) claimed at the same moment: it sends them. */
    skipped: (count: number) => string;
  };
  snoozed: (subject: string, until: string) => string;
  /**
   * The name stored for a certificate known only from its thumbprint (event 12017): what it is,
   * with the server that logged it in parentheses, so that it never reads as a real subject.
   */
  unnamedSubject: (servers: readonly string[]) => string;
  /** The close button of the track and mark-renewed modals. */
  modalClose: string;
  described: {
    title: string;
    /** The heading for a certificate no longer tracked (renewed or untracked). */
    record: string;
    services: string;
    servers: string;
    channel: string;
    owner: string;
    addedBy: (who: string, when: string) => string;
    status: Record<'active' | 'renewed' | 'untracked', string>;
    renewedTo: (thumbprint: string) => string;
    untrackedBy: (who: string, when: string) => string;
    renewedBy: (who: string, when: string) => string;
  };
  renewModal: {
    title: string;
    label: string;
    hint: string;
    submit: string;
    intro: (subject: string) => string;
    nothingFound: string;
    /** The pasted certificate or thumbprint is the old one itself. */
    sameCertificate: string;
    /** A second submission (two admins): who renewed it first, and to what. */
    alreadyRenewed: (by: string, newThumbprint: string) => string;
    done: (oldSubject: string, newThumbprint: string) => string;
    /** A thumbprint alone: the renewal is recorded, but there is no expiry to remind about. */
    recorded: (oldSubject: string, newThumbprint: string) => string;
  };
  steps: {
    title: (subject: string) => string;
    verify: string;
  };
  trackModal: {
    title: string;
    submit: string;
    channelLabel: string;
  };
  /** A tracking button pressed on a certificate that is not (or no longer) tracked. */
  notTracked: {
    never: (subject: string) => string;
    untracked: (subject: string) => string;
    /** Renewed, and the new certificate is tracked. */
    renewed: (subject: string) => string;
    /** Renewed by a thumbprint only (or the new one untracked since): nothing replaces it. */
    renewedNotReplaced: (subject: string) => string;
    howTo: string;
  };
}

export const trackingText = {
  en: {
    digest: {
      header: (count) => `Certificate reminders — ${count} need${count === 1 ? 's' : ''} attention`,
      allHandled: 'Certificate reminders — all handled',
      part: (part, parts) => `(${part} of ${parts})`,
      fallback: (count, first) =>
        `Certificate reminders: ${count} need${count === 1 ? 's' : ''} attention. Most urgent: ${first}`,
      nextRun: (when) => `Next reminder for these: ${when}`,
      listHint: '`/certcheck list` for everything tracked',
      estimated: 'estimated from an event',
      firstReminder: (threshold) => (threshold === 0 ? 'last day' : `${threshold}-day reminder`),
      dailyAfterExpiry: 'daily until renewed or untracked',
      more: (count) => `…and ${count} more in the next message`,
    },
    notes: {
      snoozed: (until, by) => `snoozed until ${until} by ${by}`,
      renewed: (by) => `marked renewed by ${by}`,
      untracked: (by) => `untracked by ${by}`,
      someone: 'someone',
    },
    buttons: {
      snooze1d: 'Snooze 1 day',
      snooze1w: 'Snooze 1 week',
      markRenewed: 'Mark renewed',
      showSteps: 'Show steps',
      untrack: 'Untrack',
    },
    badges: { expired: 'expired', critical: '≤ 7 days', soon: '≤ 30 days', fine: 'fine' },
    home: {
      title: 'Tracked certificates',
      summary: (c) => `${c.expired} expired · ${c.critical} within 7 days · ${c.soon} within 30 days · ${c.fine} fine`,
      empty:
        'Nothing tracked yet. Paste a certificate or `Get-ExchangeCertificate | fl` output to `/certcheck track`, or press *Track this certificate* on a diagnosis.',
      more: (count) => `…and ${count} more: \`/certcheck list\` shows them all.`,
    },
    list: {
      title: (count) => `Tracked certificates (${count})`,
      empty: 'Nothing is tracked. `/certcheck track <paste>` adds certificates.',
      channel: (channel) => `reminders in ${channel}`,
      noChannel: 'no reminder channel',
      owner: (owner) => `owner ${owner}`,
    },
    track: {
      tracked: (count) => `Tracking ${count} certificate${count === 1 ? '' : 's'}.`,
      updated: 'updated',
      added: 'added',
      noCertificate:
        'No certificate with a thumbprint and an expiry date in the paste: paste the PEM, `Get-ExchangeCertificate | fl` output, or a 12017/12018 event.',
      tableHasNoDates:
        'The Get-ExchangeCertificate table view has no expiry dates: paste the output of `Get-ExchangeCertificate | fl` instead.',
      skippedWmsvc: 'Skipped the WMSvc certificate (IIS management service); add --include-wmsvc to track it.',
      skippedNoThumbprint: (subject) => `Skipped ${subject}: the paste does not give its thumbprint.`,
      skippedNoExpiry: (subject) => `Skipped ${subject}: the paste does not give its expiry date.`,
      remindIn: (channel) => `Reminders go to ${channel}.`,
      noChannel: 'No reminder channel: pass --channel or set REMINDER_CHANNEL.',
      dmNoChannel: 'Reminders need a channel: track it from a channel, or set REMINDER_CHANNEL.',
      usage: 'Usage: `/certcheck track` followed by a pasted certificate or `Get-ExchangeCertificate | fl` output.',
    },
    untrack: {
      done: (subject) => `No longer tracking ${subject}.`,
      notTracked: (thumbprint) => `${thumbprint} is not tracked.`,
      usage: 'Usage: `/certcheck untrack <thumbprint>`',
      alreadyUntracked: (subject, by, when) => `${subject} is already untracked by ${by} on ${when}.`,
      alreadyRenewed: (subject, by, when) => `${subject} is no longer tracked: marked renewed by ${by} on ${when}.`,
      tooShort: (prefix) =>
        `\`${prefix}\` is too short to tell certificates apart: paste the full thumbprint (or at least its first 8 digits).`,
      ambiguous: (prefix) => `Several tracked certificates start with \`${prefix}\`: paste the full thumbprint of one.`,
    },
    remind: {
      sent: (count) => `${count} reminder${count === 1 ? '' : 's'} sent`,
      due: (count) => `${count} reminder${count === 1 ? '' : 's'} due (dry run: nothing sent)`,
      noChannel: 'no channel (set REMINDER_CHANNEL or track --channel)',
      notSent: (thumbprint, channel, error) => `not sent: ${thumbprint}${channel ? ` ${channel}` : ''}: ${error}`,
      unsent: (count) => `${count} not sent`,
      skipped: (count) =>
        `${count} reminder${count === 1 ? '' : 's'} skipped: another run claimed ${count === 1 ? 'it' : 'them'} at the same time and sends ${count === 1 ? 'it' : 'them'}`,
    },
    snoozed: (subject, until) => `Snoozed ${subject} until ${until}.`,
    unnamedSubject: (servers) =>
      `Internal transport certificate${servers.length > 0 ? ` (${servers.join(', ')})` : ''}`,
    modalClose: 'Cancel',
    described: {
      title: 'Tracked by certcheck',
      record: 'certcheck tracking record',
      services: 'Services',
      servers: 'Server',
      channel: 'Reminders',
      owner: 'Owner',
      addedBy: (who, when) => `Tracked by ${who} on ${when}`,
      status: { active: 'tracked', renewed: 'renewed', untracked: 'no longer tracked' },
      renewedTo: (thumbprint) => `Renewed: the new certificate is \`${thumbprint}\``,
      untrackedBy: (who, when) => `Untracked by ${who} on ${when}`,
      renewedBy: (who, when) => `Marked renewed by ${who} on ${when}`,
    },
    renewModal: {
      title: 'Mark renewed',
      label: 'New certificate or thumbprint',
      hint: 'Paste the new certificate (PEM or Get-ExchangeCertificate | fl) or its 40-digit thumbprint.',
      submit: 'Save',
      intro: (subject) => `Renewing *${subject}*: the old certificate stops being reminded, the new one is tracked.`,
      nothingFound: 'No certificate or thumbprint found in this paste.',
      sameCertificate: 'That is the same certificate — paste the new one.',
      alreadyRenewed: (by, newThumbprint) => `Already marked renewed by ${by} → \`${newThumbprint}\`.`,
      done: (oldSubject, newThumbprint) => `${oldSubject} marked renewed; now tracking \`${newThumbprint}\`.`,
      recorded: (oldSubject, newThumbprint) =>
        `${oldSubject} marked renewed (\`${newThumbprint}\`): renewal recorded; paste the new certificate to have it reminded.`,
    },
    steps: {
      title: (subject) => `Renewing ${subject}`,
      verify: 'Once the new certificate is in use, press *Mark renewed* on the reminder or in App Home.',
    },
    trackModal: {
      title: 'Track certificates',
      submit: 'Track',
      channelLabel: 'Send reminders to',
    },
    notTracked: {
      never: (subject) => `${subject} is not tracked.`,
      untracked: (subject) => `${subject} is no longer tracked: it was untracked.`,
      renewed: (subject) =>
        `${subject} is no longer tracked: it was marked renewed, and its replacement is tracked instead.`,
      renewedNotReplaced: (subject) =>
        `${subject} is no longer tracked: it was marked renewed, and its replacement is not tracked.`,
      howTo:
        'To track it, paste the certificate or its `Get-ExchangeCertificate | fl` output after `/certcheck track`, or press *Track this certificate* on a diagnosis.',
    },
  },
  ja: {
    digest: {
      header: (count) => `証明書リマインダー — 対応が必要な証明書 ${count} 件`,
      allHandled: '証明書リマインダー — すべて対応済み',
      part: (part, parts) => `(${part}/${parts})`,
      fallback: (count, first) => `証明書リマインダー: 対応が必要な証明書 ${count} 件。最も緊急: ${first}`,
      nextRun: (when) => `次回のリマインダー: ${when}`,
      listHint: '追跡中の一覧は `/certcheck list`',
      estimated: 'イベントからの推定',
      firstReminder: (threshold) => (threshold === 0 ? '最終日' : `期限 ${threshold} 日前のリマインダー`),
      dailyAfterExpiry: '更新または追跡解除まで毎日',
      more: (count) => `…ほか ${count} 件は次のメッセージに`,
    },
    notes: {
      snoozed: (until, by) => `${until} まで再通知を一時停止 (${by})`,
      renewed: (by) => `${by} が更新済みにしました`,
      untracked: (by) => `${by} が追跡を解除しました`,
      someone: '誰か',
    },
    buttons: {
      snooze1d: '1 日後に再通知',
      snooze1w: '1 週間後に再通知',
      markRenewed: '更新済みにする',
      showSteps: '手順を表示',
      untrack: '追跡解除',
    },
    badges: { expired: '期限切れ', critical: '7 日以内', soon: '30 日以内', fine: '問題なし' },
    home: {
      title: '追跡中の証明書',
      summary: (c) => `期限切れ ${c.expired} · 7 日以内 ${c.critical} · 30 日以内 ${c.soon} · 問題なし ${c.fine}`,
      empty:
        'まだ何も追跡していません。証明書や `Get-ExchangeCertificate | fl` の出力を `/certcheck track` に貼り付けるか、診断結果の *この証明書を追跡* を押してください。',
      more: (count) => `…ほか ${count} 件。すべては \`/certcheck list\` で表示できます。`,
    },
    list: {
      title: (count) => `追跡中の証明書 (${count} 件)`,
      empty: '追跡中の証明書はありません。`/certcheck track <貼り付け>` で追加できます。',
      channel: (channel) => `通知先 ${channel}`,
      noChannel: '通知先なし',
      owner: (owner) => `担当 ${owner}`,
    },
    track: {
      tracked: (count) => `${count} 件の証明書を追跡します。`,
      updated: '更新',
      added: '追加',
      noCertificate:
        '貼り付けに拇印と有効期限のある証明書がありません。PEM、`Get-ExchangeCertificate | fl` の出力、または 12017/12018 イベントを貼り付けてください。',
      tableHasNoDates:
        'Get-ExchangeCertificate の表形式の出力には有効期限がありません。代わりに `Get-ExchangeCertificate | fl` の出力を貼り付けてください。',
      skippedWmsvc: 'WMSvc 証明書 (IIS 管理サービス) は除外しました。追跡するには --include-wmsvc を付けてください。',
      skippedNoThumbprint: (subject) => `${subject} は拇印が分からないため除外しました。`,
      skippedNoExpiry: (subject) => `${subject} は有効期限が分からないため除外しました。`,
      remindIn: (channel) => `リマインダーの通知先: ${channel}`,
      noChannel: '通知先がありません。--channel を指定するか REMINDER_CHANNEL を設定してください。',
      dmNoChannel:
        'リマインダーにはチャンネルが必要です。チャンネルから追跡するか、REMINDER_CHANNEL を設定してください。',
      usage: '使い方: `/certcheck track` の後に証明書か `Get-ExchangeCertificate | fl` の出力を貼り付けます。',
    },
    untrack: {
      done: (subject) => `${subject} の追跡を解除しました。`,
      notTracked: (thumbprint) => `${thumbprint} は追跡されていません。`,
      usage: '使い方: `/certcheck untrack <拇印>`',
      alreadyUntracked: (subject, by, when) => `${subject} は ${when} に ${by} が既に追跡を解除しています。`,
      alreadyRenewed: (subject, by, when) =>
        `${subject} はもう追跡されていません (${when} に ${by} が更新済みに設定)。`,
      tooShort: (prefix) =>
        `\`${prefix}\` では証明書を区別できません。拇印全体 (少なくとも先頭 8 桁) を貼り付けてください。`,
      ambiguous: (prefix) =>
        `\`${prefix}\` で始まる追跡中の証明書が複数あります。どれか 1 つの拇印全体を貼り付けてください。`,
    },
    remind: {
      sent: (count) => `${count} 件のリマインダーを送信しました`,
      due: (count) => `送信予定のリマインダー ${count} 件 (--dry-run: 何も送信していません)`,
      noChannel: '通知先がありません (REMINDER_CHANNEL を設定するか track --channel を指定してください)',
      notSent: (thumbprint, channel, error) =>
        `送信できませんでした: ${thumbprint}${channel ? ` ${channel}` : ''}: ${error}`,
      unsent: (count) => `送信できなかったリマインダー ${count} 件`,
      skipped: (count) => `${count} 件のリマインダーをスキップしました (同時に実行された別の実行が送信します)`,
    },
    snoozed: (subject, until) => `${subject} の再通知を ${until} まで一時停止しました。`,
    unnamedSubject: (servers) => `内部トランスポート証明書${servers.length > 0 ? ` (${servers.join(', ')})` : ''}`,
    modalClose: 'キャンセル',
    described: {
      title: 'certcheck で追跡中',
      record: 'certcheck の追跡情報',
      services: 'サービス',
      servers: 'サーバー',
      channel: '通知先',
      owner: '担当',
      addedBy: (who, when) => `${when} に ${who} が追加`,
      status: { active: '追跡中', renewed: '更新済み', untracked: '追跡解除済み' },
      renewedTo: (thumbprint) => `更新済み: 新しい証明書は \`${thumbprint}\``,
      untrackedBy: (who, when) => `${when} に ${who} が追跡を解除`,
      renewedBy: (who, when) => `${when} に ${who} が更新済みに設定`,
    },
    renewModal: {
      title: '更新済みにする',
      label: '新しい証明書または拇印',
      hint: '新しい証明書 (PEM か Get-ExchangeCertificate | fl) または 40 桁の拇印を貼り付けてください。',
      submit: '保存',
      intro: (subject) => `*${subject}* を更新: 古い証明書のリマインダーは止まり、新しい証明書を追跡します。`,
      nothingFound: 'この貼り付けには証明書も拇印も見つかりません。',
      sameCertificate: 'これは同じ証明書です。新しい証明書を貼り付けてください。',
      alreadyRenewed: (by, newThumbprint) => `${by} が既に更新済みにしています → \`${newThumbprint}\``,
      done: (oldSubject, newThumbprint) => `${oldSubject} を更新済みにしました。\`${newThumbprint}\` を追跡します。`,
      recorded: (oldSubject, newThumbprint) =>
        `${oldSubject} を更新済みにしました (\`${newThumbprint}\`)。更新を記録しました。リマインダーを受けるには新しい証明書を貼り付けてください。`,
    },
    steps: {
      title: (subject) => `${subject} の更新`,
      verify: '新しい証明書が使われるようになったら、リマインダーか App ホームで *更新済みにする* を押してください。',
    },
    trackModal: {
      title: '証明書を追跡',
      submit: '追跡',
      channelLabel: 'リマインダーの通知先',
    },
    notTracked: {
      never: (subject) => `${subject} は追跡されていません。`,
      untracked: (subject) => `${subject} はもう追跡されていません (追跡解除済み)。`,
      renewed: (subject) =>
        `${subject} はもう追跡されていません。更新済みになり、代わりに新しい証明書を追跡しています。`,
      renewedNotReplaced: (subject) =>
        `${subject} はもう追跡されていません。更新済みになりましたが、新しい証明書は追跡されていません。`,
      howTo:
        '追跡するには、証明書か `Get-ExchangeCertificate | fl` の出力を `/certcheck track` に続けて貼り付けるか、診断結果の *この証明書を追跡* を押してください。',
    },
  },
} satisfies Record<Language, TrackingText>;

/** Sentences joined: a space after English punctuation, none after 「。」. */
export function sentences(...parts: readonly string[]): string {
  return parts
    .filter((p) => p !== '')
    .reduce((text, part) => (text === '' ? part : /[。！？]$/.test(text) ? `${text}${part}` : `${text} ${part}`), '');
}
