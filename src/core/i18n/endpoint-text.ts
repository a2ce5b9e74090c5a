import type { Language } from '../model.js';

/**
 * What tracked endpoints say (CLI, Slack, digests, App Home), in English and Japanese, on the same
 * keys. Pieces come in already formatted for their surface (a thumbprint in backticks in Slack,
 * bare in a terminal).
 */
export interface EndpointText {
  presents(p: { thumbprint: string; name: string; countdown: string }): string;
  probedAt(p: { when: string }): string;
  notProbedYet: string;
  /** The last look read no certificate; `reason` is the probe's own finding. */
  nothingRead(p: { reason: string }): string;
  notAllowed(p: { endpoint: string }): string;
  alternating(p: { count: number; thumbprints: string }): string;
  stale(p: { newer: string; countdown: string; endpoint: string }): string;
  older(p: { before: string }): string;
  fromSlack: string;
  notice: {
    header: string;
    renewed(p: { endpoint: string; from: string; to: string; countdown: string }): string;
    alternating(p: { endpoint: string; count: number; thumbprints: string }): string;
    stale(p: { endpoint: string; presented: string; newer: string; countdown: string; id: string }): string;
    older(p: { endpoint: string; presented: string; before: string }): string;
    unreachable(p: { endpoint: string; reason: string }): string;
    notAllowed(p: { endpoint: string }): string;
    recovered(p: { endpoint: string; presented: string }): string;
  };
  track: {
    tracked(p: { endpoint: string; created: boolean }): string;
    unreachable(p: { reason: string }): string;
    certificateTracked(p: { thumbprint: string }): string;
    usage: string;
  };
  list: {
    title(count: number): string;
    empty: string;
  };
  untrack: {
    done(p: { endpoint: string }): string;
    notTracked(p: { endpoint: string }): string;
    alreadyUntracked(p: { endpoint: string; by: string; when: string }): string;
  };
  remind: {
    /** `remind`: what the run's looks found. */
    looked(count: number): string;
    /** `remind --dry-run`: nothing is probed; the last looks are shown. */
    lastLooks(count: number): string;
    noticeUnsent(p: { channel: string; error: string }): string;
  };
  home: {
    title: string;
    more(count: number): string;
  };
  digest: {
    title: string;
  };
}

