import type { LibraryStep } from './library-model.js';

/**
 * Making Exchange Online's hybrid connectors and the on-premises certificate agree on a name.
 * Exchange Online checks the name on the certificate on-premises presents: TlsSenderCertificateName
 * for mail it receives from on-premises, TlsDomain (with DomainValidation) for mail it sends there.
 */
export const HYBRID_CONNECTOR_STEPS: LibraryStep[] = [
  {
    id: 'set-shown-pins',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: point each connector the paste shows naming the old certificate ({pinnedConnectors}) at the renewed certificate; connectors that name another certificate stay as they are',
      ja: '{server} で: 古い証明書を指定していると貼り付けからわかる各コネクタ ({pinnedConnectors}) を更新後の証明書に向けます。別の証明書を指定しているコネクタはそのままです',
    },
    why: {
      en: 'A connector that names the old certificate by issuer and subject keeps asking for it: when it is gone (or expired), mail through that connector stops. The renewal must already be enabled for SMTP.',
      ja: '発行者とサブジェクトで古い証明書を指定したコネクタは、その証明書を要求し続けます。証明書が削除される (または期限が切れる) と、そのコネクタのメールが止まります。更新後の証明書は先に SMTP に割り当てておく必要があります。',
    },
    verify: {
      en: 'Get-SendConnector and Get-ReceiveConnector show the new issuer and subject in TlsCertificateName on those connectors.',
      ja: 'それらのコネクタの TlsCertificateName に新しい発行者とサブジェクトが表示されます。',
    },
    command: { default: '$c = Get-ExchangeCertificate -Thumbprint {copyThumbprint}\n{pinCommands}' },
  },
  {
    // Only the wizard's own connectors are shown naming the old certificate: set by name, the same
    // change the wizard would make, so either way nothing is left pointing at the old one.
    id: 'set-shown-hybrid-pins',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: point the hybrid connectors the paste shows naming the old certificate ({pinnedConnectors}) at the renewed certificate (re-running the Hybrid Configuration Wizard with the renewed certificate makes the same change)',
      ja: '{server} で: 古い証明書を指定していると貼り付けからわかるハイブリッド コネクタ ({pinnedConnectors}) を更新後の証明書に向けます (更新後の証明書でハイブリッド構成ウィザード (Hybrid Configuration Wizard) を再実行しても同じ変更になります)',
    },
    why: {
      en: 'A connector that names the old certificate by issuer and subject keeps asking for it: once it is removed, Exchange Online can no longer deliver to this server over TLS and the Office 365 queue stops with 454 4.7.5. The renewal must already be enabled for SMTP.',
      ja: '発行者とサブジェクトで古い証明書を指定したコネクタは、その証明書を要求し続けます。削除すると Exchange Online からこのサーバーへの TLS 配信ができなくなり、Office 365 宛てのキューは 454 4.7.5 で止まります。更新後の証明書は先に SMTP に割り当てておく必要があります。',
    },
    verify: {
      en: 'Get-SendConnector and Get-ReceiveConnector show the new issuer and subject in TlsCertificateName on those connectors.',
      ja: 'それらのコネクタの TlsCertificateName に新しい発行者とサブジェクトが表示されます。',
    },
    command: { default: '$c = Get-ExchangeCertificate -Thumbprint {copyThumbprint}\n{pinCommands}' },
  },
  {
    id: 'show-failing-send-queue',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: show the queue that reports 454 4.7.5 and its NextHopDomain: it names the send connector that fails (a smart host queue) or the domain it sends to',
      ja: '{server} で: 454 4.7.5 を報告しているキューとその NextHopDomain を表示します。失敗している送信コネクタ (スマート ホストのキュー) または送信先のドメインがわかります',
    },
    why: {
      en: 'Only the connector whose queue fails is changed; connectors whose mail flows are left as they are. This changes nothing.',
      ja: '変更するのはキューが失敗しているコネクタだけで、メールが流れているコネクタはそのままにします。何も変更しません。',
    },
    command: {
      default:
        "Get-Queue | ? { $_.LastError -like '*TlsCertificateName*' } | fl Identity,DeliveryType,NextHopDomain,NextHopConnector,MessageCount,LastError",
    },
  },
  {
    id: 'hybrid-find-expected-name',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: look for a valid certificate that also carries the name Exchange Online expects; if there is one (or once the CA issues one), enable it for SMTP (answer N to the overwrite prompt) and re-run the Hybrid Configuration Wizard with it',
      ja: '{server} で: Exchange Online が期待する名前も含む有効な証明書があるか確認します。あれば (または CA が発行したら)、SMTP に割り当て (上書き確認には N)、その証明書でハイブリッド構成ウィザードを再実行します',
    },
    why: {
      en: 'A certificate with the expected name fixes both directions without changing anything in Exchange Online; the command changes nothing.',
      ja: '期待される名前を含む証明書なら、Exchange Online 側を変えずに両方向が直ります。このコマンドは何も変更しません。',
    },
    command: {
      default:
        "Get-ExchangeCertificate | ? { ($_.CertificateDomains | % { $_.ToString() }) -contains '{expectedName}' } | fl Thumbprint,Subject,CertificateDomains,NotAfter,Services,Status",
    },
  },
  {
    id: 'exo-set-inbound-tls-name',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'Otherwise, in Exchange Online PowerShell (Connect-ExchangeOnline): make the inbound connector from on-premises expect the name the certificate carries',
      ja: 'そうでなければ、Exchange Online PowerShell (Connect-ExchangeOnline) で: オンプレミスからの受信コネクタが、証明書にある名前を期待するようにします',
    },
    why: {
      en: 'Exchange Online recognises mail from on-premises as your organisation’s only when the certificate presented carries TlsSenderCertificateName; RequireTls stays on.',
      ja: 'Exchange Online は、提示された証明書に TlsSenderCertificateName の名前がある場合にだけ、オンプレミスからのメールを自組織のものと認識します。RequireTls は有効のままにします。',
    },
    verify: {
      en: 'Get-InboundConnector shows TlsSenderCertificateName with the certificate’s name.',
      ja: 'Get-InboundConnector の TlsSenderCertificateName に証明書の名前が表示されます。',
    },
    command: {
      default:
        "Set-InboundConnector -Identity '{inboundConnectorQuoted}' -TlsSenderCertificateName {coveredNameOrPlaceholder}",
    },
  },
  {
    id: 'exo-set-outbound-tls-domain',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'And, only once DNS for that name points to the on-premises server that receives the mail: make the outbound connector to on-premises use it as smart host and TLS domain',
      ja: 'さらに、その名前の DNS がメールを受信するオンプレミス サーバーを指していることを確認してから: オンプレミスへの送信コネクタのスマート ホストと TLS ドメインをその名前にします',
    },
    why: {
      en: 'With DomainValidation, Exchange Online checks that the on-premises certificate carries TlsDomain; TlsSettings stays DomainValidation.',
      ja: 'DomainValidation では、Exchange Online はオンプレミスの証明書に TlsDomain の名前があるかを検証します。TlsSettings は DomainValidation のままにします。',
    },
    command: {
      default:
        "Set-OutboundConnector -Identity '{outboundConnectorQuoted}' -SmartHosts {coveredNameOrPlaceholder} -TlsDomain {coveredNameOrPlaceholder}",
    },
  },
  {
    id: 'rerun-hcw-connector-names',
    role: 'any',
    runsOn: 'mailbox-side',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Alternatively, re-run the Hybrid Configuration Wizard and choose this certificate on its transport certificate page: it sets the connectors on both sides to the certificate’s names',
      ja: '代わりにハイブリッド構成ウィザードを再実行し、トランスポート証明書のページでこの証明書を選んでも、両側のコネクタが証明書の名前に設定されます',
    },
    why: {
      en: 'The wizard writes TlsSenderCertificateName, the smart host and the on-premises Outbound to Office 365 connector from the certificate it is given, so nothing keeps the old name.',
      ja: 'ウィザードは、指定された証明書から TlsSenderCertificateName、スマート ホスト、オンプレミスの Outbound to Office 365 コネクタを書き直すので、古い名前が残りません。',
    },
  },
  {
    id: 'verify-hybrid-connector-names',
    role: 'any',
    runsOn: 'anywhere',
    phase: 'verify',
    title: {
      en: 'In Exchange Online PowerShell: check that each connector names a name the certificate carries, then that mail queued for on-premises is delivered',
      ja: 'Exchange Online PowerShell で: 各コネクタの名前が証明書にある名前であることを確認し、オンプレミス宛てにキューにあるメールが配信されることを確認します',
    },
    why: {
      en: 'Exchange Online retries the queued mail by itself once the names agree.',
      ja: '名前が一致すれば、Exchange Online はキューのメールを自動で再試行します。',
    },
    command: {
      default:
        "Get-InboundConnector | ? { $_.ConnectorType -eq 'OnPremises' } | fl Name,TlsSenderCertificateName,RequireTls\nGet-OutboundConnector | ? { $_.ConnectorType -eq 'OnPremises' } | fl Name,SmartHosts,TlsDomain,TlsSettings",
    },
  },
  {
    id: 'show-store-for-bindings',
    role: 'client-access',
    title: {
      en: 'On {server}: list the certificates in the computer store with their expiry (this works even when the Exchange Management Shell does not connect) and paste it with the bindings',
      ja: '{server} で: コンピューターのストアの証明書を有効期限付きで一覧し (Exchange 管理シェルが接続できなくても動きます)、バインドと一緒に貼り付けます',
    },
    why: {
      en: 'A binding to a certificate that is no longer in the store breaks its site; the listing shows which hashes still exist. It changes nothing.',
      ja: 'ストアにない証明書へのバインドはそのサイトを壊します。一覧で、どのハッシュが残っているかがわかります。何も変更しません。',
    },
    command: { default: 'Get-ChildItem Cert:\\LocalMachine\\My | ft Thumbprint,NotAfter,Subject -AutoSize' },
  },
  {
    id: 'rebind-frontend-443',
    role: 'client-access',
    title: {
      en: 'On {server}: enable for IIS a valid certificate that carries the names clients use; Exchange binds the Default Web Site (443) to it. Then restart IIS',
      ja: '{server} で: クライアントが使う名前を含む有効な証明書を IIS に割り当てます。Exchange が Default Web Site (443) をその証明書にバインドします。その後 IIS を再起動します',
    },
    why: {
      en: 'HTTP.sys cannot serve 443 with a certificate that is gone: OWA, ECP, Outlook Anywhere, EWS and ActiveSync fail until 443 is bound to one that exists.',
      ja: 'HTTP.sys は存在しない証明書で 443 を提供できません。443 を存在する証明書にバインドし直すまで、OWA、ECP、Outlook Anywhere、EWS、ActiveSync が失敗します。',
    },
    verify: {
      en: 'netsh http show sslcert ipport=0.0.0.0:443 shows that certificate’s hash.',
      ja: 'netsh http show sslcert ipport=0.0.0.0:443 にその証明書のハッシュが表示されます。',
    },
    command: {
      default: 'Enable-ExchangeCertificate -Thumbprint {frontendThumbprint} -Services IIS\niisreset /noforce',
    },
  },
];
