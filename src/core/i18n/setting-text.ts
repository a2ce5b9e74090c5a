import type { Language } from '../model.js';

/** What certcheck says of bindings, protocol settings and hybrid connectors that disagree with the certificates pasted. */
export interface SettingText {
  bindingMissing(p: {
    endpoint: string;
    site: 'backEnd' | 'frontEnd';
    hash: string;
    removedSaid: boolean;
    /** The listing was cut down by a filter (findstr): the hash is only not among the lines shown. */
    filtered?: boolean;
  }): string;
  bindingsUnchecked(p: { bindings: string }): string;
  internalGone(p: { thumbprint: string; server?: string }): string;
  mailNameDiffers(p: { protocols: string; current: string; fqdn: string; cert: string; popFqdn?: string }): string;
  mailNameWildcard(p: { protocols: string; current: string; fqdn: string; popFqdn?: string }): string;
  hybridNames(p: { expected: string; where: string; cert: string; names: string }): string;
}

const en: SettingText = {
  bindingMissing: ({ endpoint, site, hash, removedSaid, filtered }) =>
    filtered
      ? `${site === 'backEnd' ? 'Exchange Back End' : 'The Default Web Site'} (${endpoint}) is bound to ${hash}, which is not among the certificates your filtered store listing shows${removedSaid ? ' (the one you removed)' : ''}. If the whole store does not hold it either, the certificate is gone and ${site === 'backEnd' ? 'the front end proxies every client protocol to a broken port 444: OWA goes blank, ECP gives HTTP 500, and Outlook Anywhere, EWS and the Exchange Management Shell fail' : 'HTTPS to this server fails'}. Show the whole store first, then bind ${site === 'backEnd' ? '444' : '443'} to a certificate that exists. Remove nothing else.`
      : site === 'backEnd'
      ? `Exchange Back End (${endpoint}) is bound to ${hash}, a certificate the paste's store listing does not hold${removedSaid ? ' (the one you removed)' : ''}. The front end proxies every client protocol to port 444, so OWA goes blank, ECP gives HTTP 500, and Outlook Anywhere, EWS and the Exchange Management Shell fail. Bind 444 to a certificate that exists; the server's own self-signed certificate is fine there. Remove nothing else.`
      : `The Default Web Site (${endpoint}) is bound to ${hash}, a certificate the paste's store listing does not hold${removedSaid ? ' (the one you removed)' : ''}. HTTPS to this server fails until 443 is bound to a valid certificate that carries the names clients use.`,
  internalGone: ({ thumbprint, server }) =>
    `The internal transport certificate of ${server ?? 'this server'} (InternalTransportCertificateThumbprint ${thumbprint}) is not in the store listing: it was removed. Exchange servers authenticate each other's SMTP with it, so mail between them falls back or queues, and Setup's certificate was usually bound to Exchange Back End (444) too. Create a new self-signed certificate for SMTP (answer Y to make it the internal transport certificate) and check 444; nothing can be enabled on or removed from a certificate that is gone.`,
  bindingsUnchecked: ({ bindings }) =>
    `The HTTPS bindings use ${bindings}. Whether those certificates are still in the store decides whether OWA, ECP and the Exchange Management Shell work: paste the store listing below; a hash that is not in it is a removed certificate, and its site must be bound again.`,
  mailNameWildcard: ({ protocols, current, fqdn, popFqdn }) =>
    `${protocols} choose their certificate by X509CertificateName, which is ${current}: a wildcard names no host, so they cannot find the certificate by it and clients get another one. Set X509CertificateName to the name clients connect to (${popFqdn && popFqdn !== fqdn ? `${fqdn} and ${popFqdn}` : fqdn}, from ExternalConnectionSettings) and restart the ${protocols} services; the wildcard certificate then serves it.`,
  mailNameDiffers: ({ protocols, current, fqdn, cert, popFqdn }) =>
    `${protocols} choose their certificate by X509CertificateName, which is ${current}, but clients connect to ${popFqdn && popFqdn !== fqdn ? `${fqdn} and ${popFqdn}` : fqdn} (ExternalConnectionSettings), which ${cert} carries and the certificate for ${current} does not: they are given the certificate for ${current} and warn that the name does not match. The certificate is fine; set X509CertificateName to the name clients connect to and restart the ${protocols} services.`,
  hybridNames: ({ expected, where, cert, names }) =>
    `Exchange Online's hybrid connectors expect ${expected}, which the on-premises SMTP certificate ${cert} does not carry. The connectors name it in ${where}; the certificate carries only ${names}. So Exchange Online no longer recognises mail from on-premises as your organisation's, and its TLS check of on-premises fails. The certificate is valid; the names disagree. Either get a certificate that also carries ${expected}, or make the connectors expect a name the certificate carries (in Exchange Online PowerShell, with DNS to match), or re-run the Hybrid Configuration Wizard with this certificate. Never lower the TLS settings to get mail through.`,
};

