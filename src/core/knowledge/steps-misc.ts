import type { LibraryStep } from './library-model.js';
import { EXPORT_COPY_COMMAND } from './steps-ca.js';

/** Federation trusts exist from Exchange 2010 (ps:Set-FederationTrust, New-ExchangeCertificate -Services Federation). */
const SINCE_2010: LibraryStep['versions'] = ['2010', '2013+', 'unknown'];

/** Federation, Setup, revocation checks and the plain look-ups. */
export const MISC_STEPS: LibraryStep[] = [
  {
    id: 'no-federation-in-2007',
    role: 'any',
    versions: ['2007'],
    title: {
      en: 'Exchange 2007 has no federation trust: federation (and its certificate) came with Exchange 2010. Renew it on an Exchange 2010-or-later server',
      ja: 'Exchange 2007 にはフェデレーション信頼はありません (Exchange 2010 からです)。Exchange 2010 以降のサーバーで更新します',
    },
    why: {
      en: 'Get-FederationTrust and Set-FederationTrust exist only from Exchange 2010.',
      ja: 'Get-FederationTrust と Set-FederationTrust は Exchange 2010 以降にしかありません。',
    },
  },
  {
    id: 'check-federation',
    role: 'mailbox',
    versions: SINCE_2010,
    title: { en: 'Check the federation certificate', ja: 'フェデレーション証明書を確認します' },
    why: {
      en: 'Shows the certificate federation uses and when it expires.',
      ja: 'フェデレーションが使う証明書と有効期限がわかります。',
    },
    command: {
      default:
        'Get-ExchangeCertificate -Thumbprint (Get-FederationTrust).OrgCertificate.Thumbprint | ft -Auto Thumbprint,NotAfter',
    },
  },
  {
    id: 'check-named-federation',
    role: 'mailbox',
    versions: SINCE_2010,
    title: { en: 'Look at the certificate the event names', ja: 'イベントが示している証明書を確認します' },
    why: {
      en: 'The event names this certificate: see where it is installed and whether federation still uses it.',
      ja: 'イベントが名前を挙げているこの証明書が、どこにあり、フェデレーションがまだ使っているかを確認します。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,Services,NotAfter,Identity' },
  },
  {
    id: 'check-is-auth',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Exchange 2013 and later: the same event watches the Auth certificate too; show which thumbprint that is (if it is this one, the Auth procedure renews it)',
      ja: 'Exchange 2013 以降: 同じイベントが Auth 証明書も監視します。その拇印を表示します (この証明書なら Auth の手順で更新します)',
    },
    why: {
      en: 'On 2013 and later the same deployment event also watches the Auth certificate.',
      ja: '2013 以降は同じ配布イベントが Auth 証明書も監視します。',
    },
    command: { default: '(Get-AuthConfig).CurrentCertificateThumbprint' },
  },
  {
    id: 'new-federation',
    role: 'mailbox',
    versions: SINCE_2010,
    title: { en: 'Create a new federation certificate', ja: '新しいフェデレーション証明書を作成します' },
    why: {
      en: 'Federation needs its own self-signed certificate with a unique subject key identifier.',
      ja: 'フェデレーションには一意のサブジェクト キー識別子を持つ専用の自己署名証明書が必要です。',
    },
    command: {
      default:
        "$ski = [Guid]::NewGuid().ToString('N')\nNew-ExchangeCertificate -DomainName 'Federation' -FriendlyName 'Exchange Delegation Federation' -Services Federation -SubjectKeyIdentifier $ski -PrivateKeyExportable $true",
    },
  },
  {
    id: 'federation-set-next',
    role: 'mailbox',
    versions: SINCE_2010,
    title: { en: 'Make it the next federation certificate', ja: '次のフェデレーション証明書として設定します' },
    why: {
      en: "Microsoft's federation gateway must learn the new certificate before it is used.",
      ja: '使う前に Microsoft のフェデレーション ゲートウェイに新しい証明書を知らせる必要があります。',
    },
    command: { default: 'Get-FederationTrust | Set-FederationTrust -Thumbprint <new thumbprint> -RefreshMetadata' },
  },
  {
    id: 'federation-domain-proof',
    role: 'mailbox',
    versions: SINCE_2010,
    title: {
      en: 'For each federated domain: put the proof for the new certificate in its TXT record in public DNS',
      ja: 'フェデレーション ドメインごとに: 新しい証明書の証明文字列を公開 DNS の TXT レコードに設定します',
    },
    why: {
      en: 'The proof in the TXT record is computed from the federation certificate; Microsoft recommends updating it whenever the trust gets a new certificate.',
      ja: 'TXT レコードの証明文字列はフェデレーション証明書から計算されます。信頼に新しい証明書を設定したら更新するよう Microsoft は推奨しています。',
    },
    command: { default: 'Get-FederatedDomainProof -DomainName <federated domain> -Thumbprint <new thumbprint>' },
  },
  {
    id: 'federation-publish',
    role: 'mailbox',
    versions: SINCE_2010,
    title: {
      en: 'Wait until every server has it, then publish it',
      ja: 'すべてのサーバーに行き渡るのを待ってから公開します',
    },
    why: {
      en: 'Publishing before every server has the certificate breaks free/busy on the servers that lack it.',
      ja: '全サーバーに証明書が行き渡る前に公開すると、持っていないサーバーで空き時間情報が壊れます。',
    },
    command: {
      default:
        'Test-FederationTrustCertificate\nGet-FederationTrust | Set-FederationTrust -PublishFederationCertificate',
    },
  },
  {
    id: 'federation-recreate',
    role: 'mailbox',
    versions: SINCE_2010,
    title: {
      en: 'An expired federation certificate cannot be renewed in place: remove the federated domains and the federation trust, then create them again (Microsoft\'s "Replace an expired federation certificate" procedure). These show what to recreate',
      ja: '期限切れのフェデレーション証明書はそのまま更新できません。フェデレーション ドメインとフェデレーション信頼を削除して作り直します (Microsoft の「期限切れのフェデレーション証明書を置き換える」手順)。作り直す内容を次のコマンドで表示します',
    },
    why: {
      en: "Microsoft's gateway no longer accepts the expired certificate, so the trust must be made anew.",
      ja: 'Microsoft のゲートウェイは期限切れの証明書を受け付けないため、信頼を作り直す必要があります。',
    },
    command: {
      default: 'Get-FederationTrust | fl Name,OrgCertificate\nGet-FederatedOrganizationIdentifier | fl Domains',
    },
  },
  {
    id: 'find-expired-certs',
    role: 'any',
    title: {
      en: 'On {server}: find the expired certificate Setup means, and whether it is self-signed',
      ja: '{server} で: セットアップが示す期限切れの証明書と、それが自己署名かどうかを確認します',
    },
    why: {
      en: 'Setup names the issuer, not the thumbprint; this finds the certificate it means.',
      ja: 'セットアップは拇印ではなく発行者を示すので、該当する証明書を探します。',
    },
    command: {
      default:
        'Get-ExchangeCertificate | ? { $_.NotAfter -lt (Get-Date) } | fl Thumbprint,Subject,Issuer,IsSelfSigned,Services,NotAfter',
    },
  },
  {
    id: 'rerun-setup',
    role: 'any',
    title: {
      en: 'Restart the server, then run Setup again',
      ja: 'サーバーを再起動してから、セットアップを再実行します',
    },
    why: {
      en: 'Setup resumes from the failed step once the certificate is valid.',
      ja: '証明書が有効になれば、セットアップは失敗した手順から再開します。',
    },
  },
  {
    id: 'revocation-urlfetch',
    role: 'any',
    title: {
      en: 'On {server}: test whether the CRL/OCSP addresses of the chain can be reached',
      ja: '{server} で: チェーンの CRL/OCSP に到達できるかテストします',
    },
    why: {
      en: 'RevocationCheckFailure means Windows could not download the CRL or reach OCSP for this chain.',
      ja: 'RevocationCheckFailure は、Windows がこのチェーンの CRL をダウンロードできないか OCSP に到達できないことを示します。',
    },
    command: {
      default:
        "[System.IO.File]::WriteAllBytes('C:\\Temp\\cert.cer', (Get-Item Cert:\\LocalMachine\\My\\{thumbprint}).RawData)\ncertutil -verify -urlfetch C:\\Temp\\cert.cer",
    },
  },
  {
    id: 'revocation-proxy',
    role: 'any',
    title: {
      en: "Check the machine proxy: Exchange checks revocation through WinHTTP, not the browser's proxy",
      ja: 'マシンのプロキシを確認します: Exchange はブラウザーではなく WinHTTP のプロキシで失効を確認します',
    },
    why: {
      en: 'Servers without direct internet access need a WinHTTP proxy for revocation checks.',
      ja: 'インターネットに直接出られないサーバーは、失効確認に WinHTTP プロキシが必要です。',
    },
    command: { default: 'netsh winhttp show proxy' },
  },
  {
    id: 'revocation-set-proxy',
    role: 'any',
    title: {
      en: 'On {server}: set the WinHTTP proxy to {proxy}, the proxy the servers go out through. WinHTTP shows direct access, so the CRL and OCSP requests never reach the CA; Exchange checks revocation through WinHTTP, not the browser',
      ja: '{server} で: WinHTTP のプロキシを、サーバーが使うプロキシ {proxy} に設定します。WinHTTP は直接アクセスになっているため、CRL と OCSP の要求が CA に届きません。Exchange はブラウザーではなく WinHTTP で失効を確認します',
    },
    why: {
      en: 'No certificate change is needed: the certificate is valid, only its revocation could not be checked. Addresses in the bypass list (the local names and the internal domain) keep going direct.',
      ja: '証明書を変更する必要はありません。証明書は有効で、失効を確認できなかっただけです。バイパス リストのアドレス (ローカル名と内部ドメイン) は引き続き直接接続します。',
    },
    command: { default: 'netsh winhttp set proxy proxy-server="{proxy}" bypass-list="{proxyBypass}"' },
  },
  {
    id: 'revocation-import-proxy',
    role: 'any',
    title: {
      en: "On {server}: WinHTTP shows direct access: if the servers reach the internet only through a proxy, give it to WinHTTP (here from the browser's proxy settings, or with netsh winhttp set proxy and its address)",
      ja: '{server} で: WinHTTP は直接アクセスになっています。サーバーがプロキシ経由でしかインターネットに出られない場合は、そのプロキシを WinHTTP に設定します (ここではブラウザーのプロキシ設定をインポートします。アドレスを指定する場合は netsh winhttp set proxy を使います)',
    },
    why: {
      en: 'Exchange checks revocation through WinHTTP, not the browser: without its proxy the CRL and OCSP requests never reach the CA.',
      ja: 'Exchange はブラウザーではなく WinHTTP で失効を確認します。プロキシがないと CRL と OCSP の要求が CA に届きません。',
    },
    command: { default: 'netsh winhttp import proxy source=ie' },
  },
  {
    id: 'revocation-recheck',
    role: 'any',
    phase: 'verify',
    title: {
      en: 'Once reachable, check the status again: it turns Valid',
      ja: '到達できるようになったら、状態をもう一度確認します: Valid になります',
    },
    why: {
      en: 'Status turns Valid once the revocation check succeeds.',
      ja: '失効確認が成功すると Status は Valid になります。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Status' },
  },
  {
    id: 'identify-describe',
    role: 'any',
    title: {
      en: 'On each Exchange server: show the certificate with this thumbprint',
      ja: '各 Exchange サーバーで: この拇印の証明書を表示します',
    },
    why: {
      en: 'A thumbprint alone does not say what the certificate is or when it expires.',
      ja: '拇印だけでは、どの証明書かも有効期限もわかりません。',
    },
    command: {
      default:
        'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,CertificateDomains,Services,NotAfter,Status,IsSelfSigned',
    },
  },
  {
    id: 'identify-internal',
    role: 'any',
    title: {
      en: "Is it a server's internal transport certificate?",
      ja: 'サーバーの内部トランスポート証明書かどうか確認します',
    },
    why: {
      en: 'If it is, renewing it follows the internal transport procedure.',
      ja: 'そうであれば、内部トランスポート証明書の手順で更新します。',
    },
    command: {
      default: 'Get-TransportService | ft Name,InternalTransportCertificateThumbprint',
      '2007': 'Get-TransportServer | ft Name,InternalTransportCertificateThumbprint',
      '2010': 'Get-TransportServer | ft Name,InternalTransportCertificateThumbprint',
    },
    unknownNote: {
      en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
      ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
    },
  },
  {
    id: 'identify-auth',
    role: 'any',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Is it the Auth certificate (Exchange 2013 and later)?',
      ja: 'Auth 証明書かどうか確認します (Exchange 2013 以降)',
    },
    why: {
      en: 'If it is, renewing it follows the Auth certificate procedure.',
      ja: 'そうであれば、Auth 証明書の手順で更新します。',
    },
    command: { default: '(Get-AuthConfig).CurrentCertificateThumbprint' },
  },
  {
    id: 'list-with-dates',
    role: 'any',
    title: { en: 'List the certificates with their expiry dates', ja: '有効期限付きで証明書を一覧します' },
    why: { en: 'The default table view shows no dates.', ja: '既定の表形式には日付が表示されません。' },
    command: { default: 'Get-ExchangeCertificate | fl Thumbprint,Subject,Services,NotAfter,Status,IsSelfSigned' },
  },
  {
    id: 'use-clean-thumbprint',
    role: 'any',
    title: {
      en: 'Use the thumbprint without invisible characters or spaces',
      ja: '見えない文字や空白を取り除いた拇印を使います',
    },
    why: {
      en: 'The cmdlet compares characters exactly: an invisible mark makes it report that no certificate was found.',
      ja: 'コマンドレットは文字をそのまま比較するので、見えない文字があると証明書が見つからないと報告します。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {thumbprint}' },
  },
  {
    id: 'peer-inspect',
    role: 'any',
    runsOn: 'peer',
    title: {
      en: 'On {peer} (not on this server): list its SMTP certificates and their expiry',
      ja: '{peer} で (このサーバーではありません): SMTP 証明書と有効期限を一覧します',
    },
    why: {
      en: '12019/12020 are logged by the server that received the expired certificate; the certificate lives on the peer.',
      ja: '12019/12020 は期限切れの証明書を受け取った側が記録します。証明書があるのは相手のサーバーです。',
    },
    command: {
      default:
        "Get-ExchangeCertificate | ? { $_.Services -match 'SMTP' } | fl Thumbprint,Subject,NotAfter,IsSelfSigned",
    },
  },
  {
    id: 'peer-renew-internal',
    role: 'any',
    runsOn: 'peer',
    title: {
      en: 'On {peer}: create a new internal transport certificate. Asked to overwrite the default SMTP certificate, answer Y',
      ja: '{peer} で: 新しい内部トランスポート証明書を作成します。既定の SMTP 証明書の上書き確認には Y と答えます',
    },
    why: {
      en: "The peer's new internal transport certificate is what this server will see next time they connect. Its first name is the peer's FQDN: Get-ExchangeServer shows it as Fqdn, and the peer's own computer name ends with it.",
      ja: '相手の新しい内部トランスポート証明書が、次の接続でこのサーバーに提示されます。最初の名前は相手の FQDN です (Get-ExchangeServer の Fqdn、または相手のコンピューター名の完全な名前)。',
    },
    // The FQDN first (it becomes the subject); a peer named only by its host name keeps a visible placeholder.
    command: { default: 'New-ExchangeCertificate -DomainName {peerFqdn},{peerHostOrPlaceholder} -Services SMTP' },
  },
  {
    id: 'peer-renew-starttls',
    role: 'any',
    runsOn: 'peer',
    title: {
      en: 'On {peer}: renew its STARTTLS certificate (a CA certificate through a request to the CA). Asked to overwrite the default SMTP certificate, answer N',
      ja: '{peer} で: STARTTLS 用の証明書を更新します (CA の証明書なら CA への要求で)。既定の SMTP 証明書の上書き確認には N と答えます',
    },
    why: {
      en: 'The peer presents this certificate for STARTTLS; the internal transport certificate is not involved.',
      ja: '相手はこの証明書を STARTTLS で提示します。内部トランスポート証明書は関係ありません。',
    },
  },
  {
    id: 'check-present',
    role: 'transport',
    title: {
      en: 'On {server}: check whether the certificate is still in the personal store',
      ja: '{server} で: 証明書が個人用ストアに残っているか確認します',
    },
    why: {
      en: 'Exchange cannot load its internal transport certificate either because the certificate was deleted or because only its private key cannot be read; the fixes differ.',
      ja: 'Exchange が内部トランスポート証明書を読み込めないのは、証明書が削除された場合と、秘密キーを読めないだけの場合があり、対処が異なります。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Thumbprint,NotAfter,HasPrivateKey,Services',
    },
  },
  {
    id: 'reenable-internal',
    role: 'transport',
    title: {
      en: 'On {server}: enable it for SMTP again (this also fixes the key permissions). Asked to overwrite the default SMTP certificate, answer Y: it is the internal transport certificate',
      ja: '{server} で: もう一度 SMTP に割り当てます (キーのアクセス許可も直ります)。既定の SMTP 証明書の上書き確認には Y と答えます (内部トランスポート証明書です)',
    },
    why: {
      en: 'Enabling again republishes it to Active Directory and gives Network Service access to the private key.',
      ja: '再度割り当てると Active Directory に公開し直され、Network Service が秘密キーにアクセスできるようになります。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services SMTP' },
  },
  {
    id: 'wait-replication',
    role: 'any',
    title: {
      en: 'Wait for Active Directory replication before checking other sites',
      ja: '他サイトを確認する前に Active Directory のレプリケーションを待ちます',
    },
    why: {
      en: 'Servers in other sites see the certificate only after replication.',
      ja: '他サイトのサーバーはレプリケーション後に証明書を認識します。',
    },
  },
  {
    id: 'chain-show-intermediates',
    role: 'any',
    title: {
      en: "On {server}: the expired certificate is an issuing (intermediate) CA in the chain, not the server's own certificate: list the expired CA certificates in the computer's Intermediate Certification Authorities store",
      ja: '{server} で: 期限切れなのはチェーン内の発行元 (中間) CA の証明書で、サーバー自身の証明書ではありません。コンピューターの中間証明機関ストアにある期限切れの CA 証明書を一覧表示します',
    },
    why: {
      en: 'Clients validate the whole chain: an expired intermediate fails TLS even when the server certificate is valid, and a new request would not help.',
      ja: 'クライアントはチェーン全体を検証します。サーバー証明書が有効でも中間証明書が期限切れなら TLS は失敗し、新しい証明書要求では解決しません。',
    },
    command: {
      default:
        'Get-ChildItem Cert:\\LocalMachine\\CA | ? { $_.NotAfter -lt (Get-Date) } | fl Subject,Issuer,Thumbprint,NotAfter',
    },
  },
  {
    id: 'chain-install-renewed',
    role: 'any',
    title: {
      en: "On {server}: download the CA's renewed intermediate certificate (or its current chain) from the CA, add it to the Intermediate Certification Authorities store, and do the same on every server that presents this chain",
      ja: '{server} で: CA から更新済みの中間証明書 (または現在のチェーン) をダウンロードして中間証明機関ストアに追加します。このチェーンを提示するすべてのサーバーで同じようにします',
    },
    why: {
      en: 'Windows builds the chain it presents from the certificates in this store; with the renewed intermediate there, it stops presenting the expired one.',
      ja: 'Windows はこのストアの証明書から提示するチェーンを組み立てます。更新済みの中間証明書があれば、期限切れのものは提示されなくなります。',
    },
    command: { default: "certutil -addstore CA 'C:\\certs\\renewed-intermediate.cer'" },
  },
  {
    id: 'chain-restart',
    role: 'transport',
    title: {
      en: 'On {server}: restart the transport services so they build and present the new chain',
      ja: '{server} で: トランスポート サービスを再起動して新しいチェーンを組み立て直させます',
    },
    why: {
      en: 'The transport services build the chain they present when they start; the Front End Transport service, where there is one, answers on port 25.',
      ja: 'トランスポート サービスは起動時に提示するチェーンを組み立てます。フロントエンド トランスポート サービスがあるサーバーでは、それがポート 25 で応答します。',
    },
    // One command for every version: a server without the Front End Transport service (2007, 2010,
    // an Edge) has only the Transport service to restart.
    command: {
      default:
        'Get-Service MSExchangeTransport, MSExchangeFrontEndTransport -ErrorAction SilentlyContinue | Restart-Service',
    },
  },
  {
    id: 'renewal-lacks-name-hold',
    role: 'any',
    title: {
      en: 'On {server}: do not enable {thumbprintWords} for IIS: it lacks {missingNames}, which the current certificate has. Check its names below, have the CA reissue it with every name of the current certificate (the request in the next steps carries them), and keep the current certificate until the reissued one is enabled',
      ja: '{server} で: {thumbprintWords} は IIS に割り当てないでください。現在の証明書にある {missingNames} がありません。下のコマンドで名前を確かめ、現在の証明書のすべての名前で CA に再発行を依頼し (次の手順の要求にはすべての名前があります)、再発行された証明書を割り当てるまで現在の証明書は残します',
    },
    why: {
      en: 'Clients that connect by the missing name (Outlook looks up autodiscover.<domain>) would get a certificate warning from the day it serves IIS.',
      ja: '足りない名前で接続するクライアント (Outlook は autodiscover.<ドメイン> を参照します) には、この証明書を IIS に使った日から証明書の警告が出ます。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,CertificateDomains,NotAfter,Services',
    },
  },
  {
    id: 'offload-export',
    role: 'client-access',
    title: {
      en: 'On {server}: export the renewed certificate with its private key, for the load balancer that terminates TLS',
      ja: '{server} で: TLS を終端するロード バランサー用に、更新後の証明書を秘密キー付きでエクスポートします',
    },
    why: {
      en: 'A load balancer that offloads or bridges SSL presents its own copy of the certificate: it needs the renewal with its key, which only the Exchange servers hold.',
      ja: 'SSL をオフロードまたはブリッジするロード バランサーは、自身が持つ証明書を提示します。秘密キー付きの更新後の証明書が必要で、キーは Exchange サーバーにしかありません。',
    },
    ...EXPORT_COPY_COMMAND,
  },
  {
    id: 'offload-install',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'On the load balancer: import C:\\certreq\\{cn}.pfx with the password given at export, and put it on the virtual service for {fqdn}:443 (its SSL/TLS profile) in place of the old certificate; with re-encryption, the certificate toward the Exchange servers stays as it is',
      ja: 'ロード バランサーで: C:\\certreq\\{cn}.pfx をエクスポート時のパスワードでインポートし、{fqdn}:443 の仮想サービス (SSL/TLS プロファイル) の古い証明書と置き換えます。再暗号化している場合、Exchange サーバー側の証明書はそのままです',
    },
    why: {
      en: 'Clients see the certificate the device presents, not the one Exchange has enabled; until the device has the renewal, every client gets the old one.',
      ja: 'クライアントに見えるのは装置が提示する証明書で、Exchange で有効な証明書ではありません。装置に更新後の証明書を入れるまで、すべてのクライアントに古い証明書が提示されます。',
    },
  },
  {
    // Behind a load balancer a probe of the published name reaches one server: each is asked by name.
    id: 'chain-probe-server',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'From a machine inside the network with certcheck: check that {server} itself presents the new chain on port {presentedPort}',
      ja: '社内ネットワークの certcheck のあるマシンから: {server} 自身がポート {presentedPort} で新しいチェーンを提示することを確認します',
    },
    why: {
      en: 'Each server builds the chain from its own store; behind a load balancer a probe of the published name reaches only one of them.',
      ja: '各サーバーは自分のストアからチェーンを組み立てます。ロード バランサーの背後では、公開名へのプローブはそのうち 1 台にしか届きません。',
    },
    command: { default: 'certcheck probe {serverOrPlaceholder}:{presentedPort}' },
  },
  {
    id: 'chain-restart-iis',
    role: 'client-access',
    title: {
      en: 'On {server}: restart IIS so that port 443 presents the new chain',
      ja: '{server} で: IIS を再起動して、ポート 443 で新しいチェーンを提示させます',
    },
    why: {
      en: 'IIS (HTTP.sys) keeps the chain it built when it loaded the certificate; if 443 still presents the expired intermediate after the restart, restart the server.',
      ja: 'IIS (HTTP.sys) は証明書を読み込んだときに組み立てたチェーンを使い続けます。再起動後も 443 で期限切れの中間証明書が提示される場合は、サーバーを再起動します。',
    },
    command: { default: 'iisreset /noforce' },
  },
  {
    id: 'chain-leaf-reissue',
    role: 'any',
    title: {
      en: 'If the CA renewed the intermediate with a new key, ask it to re-issue the server certificate under the new intermediate, then renew the server certificate by request',
      ja: 'CA が新しいキーで中間証明書を更新した場合は、新しい中間証明書でサーバー証明書を再発行するよう依頼し、証明書要求でサーバー証明書を更新します',
    },
    why: {
      en: 'A server certificate signed by the old key only chains to the old intermediate.',
      ja: '古いキーで署名されたサーバー証明書は、古い中間証明書にしかつながりません。',
    },
  },
];
