import type { Language } from '../model.js';
import type { ProbeStage } from './observation.js';

/** What a live probe says, in English and Japanese, on the same keys. */
export interface ProbeText {
  startTlsNotOffered(p: { endpoint: string; smtp: boolean }): string;
  startTlsRefused(p: { endpoint: string; reply: string }): string;
  refused(p: { endpoint: string }): string;
  timeout(p: { endpoint: string; seconds: number; stage: ProbeStage }): string;
  port25Blocked: string;
  dns(p: { host: string; detail: string }): string;
  unreachable(p: { endpoint: string; detail: string }): string;
  closed(p: { endpoint: string; stage: ProbeStage }): string;
  tlsFailed(p: { endpoint: string; detail: string }): string;
  flood(p: { endpoint: string; limit: string; stage: ProbeStage }): string;
  protocol(p: { endpoint: string; stage: ProbeStage; reply: string }): string;
  oldTls(p: { endpoint: string; version: string }): string;
  domainMismatch(p: { endpoint: string; names: string; covered: string }): string;
  /** The greeting's FQDN, as named in the mismatch message. */
  greetingName(p: { fqdn: string }): string;
  orJoin: string;
  chainPosition(p: { message: string; intermediate: boolean }): string;
  headline: {
    startTlsNotOffered(p: { endpoint: string }): string;
    unreachable(p: { endpoint: string }): string;
    oldTls(p: { endpoint: string; version: string }): string;
    domainMismatch(p: { endpoint: string; name: string }): string;
    ok(p: { endpoint: string; when: string }): string;
  };
  /** The CLI's lines about the endpoint itself. */
  label: {
    address: string;
    greeting: string;
    startTls: string;
    offered: string;
    notOffered: string;
    implicit: string;
    tls: string;
    chain: string;
    leaf: string;
    intermediate: string;
    root: string;
  };
}

const STAGE_EN: Record<ProbeStage, string> = {
  connect: 'while connecting',
  greeting: 'before its greeting',
  capabilities: 'while listing its capabilities',
  starttls: 'while starting TLS',
  handshake: 'during the TLS handshake',
};

const STAGE_JA: Record<ProbeStage, string> = {
  connect: '接続中に',
  greeting: 'グリーティングの前に',
  capabilities: '機能一覧の取得中に',
  starttls: 'STARTTLS の開始中に',
  handshake: 'TLS ハンドシェイク中に',
};

const en: ProbeText = {
  startTlsNotOffered: ({ endpoint, smtp }) =>
    smtp
      ? `${endpoint} does not offer STARTTLS: senders that require TLS (Exchange Online among them) cannot deliver, and their mail queues or bounces. Exchange stops offering STARTTLS on a receive connector when no valid certificate covers the connector's FQDN (event 12014).`
      : `${endpoint} does not offer STARTTLS: mail clients must send passwords in clear text or cannot connect at all.`,
  startTlsRefused: ({ endpoint, reply }) =>
    `${endpoint} advertises STARTTLS but refused to start it: “${reply}”. Senders that require TLS cannot deliver.`,
  refused: ({ endpoint }) => `Nothing accepts connections on ${endpoint} (connection refused).`,
  timeout: ({ endpoint, seconds, stage }) =>
    `${endpoint} did not answer within ${seconds} s (timed out ${STAGE_EN[stage]}).`,
  port25Blocked:
    'Many networks (home and office ISPs, most clouds) block outbound port 25: probe from a server that sends mail before concluding that the server is down.',
  dns: ({ host, detail }) => `${host} could not be resolved (${detail}).`,
  unreachable: ({ endpoint, detail }) => `${endpoint} cannot be reached from here (${detail}).`,
  closed: ({ endpoint, stage }) => `${endpoint} closed the connection ${STAGE_EN[stage]}.`,
  tlsFailed: ({ endpoint, detail }) =>
    `The TLS handshake with ${endpoint} failed (${detail}): no client can read its certificate either.`,
  flood: ({ endpoint, limit, stage }) =>
    `${endpoint} sent more than ${limit} ${STAGE_EN[stage]} without finishing its answer: certcheck stopped reading. The server is broken or not what it claims to be.`,
  protocol: ({ endpoint, stage, reply }) =>
    `${endpoint} answered “${reply}” ${STAGE_EN[stage]}, which is not what its protocol expects.`,
  oldTls: ({ endpoint, version }) =>
    `The best ${endpoint} offers is ${version}. Current Windows, browsers and Exchange Online refuse TLS 1.0 and 1.1: enable TLS 1.2 on the server.`,
  domainMismatch: ({ endpoint, names, covered }) =>
    `The certificate presented on ${endpoint} covers neither ${names} (it covers: ${covered}). Clients and servers that check the name reject it.`,
  greetingName: ({ fqdn }) => `${fqdn} (the FQDN in its greeting)`,
  orJoin: ' nor ',
  chainPosition: ({ message, intermediate }) =>
    intermediate
      ? `Intermediate certificate in the presented chain: ${message} Clients that check the chain reject the server's certificate until the server presents a valid intermediate.`
      : `Root certificate in the presented chain: ${message}`,
  headline: {
    startTlsNotOffered: ({ endpoint }) => `${endpoint} does not offer STARTTLS`,
    unreachable: ({ endpoint }) => `${endpoint} could not be probed`,
    oldTls: ({ endpoint, version }) => `${endpoint} speaks only ${version}`,
    domainMismatch: ({ endpoint, name }) => `The certificate on ${endpoint} does not cover ${name}`,
    ok: ({ endpoint, when }) => `${endpoint} is fine: its certificate ${when}`,
  },
  label: {
    address: 'address',
    greeting: 'greeting',
    startTls: 'STARTTLS',
    offered: 'offered',
    notOffered: 'not offered',
    implicit: 'TLS from the first byte',
    tls: 'TLS',
    chain: 'Chain as presented',
    leaf: 'server',
    intermediate: 'intermediate',
    root: 'root',
  },
};

