import type { LibraryStep } from './library-model.js';
import { CA_IMPORT_COMMAND } from './steps-ca.js';

/**
 * A certificate refused for PrivateKeyMissing was installed where its request was not made: the key
 * was created with the request and stays on that server. The request is completed there (the issued
 * certificate joins its key), then the certificate travels with its key in a password-protected .pfx.
 * No new request: the CA already issued the certificate, and the old one keeps serving meanwhile.
 */
export const PRIVATE_KEY_STEPS: LibraryStep[] = [
  {
    id: 'pkm-complete-request',
    role: 'client-access',
    runsOn: 'requester',
    title: {
      en: 'On {requestServer}: copy the certificate file your CA issued (.cer) to this server, where the request was made and its private key is kept, and import it there: that completes the request',
      ja: '{requestServer} で: CA が発行した証明書ファイル (.cer) を、要求を作成して秘密キーを保持しているこのサーバーにコピーしてインポートします。これで要求が完了します',
    },
    why: {
      en: 'The private key was created with the request and never leaves that server by itself; the issued certificate is only its public half.',
      ja: '秘密キーは要求と一緒に作成され、そのサーバーから勝手に移ることはありません。発行された証明書はその公開側の半分にすぎません。',
    },
    ...CA_IMPORT_COMMAND,
  },
  {
    id: 'pkm-check-key',
    role: 'client-access',
    runsOn: 'requester',
    title: {
      en: 'On {requestServer}: check that the certificate now has its private key (HasPrivateKey)',
      ja: '{requestServer} で: 証明書に秘密キーがあること (HasPrivateKey) を確認します',
    },
    why: {
      en: 'HasPrivateKey True means the request was still there and is now complete; False means the request (and its key) is gone from this server.',
      ja: 'HasPrivateKey が True なら要求が残っていて完了しました。False なら要求 (とその秘密キー) はこのサーバーにもうありません。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Thumbprint,Subject,HasPrivateKey,Status',
    },
  },
  {
    id: 'pkm-export',
    role: 'client-access',
    runsOn: 'requester',
    title: {
      en: 'On {requestServer}: export the certificate with its private key to a .pfx protected by a password you choose',
      ja: '{requestServer} で: 証明書を秘密キー付きで、任意のパスワードで保護した .pfx にエクスポートします',
    },
    why: {
      en: 'A key cannot be added to a certificate afterwards: the other server gets it only inside this .pfx. If Exchange says the key is not exportable, the request was made without an exportable key and the other server needs its own request.',
      ja: '秘密キーを後から証明書に加えることはできません。もう一方のサーバーにはこの .pfx でだけ渡せます。キーをエクスポートできないと表示された場合は、エクスポート可能なキーなしで要求が作成されているので、もう一方のサーバーには専用の要求が必要です。',
    },
    command: {
      default:
        "$b = Export-ExchangeCertificate -Thumbprint {thumbprint} -BinaryEncoded -Password (Get-Credential).Password\n[System.IO.File]::WriteAllBytes('C:\\certreq\\{cn}.pfx', $b.FileData)",
      '2010':
        "$b = Export-ExchangeCertificate -Thumbprint {thumbprint} -BinaryEncoded -Password (Get-Credential).Password\nSet-Content -Path 'C:\\certreq\\{cn}.pfx' -Value $b.FileData -Encoding Byte",
      '2007':
        "Export-ExchangeCertificate -Thumbprint {thumbprint} -BinaryEncoded -Path 'C:\\certreq\\{cn}.pfx' -Password (Get-Credential).Password",
    },
    unknownNote: {
      en: 'Exchange 2007: Export-ExchangeCertificate -Path followed by the file name writes the file itself',
      ja: 'Exchange 2007 では Export-ExchangeCertificate -Path の後にファイル名を指定して直接書き出します',
    },
  },
  {
    id: 'pkm-remove-keyless',
    role: 'client-access',
    title: {
      en: 'On {server}: remove the copy installed there without its private key (it serves nothing), so the copy with the key can take its place',
      ja: '{server} で: 秘密キーなしでインストールされたコピー (何にも使われていません) を削除し、キー付きのコピーを入れられるようにします',
    },
    why: {
      en: 'Import-ExchangeCertificate refuses a certificate whose thumbprint is already in the store, and the copy without a key can never be enabled.',
      ja: 'Import-ExchangeCertificate は同じ拇印の証明書がストアにあるとインポートを拒否します。キーのないコピーはどのサービスにも割り当てられません。',
    },
    command: { default: 'Remove-ExchangeCertificate -Thumbprint {thumbprint}' },
  },
  {
    id: 'pkm-enable',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the certificate for {servicesOrDefault}. If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 証明書を {servicesOrDefault} に割り当てます。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'With its key in place the certificate is valid for Exchange; the old certificate served until this moment, so nothing was down meanwhile.',
      ja: 'キーがそろえば証明書は Exchange で使えます。この時点までは古い証明書が使われていたので、その間に止まったものはありません。',
    },
    verify: {
      en: 'Get-ExchangeCertificate shows it with HasPrivateKey True and the services it was enabled for.',
      ja: 'Get-ExchangeCertificate で HasPrivateKey が True、割り当てたサービスが表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services {servicesOrDefault}' },
  },
  {
    id: 'pkm-request-lost',
    role: 'any',
    runsOn: 'requester',
    title: {
      en: 'The request and its key are gone, so this certificate can never be used: make a new request on the server where you will complete it (the renewal steps), have your CA reissue the certificate against it, and import the reissued one on that same server; keep the old certificate until then',
      ja: '要求とその秘密キーはもうないため、この証明書は使えません。要求を完了するサーバーで新しい要求を作成し (更新の手順)、それに対して CA に証明書を再発行してもらい、同じサーバーでインポートします。それまでは古い証明書をそのまま使います',
    },
    why: {
      en: 'Only the server that holds the key of a request can turn the issued certificate into one Exchange can use.',
      ja: '発行された証明書を Exchange で使える形にできるのは、要求の秘密キーを持つサーバーだけです。',
    },
  },
  {
    id: 'pkm-verify',
    role: 'client-access',
    phase: 'verify',
    title: {
      en: 'On {server}: check the certificate: HasPrivateKey True, Status Valid, and the services it was enabled for',
      ja: '{server} で: 証明書の HasPrivateKey が True、Status が Valid で、割り当てたサービスが表示されることを確認します',
    },
    why: {
      en: 'Exchange uses a certificate only when it has its key and a chain it trusts.',
      ja: 'Exchange が証明書を使うのは、秘密キーがあり、信頼できるチェーンがある場合だけです。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Thumbprint,Subject,HasPrivateKey,Status,Services',
    },
  },
];
