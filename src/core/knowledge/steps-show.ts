import type { LibraryStep } from './library-model.js';

/**
 * Steps that show a deciding fact before a plan branches on it. They change nothing; each says what
 * to look for, so the outcome that follows is chosen by what the admin sees, not by a guess.
 */
export const SHOW_STEPS: LibraryStep[] = [
  {
    id: 'show-cut-record',
    role: 'client-access',
    title: {
      en: 'On {server}: the paste was cut inside the record of {cn}, so list the certificates in full and copy its thumbprint: the request below is made from that certificate and keeps every name it has',
      ja: '{server} で: 貼り付けが {cn} のレコードの途中で切れているため、証明書を省略せずに一覧して拇印をコピーします。次の要求はその証明書から作成するので、すべての名前が引き継がれます',
    },
    why: {
      en: 'A thumbprint or name cut mid-way would make the command act on the wrong certificate, or request a certificate without a name clients use.',
      ja: '途中で切れた拇印や名前を使うと、別の証明書を操作したり、クライアントが使う名前のない証明書を要求したりしてしまいます。',
    },
    command: { default: 'Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,Services,NotAfter' },
  },
  {
    id: 'show-server-role',
    role: 'any',
    title: {
      en: 'On {server}: show its roles (Edge Transport servers show Edge)',
      ja: '{server} で: サーバーの役割を表示します (エッジ トランスポート サーバーなら Edge と表示されます)',
    },
    why: {
      en: 'The steps differ for an Edge Transport server, and the word EdgeSync in a log does not make a server an Edge.',
      ja: 'エッジ トランスポート サーバーかどうかで手順が変わります。ログに EdgeSync とあってもエッジとは限りません。',
    },
    command: { default: 'Get-ExchangeServer {serverOrPlaceholder} | fl Name,ServerRole,AdminDisplayVersion' },
  },
  {
    id: 'show-peer-role',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'Show the roles of {peer} (Edge Transport servers show Edge)',
      ja: '{peer} の役割を表示します (エッジ トランスポート サーバーなら Edge と表示されます)',
    },
    why: {
      en: "An Edge's renewed certificate reaches the organisation only through a new subscription.",
      ja: 'エッジの証明書を更新した場合は、サブスクリプションを作り直さないと組織に伝わりません。',
    },
    command: { default: 'Get-ExchangeServer {peerHostOrPlaceholder} | fl Name,ServerRole' },
  },
  {
    id: 'show-old-cert',
    role: 'transport',
    title: {
      en: 'On {server}: show the certificate being renewed (the one the event or the listing names): a self-signed one (Issuer = Subject) is the internal transport certificate Exchange made; a CA-issued one may still serve IIS or other servers, so it stays until its replacement is in place',
      ja: '{server} で: 更新する証明書 (イベントまたは一覧が示すもの) を表示します。自己署名 (Issuer と Subject が同じ) なら Exchange が作成した内部トランスポート証明書です。CA 発行の証明書なら IIS や他のサーバーがまだ使っている可能性があるため、置き換えが済むまで削除しません',
    },
    why: {
      en: 'Removing a certificate that IIS or a DAG member still uses breaks OWA and Outlook; the issuer tells which kind it is.',
      ja: 'IIS や DAG の他のメンバーが使っている証明書を削除すると OWA や Outlook が使えなくなります。発行者で種類がわかります。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,Issuer,CertificateDomains,NotAfter,Services',
    },
  },
  {
    id: 'show-old-names',
    role: 'transport',
    title: {
      en: "On {server}: show the names on the old certificate: the new one gets the same (the server's name and FQDN)",
      ja: '{server} で: 古い証明書の名前を表示します。新しい証明書にも同じ名前 (サーバー名と FQDN) を付けます',
    },
    why: {
      en: 'Other servers reach this one by these names; a certificate without them does not help.',
      ja: '他のサーバーはこれらの名前でこのサーバーに接続します。名前が含まれない証明書では役に立ちません。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,CertificateDomains,NotAfter' },
  },
  {
    id: 'show-internal-transport',
    role: 'transport',
    title: {
      en: 'On {server}: show which certificate is the internal transport certificate, before anything asks to overwrite it',
      ja: '{server} で: 上書きの確認が出る前に、どの証明書が内部トランスポート証明書かを表示します',
    },
    why: {
      en: 'The answer to the "overwrite the default SMTP certificate" prompt depends on it: Y only when the new certificate replaces this one.',
      ja: '「既定の SMTP 証明書を上書きしますか」への答えはこれで決まります。新しい証明書がこれを置き換える場合だけ Y です。',
    },
    command: {
      default: 'Get-TransportService {serverOrPlaceholder} | fl Name,InternalTransportCertificateThumbprint',
      '2007': 'Get-TransportServer {serverOrPlaceholder} | fl Name,InternalTransportCertificateThumbprint',
      '2010': 'Get-TransportServer {serverOrPlaceholder} | fl Name,InternalTransportCertificateThumbprint',
    },
    unknownNote: {
      en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
      ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
    },
  },
  {
    id: 'show-issuer',
    role: 'any',
    title: {
      en: 'On {server}: show whether the certificate is self-signed or issued by a CA',
      ja: '{server} で: 証明書が自己署名か CA 発行かを表示します',
    },
    why: {
      en: 'A CA-issued certificate is renewed by a request to the CA; piping it into New-ExchangeCertificate would make a self-signed copy.',
      ja: 'CA 発行の証明書は CA への要求で更新します。New-ExchangeCertificate にパイプすると自己署名のコピーができてしまいます。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,Issuer,IsSelfSigned,NotAfter,Services',
    },
  },
  {
    id: 'show-iis-binding',
    role: 'client-access',
    versions: ['2010', '2013+', 'unknown'],
    title: {
      en: 'On {server}: show which certificate the Default Web Site serves on 443 (Services only lists what a certificate was ever enabled for)',
      ja: '{server} で: Default Web Site が 443 で使っている証明書を表示します (Services は過去に割り当てたサービスの記録にすぎません)',
    },
    why: {
      en: 'Enabling IIS on a new self-signed certificate moves the 443 binding to it: every Outlook, OWA and ActiveSync client would warn.',
      ja: '新しい自己署名証明書に IIS を割り当てると 443 のバインドがそれに移り、Outlook、OWA、ActiveSync のすべてのクライアントで警告が出ます。',
    },
    command: {
      default:
        "Import-Module WebAdministration\nGet-WebBinding -Name 'Default Web Site' -Protocol https | fl bindingInformation,certificateHash",
      '2010': 'netsh http show sslcert ipport=0.0.0.0:443',
    },
    unknownNote: {
      en: 'Exchange 2010: netsh http show sslcert ipport=0.0.0.0:443 instead',
      ja: 'Exchange 2010 では代わりに netsh http show sslcert ipport=0.0.0.0:443',
    },
  },
  {
    id: 'show-iis-binding-2007',
    role: 'client-access',
    versions: ['2007'],
    title: {
      en: "On {server}: in IIS Manager, open the Default Web Site's https (443) binding and view its certificate: note its thumbprint (Windows Server 2003: Default Web Site → Properties → Directory Security → View Certificate; Windows Server 2008: Bindings → https → View)",
      ja: '{server} で: IIS マネージャーで Default Web Site の https (443) のバインドの証明書を表示し、拇印を控えます (Windows Server 2003: Default Web Site → プロパティ → ディレクトリ セキュリティ → 証明書の表示、Windows Server 2008: バインド → https → 表示)',
    },
    why: {
      en: 'KB 953354 enables IIS on the new certificate only where IIS served the expired one; Windows Server 2003 has neither netsh http nor the WebAdministration module.',
      ja: 'KB 953354 の手順で IIS を新しい証明書に割り当てるのは、期限切れの証明書が IIS に使われていた場合だけです。Windows Server 2003 には netsh http も WebAdministration モジュールもありません。',
    },
  },
  {
    id: 'show-backend-444',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: show the certificate bound to the Exchange Back End site (port 444)',
      ja: '{server} で: Exchange Back End サイト (ポート 444) にバインドされている証明書を表示します',
    },
    why: {
      en: 'The front end proxies every client protocol to port 444; a removed or expired certificate there breaks OWA, ECP, Outlook Anywhere, EWS and the Exchange Management Shell.',
      ja: 'フロントエンドはすべてのクライアント プロトコルをポート 444 に中継します。そこで証明書が削除・期限切れになると OWA、ECP、Outlook Anywhere、EWS、Exchange 管理シェルが使えなくなります。',
    },
    command: { default: 'netsh http show sslcert ipport=0.0.0.0:444' },
    unknownNote: { en: 'Exchange 2013 and later only', ja: 'Exchange 2013 以降のみ' },
  },
  {
    id: 'show-authconfig',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Show which certificate is the current and the next Auth certificate',
      ja: '現在の Auth 証明書と次の Auth 証明書を表示します',
    },
    why: {
      en: 'Only the current Auth certificate needs the Auth procedure; another expired one is a leftover.',
      ja: 'Auth の手順が必要なのは現在の Auth 証明書だけです。それ以外の期限切れの証明書は残骸です。',
    },
    command: {
      default:
        'Get-AuthConfig | fl CurrentCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate',
    },
    unknownNote: { en: 'Exchange 2013 and later only', ja: 'Exchange 2013 以降のみ' },
  },
  {
    id: 'show-hybrid-connectors',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Show the connectors the Hybrid Configuration Wizard made and the certificate each pins',
      ja: 'ハイブリッド構成ウィザードが作成したコネクタと、それぞれが指定している証明書を表示します',
    },
    why: {
      en: 'In hybrid, both the inbound Default Frontend receive connector and the outbound Office 365 send connector pin the certificate by issuer and subject.',
      ja: 'ハイブリッドでは、受信の Default Frontend 受信コネクタと送信の Office 365 送信コネクタの両方が発行者とサブジェクトで証明書を指定しています。',
    },
    command: {
      default:
        "Get-SendConnector | ? { $_.Name -like 'Outbound to Office 365*' } | fl Name,TlsCertificateName\nGet-ReceiveConnector | ? { $_.Name -like 'Default Frontend*' } | fl Identity,TlsCertificateName",
    },
  },
  {
    id: 'show-connector-fqdn',
    role: 'transport',
    title: {
      en: "The event left the FQDN empty: on {server}, show the connectors' FQDNs (the certificate must contain the FQDN of the connector the event names; an empty Fqdn means the server's own FQDN)",
      ja: 'イベントの FQDN が空です: {server} で各コネクタの FQDN を表示します (イベントが示すコネクタの FQDN を含む証明書が必要です。Fqdn が空ならサーバー自身の FQDN です)',
    },
    why: {
      en: 'Exchange looks for a certificate whose names contain exactly this FQDN.',
      ja: 'Exchange はこの FQDN をそのまま含む証明書を探します。',
    },
    command: {
      default:
        'Get-ReceiveConnector | ft Identity,Fqdn,AuthMechanism -AutoSize\nGet-SendConnector | ft Identity,Fqdn -AutoSize',
    },
  },
  {
    id: 'find-cert-for-fqdn',
    role: 'transport',
    title: {
      en: 'On {server}: list the certificates Exchange would consider for {fqdnOrConnectorFqdn} (the first one listed is the one it picks)',
      ja: '{server} で: {fqdnOrConnectorFqdn} に使える証明書を一覧します (最初に表示されるものが選ばれます)',
    },
    why: {
      en: '12014 means no certificate in the store matched this name with a usable key; this shows which ones Exchange sees.',
      ja: '12014 は、この名前に一致し、使用可能な秘密キーを持つ証明書がストアになかったことを示します。Exchange から見える証明書を確認します。',
    },
    command: {
      default:
        'Get-ExchangeCertificate -DomainName {fqdnOrConnectorFqdnCommand} | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,NotAfter,HasPrivateKey',
    },
  },
  {
    id: 'show-send-pins',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'See which send connectors pin a certificate and the name each presents',
      ja: '証明書を指定している送信コネクタと、それぞれが提示する名前を確認します',
    },
    why: {
      en: 'Shows which certificate each connector asks for; only the connector that failed is changed.',
      ja: '各コネクタが要求する証明書がわかります。変更するのは失敗しているコネクタだけです。',
    },
    command: { default: 'Get-SendConnector | ? { $_.TlsCertificateName } | fl Identity,Fqdn,TlsCertificateName' },
  },
  {
    id: 'show-smtp-candidates',
    role: 'mailbox',
    title: {
      en: 'On {server}: list the certificates that could carry the name, with issuer, subject and services',
      ja: '{server} で: その名前に使える証明書を、発行者、サブジェクト、サービスとともに一覧します',
    },
    why: {
      en: 'The connector must name a certificate that is installed, unexpired and enabled for SMTP.',
      ja: 'コネクタには、インストール済みで期限内、かつ SMTP に割り当てた証明書を指定する必要があります。',
    },
    command: {
      default: 'Get-ExchangeCertificate | fl Thumbprint,Issuer,Subject,CertificateDomains,NotAfter,Services,Status',
    },
  },
  {
    id: 'show-valid-store-certificates',
    role: 'mailbox',
    title: {
      en: "On {server}: list the unexpired certificates in the computer's store (this works without the Exchange Management Shell); the server's own self-signed certificate (its subject is CN= and the server's name) is fine for port 444",
      ja: '{server} で: コンピューターのストアにある期限内の証明書を一覧します (Exchange 管理シェルなしで動きます)。ポート 444 にはサーバー自身の自己署名証明書 (CN=サーバー名) で問題ありません',
    },
    why: {
      en: 'When the Back End binding is broken the Exchange Management Shell cannot connect, but the certificate store can still be read.',
      ja: 'Back End のバインドが壊れていると Exchange 管理シェルは接続できませんが、証明書ストアは読めます。',
    },
    command: {
      default:
        'Get-ChildItem Cert:\\LocalMachine\\My | ? { $_.NotAfter -gt (Get-Date) } | ft Thumbprint,NotAfter,Subject -AutoSize',
    },
  },
];
