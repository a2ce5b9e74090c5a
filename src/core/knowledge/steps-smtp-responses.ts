import type { LibraryStep } from './library-model.js';

/**
 * Steps for what a queue, an NDR or a management task answered: a next hop whose certificate our
 * side could not validate, a connection that dropped (no certificate at all), a certificate the
 * Hybrid Configuration Wizard refused because it is not enabled for SMTP, and the listing to ask for
 * when the admin only describes the problem.
 */
export const SMTP_RESPONSE_STEPS: LibraryStep[] = [
  {
    id: 'remote-probe-next-hop',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'From any machine with certcheck: look at the certificate the next hop {peer} presents on port 25: its expiry, its names and its chain',
      ja: 'certcheck のある任意のマシンから: 次ホップ {peer} がポート 25 で提示する証明書の有効期限、名前、チェーンを確認します',
    },
    why: {
      en: '454 4.7.5 "Certificate validation failure" is our server refusing the certificate the remote server presented, on a hop that requires a valid one (domain security, forced TLS). Our own certificate plays no part in it.',
      ja: '454 4.7.5 "Certificate validation failure" は、有効な証明書が必要なホップ (ドメイン セキュリティ、TLS の強制) で、相手のサーバーが提示した証明書をこちらのサーバーが拒否したことを示します。こちらの証明書は関係ありません。',
    },
    command: { default: 'certcheck probe {peerFqdn}:25' },
  },
  {
    id: 'remote-show-tls-policy',
    role: 'transport',
    title: {
      en: 'On {server}: show why this hop must validate the certificate: the domain-secure list and the send connectors that require TLS',
      ja: '{server} で: このホップで証明書の検証が必要な理由を表示します。ドメイン セキュリティの一覧と、TLS を必須にしている送信コネクタです',
    },
    why: {
      en: 'Only a domain listed in TLSSendDomainSecureList, or a connector with RequireTLS or a TLS authentication level, fails on a certificate it cannot validate; the others fall back to opportunistic TLS. Change none of it: this only shows the name the certificate must carry.',
      ja: 'TLSSendDomainSecureList にあるドメインか、RequireTLS や TLS の認証レベルを設定したコネクタだけが、検証できない証明書で失敗します。それ以外は日和見 TLS に切り替わります。ここでは何も変更しません。証明書に必要な名前を確認するだけです。',
    },
    command: {
      default:
        'Get-TransportConfig | fl TLSSendDomainSecureList\nGet-SendConnector | fl Identity,AddressSpaces,RequireTLS,TlsAuthLevel,TlsDomain,DomainSecureEnabled',
    },
  },
  {
    id: 'remote-crl-from-here',
    role: 'transport',
    title: {
      en: "On {server}: check that this server can reach the revocation lists (CRL/OCSP) of the next hop's certificate: save that certificate (the partner can send it) as C:\\Temp\\next-hop.cer and test it here",
      ja: '{server} で: このサーバーから次ホップの証明書の失効リスト (CRL/OCSP) に到達できるか確認します。その証明書 (相手先から受け取れます) を C:\\Temp\\next-hop.cer として保存し、ここでテストします',
    },
    why: {
      en: 'A valid certificate still fails validation when this server cannot fetch its CRL: Windows checks revocation through the WinHTTP proxy, not the browser one.',
      ja: '証明書が有効でも、このサーバーが CRL を取得できないと検証に失敗します。Windows はブラウザーではなく WinHTTP のプロキシで失効を確認します。',
    },
    command: { default: 'netsh winhttp show proxy\ncertutil -verify -urlfetch C:\\Temp\\next-hop.cer' },
  },
  {
    id: 'remote-tell-partner',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: "If the next hop's certificate is expired, lacks its own name or has an incomplete chain: ask the administrators of {nextHop} to renew or fix it. Do not change any certificate or connector here",
      ja: '次ホップの証明書が期限切れ、自身の名前を含まない、またはチェーンが不完全な場合: {nextHop} の管理者に更新または修正を依頼します。こちらの証明書やコネクタは変更しません',
    },
    why: {
      en: 'The certificate that fails is on the remote server: replacing ours changes nothing, and turning off the TLS requirement would send the mail unprotected.',
      ja: '失敗しているのは相手のサーバーの証明書です。こちらの証明書を替えても何も変わらず、TLS の要求を外すとメールが保護されずに送られます。',
    },
  },
  {
    id: 'remote-find-failing-queue',
    role: 'transport',
    title: {
      en: 'On {server}: list the queues that report an error, with their next hop domain and LastError, to see which partner fails',
      ja: '{server} で: エラーを報告しているキューを NextHopDomain と LastError と共に一覧し、どの取引先で失敗しているかを調べます',
    },
    why: {
      en: 'Schannel does not log which host it talked to; a queue that waits names its next hop domain and, in LastError, the host whose chain failed. This changes nothing.',
      ja: 'Schannel のイベントには接続先のホストが記録されません。滞っているキューの NextHopDomain と LastError に、チェーンの検証に失敗したホストが表示されます。何も変更しません。',
    },
    command: {
      default: 'Get-Queue | ? { $_.LastError } | fl Identity,DeliveryType,NextHopDomain,Status,MessageCount,LastError',
    },
  },
  {
    id: 'remote-show-chain',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'From any machine with OpenSSL: show the whole chain {nextHop} sends after STARTTLS on port 25, and the issuer its last certificate names',
      ja: 'OpenSSL のある任意のマシンから: {nextHop} がポート 25 の STARTTLS で送るチェーン全体と、最後の証明書が示す発行者を表示します',
    },
    why: {
      en: 'UntrustedRoot means the chain ends at a root certificate this server does not have; PartialChain means an intermediate certificate is neither sent nor here. The s: and i: lines name each certificate and its issuer: the last i: line is the root this server must trust. Keep the first certificate (BEGIN to END CERTIFICATE) as C:\\Temp\\next-hop.cer for the next step.',
      ja: 'UntrustedRoot は、チェーンがこのサーバーにないルート証明書で終わることを示します。PartialChain は、中間証明書が送られておらず、このサーバーにもないことを示します。s: と i: の行に各証明書とその発行者が表示されます。最後の i: 行が、このサーバーが信頼する必要のあるルートです。最初の証明書 (BEGIN から END CERTIFICATE まで) を次の手順のために C:\\Temp\\next-hop.cer として保存します。',
    },
    command: { default: 'openssl s_client -connect {nextHopFqdn}:25 -starttls smtp -showcerts' },
  },
  {
    id: 'remote-verify-chain-here',
    role: 'transport',
    title: {
      en: "On {server}: check the next hop's certificate against this server's own trusted roots, intermediates and revocation lists",
      ja: '{server} で: 次ホップの証明書を、このサーバー自身の信頼されたルート、中間証明書、失効リストで検証します',
    },
    why: {
      en: 'certutil builds the chain the way Exchange does. "terminated in a root certificate which is not trusted" means a root missing here; "CERT_TRUST_IS_PARTIAL_CHAIN" an intermediate neither sent nor here; a revocation error means this server cannot reach the CRL (through the WinHTTP proxy, which netsh shows).',
      ja: 'certutil は Exchange と同じ方法でチェーンを構築します。「信頼プロバイダーによって信頼されていないルート証明書で終了しました」はこのサーバーにルートがないこと、「CERT_TRUST_IS_PARTIAL_CHAIN」は中間証明書が送られておらずここにもないこと、失効のエラーはこのサーバーから CRL に到達できないこと (netsh で表示される WinHTTP プロキシ経由) を示します。',
    },
    command: { default: 'certutil -verify -urlfetch C:\\Temp\\next-hop.cer\nnetsh winhttp show proxy' },
  },
  {
    id: 'remote-root-store',
    role: 'transport',
    title: {
      en: "On {server}, only if the check above names a root or intermediate missing here: add that CA certificate (from its CA's own site, its thumbprint compared) to this server's store. An Edge in a perimeter network often cannot download root updates from Windows Update, so roots that the partner's public CA uses can be missing there",
      ja: '{server} で、前の手順でここにないルートまたは中間証明書がわかった場合だけ: その CA 証明書を (CA 自身のサイトから入手し、拇印を照合して) このサーバーのストアに追加します。境界ネットワークのエッジ サーバーは Windows Update からルートの更新を取得できないことが多く、取引先の公的 CA のルートがないことがあります',
    },
    why: {
      en: 'A root goes into Trusted Root Certification Authorities (Root), an intermediate into Intermediate Certification Authorities (CA); Exchange reads them at the next connection, no restart and no Exchange certificate change. Add a private CA of the partner only when you have agreed to trust it. If the partner simply does not send its intermediate, they should fix that too.',
      ja: 'ルートは [信頼されたルート証明機関] (Root) に、中間証明書は [中間証明機関] (CA) に追加します。Exchange は次の接続から読み込むため、再起動も Exchange の証明書の変更も不要です。取引先のプライベート CA は、信頼することに合意した場合だけ追加します。取引先が中間証明書を送っていないだけの場合は、先方でも修正してもらいます。',
    },
    command: {
      default:
        'certutil -addstore Root C:\\Temp\\partner-root.cer\ncertutil -addstore CA C:\\Temp\\partner-intermediate.cer',
    },
  },
  {
    id: 'tls-alert-own-chain',
    role: 'transport',
    title: {
      en: 'On {server}: show the certificates this server presents and whether their chain builds here (Status Valid); change nothing',
      ja: '{server} で: このサーバーが提示する証明書と、そのチェーンがここで構築できるか (Status が Valid か) を表示します。何も変更しません',
    },
    why: {
      en: 'A remote side that ends the handshake with a certificate alert most often lacks a root or intermediate of the chain it was sent. Status Valid and a known RootCAType mean the chain is complete here; what the remote side lacks is then theirs to add, or the intermediate this server should send.',
      ja: '証明書のアラートでハンドシェイクを終了する相手は、送られたチェーンのルートまたは中間証明書を持っていないことがほとんどです。Status が Valid で RootCAType がわかっていれば、チェーンはここでは完全です。その場合、足りないものは相手側で追加するか、このサーバーが送るべき中間証明書です。',
    },
    command: { default: 'Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,Services,NotAfter,Status,RootCAType' },
  },
  {
    id: 'tls-alert-probe-own',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'From any machine with OpenSSL: show the chain this server sends on port 25; the partner must trust the issuer of its last certificate',
      ja: 'OpenSSL のある任意のマシンから: このサーバーがポート 25 で送るチェーンを表示します。相手は最後の証明書の発行者を信頼している必要があります',
    },
    why: {
      en: 'Verify return code 0 means the chain is complete from outside too. A chain that stops at the server certificate means the intermediate is missing on this server: import it into Intermediate Certification Authorities; the certificate itself stays.',
      ja: 'Verify return code が 0 なら、外部から見てもチェーンは完全です。チェーンがサーバー証明書で止まる場合は、このサーバーに中間証明書がありません。[中間証明機関] にインポートします。証明書そのものはそのままです。',
    },
    command: { default: 'openssl s_client -connect {fqdnFirst}:25 -starttls smtp -showcerts' },
  },
  {
    id: 'tls-alert-add-intermediate',
    role: 'transport',
    title: {
      en: "On {server}, only if the chain shown above stops at this server's own certificate: import the issuing intermediate CA certificate (from the CA's own site) into Intermediate Certification Authorities, then restart the Transport service so that it sends the whole chain",
      ja: '{server} で、上で表示したチェーンがこのサーバー自身の証明書で止まっている場合だけ: 発行元の中間 CA 証明書を (CA 自身のサイトから入手し) [中間証明機関] にインポートし、チェーン全体を送るようにトランスポート サービスを再起動します',
    },
    why: {
      en: 'A certificate renewed by a CA with a new intermediate is sent without it when the server does not have it (an Edge in a workgroup gets no intermediates by Group Policy); the partner then answers alert 48 (unknown_ca). The certificate itself is valid and stays. On a 2013 or later Mailbox server port 25 is answered by the Front End Transport service: restart MSExchangeFrontEndTransport there as well.',
      ja: '新しい中間 CA で更新された証明書は、サーバーにその中間証明書がないとそれなしで送られます (ワークグループのエッジにはグループ ポリシーで中間証明書が配布されません)。相手はアラート 48 (unknown_ca) を返します。証明書そのものは有効なのでそのままです。2013 以降のメールボックス サーバーでは、ポート 25 にはフロントエンド トランスポート サービスが応答するため、そこでは MSExchangeFrontEndTransport も再起動します。',
    },
    command: {
      default: 'certutil -addstore CA C:\\Temp\\intermediate.cer\nRestart-Service MSExchangeTransport',
    },
  },
  {
    id: 'tls-show-protocols',
    role: 'any',
    title: {
      en: 'On {server}: show which TLS versions Schannel allows here; change nothing',
      ja: '{server} で: Schannel が許可している TLS バージョンを表示します。何も変更しません',
    },
    why: {
      en: 'Schannel 36874 means a client offered no TLS version or cipher suite this server accepts, often a device that speaks only TLS 1.0/1.1 after they were turned off. The client is to be updated; a certificate change does not help. An empty listing means the Windows defaults.',
      ja: 'Schannel 36874 は、クライアントがこのサーバーの受け付ける TLS バージョンや暗号スイートを 1 つも提示しなかったことを示します。TLS 1.0/1.1 を無効にした後も、それしか使えない機器であることが多くあります。更新するのはクライアントで、証明書を変更しても解決しません。何も表示されない場合は Windows の既定値です。',
    },
    command: {
      default:
        "Get-ChildItem 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols' -Recurse | Get-ItemProperty | fl PSPath,Enabled,DisabledByDefault",
    },
  },
  {
    id: 'remote-test-port',
    role: 'transport',
    title: {
      en: 'On {server}: test the connection to the next hop {peer} on port 25',
      ja: '{server} で: 次ホップ {peer} へのポート 25 の接続をテストします',
    },
    why: {
      en: 'Connected True means the port answers from this server; an error means it does not. SocketError is the connection itself failing or being cut (a firewall, a device that inspects SMTP, the remote server, or a TLS version neither side accepts), not a certificate.',
      ja: 'Connected が True ならこのサーバーからポートに接続できます。エラーになる場合は接続できません。SocketError は接続そのものの失敗や切断 (ファイアウォール、SMTP を検査する機器、相手のサーバー、双方が受け付けない TLS バージョン) を示し、証明書の問題ではありません。',
    },
    command: { default: "New-Object System.Net.Sockets.TcpClient('{peerFqdn}', 25) | fl Connected" },
  },
  {
    id: 'remote-probe-tls',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'From any machine with certcheck: check that {peer} answers on port 25, offers STARTTLS, and which TLS version it speaks',
      ja: 'certcheck のある任意のマシンから: {peer} がポート 25 で応答し、STARTTLS を提供するか、どの TLS バージョンを使うかを確認します',
    },
    why: {
      en: 'A hop that offers only TLS 1.0/1.1, or none, drops the connection when this server allows TLS 1.2 only; a hop that answers from here but not from the server points at the network in between.',
      ja: 'TLS 1.0/1.1 しか提供しない (または何も提供しない) ホップは、こちらが TLS 1.2 のみを許可していると接続を切ります。ここからは応答してサーバーからは応答しない場合は、その間のネットワークが原因です。',
    },
    command: { default: 'certcheck probe {peerFqdn}:25' },
  },
  {
    id: 'verify-queue-drains',
    role: 'mailbox',
    phase: 'verify',
    title: {
      en: 'Once the next hop is fixed: check that the queue drains: the message count falls and LastError is empty',
      ja: '次ホップが直ったら: キューが減ることを確認します。メッセージ数が減り、LastError が空になります',
    },
    why: {
      en: 'Messages wait in the queue until the next hop accepts them; they are not lost meanwhile.',
      ja: 'メッセージは次ホップが受け付けるまでキューで待機しており、その間に失われることはありません。',
    },
    command: { default: 'Get-Queue -Identity {queueOrPlaceholder} | fl Status,MessageCount,LastError' },
  },
  {
    id: 'hcw-enable-smtp',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the certificate given to the Hybrid Configuration Wizard for SMTP too. Asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate. Answer the prompt yourself: forcing it past the prompt answers Y',
      ja: '{server} で: ハイブリッド構成ウィザードに指定した証明書を SMTP にも割り当てます。既定の SMTP 証明書の上書き確認には N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)。確認を省略して強制すると Y と答えたことになるので、確認には自分で答えてください',
    },
    why: {
      en: 'Set-SendConnector accepts only a certificate enabled for SMTP; the services it already has (IIS) stay as they are.',
      ja: 'Set-SendConnector は SMTP に割り当てた証明書しか受け付けません。すでに割り当てているサービス (IIS) はそのまま残ります。',
    },
    verify: {
      en: 'Get-ExchangeCertificate -Thumbprint shows SMTP in its Services.',
      ja: 'Get-ExchangeCertificate -Thumbprint の Services に SMTP が表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services SMTP' },
  },
  {
    id: 'hcw-rerun-smtp',
    role: 'any',
    runsOn: 'mailbox-side',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Re-run the Hybrid Configuration Wizard and choose the same certificate: its mail flow step now completes',
      ja: 'ハイブリッド構成ウィザード (Hybrid Configuration Wizard) を再実行し、同じ証明書を選びます。メール フローの構成が完了するようになります',
    },
    why: {
      en: 'The wizard sets the Default Frontend and Outbound to Office 365 connectors to the certificate it is given: the step that failed is that one.',
      ja: 'ウィザードは指定された証明書を Default Frontend と Outbound to Office 365 のコネクタに設定します。失敗したのはこの手順です。',
    },
  },
  {
    id: 'verify-hybrid-connectors-pin',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    phase: 'verify',
    title: {
      en: 'Check that the Default Frontend receive connector and the Outbound to Office 365 send connector now name the certificate',
      ja: 'Default Frontend 受信コネクタと Outbound to Office 365 送信コネクタが、その証明書を指定していることを確認します',
    },
    why: {
      en: 'TlsCertificateName shows the issuer and subject of the certificate each connector presents to Exchange Online.',
      ja: 'TlsCertificateName に、各コネクタが Exchange Online に提示する証明書の発行者とサブジェクトが表示されます。',
    },
    command: {
      default:
        "Get-SendConnector | ? { $_.Name -like 'Outbound to Office 365*' } | fl Name,TlsCertificateName\nGet-ReceiveConnector | ? { $_.Name -like 'Default Frontend*' } | fl Identity,TlsCertificateName",
    },
  },
  {
    id: 'ask-certificate-listing',
    role: 'any',
    title: {
      en: 'On each Exchange server: list every certificate with its services and expiry, and paste the output here',
      ja: '各 Exchange サーバーで: すべての証明書をサービスと有効期限とともに一覧し、その結果をここに貼り付けます',
    },
    why: {
      en: 'This shows which certificate expired, what it was used for, and whether a newer one is already installed: the fix depends on all three. It changes nothing.',
      ja: 'どの証明書が期限切れか、何に使われていたか、新しい証明書がすでにあるかがわかります。対処はこの 3 つで決まります。何も変更しません。',
    },
    command: { default: 'Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize' },
  },
  {
    id: 'ask-certificate-events',
    role: 'any',
    title: {
      en: 'On the same servers: list the recent transport certificate events (12014 to 12018) and paste them too',
      ja: '同じサーバーで: 最近のトランスポート証明書のイベント (12014 から 12018) を一覧し、それも貼り付けます',
    },
    why: {
      en: 'The events name the certificate and the connector that fail, so the answer can name them too.',
      ja: 'イベントは失敗している証明書とコネクタを示すので、回答でもそれを指定できます。',
    },
    // Get-EventLog runs on every Windows an Exchange server runs on, so one command serves every release.
    command: {
      default:
        'Get-EventLog Application -Newest 2000 | ? { $_.EventID -ge 12014 -and $_.EventID -le 12018 } | fl TimeGenerated,EventID,Source,Message',
    },
  },
  {
    id: 'already-imported-show',
    role: 'any',
    title: {
      en: 'On {server}: show the certificate that is already here instead of importing it again: its names, services, expiry, status and whether it has its private key',
      ja: '{server} で: もう一度インポートする代わりに、すでにある証明書の名前、サービス、有効期限、状態、秘密キーの有無を表示します',
    },
    why: {
      en: '"A certificate with the thumbprint … already exists" means the import was done before: what may be missing is enabling it.',
      ja: '「A certificate with the thumbprint … already exists」は、インポートが以前に済んでいることを示します。足りないのは割り当てかもしれません。',
    },
    command: {
      default:
        'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,Issuer,CertificateDomains,Services,NotAfter,Status,HasPrivateKey',
    },
  },
  {
    id: 'already-imported-enable',
    role: 'any',
    title: {
      en: 'If it shows HasPrivateKey True and Status Valid but not the services it is meant for: enable it for them on {server}. Asked to overwrite the default SMTP certificate, answer N for a CA certificate',
      ja: 'HasPrivateKey が True、Status が Valid で、使う予定のサービスが表示されない場合: {server} でそのサービスに割り当てます。既定の SMTP 証明書の上書き確認には、CA の証明書なら N と答えます',
    },
    why: {
      en: 'An imported certificate serves nothing until it is enabled; N keeps the internal transport certificate as it is.',
      ja: 'インポートした証明書は割り当てるまで何にも使われません。N と答えると内部トランスポート証明書はそのまま残ります。',
    },
    verify: {
      en: 'Get-ExchangeCertificate -Thumbprint shows the services in its Services.',
      ja: 'Get-ExchangeCertificate -Thumbprint の Services にそのサービスが表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services {servicesOrDefault}' },
  },
  {
    id: 'not-found-list',
    role: 'any',
    title: {
      en: 'On {server}, and on each other Exchange server: list the certificates and look for the thumbprint the error names; copy it from this listing rather than from the certificate dialog',
      ja: '{server} と他の各 Exchange サーバーで: 証明書を一覧し、エラーが示す拇印を探します。拇印は証明書のダイアログからではなく、この一覧からコピーします',
    },
    why: {
      en: 'Get-ExchangeCertificate looks only on the server it runs on: the certificate may be on another server, or the thumbprint was typed or copied with an invisible character or spaces from the certificate dialog.',
      ja: 'Get-ExchangeCertificate は実行したサーバーだけを探します。証明書が別のサーバーにあるか、拇印が打ち間違えられたか、証明書のダイアログから見えない文字や空白ごとコピーされています。',
    },
    command: { default: 'Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize' },
  },
  {
    id: 'retry-queue-after-fix',
    role: 'transport',
    title: {
      en: 'On {server}, after the certificate fix above: retry the queued mail{queuedTo} instead of waiting for the next attempt',
      ja: '{server} で、上記の証明書の修正の後に: 次の再試行を待たずに滞留している{queuedTo}メールを再試行します',
    },
    why: {
      en: 'The queue was waiting on the failed TLS handshake; once the certificate is fixed, a retry delivers it at once instead of at the next retry interval.',
      ja: 'キューは失敗した TLS ハンドシェイクのために待機していました。証明書を直した後に再試行すれば、次の再試行間隔を待たずに配信されます。',
    },
    command: { default: '{retryQueueCommand}' },
  },
  {
    id: 'verify-queue-after-fix',
    role: 'transport',
    phase: 'verify',
    title: {
      en: 'On {server}: check that the queue drains: the message count falls and LastError is empty. If LastError still shows the dropped connection, the connection itself is at fault (network, firewall, the other server): test port 25 from {server}',
      ja: '{server} で: キューが減ることを確認します。メッセージ数が減り、LastError が空になります。LastError に接続の切断がまだ表示される場合は接続そのもの (ネットワーク、ファイアウォール、相手のサーバー) が原因です。{server} からポート 25 への接続をテストします',
    },
    why: {
      en: 'Messages wait in the queue until the next hop accepts them; they are not lost meanwhile.',
      ja: 'メッセージは次ホップが受け付けるまでキューで待機しており、その間に失われることはありません。',
    },
    command: { default: '{queueCheckCommand}' },
  },
];
