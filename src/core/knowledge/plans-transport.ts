import type { Plan, PlanContext } from './plan-model.js';
import { CONNECTOR_PIN_WHY, REMOVE_OLD_WHY } from './shared-reasons.js';

/** The server may be an Edge: the paste does not say otherwise, and it serves no clients (an Edge has no IIS, POP or IMAP). */
const mayBeEdge = (c: PlanContext) => c.edge !== 'no' && !/IIS|POP|IMAP/.test(c.values.services ?? '');
/** Client Access work never runs on an Edge Transport server. */
const notEdge = (c: PlanContext) => c.edge !== 'yes';

/** Get-TransportService is 2013+; 2007/2010 have Get-TransportServer (ps:Get-TransportService). */
const TRANSPORT_SERVER_NOTE = {
  en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
  ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
};

/**
 * New-EdgeSubscription -FileData exists from 2010 (ps:New-EdgeSubscription); Exchange 2007 imports the
 * file with -FileName on the Hub (bb123800(v=exchg.80)). 2010 imports on a Hub Transport server.
 */
const EDGE_SUBSCRIPTION_NOTE = {
  en: 'Exchange 2010: import on a Hub Transport server; Exchange 2007 has no -FileData: New-EdgeSubscription -FileName <file> -Site <AD site> on the Hub',
  ja: 'Exchange 2010 ではハブ トランスポート サーバーで取り込みます。Exchange 2007 には -FileData がないので、ハブで New-EdgeSubscription -FileName <ファイル> -Site <AD サイト>',
};

/** TlsCertificateName on connectors and the Front End Transport service exist from Exchange 2013 (ps:Set-ReceiveConnector, Set-SendConnector). */
const PIN_NEEDS_2013 = {
  en: 'A TlsCertificateName value (<I>…<S>…) exists only on Exchange 2013 and later connectors: run these steps on the Exchange 2013-or-later server that logged the event or queued the mail, not on an Exchange 2007/2010 server',
  ja: 'TlsCertificateName (<I>…<S>…) は Exchange 2013 以降のコネクタにしかありません: イベントを記録した (またはメールを滞留させた) Exchange 2013 以降のサーバーで対処します。Exchange 2007/2010 のサーバーではありません',
};