const ja: ProbeText = {
  startTlsNotOffered: ({ endpoint, smtp }) =>
    smtp
      ? `${endpoint} は STARTTLS を提供していません。TLS を必須とする送信元 (Exchange Online を含む) は配信できず、メールはキューに滞留するか配信不能になります。Exchange は、受信コネクタの FQDN を含む有効な証明書がないとき、そのコネクタで STARTTLS を提供しなくなります (イベント 12014)。`
      : `${endpoint} は STARTTLS を提供していません。メール クライアントはパスワードを平文で送るか、接続できません。`,
  startTlsRefused: ({ endpoint, reply }) =>
    `${endpoint} は STARTTLS を通知していますが、開始を拒否しました: 「${reply}」。TLS を必須とする送信元は配信できません。`,
  refused: ({ endpoint }) => `${endpoint} で接続を受け付けるものがありません (接続拒否)。`,
  timeout: ({ endpoint, seconds, stage }) =>
    `${endpoint} は ${seconds} 秒以内に応答しませんでした (${STAGE_JA[stage]}タイムアウト)。`,
  port25Blocked:
    '多くのネットワーク (家庭やオフィスの ISP、ほとんどのクラウド) は送信方向のポート 25 をブロックしています。サーバーの停止と判断する前に、メールを送信しているサーバーから確認してください。',
  dns: ({ host, detail }) => `${host} の名前解決に失敗しました (${detail})。`,
  unreachable: ({ endpoint, detail }) => `ここから ${endpoint} に到達できません (${detail})。`,
  closed: ({ endpoint, stage }) => `${endpoint} が${STAGE_JA[stage]}接続を閉じました。`,
  tlsFailed: ({ endpoint, detail }) =>
    `${endpoint} との TLS ハンドシェイクに失敗しました (${detail})。どのクライアントも証明書を読み取れません。`,
  flood: ({ endpoint, limit, stage }) =>
    `${endpoint} は${STAGE_JA[stage]} ${limit} を超えるデータを送り、応答を終えませんでした。certcheck は読み取りを中止しました。サーバーが故障しているか、想定と異なるサーバーです。`,
  protocol: ({ endpoint, stage, reply }) =>
    `${endpoint} は${STAGE_JA[stage]}「${reply}」と応答しました。プロトコルが想定する応答ではありません。`,
  oldTls: ({ endpoint, version }) =>
    `${endpoint} が提供する最も新しいプロトコルは ${version} です。現在の Windows、ブラウザー、Exchange Online は TLS 1.0 と 1.1 を拒否します。サーバーで TLS 1.2 を有効にしてください。`,
  domainMismatch: ({ endpoint, names, covered }) =>
    `${endpoint} で提示された証明書は ${names} のいずれも含んでいません (含まれる名前: ${covered})。名前を確認するクライアントやサーバーはこの証明書を拒否します。`,
  greetingName: ({ fqdn }) => `${fqdn} (グリーティングの FQDN)`,
  orJoin: '、',
  chainPosition: ({ message, intermediate }) =>
    intermediate
      ? `提示されたチェーンの中間証明書: ${message}サーバーが有効な中間証明書を提示するまで、チェーンを検証するクライアントはサーバーの証明書を拒否します。`
      : `提示されたチェーンのルート証明書: ${message}`,
  headline: {
    startTlsNotOffered: ({ endpoint }) => `${endpoint} は STARTTLS を提供していません`,
    unreachable: ({ endpoint }) => `${endpoint} を調べられませんでした`,
    oldTls: ({ endpoint, version }) => `${endpoint} は ${version} しか使えません`,
    domainMismatch: ({ endpoint, name }) => `${endpoint} の証明書に ${name} が含まれていません`,
    ok: ({ endpoint, when }) => `${endpoint} は問題ありません: 証明書は ${when}`,
  },
  label: {
    address: 'アドレス',
    greeting: 'グリーティング',
    startTls: 'STARTTLS',
    offered: '提供あり',
    notOffered: '提供なし',
    implicit: '最初から TLS',
    tls: 'TLS',
    chain: '提示されたチェーン',
    leaf: 'サーバー',
    intermediate: '中間',
    root: 'ルート',
  },
};

export const probeText: Record<Language, ProbeText> = { en, ja };
