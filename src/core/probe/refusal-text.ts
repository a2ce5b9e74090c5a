import type { Language } from '../model.js';

/** Why `/certcheck probe` did not connect, in English and Japanese, on the same keys. */
export interface RefusalText {
  disabled(p: { endpoint: string; target: string }): string;
  notListed(p: { endpoint: string; target: string }): string;
  resolvesOutside(p: { host: string; address: string }): string;
  unresolved(p: { host: string; detail: string }): string;
  rateLimited(p: { limit: number; seconds: number }): string;
  tooMany(p: { max: number }): string;
  usage(p: { problem?: string }): string;
}

const en: RefusalText = {
  disabled: ({ endpoint, target }) =>
    `Not probed: probing from Slack is off because PROBE_ALLOW is not set (it lists the hosts and networks certcheck may connect to). No connection was made to ${endpoint}. From a server, \`certcheck probe ${target}\` looks at it directly.`,
  notListed: ({ endpoint, target }) =>
    `Not probed: ${endpoint} is not in PROBE_ALLOW (the hosts and networks certcheck may connect to from Slack), so no connection was made. Ask the operator to add it, or run \`certcheck probe ${target}\` from a server.`,
  resolvesOutside: ({ host, address }) =>
    `Not probed: ${host} resolves to ${address}, which PROBE_ALLOW does not allow. No connection was made.`,
  unresolved: ({ host, detail }) => `Not probed: ${host} could not be resolved (${detail}).`,
  rateLimited: ({ limit, seconds }) =>
    `Not probed: at most ${limit} probe targets per person per minute. Try again in ${seconds} s.`,
  tooMany: ({ max }) =>
    `Not probed: at most ${max} endpoints in one /certcheck probe (a bare host counts as two: ports 25 and 443).`,
  usage: ({ problem }) =>
    `${problem ? `Not probed: ${problem}. ` : ''}Write \`/certcheck probe HOST[:PORT]\` or a URL such as \`smtp://mail.contoso.com\`, \`imap://…\`, \`pop3://…\`, \`https://…\` (port 25, 587, 2525: SMTP STARTTLS; 143: IMAP; 110: POP3; other ports: TLS).`,
};

const ja: RefusalText = {
  disabled: ({ endpoint, target }) =>
    `調べていません: PROBE_ALLOW (certcheck が接続してよいホストとネットワークの一覧) が設定されていないため、Slack からの確認は無効です。${endpoint} には接続していません。サーバー上で \`certcheck probe ${target}\` を実行すると直接確認できます。`,
  notListed: ({ endpoint, target }) =>
    `調べていません: ${endpoint} は PROBE_ALLOW (Slack から certcheck が接続してよいホストとネットワーク) に含まれていないため、接続していません。管理者に追加を依頼するか、サーバー上で \`certcheck probe ${target}\` を実行してください。`,
  resolvesOutside: ({ host, address }) =>
    `調べていません: ${host} は ${address} に解決されますが、このアドレスは PROBE_ALLOW で許可されていません。接続していません。`,
  unresolved: ({ host, detail }) => `調べていません: ${host} の名前解決に失敗しました (${detail})。`,
  rateLimited: ({ limit, seconds }) =>
    `調べていません: 確認できるのは 1 人あたり 1 分間に ${limit} 件までです。${seconds} 秒後にもう一度お試しください。`,
  tooMany: ({ max }) =>
    `調べていません: 1 回の /certcheck probe で確認できるのは ${max} 件までです (ホスト名だけの場合はポート 25 と 443 の 2 件です)。`,
  usage: ({ problem }) =>
    `${problem ? `調べていません: ${problem}。` : ''}\`/certcheck probe ホスト[:ポート]\` または \`smtp://mail.contoso.com\`、\`imap://…\`、\`pop3://…\`、\`https://…\` のような URL を指定してください (ポート 25、587、2525: SMTP STARTTLS、143: IMAP、110: POP3、その他のポート: TLS)。`,
};

export const refusalText: Record<Language, RefusalText> = { en, ja };
