import type { Plan, StepTemplate } from './plan-model.js';

const newAuthCertificate: StepTemplate = {
  id: 'new-auth',
  role: 'mailbox',
  title: {
    en: 'Create a new Auth certificate; answer N when asked to overwrite the default SMTP certificate',
    ja: '新しい Auth 証明書を作成します。既定の SMTP 証明書の上書き確認には N と答えます',
  },
  command:
    'New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName "cn=Microsoft Exchange Server Auth Certificate" -FriendlyName "Microsoft Exchange Server Auth Certificate" -DomainName @()',
};

const restartAuthConsumers: StepTemplate = {
  id: 'restart-auth-consumers',
  role: 'mailbox',
  title: {
    en: 'On every Mailbox server: restart the Service Host and the OWA/ECP application pools (it can take up to an hour to take effect)',
    ja: 'すべてのメールボックス サーバーで: Service Host と OWA/ECP のアプリケーション プールを再起動します (反映に最大 1 時間かかることがあります)',
  },
  command:
    'Restart-Service MSExchangeServiceHost\nRestart-WebAppPool MSExchangeOWAAppPool\nRestart-WebAppPool MSExchangeECPAppPool',
};

const rerunHcw: StepTemplate = {
  id: 'rerun-hcw',
  role: 'any',
  title: {
    en: 'In hybrid: re-run the Hybrid Configuration Wizard so Exchange Online learns the new Auth certificate',
    ja: 'ハイブリッド環境では: ハイブリッド構成ウィザードを再実行して、新しい Auth 証明書を Exchange Online に伝えます',
  },
};