const en: EndpointText = {
  presents: ({ thumbprint, name, countdown }) => `presents ${thumbprint} ${name} — ${countdown}`,
  probedAt: ({ when }) => `last probed ${when}`,
  notProbedYet: 'not probed yet',
  nothingRead: ({ reason }) => `no certificate read: ${reason}`,
  notAllowed: ({ endpoint }) =>
    `not probed: PROBE_ALLOW does not allow ${endpoint} now (or its name resolves outside it), so no connection was made`,
  alternating: ({ count, thumbprints }) =>
    `presents ${count} certificates in turn (${thumbprints}): servers behind a load balancer that differ; each needs the renewed certificate`,
  stale: ({ newer, countdown, endpoint }) =>
    `a newer certificate for these names is tracked (${newer}, ${countdown}), but the endpoint still presents the old one: assign the new certificate to this service on every server behind the name, then check with \`certcheck probe ${endpoint}\``,
  older: ({ before }) => `presents a certificate that expires before the one it presented earlier (${before})`,
  fromSlack: 'tracked from Slack: looked at only while PROBE_ALLOW allows it',
  notice: {
    header: 'Endpoint changes',
    renewed: ({ endpoint, from, to, countdown }) =>
      `🔁 ${endpoint} now presents a new certificate: ${from} → ${to} (${countdown}). The old one is closed as renewed and the new one is tracked in its place.`,
    alternating: ({ endpoint, count, thumbprints }) =>
      `🔀 ${endpoint} presents ${count} certificates in turn (${thumbprints}): servers behind a load balancer present different certificates. Not recorded as a renewal; each server needs the renewed certificate.`,
    stale: ({ endpoint, presented, newer, countdown, id }) =>
      `⚠️ ${endpoint} still presents ${presented}, but a newer certificate for these names is tracked: ${newer} (${countdown}). Assign the new certificate to this service on every server behind the name, then check with \`certcheck probe ${id}\`.`,
    older: ({ endpoint, presented, before }) =>
      `⚠️ ${endpoint} now presents ${presented}, which expires before the certificate it presented earlier (${before}): an older certificate is back. Not recorded as a renewal.`,
    unreachable: ({ endpoint, reason }) => `🔌 ${endpoint} could not be checked: ${reason}`,
    notAllowed: ({ endpoint }) =>
      `⛔ ${endpoint} was not checked: PROBE_ALLOW no longer allows it (or its name resolves outside it). No connection was made.`,
    recovered: ({ endpoint, presented }) => `✅ ${endpoint} answers again and presents ${presented}.`,
  },
  track: {
    tracked: ({ endpoint, created }) =>
      created
        ? `Tracking ${endpoint}: every reminder run looks at what it presents.`
        : `${endpoint} was already tracked: updated.`,
    unreachable: ({ reason }) =>
      `It could not be checked now: ${reason} It stays tracked and is looked at again on each reminder run.`,
    certificateTracked: ({ thumbprint }) => `The certificate it presents (${thumbprint}) is tracked for reminders.`,
    usage:
      'Write `/certcheck track smtp://HOST[:PORT]` (or `imap://`, `pop3://`, `smtps://`, `imaps://`, `pop3s://`, `https://HOST:PORT`, `HOST:PORT`) to track what an endpoint presents, or paste certificates after `/certcheck track`.',
  },
  list: {
    title: (count) => `Tracked endpoints (${count})`,
    empty: 'No endpoints are tracked.',
  },
  untrack: {
    done: ({ endpoint }) =>
      `Stopped tracking ${endpoint}: it is no longer looked at. The certificate it presented stays tracked; untrack it by thumbprint if it needs no more reminders.`,
    notTracked: ({ endpoint }) => `${endpoint} is not tracked.`,
    alreadyUntracked: ({ endpoint, by, when }) => `${endpoint} was already untracked by ${by} on ${when}.`,
  },
  remind: {
    looked: (count) => `${count} endpoint(s) looked at:`,
    lastLooks: (count) => `${count} endpoint(s), as last looked at (a dry run connects to nothing):`,
    noticeUnsent: ({ channel, error }) => `endpoint changes not said in ${channel}: ${error}`,
  },
  home: {
    title: 'Endpoints',
    more: (count) => `…and ${count} more endpoint(s): \`/certcheck list\` shows them all.`,
  },
  digest: {
    title: 'Endpoints reminding here',
  },
};

