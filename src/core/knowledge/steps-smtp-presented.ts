import type { LibraryStep } from './library-model.js';

const PRESENT_WHY = {
  en: 'An SMTP port presents the certificate its receive connector names (TlsCertificateName) or, without one, the one Exchange picks for the FQDN; partners and mail clients that check certificates refuse a self-signed one.',
  ja: 'SMTP のポートが提示するのは、受信コネクタが指定する証明書 (TlsCertificateName)、指定がなければ Exchange が FQDN から選ぶ証明書です。証明書を検証する相手先やメール クライアントは自己署名証明書を拒否します。',
};

/** Port 25 presents a self-signed certificate while a CA-issued one for the published name is installed. */
export const SMTP_PRESENTED_STEPS: LibraryStep[] = [
  {
    id: 'show-receive-fqdn',
    role: 'transport',
    title: {
      en: "On {server}: show each receive connector's FQDN: without TlsCertificateName, Exchange presents on port {smtpPort} the SMTP certificate whose names contain the FQDN of the connector reached ({fqdn})",
      ja: '{server} で: 各受信コネクタの FQDN を表示します。TlsCertificateName がない場合、Exchange はポート {smtpPort} で、接続先のコネクタの FQDN ({fqdn}) を名前に含む SMTP 証明書を提示します',
    },
    why: PRESENT_WHY,
    command: { default: 'Get-ReceiveConnector | ft Identity,Fqdn,Bindings -AutoSize' },
  },
  {
    id: 'enable-smtp-ca',
    role: 'transport',
    title: {
      en: "On {server}: enable the CA-issued certificate for SMTP (a connector can present only a certificate enabled for SMTP). Asked to overwrite the default SMTP certificate, answer N: Setup's self-signed certificate stays the internal transport certificate",
      ja: '{server} で: CA 発行の証明書を SMTP に割り当てます (コネクタが提示できるのは SMTP に割り当てた証明書だけです)。既定の SMTP 証明書の上書き確認には N と答えます (セットアップの自己署名証明書を内部トランスポート証明書のまま残します)',
    },
    why: PRESENT_WHY,
    verify: {
      en: "Get-ExchangeCertificate shows SMTP in the CA-issued certificate's Services.",
      ja: 'CA 発行の証明書の Services に SMTP が表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {newThumbprint} -Services SMTP' },
  },
  {
    id: 'set-frontend-pin-ca',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: have the receive connector {receiveConnector} present the CA-issued certificate on port {smtpPort} (its issuer and subject, read from the certificate itself)',
      ja: '{server} で: 受信コネクタ {receiveConnector} がポート {smtpPort} で CA 発行の証明書を提示するように設定します (発行者とサブジェクトは証明書自体から読み取ります)',
    },
    why: PRESENT_WHY,
    verify: {
      en: 'Get-ReceiveConnector shows the CA issuer and subject in TlsCertificateName.',
      ja: 'Get-ReceiveConnector の TlsCertificateName に CA の発行者とサブジェクトが表示されます。',
    },
    command: {
      default:
        '$c = Get-ExchangeCertificate -Thumbprint {newThumbprint}\nSet-ReceiveConnector \'{receiveConnectorQuoted}\' -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"',
    },
  },
  {
    id: 'restart-frontend-for-pin',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: restart the Front End Transport service, which runs the receive connector {receiveConnector} on port {smtpPort}',
      ja: '{server} で: ポート {smtpPort} の受信コネクタ {receiveConnector} を実行しているフロントエンド トランスポート サービスを再起動します',
    },
    why: {
      en: 'The service reads the connector and its certificate when it starts.',
      ja: 'サービスは起動時にコネクタと証明書を読み込みます。',
    },
    command: { default: 'Restart-Service MSExchangeFrontEndTransport' },
  },
];
