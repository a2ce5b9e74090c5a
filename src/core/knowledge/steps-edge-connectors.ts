import type { LibraryStep } from './library-model.js';

const PIN_WHY = {
  en: 'A connector that names the old certificate by issuer and subject ignores the new one; only certificates enabled for SMTP can be set.',
  ja: '発行者とサブジェクトで古い証明書を指定したコネクタは新しい証明書を無視します。指定できるのは SMTP に割り当てた証明書だけです。',
};

/** Edge subscriptions (each block on one server) and connectors that pin a certificate. */
export const EDGE_CONNECTOR_STEPS: LibraryStep[] = [
  {
    id: 'edge-new-subscription',
    role: 'edge',
    runsOn: 'edge',
    title: {
      en: 'On the Edge Transport server: export a new subscription file, then copy it to a {hubRole} server of the subscribed site; the file expires 24 hours after it is made',
      ja: 'エッジ トランスポート サーバーで: 新しいエッジ サブスクリプション ファイルを作成し、サブスクライブ先サイトの{hubRole} サーバーにコピーします。ファイルは作成から 24 時間で無効になります',
    },
    why: {
      en: "Renewing an Edge's own certificate reaches the organisation only through a new subscription (KB 953354).",
      ja: 'エッジ自身の証明書を更新しても、サブスクリプションを作り直すまで組織には伝わりません (KB 953354)。',
    },
    command: { default: "New-EdgeSubscription -FileName 'C:\\EdgeSubscription.xml'" },
  },
  {
    id: 'hub-import-subscription',
    role: 'hub',
    runsOn: 'hub',
    title: {
      en: 'On {hubServer}, with the copied file: import the subscription for the AD site',
      ja: 'コピーしたファイルのある {hubServer} で: AD サイトに対してサブスクリプションをインポートします',
    },
    why: {
      en: 'The import publishes the Edge certificate to Active Directory so {hubSide} trust it.',
      ja: 'インポートでエッジの証明書が Active Directory に公開され、{hubSide}がそれを信頼します。',
    },
    verify: {
      en: 'Get-EdgeSubscription lists the Edge with the new subscription.',
      ja: 'Get-EdgeSubscription にエッジが新しいサブスクリプションで表示されます。',
    },
    command: {
      default:
        "New-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes('C:\\EdgeSubscription.xml')) -Site '{site}'",
      '2010':
        "New-EdgeSubscription -FileData ([byte[]](Get-Content -Path 'C:\\EdgeSubscription.xml' -Encoding Byte -ReadCount 0)) -Site '{site}'",
      '2007': "New-EdgeSubscription -FileName 'C:\\EdgeSubscription.xml' -Site '{site}'",
    },
    unknownNote: {
      en: 'Exchange 2007 has no -FileData: New-EdgeSubscription -FileName with the file name, and -Site',
      ja: 'Exchange 2007 には -FileData がないので New-EdgeSubscription -FileName にファイル名、-Site にサイトを指定します',
    },
  },
  {
    id: 'edge-restart-adam',
    role: 'edge',
    runsOn: 'edge',
    title: {
      en: 'On the Edge Transport server: restart the Microsoft Exchange ADAM (AD LDS) service',
      ja: 'エッジ トランスポート サーバーで: Microsoft Exchange ADAM (AD LDS) サービスを再起動します',
    },
    why: {
      en: 'AD LDS on the Edge reloads the certificate; its dependent services restart with it.',
      ja: 'エッジの AD LDS が証明書を読み込み直します。依存するサービスも一緒に再起動されます。',
    },
    command: {
      default: 'Restart-Service ADAM_MSExchange',
      '2007': "Restart-Service -DisplayName 'Microsoft Exchange ADAM'",
    },
    unknownNote: {
      en: "Exchange 2007: Restart-Service -DisplayName 'Microsoft Exchange ADAM'",
      ja: "Exchange 2007 では Restart-Service -DisplayName 'Microsoft Exchange ADAM'",
    },
  },
  {
    id: 'hub-start-edgesync',
    role: 'hub',
    runsOn: 'hub',
    title: {
      en: 'On {hubServer}: start a synchronisation to the Edge now',
      ja: '{hubServer} で: エッジへの同期を今すぐ開始します',
    },
    why: {
      en: 'Otherwise EdgeSync waits for its next interval.',
      ja: 'そうしないと EdgeSync は次の間隔まで待ちます。',
    },
    command: { default: 'Start-EdgeSynchronization' },
  },
  {
    id: 'edge-subscription-stands',
    role: 'edge',
    runsOn: 'edge',
    title: {
      en: 'No new Edge subscription is needed: the CA certificate was enabled with N, so the internal transport certificate EdgeSync trusts is unchanged',
      ja: 'エッジ サブスクリプションの作り直しは不要です: CA の証明書は N で割り当てたので、EdgeSync が信頼する内部トランスポート証明書は変わっていません',
    },
    why: {
      en: "EdgeSync trusts the Edge by its internal transport certificate (the default SMTP certificate); a new subscription is needed only when that certificate is replaced (answered Y), as when the Edge's own self-signed certificate is renewed.",
      ja: 'EdgeSync は内部トランスポート証明書 (既定の SMTP 証明書) でエッジを信頼します。サブスクリプションの作り直しが必要なのは、エッジ自身の自己署名証明書を更新したときのように、この証明書を置き換えた (Y と答えた) 場合だけです。',
    },
    command: { default: 'Get-TransportService {server} | fl Name,InternalTransportCertificateThumbprint' },
  },
  {
    id: 'pin-needs-2013',
    role: 'any',
    versions: ['2007', '2010'],
    title: {
      en: 'A TlsCertificateName value (<I>…<S>…) exists only on Exchange 2013 and later connectors: run the following steps on the Exchange 2013-or-later server that logged the event or queued the mail',
      ja: 'TlsCertificateName (<I>…<S>…) は Exchange 2013 以降のコネクタにしかありません: 以下の手順は、イベントを記録した (またはメールを滞留させた) Exchange 2013 以降のサーバーで実行します',
    },
    why: {
      en: 'Exchange 2007/2010 connectors cannot pin a certificate, so the pinned value comes from a newer server.',
      ja: 'Exchange 2007/2010 のコネクタは証明書を指定できないので、この指定値はより新しいサーバーのものです。',
    },
  },
  {
    id: 'enable-smtp-new',
    role: 'mailbox',
    title: {
      en: 'On {server}: enable the renewed certificate for SMTP first (connectors refuse a certificate that is not). Asked to overwrite the default SMTP certificate, answer N',
      ja: '{server} で: まず更新後の証明書を SMTP に割り当てます (SMTP に割り当てていない証明書はコネクタに設定できません)。既定の SMTP 証明書の上書き確認には N と答えます',
    },
    why: PIN_WHY,
    verify: {
      en: "Get-ExchangeCertificate shows SMTP in the new certificate's Services.",
      ja: '新しい証明書の Services に SMTP が表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {newThumbprint} -Services SMTP' },
  },
  {
    id: 'show-receive-pin',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: show which certificate the receive connector {receiveConnector} names in TlsCertificateName: after a renewal it may still name the old one by its issuer and subject',
      ja: '{server} で: 受信コネクタ {receiveConnector} の TlsCertificateName が指定している証明書を表示します。更新後も古い証明書を発行者とサブジェクトで指定したままのことがあります',
    },
    why: {
      en: 'A connector that names a certificate uses only that one for STARTTLS; while it names the old certificate, the renewed one is ignored and 12014 continues.',
      ja: '証明書を指定したコネクタは STARTTLS にその証明書だけを使います。古い証明書を指定している間は更新後の証明書が使われず、12014 が続きます。',
    },
    command: { default: "Get-ReceiveConnector '{receiveConnectorQuoted}' | fl Identity,Fqdn,TlsCertificateName" },
  },
  {
    id: 'set-receive-pin',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: point the receive connector {receiveConnector} at the renewed certificate',
      ja: '{server} で: 受信コネクタ {receiveConnector} を更新後の証明書に向けます',
    },
    why: PIN_WHY,
    verify: {
      en: 'Get-ReceiveConnector shows the new issuer and subject in TlsCertificateName.',
      ja: 'Get-ReceiveConnector の TlsCertificateName に新しい発行者とサブジェクトが表示されます。',
    },
    command: {
      default:
        '$c = Get-ExchangeCertificate -Thumbprint {newThumbprint}\nSet-ReceiveConnector \'{receiveConnectorQuoted}\' -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"',
    },
  },
  {
    id: 'set-named-send-pin',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: point the send connector {sendConnector} (and only it) at the renewed certificate',
      ja: '{server} で: 送信コネクタ {sendConnector} だけを更新後の証明書に向けます',
    },
    why: PIN_WHY,
    verify: {
      en: 'Get-SendConnector shows the new issuer and subject in TlsCertificateName.',
      ja: 'Get-SendConnector の TlsCertificateName に新しい発行者とサブジェクトが表示されます。',
    },
    command: {
      default:
        '$c = Get-ExchangeCertificate -Thumbprint {newThumbprint}\nSet-SendConnector \'{sendConnectorQuoted}\' -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"',
    },
  },
  {
    id: 'set-o365-send-pin',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: point the hybrid send connector (Outbound to Office 365) at the renewed certificate; partner connectors that pin their own certificate stay as they are',
      ja: '{server} で: ハイブリッドの送信コネクタ (Outbound to Office 365) を更新後の証明書に向けます。独自の証明書を指定しているパートナー向けコネクタはそのままです',
    },
    why: PIN_WHY,
    verify: {
      en: 'Get-SendConnector shows the new issuer and subject on the Outbound to Office 365 connector only.',
      ja: 'Outbound to Office 365 コネクタだけに新しい発行者とサブジェクトが表示されます。',
    },
    command: {
      default:
        '$c = Get-ExchangeCertificate -Thumbprint {newThumbprint}\nGet-SendConnector | ? { $_.Name -like \'Outbound to Office 365*\' } | Set-SendConnector -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"',
    },
  },
  {
    id: 'set-o365-send-pin-named',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: point the hybrid send connector {o365Connector} at the renewed certificate; partner connectors that pin their own certificate stay as they are',
      ja: '{server} で: ハイブリッドの送信コネクタ {o365Connector} を更新後の証明書に向けます。独自の証明書を指定しているパートナー向けコネクタはそのままです',
    },
    why: PIN_WHY,
    verify: {
      en: 'Get-SendConnector shows the new issuer and subject on that connector.',
      ja: 'そのコネクタの TlsCertificateName に新しい発行者とサブジェクトが表示されます。',
    },
    command: {
      default:
        '$c = Get-ExchangeCertificate -Thumbprint {newThumbprint}\nSet-SendConnector \'{o365ConnectorQuoted}\' -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"',
    },
  },
  {
    id: 'rerun-hcw',
    role: 'any',
    runsOn: 'mailbox-side',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Alternatively, re-run the Hybrid Configuration Wizard: it sets both hybrid connectors to the certificate you choose',
      ja: '代わりにハイブリッド構成ウィザードを再実行しても、選んだ証明書が両方のハイブリッド コネクタに設定されます',
    },
    why: {
      en: 'The wizard writes the connectors from the certificate it is given, so nothing is left pointing at the old one.',
      ja: 'ウィザードは指定された証明書でコネクタを書き直すので、古い証明書を指したものが残りません。',
    },
  },
  {
    id: 'list-connector-pins',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Exchange 2013 and later: list the connectors that pin a certificate; change only one that pins the old certificate, with Set-ReceiveConnector or Set-SendConnector on that connector by name',
      ja: 'Exchange 2013 以降: 証明書を指定しているコネクタを一覧します。古い証明書を指定しているコネクタだけを、名前を指定して Set-ReceiveConnector または Set-SendConnector で変更します',
    },
    why: PIN_WHY,
    command: {
      default:
        'Get-ReceiveConnector | ? { $_.TlsCertificateName } | ft Identity,TlsCertificateName\nGet-SendConnector | ? { $_.TlsCertificateName } | ft Identity,TlsCertificateName',
    },
  },
  {
    id: 'retry-queue',
    role: 'mailbox',
    title: {
      en: 'Retry the queue instead of waiting for the next attempt',
      ja: '次の再試行を待たずにキューを再試行します',
    },
    why: {
      en: 'Queued messages wait for the next retry interval otherwise.',
      ja: 'そうしないとキューのメッセージは次の再試行間隔まで待ちます。',
    },
    command: { default: 'Retry-Queue -Identity {queueOrPlaceholder}' },
  },
];