const ja: SettingText = {
  bindingMissing: ({ endpoint, site, hash, removedSaid, filtered }) =>
    filtered
      ? `${site === 'backEnd' ? 'Exchange Back End' : 'Default Web Site'} (${endpoint}) は証明書 ${hash} にバインドされていますが、この証明書は絞り込んだ証明書一覧にありません${removedSaid ? ' (削除した証明書です)' : ''}。ストア全体にもなければ証明書は削除されており、${site === 'backEnd' ? 'フロントエンドはすべてのクライアント プロトコルを壊れたポート 444 に中継するため、OWA が真っ白になり、ECP は HTTP 500 を返し、Outlook Anywhere、EWS、Exchange 管理シェルが失敗します' : 'このサーバーへの HTTPS は失敗します'}。まずストア全体を表示し、${site === 'backEnd' ? '444' : '443'} を存在する証明書にバインドし直してください。ほかの証明書は削除しないでください。`
      : site === 'backEnd'
      ? `Exchange Back End (${endpoint}) は、貼り付けの証明書一覧にない証明書 ${hash} にバインドされています${removedSaid ? ' (削除した証明書です)' : ''}。フロントエンドはすべてのクライアント プロトコルをポート 444 に中継するため、OWA が真っ白になり、ECP は HTTP 500 を返し、Outlook Anywhere、EWS、Exchange 管理シェルが失敗します。444 を存在する証明書にバインドし直してください。ここはサーバー自身の自己署名証明書で問題ありません。ほかの証明書は削除しないでください。`
      : `Default Web Site (${endpoint}) は、貼り付けの証明書一覧にない証明書 ${hash} にバインドされています${removedSaid ? ' (削除した証明書です)' : ''}。443 をクライアントが使う名前を含む有効な証明書にバインドし直すまで、このサーバーへの HTTPS は失敗します。`,
  internalGone: ({ thumbprint, server }) =>
    `${server ?? 'このサーバー'} の内部トランスポート証明書 (InternalTransportCertificateThumbprint ${thumbprint}) が証明書の一覧にありません。削除されています。Exchange サーバー同士は SMTP の認証にこの証明書を使うため、サーバー間のメールが滞留することがあります。また、セットアップが作成した証明書は通常 Exchange Back End (444) にもバインドされています。SMTP 用の新しい自己署名証明書を作成し (内部トランスポート証明書にするため Y と答えます)、444 を確認してください。削除された証明書は割り当ても削除もできません。`,
  bindingsUnchecked: ({ bindings }) =>
    `HTTPS のバインドは ${bindings} を使っています。これらの証明書がストアに残っているかどうかで、OWA、ECP、Exchange 管理シェルが動くかが決まります。下のコマンドでストアの一覧を貼り付けてください。一覧にないハッシュは削除された証明書で、そのサイトはバインドし直す必要があります。`,
  mailNameWildcard: ({ protocols, current, fqdn, popFqdn }) =>
    `${protocols} は X509CertificateName の名前で証明書を選びますが、現在の値 ${current} はワイルドカードでホストを指さないため、この名前では証明書が見つからず、クライアントには別の証明書が提示されます。X509CertificateName をクライアントが接続する名前 (ExternalConnectionSettings の ${popFqdn && popFqdn !== fqdn ? `${fqdn} と ${popFqdn}` : fqdn}) に設定し、${protocols} のサービスを再起動してください。ワイルドカード証明書がその名前で使われます。`,
  mailNameDiffers: ({ protocols, current, fqdn, cert, popFqdn }) =>
    `${protocols} は X509CertificateName の名前で証明書を選びます。現在は ${current} ですが、クライアントは ${popFqdn && popFqdn !== fqdn ? `${fqdn} と ${popFqdn}` : fqdn} (ExternalConnectionSettings) に接続します。この名前は ${cert} にあり、${current} の証明書にはありません。そのためクライアントには ${current} の証明書が提示され、名前が一致しないという警告が出ます。証明書に問題はありません。X509CertificateName をクライアントが接続する名前に設定し、${protocols} のサービスを再起動してください。`,
  hybridNames: ({ expected, where, cert, names }) =>
    `Exchange Online のハイブリッド コネクタは ${expected} を期待していますが、オンプレミスの SMTP 証明書 ${cert} にはこの名前がありません。コネクタでは ${where} にこの名前があり、証明書の名前は ${names} だけです。そのため Exchange Online はオンプレミスからのメールを自組織のものと認識せず、オンプレミスへの TLS の検証も失敗します。証明書は有効で、名前が一致していないだけです。${expected} も含む証明書を取得するか、コネクタが証明書にある名前を期待するように変更する (Exchange Online PowerShell で。DNS も合わせます) か、この証明書でハイブリッド構成ウィザードを再実行してください。メールを通すために TLS の設定を弱めないでください。`,
};

export const settingText: Record<Language, SettingText> = { en, ja };
