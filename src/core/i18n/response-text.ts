import type { Language } from '../model.js';

/**
 * What certcheck says of queue and NDR responses, of management-task errors, of error lines it does
 * not know, and of a question that shows nothing to diagnose yet.
 */
export interface ResponseText {
  remoteValidation(p: { peer?: string; domain?: string; queue?: string }): string;
  connectionDropped(p: { peer?: string; domain?: string; response: string }): string;
  /** The same failure beside a certificate problem of the server whose queue it is: likely its consequence. */
  connectionAfterCertificate(p: { peer?: string; server?: string; response: string }): string;
  smtpNotEnabled(p: { name?: string; hcw: boolean }): string;
  /** `listed`: the paste already lists the certificates, so only the error's own context is asked for. */
  errorNotUnderstood(p: { line: string; listed?: boolean }): string;
  askListing(): string;
  notCapi(p: { edge: boolean }): string;
  edgeDuplicate(p: { thumbprint?: string }): string;
}

const en: ResponseText = {
  remoteValidation: ({ peer, domain, queue }) =>
    `${queue ? `Queue ${queue}` : 'Delivery'}${domain ? ` to ${domain}` : ''} fails with 454 4.7.5 Certificate validation failure: this server could not validate the certificate that ${peer ?? 'the next hop'} presented, on a hop that requires a valid one (domain security or forced TLS). Nothing is wrong with your own certificate: check the remote certificate (expiry, name, chain) and that this server can reach its CRL, and change no local certificate or connector.`,
  connectionDropped: ({ peer, domain, response }) =>
    `${domain ? `Mail to ${domain}` : 'A queue'} fails with ${response} (SocketError)${peer ? ` at ${peer}` : ''}: the connection itself failed or was cut (network, firewall, the remote server, or a TLS version neither side accepts). This is not a certificate problem; no certificate change helps.`,
  connectionAfterCertificate: ({ peer, server, response }) =>
    `Mail${server ? ` from ${server}` : ''}${peer ? ` to ${peer}` : ''} waits in the queue with ${response} (the connection was dropped during the SMTP conversation). With the certificate problem above on the same server this is most likely its consequence: the TLS handshake between the servers fails and the other side drops the connection. Fix the certificate first, then retry the queue; only if it still fails afterwards, look at the network between the servers.`,
  smtpNotEnabled: ({ name, hcw }) =>
    `${hcw ? 'The Hybrid Configuration Wizard failed at mail flow: ' : ''}Set-SendConnector refused the certificate${name ? ` ${name}` : ''} because it is not enabled for SMTP. Enable it for SMTP (answer N to the overwrite prompt), then ${hcw ? 're-run the wizard' : 'set the connector again'}; no new certificate is needed.`,
  errorNotUnderstood: ({ line, listed }) =>
    `The paste holds an error certcheck does not know: "${line}". What else the paste shows may be fine, but this error is not explained. Paste the full error with the command that gave it${listed ? '' : ', and the output of Get-ExchangeCertificate | fl Thumbprint,Subject,Services,NotAfter,Status'}.`,
  askListing: () =>
    'The question is about a certificate, but the paste shows none yet. The commands below list every certificate and the transport certificate events; they change nothing. Paste their output to get the fix for your servers.',
  notCapi: ({ edge }) =>
    `${edge ? 'The Edge subscription refused the default SMTP certificate' : 'Exchange refused to make this certificate the internal transport certificate'}: its key is a CNG key, and EdgeSync and the Edge subscription accept only CAPI certificates. A new self-signed certificate made with New-ExchangeCertificate has a CAPI key: make one for the server's own names and answer Y, so that it becomes the internal transport certificate${edge ? ', then subscribe the Edge again' : ''}. The CA certificate stays for what it serves.`,
  edgeDuplicate: ({ thumbprint }) =>
    `The Edge's internal transport (direct trust) certificate${thumbprint ? ` ${thumbprint}` : ''} is the same as a Hub Transport server's: the certificate was copied with its key to the Edge and made the default there. Edge and Hub must each have their own. On the Edge, make a new self-signed certificate (answer Y) and subscribe the Edge again; the Hub keeps its certificate.`,
};