/** Transport certificates: the internal (direct trust) one, STARTTLS, connectors and Edge. */
export const transportPlans: Plan[] = [
  {
    id: 'internal-transport-renew',
    reference: 'KB 953354; Microsoft Learn: New-ExchangeCertificate; Microsoft Learn: Edge Subscriptions',
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
        when: (c) => c.values.thumbprint !== undefined && c.values.internal === 'yes',
      },
      {
        id: 'clone-renew-maybe',
        role: 'transport',
        versions: ['2010', '2013+', 'unknown'],
        title: {
          en: "On {server}: renew the certificate with the same names; asked to overwrite the default SMTP certificate, answer Y only if this is the server's internal transport certificate (see the next step), otherwise N",
          ja: '{server} で: 同じ名前で証明書を更新します。既定の SMTP 証明書の上書き確認には、これがサーバーの内部トランスポート証明書の場合だけ Y (次の手順で確認できます)、それ以外は N と答えます',
        },
        why: {
          en: 'Y makes the new certificate the one Exchange servers use to trust each other; that is right only when it replaces that certificate.',
          ja: 'Y と答えると、新しい証明書が Exchange サーバー同士の信頼に使われる証明書になります。それを置き換える場合にだけ正しい答えです。',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | New-ExchangeCertificate',
        when: (c) => c.values.thumbprint !== undefined && c.values.internal !== 'yes',
      },
      {
        id: 'new-self-signed',
        why: {
          en: 'The server needs an unexpired certificate for its own name before TLS between Exchange servers works again.',
          ja: 'Exchange サーバー間の TLS を戻すには、サーバー自身の名前の有効な証明書が必要です。',
        },
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
        why: {
          en: 'Confirms SMTP moved to the new certificate before anything else changes.',
          ja: '他を変更する前に、SMTP が新しい証明書に移ったことを確かめます。',
        },
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
        why: {
          en: 'Exchange trusts servers by this thumbprint; if it still shows the old one, the renewal did not take.',
          ja: 'Exchange はこの拇印でサーバーを信頼します。古い拇印のままなら更新が反映されていません。',
        },
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
        unknownNote: TRANSPORT_SERVER_NOTE,
      },
      {
        id: 'enable-iis-2007',
        when: (c) => notEdge(c) && (c.values.services === undefined || /IIS/.test(c.values.services)),
        why: {
          en: 'Otherwise OWA and Outlook Anywhere keep presenting the expired certificate.',
          ja: 'そうしないと OWA や Outlook Anywhere が期限切れの証明書を出し続けます。',
        },
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
        why: {
          en: 'IIS keeps the old binding until told otherwise: OWA, EWS and Autodiscover would still present the expired certificate.',
          ja: 'IIS のバインドは、変更するまで古い証明書のままです。OWA、EWS、自動検出が期限切れの証明書を出し続けます。',
        },
        role: 'client-access',
        versions: ['2010', '2013+', 'unknown'],
        title: {
          en: 'The old certificate served IIS: enable the new one for IIS too, then restart IIS',
          ja: '古い証明書は IIS に使われていました: 新しい証明書も IIS に割り当て、IIS を再起動します',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS; iisreset /noforce',
        when: (c) => notEdge(c) && /IIS/.test(c.values.services ?? ''),
      },
      {
        id: 'edge-resubscribe-2007',
        role: 'edge',
        versions: ['2007'],
        // A Hub's new certificate reaches its Edges through EdgeSync; only an Edge's own needs this.
        when: mayBeEdge,
        title: {
          en: 'If this is an Edge Transport server: on the Edge, export a new subscription file, copy it to a Hub Transport server and import it there, then restart the Microsoft Exchange ADAM service on the Edge',
          ja: 'エッジ トランスポート サーバーの場合: エッジでエッジ サブスクリプション ファイルを作成し、ハブ トランスポート サーバーにコピーして取り込み、エッジの Microsoft Exchange ADAM サービスを再起動します',
        },
        why: {
          en: 'Edge and Hub trust each other through the certificates published by the subscription (KB 953354).',
          ja: 'エッジとハブはサブスクリプションで公開された証明書で互いを信頼します (KB 953354)。',
        },
        command:
          'New-EdgeSubscription -FileName C:\\EdgeSubscription.xml   # on the Edge\nNew-EdgeSubscription -FileName C:\\EdgeSubscription.xml -Site "{site}"   # on the Hub\nRestart-Service -DisplayName "Microsoft Exchange ADAM"   # on the Edge',
      },
      {
        id: 'edge-resubscribe',
        role: 'edge',
        versions: ['2010', '2013+', 'unknown'],
        when: mayBeEdge,
        title: {
          en: 'If this is an Edge Transport server: subscribe it again (the file expires 24 hours after it is made), then restart AD LDS on the Edge',
          ja: 'エッジ トランスポート サーバーの場合: エッジ サブスクリプションを作成し直し (ファイルは作成から 24 時間で無効になります)、エッジの AD LDS を再起動します',
        },
        why: {
          en: "Renewing an Edge's certificate does not reach the Mailbox/Hub servers until the subscription is made again.",
          ja: 'エッジの証明書を更新しても、サブスクリプションをやり直すまでメールボックス/ハブ サーバーには伝わりません。',
        },
        command: {
          default:
            'New-EdgeSubscription -FileName C:\\Data\\EdgeSubscription.xml   # on the Edge\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes(\'C:\\Data\\EdgeSubscription.xml\')) -Site "{site}"   # on a Mailbox server\nRestart-Service ADAM_MSExchange   # on the Edge\nStart-EdgeSynchronization   # on the Mailbox server',
          '2010':
            'New-EdgeSubscription -FileName C:\\Data\\EdgeSubscription.xml   # on the Edge\nNew-EdgeSubscription -FileData ([byte[]]$(Get-Content -Path C:\\Data\\EdgeSubscription.xml -Encoding Byte -ReadCount 0)) -Site "{site}"   # on a Hub Transport server\nRestart-Service ADAM_MSExchange   # on the Edge\nStart-EdgeSynchronization   # on the Hub',
        },
        unknownNote: EDGE_SUBSCRIPTION_NOTE,
      },
      {
        id: 'remove-old',
        why: REMOVE_OLD_WHY,
        role: 'transport',
        when: (c) => c.values.thumbprint !== undefined,
        last: true,
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
        why: {
          en: '12014 means none of the certificates in the store matched this name with a usable key; this shows which ones Exchange sees.',
          ja: '12014 は、この名前に一致し、使用可能な秘密キーを持つ証明書がストアに見つからなかったことを示します。Exchange から見える証明書を確認します。',
        },
        role: 'transport',
        title: {
          en: 'On {server}: list the certificates Exchange would consider for {fqdn} (the first one listed is the one it picks)',
          ja: '{server} で: {fqdn} に使える証明書を一覧します (最初に表示されるものが選ばれます)',
        },
        command:
          'Get-ExchangeCertificate -DomainName {fqdn} | fl Thumbprint,Subject,CertificateDomains,Services,NotAfter,HasPrivateKey',
        when: (c) => c.values.renewing !== 'yes',
      },
      {
        id: 'enable-smtp-found',
        why: {
          en: 'A matching certificate that is not enabled for SMTP, or whose key Network Service cannot read, still causes 12014.',
          ja: '名前が一致しても SMTP に割り当てられていない、または Network Service がキーを読めない証明書では 12014 が続きます。',
        },
        role: 'transport',
        title: {
          en: 'If one is listed: enable it for SMTP, which also lets the Transport service read its private key (answer N to the overwrite prompt for a CA certificate)',
          ja: '表示された場合: SMTP に割り当てます。Microsoft Exchange Transport サービスが秘密キーを読めるようにもなります (CA の証明書なら上書き確認に N と答えます)',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint {candidate} -Services SMTP',
        when: (c) => c.values.renewing !== 'yes',
      },
      {
        id: 'new-for-fqdn',
        why: {
          en: 'The connector can only offer STARTTLS with a certificate for its FQDN; self-signed is fine inside the organisation, partners need a CA certificate.',
          ja: 'コネクタは FQDN の証明書がないと STARTTLS を提供できません。組織内なら自己署名で十分ですが、外部の相手には CA の証明書が必要です。',
        },
        role: 'transport',
        title: {
          en: "If none is listed: create a certificate that contains {fqdn} (or import one from your CA for public names); asked to overwrite the default SMTP certificate, answer N unless {fqdn} is the server's own name",
          ja: '表示されない場合: {fqdn} を含む証明書を作成します (公開名なら CA の証明書を取り込みます)。既定の SMTP 証明書の上書き確認には、{fqdn} がサーバー自身の名前でない限り N と答えます',
        },
        command: 'New-ExchangeCertificate -DomainName {fqdn}',
      },
      {
        id: 'restart-transport',
        why: {
          en: 'The transport service loads its certificates at start; a restart applies the change at once.',
          ja: 'トランスポート サービスは起動時に証明書を読み込みます。再起動ですぐに反映されます。',
        },
        role: 'transport',
        title: {
          en: 'Restart transport so the connector picks the certificate up',
          ja: 'コネクタが証明書を読み込むようにトランスポート サービスを再起動します',
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
        id: 'pin-needs-2013',
        role: 'any',
        versions: ['2007', '2010'],
        title: PIN_NEEDS_2013,
        why: {
          en: 'Exchange 2007/2010 connectors cannot pin a certificate, so the pinned value comes from a newer server.',
          ja: 'Exchange 2007/2010 のコネクタは証明書を指定できないので、この指定値はより新しいサーバーのものです。',
        },
      },
      {
        id: 'find-renewed',
        why: {
          en: 'The pinned value must be rebuilt from the certificate that is actually installed now.',
          ja: '指定値は、いま実際にインストールされている証明書から作り直す必要があります。',
        },
        role: 'mailbox',
        title: {
          en: 'On {server}: find the renewed certificate for {fqdn} and note its thumbprint',
          ja: '{server} で: 更新後の {fqdn} の証明書を探し、拇印を控えます',
        },
        command: 'Get-ExchangeCertificate -DomainName {fqdn} | fl Thumbprint,Issuer,Subject,NotAfter,Services',
      },
      {
        id: 'enable-smtp-renewed',
        why: {
          en: 'Only certificates enabled for SMTP can be used by connectors; N keeps the internal transport certificate as it is.',
          ja: 'コネクタが使えるのは SMTP に割り当てた証明書だけです。N と答えれば内部トランスポート証明書はそのままです。',
        },
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
        versions: ['2013+', 'unknown'],
        title: {
          en: 'Point the receive connector "{connector}" at the new certificate[[ (it still pins {pinnedShort})]]',
          ja: '受信コネクタ「{connector}」が新しい証明書を指すようにします[[ (今は {pinnedShort} を指しています)]]',
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
        versions: ['2013+', 'unknown'],
        why: {
          en: 'Outbound TLS to Exchange Online fails the same way while a send connector pins the old certificate.',
          ja: '送信コネクタが古い証明書を指定している間は、Exchange Online への TLS も同じ理由で失敗します。',
        },
        role: 'mailbox',
        title: {
          en: 'Update the send connectors that pin a certificate too (in hybrid, "Outbound to Office 365")',
          ja: '証明書を指定している送信コネクタも更新します (ハイブリッドでは "Outbound to Office 365")',
        },
        command: 'Get-SendConnector | ? { $_.TlsCertificateName } | Set-SendConnector -TlsCertificateName $n',
      },
      {
        id: 'restart-frontend',
        versions: ['2013+', 'unknown'],
        why: {
          en: 'The Front End Transport service reads the connector certificate at start.',
          ja: 'フロントエンド トランスポート サービスは起動時にコネクタの証明書を読み込みます。',
        },
        role: 'mailbox',
        title: {
          en: 'Restart the Front End Transport service',
          ja: 'フロントエンド トランスポート サービスを再起動します',
        },
        command: 'Restart-Service MSExchangeFrontEndTransport',
      },
      {
        id: 'rerun-hcw',
        why: {
          en: 'The wizard writes the connectors and the organisation relationship from the certificates it finds, so nothing is left pointing at the old one.',
          ja: 'ウィザードは見つけた証明書からコネクタや組織の関係を書き直すので、古い証明書を指したものが残りません。',
        },
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
        why: {
          en: 'Self-signed and CA-issued certificates are renewed differently.',
          ja: '自己署名と CA 発行では更新方法が違います。',
        },
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
        why: {
          en: 'A new certificate for the same FQDN lets the connector offer STARTTLS again.',
          ja: '同じ FQDN の新しい証明書で、コネクタが再び STARTTLS を提供できます。',
        },
        role: 'transport',
        title: {
          en: 'Self-signed: create a new one for {fqdn}; answer N to overwriting the default SMTP certificate (this is a STARTTLS certificate, not the internal one)',
          ja: '自己署名の場合: {fqdn} の新しい証明書を作成します。既定の SMTP 証明書の上書き確認には N と答えます (内部トランスポート証明書ではなく STARTTLS 用の証明書です)',
        },
        command: 'New-ExchangeCertificate -DomainName {fqdn} -Services SMTP',
      },
      {
        id: 'renew-clone',
        why: {
          en: 'Cloning keeps the names and services, so nothing else has to change.',
          ja: '複製すれば名前とサービスが引き継がれ、他を変える必要がありません。',
        },
        role: 'transport',
        when: (c) => c.values.thumbprint !== undefined,
        title: {
          en: 'Or renew it with the same names (for a CA certificate add -GenerateRequest and complete the request with your CA); answer N to the overwrite prompt',
          ja: 'または同じ名前で更新します (CA の証明書なら -GenerateRequest を付け、CA で要求を完了します)。上書き確認には N と答えます',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | New-ExchangeCertificate',
      },
      {
        id: 'enable-smtp',
        why: {
          en: 'Transport only uses certificates enabled for SMTP; N keeps the internal transport certificate untouched.',
          ja: 'トランスポートは SMTP に割り当てた証明書だけを使います。N と答えれば内部トランスポート証明書は変わりません。',
        },
        role: 'transport',
        title: {
          en: 'Enable the new certificate for SMTP (answer N to the overwrite prompt when it is a CA certificate)',
          ja: '新しい証明書を SMTP に割り当てます (CA の証明書なら上書き確認に N と答えます)',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services SMTP',
      },
      {
        id: 'connector-pins',
        why: CONNECTOR_PIN_WHY,
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
        why: {
          en: 'The transport service loads its certificates at start; a restart applies the change at once.',
          ja: 'トランスポート サービスは起動時に証明書を読み込みます。再起動ですぐに反映されます。',
        },
        role: 'transport',
        when: (c) => c.edge !== 'yes',
        title: { en: 'Restart transport', ja: 'トランスポート サービスを再起動します' },
        command: {
          default: 'Restart-Service MSExchangeTransport',
          '2013+': 'Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport',
        },
        unknownNote: {
          en: 'on an Exchange 2013-or-later Mailbox server restart MSExchangeFrontEndTransport too',
          ja: 'Exchange 2013 以降のメールボックス サーバーでは MSExchangeFrontEndTransport も再起動します',
        },
      },
      {
        id: 'restart-transport-edge',
        why: {
          en: 'The transport service loads its certificates at start; an Edge Transport server has no Front End Transport service.',
          ja: 'トランスポート サービスは起動時に証明書を読み込みます。エッジ トランスポート サーバーにはフロントエンド トランスポート サービスはありません。',
        },
        role: 'edge',
        when: (c) => c.edge === 'yes',
        title: { en: 'Restart transport on the Edge', ja: 'エッジでトランスポート サービスを再起動します' },
        command: 'Restart-Service MSExchangeTransport',
      },
      {
        id: 'remove-old-starttls',
        why: REMOVE_OLD_WHY,
        role: 'transport',
        when: (c) => c.values.thumbprint !== undefined,
        last: true,
        title: {
          en: 'Once TLS works with the new certificate, remove the old one',
          ja: '新しい証明書で TLS が動くことを確認してから、古い証明書を削除します',
        },
        command: 'Remove-ExchangeCertificate -Thumbprint {thumbprint}',
      },
    ],
  },
  {
    id: 'remote-peer-renew',
    reference: 'Microsoft Learn: MSExchangeTransport 12019',
    steps: [
      {
        id: 'peer-inspect',
        why: {
          en: '12019 is logged by the server that received the expired certificate; the certificate lives on the peer.',
          ja: '12019 は期限切れの証明書を受け取った側が記録します。証明書があるのは相手のサーバーです。',
        },
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
        why: {
          en: "The peer's new internal transport certificate is what this server will see next time they connect.",
          ja: '相手の新しい内部トランスポート証明書が、次の接続でこのサーバーに提示されます。',
        },
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
        why: {
          en: "An Edge's certificate reaches the organisation only through its subscription.",
          ja: 'エッジの証明書はサブスクリプションを通してのみ組織に伝わります。',
        },
        role: 'edge',
        runsOn: 'peer',
        title: {
          en: 'If {peer} is an Edge Transport server: subscribe it again so this site learns the new certificate',
          ja: '{peer} がエッジ トランスポート サーバーの場合: エッジ サブスクリプションを作成し直して、新しい証明書をこのサイトに伝えます',
        },
        command: {
          default:
            'New-EdgeSubscription -FileName C:\\Data\\EdgeSubscription.xml   # on {peer}\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes(\'C:\\Data\\EdgeSubscription.xml\')) -Site "{site}"   # on a Mailbox server\nRestart-Service ADAM_MSExchange   # on {peer}',
          '2010':
            'New-EdgeSubscription -FileName C:\\Data\\EdgeSubscription.xml   # on {peer}\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes(\'C:\\Data\\EdgeSubscription.xml\')) -Site "{site}"   # on a Hub Transport server\nRestart-Service ADAM_MSExchange   # on {peer}',
          '2007':
            'New-EdgeSubscription -FileName C:\\EdgeSubscription.xml   # on {peer}\nNew-EdgeSubscription -FileName C:\\EdgeSubscription.xml -Site "{site}"   # on a Hub Transport server, after copying the file\nRestart-Service -DisplayName "Microsoft Exchange ADAM"   # on {peer}',
        },
        unknownNote: EDGE_SUBSCRIPTION_NOTE,
      },
    ],
  },
  {
    id: 'internal-missing-local',
    reference: 'Microsoft Learn: MSExchangeTransport 12013/12024',
    steps: [
      {
        id: 'check-present',
        why: {
          en: '12013/12024 can mean a deleted certificate or only a key Exchange cannot read; the fixes differ.',
          ja: '12013/12024 は証明書の削除か、キーを読めないだけかのどちらかで、対処が異なります。',
        },
        role: 'transport',
        title: {
          en: 'On {server}: check whether the certificate is still in the personal store',
          ja: '{server} で: 証明書が個人用ストアに残っているか確認します',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Thumbprint,NotAfter,HasPrivateKey,Services',
      },
      {
        id: 'reenable',
        why: {
          en: 'Enabling again republishes it and gives Network Service access to the private key.',
          ja: '再度割り当てると公開し直され、Network Service が秘密キーにアクセスできるようになります。',
        },
        role: 'transport',
        title: {
          en: 'If it is there: enable it for SMTP again (this also fixes the key permissions)',
          ja: '残っている場合: もう一度 SMTP に割り当てます (キーのアクセス許可も直ります)',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services SMTP',
      },
      {
        id: 'recreate',
        why: {
          en: 'Until then Exchange uses a temporary certificate that other servers do not trust.',
          ja: 'それまで Exchange は他のサーバーが信頼しない一時的な証明書を使います。',
        },
        role: 'transport',
        title: {
          en: 'If it is gone: create a new one for the server (or restore it with Import-ExchangeCertificate); answer Y to the overwrite prompt',
          ja: 'ない場合: サーバー用に新しく作成します (または Import-ExchangeCertificate で復元します)。上書き確認には Y と答えます',
        },
        command: 'New-ExchangeCertificate -DomainName {domains} -Services SMTP',
      },
      {
        id: 'confirm-internal',
        why: {
          en: 'Exchange trusts servers by this thumbprint; if it still shows the old one, the renewal did not take.',
          ja: 'Exchange はこの拇印でサーバーを信頼します。古い拇印のままなら更新が反映されていません。',
        },
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
        unknownNote: TRANSPORT_SERVER_NOTE,
      },
      {
        id: 'edge-resubscribe-note',
        why: {
          en: "Edge servers hold a copy of this server's certificate from their subscription.",
          ja: 'エッジ サーバーはサブスクリプションでこのサーバーの証明書のコピーを持っています。',
        },
        role: 'edge',
        when: mayBeEdge,
        title: {
          en: 'If Edge servers subscribe to this site, subscribe them again afterwards (New-EdgeSubscription)',
          ja: 'このサイトにエッジ サーバーがサブスクライブしている場合は、その後でエッジ サブスクリプションを作成し直します (New-EdgeSubscription)',
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
        why: {
          en: "Other Exchange servers read this server's certificate from Active Directory to trust it.",
          ja: '他の Exchange サーバーは Active Directory からこのサーバーの証明書を読んで信頼します。',
        },
        role: 'transport',
        title: {
          en: 'On {server}: enable the certificate for SMTP again; this publishes it to Active Directory',
          ja: '{server} で: 証明書をもう一度 SMTP に割り当てます。これで Active Directory に公開されます',
        },
        command: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services SMTP',
      },
      {
        id: 'wait-replication',
        why: {
          en: 'Servers in other sites see the certificate only after replication.',
          ja: '他サイトのサーバーはレプリケーション後に証明書を認識します。',
        },
        role: 'any',
        title: {
          en: 'Wait for Active Directory replication, then subscribe Edge servers again if you have any',
          ja: 'Active Directory のレプリケーションを待ち、エッジ サーバーがあればエッジ サブスクリプションを作成し直します',
        },
      },
    ],
  },
  {
    id: 'send-connector-pin',
    reference: 'Microsoft Learn: Set-SendConnector -TlsCertificateName; Exchange hybrid TLS guidance',
    steps: [
      {
        id: 'pin-needs-2013',
        role: 'any',
        versions: ['2007', '2010'],
        title: PIN_NEEDS_2013,
        why: {
          en: 'Exchange 2007/2010 Send connectors have no TlsCertificateName, so the 454 4.7.5 comes from a newer server.',
          ja: 'Exchange 2007/2010 の送信コネクタには TlsCertificateName がないので、454 4.7.5 はより新しいサーバーから出ています。',
        },
      },
      {
        id: 'check-send-connector',
        versions: ['2013+', 'unknown'],
        why: {
          en: 'Shows which certificate the connector asks for and which name it presents (Fqdn).',
          ja: 'コネクタが要求する証明書と、提示する名前 (Fqdn) がわかります。',
        },
        role: 'mailbox',
        title: {
          en: 'See the certificate the send connector pins and the name it presents',
          ja: '送信コネクタが指定している証明書と提示する名前を確認します',
        },
        command: 'Get-SendConnector | ? { $_.TlsCertificateName } | fl Identity,Fqdn,TlsCertificateName',
      },
      {
        id: 'find-smtp-cert',
        versions: ['2013+', 'unknown'],
        why: {
          en: '454 4.7.5 means the pinned certificate is gone; the connector must name one that is installed.',
          ja: '454 4.7.5 は指定された証明書がないことを示します。インストールされている証明書を指定し直します。',
        },
        role: 'mailbox',
        title: { en: 'Find the certificate the connector should use now', ja: 'コネクタが今使うべき証明書を探します' },
        command:
          "Get-ExchangeCertificate | ? { $_.Services -match 'SMTP' -and -not $_.IsSelfSigned } | fl Thumbprint,Issuer,Subject,NotAfter",
      },
      {
        id: 'set-send',
        versions: ['2013+', 'unknown'],
        why: {
          en: 'The connector matches its certificate by issuer and subject, not by thumbprint.',
          ja: 'コネクタは拇印ではなく発行者とサブジェクトで証明書を照合します。',
        },
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
        why: {
          en: 'Queued messages wait for the next retry interval otherwise.',
          ja: 'そうしないとキューのメッセージは次の再試行間隔まで待ちます。',
        },
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
