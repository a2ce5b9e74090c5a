import type { Plan } from './plan-model.js';

const notKnownNotEdge = (edge: 'yes' | 'no' | 'unknown') => edge !== 'no';

/** Transport certificates: the internal (direct trust) one, STARTTLS, connectors and Edge. */
export const transportPlans: Plan[] = [
  {
    id: 'internal-transport-renew',
    reference: 'KB 953354; Microsoft Learn: New-ExchangeCertificate, Edge Subscriptions',
    steps: [
      {
        id: 'new-self-signed-2007',
        role: 'transport',
        versions: ['2007'],
        title: {
          en: "On {server}: create a new self-signed certificate for the server's FQDN. It is enabled for SMTP; answer Y when asked to overwrite the default SMTP certificate",
          ja: '{server} で: サーバーの FQDN で新しい自己署名証明書を作成します。SMTP に割り当てられます。既定の SMTP 証明書の上書き確認には Y と答えます',
        },
        why: {
          en: 'Exchange 2007 Setup made a certificate that lasts one year; a new one restores STARTTLS and Edge/Hub TLS.',
          ja: 'Exchange 2007 のセットアップが作る証明書の有効期間は 1 年です。新しい証明書で STARTTLS とエッジ/ハブ間の TLS が戻ります。',
        },
        command: 'New-ExchangeCertificate -DomainName {fqdnFirst}',
      },
      {
        id: 'clone-renew',
        role: 'transport',
        versions: ['2010', '2013+', 'unknown'],
        title: {
          en: 'On {server}: renew the certificate with the same names; answer Y to overwrite the default SMTP certificate (this is the internal transport certificate)',
          ja: '{server} で: 同じ名前で証明書を更新します。既定の SMTP 証明書の上書き確認には Y と答えます (これが内部トランスポート証明書です)',
        },
        why: {
          en: 'The new certificate automatically becomes the internal transport certificate that Exchange servers use to trust each other.',
          ja: '新しい証明書が、Exchange サーバー同士の信頼に使われる内部トランスポート証明書に自動でなります。',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | New-ExchangeCertificate',
        when: (c) => c.values.thumbprint !== undefined,
      },
      {
        id: 'new-self-signed',
        role: 'transport',
        versions: ['2010', '2013+', 'unknown'],
        title: {
          en: 'On {server}: create a new self-signed certificate for SMTP; answer Y to overwrite the default SMTP certificate',
          ja: '{server} で: SMTP 用の新しい自己署名証明書を作成します。既定の SMTP 証明書の上書き確認には Y と答えます',
        },
        command: 'New-ExchangeCertificate -DomainName {domains} -Services SMTP',
        when: (c) => c.values.thumbprint === undefined,
      },
      {
        id: 'check-services',
        role: 'transport',
        title: {
          en: 'Check the new certificate and the services it serves',
          ja: '新しい証明書と割り当てられたサービスを確認します',
        },
        command: 'Get-ExchangeCertificate | fl Thumbprint,Services,NotAfter,Subject',
        versions: ['2007'],
      },
      {
        id: 'confirm-internal',
        role: 'transport',
        versions: ['2010', '2013+', 'unknown'],
        title: {
          en: 'Confirm the server now uses the new thumbprint as its internal transport certificate',
          ja: 'サーバーが新しい拇印を内部トランスポート証明書として使っていることを確認します',
        },
        command: {
          default: 'Get-TransportService {server} | fl InternalTransportCertificateThumbprint',
          '2010': 'Get-TransportServer {server} | fl InternalTransportCertificateThumbprint',
        },
      },
      {
        id: 'enable-iis-2007',
        role: 'client-access',
        versions: ['2007'],
        title: {
          en: 'If the server also has the Client Access role: New-ExchangeCertificate does not enable IIS on Exchange 2007, so enable it',
          ja: 'クライアント アクセスの役割もある場合: Exchange 2007 の New-ExchangeCertificate は IIS を有効にしないので、有効にします',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS',
      },
      {
        id: 'enable-iis',
        role: 'client-access',
        versions: ['2010', '2013+', 'unknown'],
        title: {
          en: 'The old certificate served IIS: enable the new one for IIS too, then restart IIS',
          ja: '古い証明書は IIS に使われていました: 新しい証明書も IIS に割り当て、IIS を再起動します',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS; iisreset /noforce',
        when: (c) => /IIS/.test(c.values.services ?? ''),
      },
      {
        id: 'edge-resubscribe-2007',
        role: 'edge',
        versions: ['2007'],
        title: {
          en: "If this is an Edge Transport server (or an Edge subscribes to this Hub's site): on the Edge, export a new subscription file, copy it to a Hub Transport server and import it there, then restart the Microsoft Exchange ADAM service on the Edge",
          ja: 'エッジ トランスポート サーバーの場合 (またはこのハブのサイトにエッジがサブスクライブしている場合): エッジでサブスクリプション ファイルを作成してハブ トランスポート サーバーにコピーして取り込み、エッジの Microsoft Exchange ADAM サービスを再起動します',
        },
        why: {
          en: 'Edge and Hub trust each other through the certificates published by the subscription (KB 953354).',
          ja: 'エッジとハブはサブスクリプションで公開された証明書で互いを信頼します (KB 953354)。',
        },
        command:
          'New-EdgeSubscription -FileName C:\\EdgeSubscription.xml   # on the Edge\nNew-EdgeSubscription -FileName C:\\EdgeSubscription.xml -Site "<AD site>"   # on the Hub\nRestart-Service ADAM_MSExchange   # on the Edge',
      },
      {
        id: 'edge-resubscribe',
        role: 'edge',
        versions: ['2010', '2013+', 'unknown'],
        when: (c) => notKnownNotEdge(c.edge),
        title: {
          en: 'If this is an Edge Transport server: subscribe it again (the file expires 24 hours after it is made), then restart AD LDS on the Edge',
          ja: 'エッジ トランスポート サーバーの場合: サブスクリプションをやり直し (ファイルは作成から 24 時間で無効になります)、エッジの AD LDS を再起動します',
        },
        why: {
          en: "Renewing an Edge's certificate does not reach the Mailbox/Hub servers until the subscription is made again.",
          ja: 'エッジの証明書を更新しても、サブスクリプションをやり直すまでメールボックス/ハブ サーバーには伝わりません。',
        },
        command: {
          default:
            'New-EdgeSubscription -FileName C:\\Data\\EdgeSubscription.xml   # on the Edge\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes(\'C:\\Data\\EdgeSubscription.xml\')) -Site "<AD site>"   # on a Mailbox server\nRestart-Service ADAM_MSExchange   # on the Edge\nStart-EdgeSynchronization   # on the Mailbox server',
          '2010':
            'New-EdgeSubscription -FileName C:\\Data\\EdgeSubscription.xml   # on the Edge\nNew-EdgeSubscription -FileData ([byte[]]$(Get-Content -Path C:\\Data\\EdgeSubscription.xml -Encoding Byte -ReadCount 0)) -Site "<AD site>"   # on a Hub Transport server\nRestart-Service ADAM_MSExchange   # on the Edge\nStart-EdgeSynchronization   # on the Hub',
        },
      },
      {
        id: 'remove-old',
        role: 'transport',
        when: (c) => c.values.thumbprint !== undefined,
        title: {
          en: 'Once mail flows with the new certificate, remove the old one',
          ja: '新しい証明書でメールが流れることを確認してから、古い証明書を削除します',
        },
        command: 'Remove-ExchangeCertificate -Thumbprint {thumbprint}',
      },
    ],
  },
  {
    id: 'starttls-missing',
    reference: 'Microsoft Learn: How to Troubleshoot STARTTLS Certificate Error 12014; KB 953354',
    steps: [
      {
        id: 'find-cert-for-fqdn',
        role: 'transport',
        title: {
          en: 'On {server}: list the certificates Exchange would consider for {fqdn} (the first one listed is the one it picks)',
          ja: '{server} で: {fqdn} に使える証明書を一覧します (最初に表示されるものが選ばれます)',
        },
        command:
          'Get-ExchangeCertificate -DomainName {fqdn} | fl Thumbprint,Subject,CertificateDomains,Services,NotAfter,HasPrivateKey',
      },
      {
        id: 'enable-smtp-found',
        role: 'transport',
        title: {
          en: 'If one is listed: enable it for SMTP, which also lets the Transport service read its private key (answer N to the overwrite prompt for a CA certificate)',
          ja: '表示された場合: SMTP に割り当てます。Transport サービスが秘密キーを読めるようにもなります (CA の証明書なら上書き確認に N と答えます)',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint <thumbprint from the list> -Services SMTP',
      },
      {
        id: 'new-for-fqdn',
        role: 'transport',
        title: {
          en: 'If none is listed: create a certificate that contains {fqdn} (or import one from your CA for public names)',
          ja: '表示されない場合: {fqdn} を含む証明書を作成します (公開名なら CA の証明書を取り込みます)',
        },
        command: 'New-ExchangeCertificate -DomainName {fqdn}',
      },
      {
        id: 'restart-transport',
        role: 'transport',
        title: {
          en: 'Restart transport so the connector picks the certificate up',
          ja: 'コネクタが証明書を読み込むようにトランスポートを再起動します',
        },
        command: { default: 'Restart-Service MSExchangeTransport', '2013+': 'Restart-Service {transportService}' },
      },
    ],
  },
  {
    id: 'starttls-pinned',
    reference: 'KB 2989382; Microsoft Learn: Set-ReceiveConnector -TlsCertificateName',
    steps: [
      {
        id: 'find-renewed',
        role: 'mailbox',
        title: {
          en: 'On {server}: find the renewed certificate for {fqdn} and note its thumbprint',
          ja: '{server} で: 更新後の {fqdn} の証明書を探し、拇印を控えます',
        },
        command: 'Get-ExchangeCertificate -DomainName {fqdn} | fl Thumbprint,Issuer,Subject,NotAfter,Services',
      },
      {
        id: 'enable-smtp-renewed',
        role: 'mailbox',
        title: {
          en: 'Enable it for SMTP if it is not yet; answer N to overwriting the default SMTP certificate',
          ja: 'まだなら SMTP に割り当てます。既定の SMTP 証明書の上書き確認には N と答えます',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services SMTP',
      },
      {
        id: 'set-receive-pin',
        role: 'mailbox',
        title: {
          en: 'Point the receive connector "{connector}" at the new certificate (it still pins {pinnedShort})',
          ja: '受信コネクタ「{connector}」が新しい証明書を指すようにします (今は {pinnedShort} を指しています)',
        },
        why: {
          en: 'The connector names its certificate by issuer and subject; a renewed certificate from another issuer no longer matches.',
          ja: 'コネクタは発行者とサブジェクトで証明書を指定します。発行者が変わった更新証明書とは一致しません。',
        },
        command:
          '$c = Get-ExchangeCertificate -Thumbprint <new thumbprint>\n$n = "<I>$($c.Issuer)<S>$($c.Subject)"\nSet-ReceiveConnector "{server}\\{connector}" -TlsCertificateName $n',
      },
      {
        id: 'set-send-pin',
        role: 'mailbox',
        title: {
          en: 'Update the send connectors that pin a certificate too (in hybrid, "Outbound to Office 365")',
          ja: '証明書を指定している送信コネクタも更新します (ハイブリッドでは "Outbound to Office 365")',
        },
        command: 'Get-SendConnector | ? { $_.TlsCertificateName } | Set-SendConnector -TlsCertificateName $n',
      },
      {
        id: 'restart-frontend',
        role: 'mailbox',
        title: {
          en: 'Restart the Front End Transport service',
          ja: 'フロントエンド トランスポート サービスを再起動します',
        },
        command: 'Restart-Service MSExchangeFrontEndTransport',
      },
      {
        id: 'rerun-hcw',
        role: 'any',
        title: {
          en: 'In hybrid, re-running the Hybrid Configuration Wizard sets these values for you as well',
          ja: 'ハイブリッド環境では、ハイブリッド構成ウィザードを再実行してもこれらの値が設定されます',
        },
      },
    ],
  },
  {
    id: 'starttls-renew',
    reference: 'Microsoft Learn: MSExchangeTransport 12016/12018; New-ExchangeCertificate; Enable-ExchangeCertificate',
    steps: [
      {
        id: 'inspect',
        role: 'transport',
        when: (c) => c.values.thumbprint !== undefined,
        title: {
          en: 'On {server}: see whether the certificate is self-signed or from a CA',
          ja: '{server} で: 証明書が自己署名か CA 発行かを確認します',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,Issuer,IsSelfSigned,NotAfter,Services',
      },
      {
        id: 'renew-self-signed',
        role: 'transport',
        title: {
          en: 'Self-signed: create a new one for {fqdn}',
          ja: '自己署名の場合: {fqdn} の新しい証明書を作成します',
        },
        command: {
          default: 'New-ExchangeCertificate -DomainName {fqdn} -Services SMTP',
          '2007': 'New-ExchangeCertificate -DomainName {fqdn}',
        },
      },
      {
        id: 'renew-clone',
        role: 'transport',
        when: (c) => c.values.thumbprint !== undefined,
        title: {
          en: 'Or renew it with the same names (for a CA certificate add -GenerateRequest and complete the request with your CA)',
          ja: 'または同じ名前で更新します (CA の証明書なら -GenerateRequest を付け、CA で要求を完了します)',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | New-ExchangeCertificate',
      },
      {
        id: 'enable-smtp',
        role: 'transport',
        title: {
          en: 'Enable the new certificate for SMTP (answer N to the overwrite prompt when it is a CA certificate)',
          ja: '新しい証明書を SMTP に割り当てます (CA の証明書なら上書き確認に N と答えます)',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services SMTP',
      },
      {
        id: 'connector-pins',
        role: 'mailbox',
        versions: ['2013+', 'unknown'],
        title: {
          en: 'Exchange 2013 and later: find connectors that pin the old certificate by TlsCertificateName and point them at the new one',
          ja: 'Exchange 2013 以降: TlsCertificateName で古い証明書を指定しているコネクタを探し、新しい証明書に変更します',
        },
        command:
          'Get-ReceiveConnector | ? { $_.TlsCertificateName } | ft Identity,TlsCertificateName\nGet-SendConnector | ? { $_.TlsCertificateName } | ft Identity,TlsCertificateName',
      },
      {
        id: 'restart-transport',
        role: 'transport',
        title: { en: 'Restart transport', ja: 'トランスポートを再起動します' },
        command: {
          default: 'Restart-Service MSExchangeTransport',
          '2013+': 'Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport',
        },
      },
    ],
  },
  {
    id: 'remote-peer-renew',
    reference: 'Microsoft Learn: MSExchangeTransport 12019',
    steps: [
      {
        id: 'peer-inspect',
        role: 'any',
        runsOn: 'peer',
        title: {
          en: 'On {peer} (not on this server): list its SMTP certificates and their expiry',
          ja: '{peer} で (このサーバーではありません): SMTP 証明書と有効期限を一覧します',
        },
        command:
          "Get-ExchangeCertificate | ? { $_.Services -match 'SMTP' } | fl Thumbprint,Subject,NotAfter,IsSelfSigned",
      },
      {
        id: 'peer-renew',
        role: 'any',
        runsOn: 'peer',
        title: {
          en: 'On {peer}: create a new internal transport certificate; answer Y to overwrite the default SMTP certificate',
          ja: '{peer} で: 新しい内部トランスポート証明書を作成します。既定の SMTP 証明書の上書き確認には Y と答えます',
        },
        command: 'New-ExchangeCertificate -DomainName {peerHost},{peer} -Services SMTP',
      },
      {
        id: 'peer-edge',
        role: 'edge',
        runsOn: 'peer',
        title: {
          en: 'If {peer} is an Edge Transport server: subscribe it again so this site learns the new certificate',
          ja: '{peer} がエッジ トランスポート サーバーの場合: サブスクリプションをやり直して、新しい証明書をこのサイトに伝えます',
        },
        command:
          'New-EdgeSubscription -FileName C:\\Data\\EdgeSubscription.xml   # on {peer}\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes(\'C:\\Data\\EdgeSubscription.xml\')) -Site "<AD site>"   # on a Mailbox/Hub server',
      },
    ],
  },
  {
    id: 'internal-missing-local',
    reference: 'Microsoft Learn: MSExchangeTransport 12013/12024',
    steps: [
      {
        id: 'check-present',
        role: 'transport',
        title: {
          en: 'On {server}: check whether the certificate is still in the personal store',
          ja: '{server} で: 証明書が個人用ストアに残っているか確認します',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Thumbprint,NotAfter,HasPrivateKey,Services',
      },
      {
        id: 'reenable',
        role: 'transport',
        title: {
          en: 'If it is there: enable it for SMTP again (this also fixes the key permissions)',
          ja: '残っている場合: もう一度 SMTP に割り当てます (キーのアクセス許可も直ります)',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services SMTP',
      },
      {
        id: 'recreate',
        role: 'transport',
        title: {
          en: 'If it is gone: create a new one for the server (or restore it with Import-ExchangeCertificate); answer Y to the overwrite prompt',
          ja: 'ない場合: サーバー用に新しく作成します (または Import-ExchangeCertificate で復元します)。上書き確認には Y と答えます',
        },
        command: 'New-ExchangeCertificate -DomainName {domains} -Services SMTP',
      },
      {
        id: 'confirm-internal',
        role: 'transport',
        title: {
          en: 'Confirm the internal transport certificate thumbprint',
          ja: '内部トランスポート証明書の拇印を確認します',
        },
        command: {
          default: 'Get-TransportService {server} | fl InternalTransportCertificateThumbprint',
          '2010': 'Get-TransportServer {server} | fl InternalTransportCertificateThumbprint',
          '2007': 'Get-TransportServer {server} | fl InternalTransportCertificateThumbprint',
        },
      },
      {
        id: 'edge-resubscribe-note',
        role: 'edge',
        when: (c) => notKnownNotEdge(c.edge),
        title: {
          en: 'If Edge servers subscribe to this site, subscribe them again afterwards (New-EdgeSubscription)',
          ja: 'このサイトにエッジ サーバーがサブスクライブしている場合は、その後でサブスクリプションをやり直します (New-EdgeSubscription)',
        },
      },
    ],
  },
  {
    id: 'internal-missing-ad',
    reference: 'Microsoft Learn: MSExchangeTransport 12012',
    steps: [
      {
        id: 'republish',
        role: 'transport',
        title: {
          en: 'On {server}: enable the certificate for SMTP again; this publishes it to Active Directory',
          ja: '{server} で: 証明書をもう一度 SMTP に割り当てます。これで Active Directory に公開されます',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services SMTP',
      },
      {
        id: 'wait-replication',
        role: 'any',
        title: {
          en: 'Wait for Active Directory replication, then subscribe Edge servers again if you have any',
          ja: 'Active Directory のレプリケーションを待ち、エッジ サーバーがあればサブスクリプションをやり直します',
        },
      },
    ],
  },
  {
    id: 'send-connector-pin',
    reference: 'Microsoft Learn: Set-SendConnector -TlsCertificateName; Exchange hybrid TLS guidance',
    steps: [
      {
        id: 'find-smtp-cert',
        role: 'mailbox',
        title: { en: 'Find the certificate the connector should use now', ja: 'コネクタが今使うべき証明書を探します' },
        command:
          "Get-ExchangeCertificate | ? { $_.Services -match 'SMTP' -and -not $_.IsSelfSigned } | fl Thumbprint,Issuer,Subject,NotAfter",
      },
      {
        id: 'set-send',
        role: 'mailbox',
        title: {
          en: 'Point the send connector(s) that pin a certificate at it (or re-run the Hybrid Configuration Wizard)',
          ja: '証明書を指定している送信コネクタをその証明書に向けます (またはハイブリッド構成ウィザードを再実行します)',
        },
        command:
          '$c = Get-ExchangeCertificate -Thumbprint <thumbprint>\n$n = "<I>$($c.Issuer)<S>$($c.Subject)"\nGet-SendConnector | ? { $_.TlsCertificateName } | Set-SendConnector -TlsCertificateName $n',
      },
      {
        id: 'retry-queue',
        role: 'mailbox',
        title: {
          en: 'Retry the queue instead of waiting for the next attempt',
          ja: '次の再試行を待たずにキューを再試行します',
        },
        command: 'Retry-Queue -Identity {queue}',
      },
    ],
  },
];