const ja: ResponseText = {
  remoteValidation: ({ peer, domain, queue }) =>
    `${queue ? `キュー ${queue}` : '配信'}${domain ? ` (宛先 ${domain})` : ''} が 454 4.7.5 Certificate validation failure で失敗しています。有効な証明書が必要なホップ (ドメイン セキュリティまたは TLS の強制) で、${peer ?? '次ホップ'} が提示した証明書をこのサーバーが検証できませんでした。こちらの証明書に問題はありません。相手の証明書 (有効期限、名前、チェーン) と、このサーバーからその CRL に到達できるかを確認し、こちらの証明書やコネクタは変更しないでください。`,
  connectionDropped: ({ peer, domain, response }) =>
    `${domain ? `${domain} 宛てのメール` : 'キュー'}が ${response} (SocketError)${peer ? ` (${peer})` : ''} で失敗しています。接続そのものが失敗したか切断されました (ネットワーク、ファイアウォール、相手のサーバー、または双方が受け付けない TLS バージョン)。証明書の問題ではなく、証明書を変更しても解決しません。`,
  connectionAfterCertificate: ({ peer, server, response }) =>
    `${server ? `${server} から ` : ''}${peer ? `${peer} 宛ての` : ''}メールが ${response} でキューに滞留しています (SMTP のやり取りの途中で接続が切断されています)。同じサーバーに上記の証明書の問題があるため、その結果である可能性が高いです。サーバー間の TLS ハンドシェイクが失敗し、相手側が接続を切断しています。先に証明書を直してからキューを再試行してください。それでも失敗する場合に限り、サーバー間のネットワークを確認します。`,
  smtpNotEnabled: ({ name, hcw }) =>
    `${hcw ? 'ハイブリッド構成ウィザードがメール フローの構成で失敗しました。' : ''}証明書${name ? ` ${name}` : ''}が SMTP に割り当てられていないため、Set-SendConnector が拒否しました。SMTP に割り当て (上書き確認には N)、${hcw ? 'ウィザードを再実行' : 'コネクタをもう一度設定'}してください。新しい証明書は不要です。`,
  errorNotUnderstood: ({ line, listed }) =>
    `貼り付けに certcheck が認識できないエラーがあります:「${line}」。貼り付けのほかの部分に問題がなくても、このエラーの原因はわかっていません。エラーの全文とそれを出したコマンド${listed ? '' : '、および Get-ExchangeCertificate | fl Thumbprint,Subject,Services,NotAfter,Status の出力'}を貼り付けてください。`,
  askListing: () =>
    '証明書についての質問ですが、貼り付けにはまだ証明書が含まれていません。下のコマンドですべての証明書とトランスポート証明書のイベントを一覧できます (何も変更しません)。その出力を貼り付けると、サーバーに合わせた対処を示します。',
  notCapi: ({ edge }) =>
    `${edge ? 'エッジ サブスクリプションが既定の SMTP 証明書を拒否しました' : 'Exchange はこの証明書を内部トランスポート証明書にすることを拒否しました'}。キーが CNG キーで、EdgeSync とエッジ サブスクリプションは CAPI 証明書しか受け付けません。New-ExchangeCertificate で作成した自己署名証明書のキーは CAPI です。サーバー自身の名前で作成し、上書き確認に Y と答えて内部トランスポート証明書にしてください${edge ? '。その後エッジをもう一度サブスクライブします' : ''}。CA の証明書は今使われている用途にそのまま残します。`,
  edgeDuplicate: ({ thumbprint }) =>
    `エッジの内部トランスポート (ダイレクト トラスト) 証明書${thumbprint ? ` ${thumbprint}` : ''}がハブ トランスポート サーバーのものと同じです。証明書が秘密キーごとエッジにコピーされ、既定に設定されています。エッジとハブはそれぞれ自分の証明書が必要です。エッジで新しい自己署名証明書を作成し (Y と答えます)、エッジをもう一度サブスクライブしてください。ハブの証明書はそのままです。`,
};

export const responseText: Record<Language, ResponseText> = { en, ja };