const ja: EndpointText = {
  presents: ({ thumbprint, name, countdown }) => `提示中の証明書 ${thumbprint} ${name} — ${countdown}`,
  probedAt: ({ when }) => `最終確認 ${when}`,
  notProbedYet: 'まだ確認していません',
  nothingRead: ({ reason }) => `証明書を読み取れませんでした: ${reason}`,
  notAllowed: ({ endpoint }) =>
    `確認していません: 現在の PROBE_ALLOW では ${endpoint} が許可されていない (または名前が許可外のアドレスに解決される) ため、接続していません`,
  alternating: ({ count, thumbprints }) =>
    `${count} 個の証明書を交互に提示しています (${thumbprints})。ロード バランサーの背後のサーバーで証明書が異なります。各サーバーに更新後の証明書が必要です`,
  stale: ({ newer, countdown, endpoint }) =>
    `同じ名前の新しい証明書 (${newer}、${countdown}) を追跡していますが、このエンドポイントはまだ古い証明書を提示しています。この名前の背後にあるすべてのサーバーで新しい証明書をこのサービスに割り当て、\`certcheck probe ${endpoint}\` で確認してください`,
  older: ({ before }) => `以前に提示していた証明書 (${before}) より早く期限切れになる証明書を提示しています`,
  fromSlack: 'Slack から追跡: PROBE_ALLOW で許可されている間だけ確認します',
  notice: {
    header: 'エンドポイントの変化',
    renewed: ({ endpoint, from, to, countdown }) =>
      `🔁 ${endpoint} が新しい証明書を提示しています: ${from} → ${to} (${countdown})。古い証明書は更新済みとして終了し、新しい証明書を代わりに追跡します。`,
    alternating: ({ endpoint, count, thumbprints }) =>
      `🔀 ${endpoint} は ${count} 個の証明書を交互に提示しています (${thumbprints})。ロード バランサーの背後のサーバーが異なる証明書を提示しています。更新としては記録していません。各サーバーに更新後の証明書が必要です。`,
    stale: ({ endpoint, presented, newer, countdown, id }) =>
      `⚠️ ${endpoint} はまだ ${presented} を提示していますが、同じ名前の新しい証明書 ${newer} (${countdown}) を追跡しています。この名前の背後にあるすべてのサーバーで新しい証明書をこのサービスに割り当て、\`certcheck probe ${id}\` で確認してください。`,
    older: ({ endpoint, presented, before }) =>
      `⚠️ ${endpoint} が提示している ${presented} は、以前に提示していた証明書 (${before}) より早く期限切れになります。古い証明書に戻っています。更新としては記録していません。`,
    unreachable: ({ endpoint, reason }) => `🔌 ${endpoint} を確認できませんでした: ${reason}`,
    notAllowed: ({ endpoint }) =>
      `⛔ ${endpoint} は確認していません: PROBE_ALLOW で許可されなくなりました (または名前が許可外のアドレスに解決されます)。接続していません。`,
    recovered: ({ endpoint, presented }) => `✅ ${endpoint} が再び応答し、${presented} を提示しています。`,
  },
  track: {
    tracked: ({ endpoint, created }) =>
      created
        ? `${endpoint} を追跡します。リマインダーを実行するたびに、提示している証明書を確認します。`
        : `${endpoint} は既に追跡しています。情報を更新しました。`,
    unreachable: ({ reason }) =>
      `現在は確認できませんでした: ${reason} 追跡は続け、リマインダーを実行するたびに再確認します。`,
    certificateTracked: ({ thumbprint }) => `提示している証明書 (${thumbprint}) をリマインダーの対象として追跡します。`,
    usage:
      '`/certcheck track smtp://ホスト[:ポート]` (または `imap://`、`pop3://`、`smtps://`、`imaps://`、`pop3s://`、`https://ホスト:ポート`、`ホスト:ポート`) と入力するとエンドポイントが提示する証明書を追跡します。証明書を追跡する場合は `/certcheck track` の後に貼り付けてください。',
  },
  list: {
    title: (count) => `追跡中のエンドポイント (${count} 件)`,
    empty: '追跡中のエンドポイントはありません。',
  },
  untrack: {
    done: ({ endpoint }) =>
      `${endpoint} の追跡を停止しました。今後は確認しません。提示していた証明書の追跡は続きます。リマインダーが不要な場合は拇印を指定して追跡を停止してください。`,
    notTracked: ({ endpoint }) => `${endpoint} は追跡していません。`,
    alreadyUntracked: ({ endpoint, by, when }) => `${endpoint} は ${when} に ${by} が既に追跡を停止しています。`,
  },
  remind: {
    looked: (count) => `確認したエンドポイント: ${count} 件`,
    lastLooks: (count) => `エンドポイント ${count} 件 (前回の確認結果。ドライランでは接続しません):`,
    noticeUnsent: ({ channel, error }) => `エンドポイントの変化を ${channel} に投稿できませんでした: ${error}`,
  },
  home: {
    title: 'エンドポイント',
    more: (count) => `…ほか ${count} 件のエンドポイント: \`/certcheck list\` ですべて表示できます。`,
  },
  digest: {
    title: 'このチャンネルに通知するエンドポイント',
  },
};

export const endpointText: Record<Language, EndpointText> = { en, ja };