/** The Auth (OAuth) certificate, federation, CA-issued renewals and the plain look-ups. */
export const certificatePlans: Plan[] = [
  {
    id: 'auth-renew',
    reference: 'KB 2617816; Microsoft Learn: Set-AuthConfig; https://aka.ms/MonitorExchangeAuthCertificate',
    steps: [
      {
        id: 'check-auth',
        role: 'mailbox',
        title: { en: 'Check the current Auth certificate', ja: '現在の Auth 証明書を確認します' },
        command:
          '(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | fl Thumbprint,NotAfter,Subject,HasPrivateKey',
      },
      newAuthCertificate,
      {
        id: 'set-auth-now',
        role: 'mailbox',
        title: {
          en: 'Make it the Auth certificate now (confirm with Y), publish it, and clear the previous one',
          ja: 'すぐに Auth 証明書として設定し (確認に Y)、公開して、前の証明書をクリアします',
        },
        command:
          'Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate',
      },
      restartAuthConsumers,
      rerunHcw,
    ],
  },
  {
    id: 'auth-stage-next',
    reference: 'Microsoft Learn: Set-AuthConfig; https://aka.ms/MonitorExchangeAuthCertificate',
    steps: [
      newAuthCertificate,
      {
        id: 'stage-auth',
        role: 'mailbox',
        title: {
          en: 'Stage it as the next Auth certificate at least 48 hours ahead, so every server has it before it takes over',
          ja: 'すべてのサーバーに行き渡るよう、48 時間以上先を有効日として次の Auth 証明書に設定します',
        },
        command:
          'Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date).AddHours(48)',
      },
      {
        id: 'publish-later',
        role: 'mailbox',
        title: {
          en: 'After the effective date Exchange promotes it within 12 hours; or publish it then yourself and clear the previous one',
          ja: '有効日を過ぎると Exchange が 12 時間以内に切り替えます。その時点で自分で公開し、前の証明書をクリアしてもかまいません',
        },
        command: 'Set-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate',
      },
      restartAuthConsumers,
      rerunHcw,
    ],
  },
  {
    id: 'auth-check-thumbprint',
    reference: 'KB 3089171',
    steps: [
      {
        id: 'authconfig',
        role: 'mailbox',
        title: {
          en: 'See which Auth certificate the organisation expects',
          ja: '組織が期待している Auth 証明書を確認します',
        },
        command:
          'Get-AuthConfig | fl CurrentCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate',
      },
      {
        id: 'on-each-server',
        role: 'mailbox',
        title: {
          en: 'Check that every Exchange server has that certificate, unexpired and with its private key',
          ja: 'すべての Exchange サーバーにその証明書が、期限内で秘密キー付きであることを確認します',
        },
        command:
          'Get-ExchangeServer | ? { $_.IsClientAccessServer -or $_.IsMailboxServer } | % { Get-ExchangeCertificate -Server $_.Name -Thumbprint {thumbprint} | fl Identity,NotAfter,HasPrivateKey }',
      },
    ],
  },
  {
    id: 'federation-renew',
    reference: 'Microsoft Learn: Renew the federation certificate (Exchange 2013)',
    steps: [
      {
        id: 'check-federation',
        role: 'mailbox',
        title: { en: 'Check the federation certificate', ja: 'フェデレーション証明書を確認します' },
        command:
          'Get-ExchangeCertificate -Thumbprint (Get-FederationTrust).OrgCertificate.Thumbprint | ft -Auto Thumbprint,NotAfter',
      },
      {
        id: 'check-is-auth',
        role: 'mailbox',
        versions: ['2013+', 'unknown'],
        title: {
          en: 'Exchange 2013+: if the thumbprint is the Auth certificate instead, renew that one (Set-AuthConfig)',
          ja: 'Exchange 2013 以降: 拇印が Auth 証明書のものなら、そちらを更新します (Set-AuthConfig)',
        },
        command: '(Get-AuthConfig).CurrentCertificateThumbprint',
      },
      {
        id: 'new-federation',
        role: 'mailbox',
        title: { en: 'Create a new federation certificate', ja: '新しいフェデレーション証明書を作成します' },
        command:
          '$ski = [Guid]::NewGuid().ToString("N")\nNew-ExchangeCertificate -DomainName \'Federation\' -FriendlyName "Exchange Delegation Federation" -Services Federation -SubjectKeyIdentifier $ski -PrivateKeyExportable $true',
      },
      {
        id: 'set-next',
        role: 'mailbox',
        title: { en: 'Make it the next federation certificate', ja: '次のフェデレーション証明書として設定します' },
        command:
          'Set-FederationTrust -Identity "Microsoft Federation Gateway" -Thumbprint <new thumbprint> -RefreshMetaData',
      },
      {
        id: 'verify-distribution',
        role: 'mailbox',
        title: {
          en: 'Wait until every server has it, then publish it and test the trust',
          ja: 'すべてのサーバーに行き渡るのを待ってから公開し、信頼関係をテストします',
        },
        command:
          'Get-ExchangeServer | % { Get-ExchangeCertificate -Server $_.Name | ? { $_.Services -match \'Federation\' } }\nSet-FederationTrust -Identity "Microsoft Federation Gateway" -PublishFederationCertificate\nTest-FederationTrust',
      },
    ],
  },
  {
    id: 'federation-expired',
    reference: 'Microsoft Learn: Renew the federation certificate — Replace an expired federation certificate',
    steps: [
      {
        id: 'check-federation',
        role: 'mailbox',
        title: { en: 'Check the federation certificate', ja: 'フェデレーション証明書を確認します' },
        command:
          'Get-ExchangeCertificate -Thumbprint (Get-FederationTrust).OrgCertificate.Thumbprint | ft -Auto Thumbprint,NotAfter',
      },
      {
        id: 'recreate-trust',
        role: 'mailbox',
        title: {
          en: 'An expired federation certificate cannot be renewed in place: remove the federated domains and the federation trust, then create them again (Microsoft\'s "Replace an expired federation certificate" procedure)',
          ja: '期限切れのフェデレーション証明書はそのまま更新できません。フェデレーション ドメインとフェデレーション信頼を削除して作り直します (Microsoft の「期限切れのフェデレーション証明書を置き換える」手順)',
        },
        command: 'Get-FederationTrust | fl Name,OrgCertificate\nGet-FederatedOrganizationIdentifier | fl Domains',
      },
    ],
  },
  {
    id: 'ca-renew',
    reference:
      'Microsoft Learn: New-ExchangeCertificate -GenerateRequest; Import-ExchangeCertificate; Enable-ExchangeCertificate',
    steps: [
      {
        id: 'csr',
        role: 'client-access',
        title: {
          en: 'Make a certificate request (CSR) with the same names and send it to your CA',
          ja: '同じ名前で証明書要求 (CSR) を作成し、CA に送ります',
        },
        command: {
          default:
            '$txt = New-ExchangeCertificate -GenerateRequest -SubjectName "{subject}" -DomainName {domains} -PrivateKeyExportable $true\n[System.IO.File]::WriteAllBytes(\'C:\\certreq\\{cn}.req\', [System.Text.Encoding]::Unicode.GetBytes($txt))',
          '2007':
            'New-ExchangeCertificate -GenerateRequest -Path C:\\certreq\\{cn}.req -SubjectName "{subject}" -DomainName {domains} -PrivateKeyExportable $true',
        },
      },
      {
        id: 'import',
        role: 'client-access',
        title: {
          en: 'Complete the request with the issued certificate, on the same server that made the request',
          ja: '発行された証明書で要求を完了します (要求を作成したのと同じサーバーで)',
        },
        command: {
          default: "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\{cn}.cer'))",
          '2007': 'Import-ExchangeCertificate -Path C:\\certreq\\{cn}.cer',
        },
      },
      {
        id: 'enable',
        role: 'client-access',
        title: {
          en: 'Enable it for the same services; answer N to overwriting the default SMTP certificate',
          ja: '同じサービスに割り当てます。既定の SMTP 証明書の上書き確認には N と答えます',
        },
        command:
          'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services {servicesOrDefault}\niisreset /noforce',
      },
      {
        id: 'pins',
        role: 'mailbox',
        versions: ['2013+', 'unknown'],
        title: {
          en: 'Update connectors that pin the old certificate (TlsCertificateName); in hybrid re-run the Hybrid Configuration Wizard',
          ja: '古い証明書を指定しているコネクタ (TlsCertificateName) を更新します。ハイブリッドではハイブリッド構成ウィザードを再実行します',
        },
        command:
          'Get-ReceiveConnector | ? { $_.TlsCertificateName } | ft Identity,TlsCertificateName\nGet-SendConnector | ? { $_.TlsCertificateName } | ft Identity,TlsCertificateName',
      },
      {
        id: 'other-servers',
        role: 'any',
        title: {
          en: 'Export it with its key and import it on every other server that uses the same names (DAG members, load-balanced servers)',
          ja: '同じ名前を使う他のすべてのサーバー (DAG メンバー、負荷分散されたサーバー) に、キー付きでエクスポートして取り込みます',
        },
      },
    ],
  },
  {
    id: 'self-signed-client-facing',
    reference: 'Microsoft Learn: Certificate requirements for Exchange services',
    steps: [
      {
        id: 'ca-for-clients',
        role: 'client-access',
        title: {
          en: 'For names clients use (OWA, Outlook, ActiveSync, POP/IMAP), get a certificate from a CA and enable it for IIS; keep the self-signed one for internal SMTP',
          ja: 'クライアントが使う名前 (OWA、Outlook、ActiveSync、POP/IMAP) には CA の証明書を取得して IIS に割り当て、自己署名証明書は内部 SMTP 用に残します',
        },
      },
    ],
  },
  {
    id: 'setup-cert-expired',
    reference: 'CSS-Exchange SetupLogReviewer (Test-ExpiredCertificate)',
    steps: [
      {
        id: 'find-expired',
        role: 'any',
        title: { en: 'Find the expired certificate', ja: '期限切れの証明書を探します' },
        command:
          'Get-ExchangeCertificate | ? { $_.NotAfter -lt (Get-Date) } | ft Thumbprint,Subject,Services,NotAfter -Auto',
      },
      {
        id: 'renew',
        role: 'any',
        title: {
          en: 'Renew it (answer Y to the overwrite prompt if it was the default SMTP certificate)',
          ja: '更新します (既定の SMTP 証明書だった場合は上書き確認に Y と答えます)',
        },
        command: 'Get-ExchangeCertificate -Thumbprint <expired thumbprint> | New-ExchangeCertificate',
      },
      {
        id: 'enable-iis',
        role: 'any',
        title: { en: 'Bind the new certificate to IIS', ja: '新しい証明書を IIS に割り当てます' },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS',
      },
      {
        id: 'rerun',
        role: 'any',
        title: {
          en: 'Restart the server, then run Setup again',
          ja: 'サーバーを再起動してから、セットアップを再実行します',
        },
      },
    ],
  },
  {
    id: 'revocation-check',
    reference: 'Microsoft Learn: Get-ExchangeCertificate (Status); Exchange hybrid TLS guidance',
    steps: [
      {
        id: 'urlfetch',
        role: 'any',
        title: {
          en: 'On {server}: test whether the CRL/OCSP addresses of the chain can be reached',
          ja: '{server} で: チェーンの CRL/OCSP に到達できるかテストします',
        },
        command:
          'Export-Certificate -Cert Cert:\\LocalMachine\\My\\{thumbprint} -FilePath C:\\Temp\\cert.cer\ncertutil -verify -urlfetch C:\\Temp\\cert.cer',
      },
      {
        id: 'proxy',
        role: 'any',
        title: {
          en: "Check the machine proxy: Exchange checks revocation through WinHTTP, not the browser's proxy",
          ja: 'マシンのプロキシを確認します: Exchange はブラウザーではなく WinHTTP のプロキシで失効を確認します',
        },
        command: 'netsh winhttp show proxy',
      },
      {
        id: 'recheck',
        role: 'any',
        title: {
          en: 'Once reachable, check the status again',
          ja: '到達できるようになったら、状態をもう一度確認します',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Status',
      },
    ],
  },
  {
    id: 'pending-request',
    reference: 'Microsoft Learn: Complete a pending Exchange certificate request',
    steps: [
      {
        id: 'complete',
        role: 'any',
        title: {
          en: 'On the server that made the request: import the certificate your CA issued (.cer or .p7b)',
          ja: '要求を作成したサーバーで: CA が発行した証明書 (.cer または .p7b) を取り込みます',
        },
        command: {
          default:
            "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('<path to the issued .cer or .p7b>'))",
          '2007': 'Import-ExchangeCertificate -Path <path to the issued .cer>',
        },
      },
      {
        id: 'enable',
        role: 'any',
        title: { en: 'Enable it for the services it is for', ja: '目的のサービスに割り当てます' },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS,SMTP',
      },
    ],
  },
  {
    id: 'identify-thumbprint',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    steps: [
      {
        id: 'describe',
        role: 'any',
        title: {
          en: 'On each Exchange server: show the certificate with this thumbprint',
          ja: '各 Exchange サーバーで: この拇印の証明書を表示します',
        },
        command:
          'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,CertificateDomains,Services,NotAfter,Status,IsSelfSigned',
      },
      {
        id: 'is-internal',
        role: 'any',
        title: {
          en: "Is it a server's internal transport certificate?",
          ja: 'サーバーの内部トランスポート証明書かどうか確認します',
        },
        command: {
          default: 'Get-TransportService | ft Name,InternalTransportCertificateThumbprint',
          '2007': 'Get-TransportServer | ft Name,InternalTransportCertificateThumbprint',
          '2010': 'Get-TransportServer | ft Name,InternalTransportCertificateThumbprint',
        },
      },
      {
        id: 'is-auth',
        role: 'any',
        versions: ['2013+', 'unknown'],
        title: {
          en: 'Is it the Auth certificate (Exchange 2013 and later)?',
          ja: 'Auth 証明書かどうか確認します (Exchange 2013 以降)',
        },
        command: '(Get-AuthConfig).CurrentCertificateThumbprint',
      },
    ],
  },
  {
    id: 'list-with-dates',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    steps: [
      {
        id: 'fl',
        role: 'any',
        title: { en: 'List the certificates with their expiry dates', ja: '有効期限付きで証明書を一覧します' },
        command: 'Get-ExchangeCertificate | fl Thumbprint,Subject,Services,NotAfter,Status,IsSelfSigned',
      },
    ],
  },
  {
    id: 'clean-thumbprint',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    steps: [
      {
        id: 'use-clean',
        role: 'any',
        title: {
          en: 'Use the thumbprint without invisible characters or spaces',
          ja: '見えない文字や空白を取り除いた拇印を使います',
        },
        command: 'Get-ExchangeCertificate -Thumbprint {thumbprint}',
      },
    ],
  },
];
