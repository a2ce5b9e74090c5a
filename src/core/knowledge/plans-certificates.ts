import type { Plan, StepTemplate } from './plan-model.js';
import { CONNECTOR_PIN_WHY } from './shared-reasons.js';

/** OAuth and its Auth certificate came with Exchange 2013 (ps:Set-AuthConfig applies to 2013 and later). */
const SINCE_2013: StepTemplate['versions'] = ['2013+', 'unknown'];
/** Federation trusts exist from Exchange 2010 (ps:Set-FederationTrust, New-ExchangeCertificate -Services Federation). */
const SINCE_2010: StepTemplate['versions'] = ['2010', '2013+', 'unknown'];

const noAuthBefore2013: StepTemplate = {
  id: 'no-auth-before-2013',
  role: 'any',
  versions: ['2007', '2010'],
  title: {
    en: 'Exchange 2007/2010 have no Auth (OAuth) certificate: it came with Exchange 2013. Run these checks on the Exchange 2013-or-later server that shows the symptom (Get-AuthConfig, Set-AuthConfig)',
    ja: 'Exchange 2007/2010 には Auth (OAuth) 証明書はありません (Exchange 2013 からです)。症状が出ている Exchange 2013 以降のサーバーで確認します (Get-AuthConfig、Set-AuthConfig)',
  },
  why: {
    en: 'Set-AuthConfig and the Auth certificate exist only from Exchange 2013, so the symptom comes from a newer server.',
    ja: 'Set-AuthConfig と Auth 証明書は Exchange 2013 以降にしかないので、症状はより新しいサーバーのものです。',
  },
};

const noFederationIn2007: StepTemplate = {
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
};

const newAuthCertificate: StepTemplate = {
  id: 'new-auth',
  versions: SINCE_2013,
  why: {
    en: 'Exchange signs OAuth tokens (OWA/ECP sign-in, hybrid, server-to-server) with this certificate; N keeps SMTP on its own certificate.',
    ja: 'Exchange はこの証明書で OAuth トークン (OWA/ECP のサインイン、ハイブリッド、サーバー間) に署名します。N と答えれば、SMTP は現在の証明書を使い続けます。',
  },
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
  versions: SINCE_2013,
  why: {
    en: 'These processes cache the Auth certificate; they pick up the new one after a restart.',
    ja: 'これらのプロセスは Auth 証明書をキャッシュしているので、再起動で新しい証明書を読み込みます。',
  },
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
  versions: SINCE_2013,
  why: {
    en: 'The wizard writes the connectors and the organisation relationship from the certificates it finds, so nothing is left pointing at the old one.',
    ja: 'ウィザードは見つけた証明書からコネクタや組織の関係を書き直すので、古い証明書を指したものが残りません。',
  },
  role: 'any',
  title: {
    en: 'In hybrid: re-run the Hybrid Configuration Wizard so Exchange Online learns the new Auth certificate',
    ja: 'ハイブリッド環境では: ハイブリッド構成ウィザードを再実行して、新しい Auth 証明書を Exchange Online に伝えます',
  },
};

const NO_FILEDATA_IN_2007: StepTemplate['unknownNote'] = {
  en: 'Exchange 2007 has no -FileData: Import-ExchangeCertificate -Path <file>',
  ja: 'Exchange 2007 には -FileData がないので Import-ExchangeCertificate -Path <ファイル>',
};

/** The certificate the event names, when it names one: which server has it, what it serves. */
const checkNamedFederation: StepTemplate = {
  id: 'check-named-federation',
  versions: SINCE_2010,
  when: (c) => c.values.thumbprint !== undefined,
  why: {
    en: 'The event names this certificate: see where it is installed and whether federation still uses it.',
    ja: 'イベントが名前を挙げているこの証明書が、どこにあり、フェデレーションがまだ使っているかを確認します。',
  },
  role: 'mailbox',
  title: { en: 'Look at the certificate the event names', ja: 'イベントが示している証明書を確認します' },
  command: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,Services,NotAfter,Identity',
};

const checkFederation: StepTemplate = {
  id: 'check-federation',
  versions: SINCE_2010,
  why: {
    en: 'Shows the certificate federation uses and when it expires.',
    ja: 'フェデレーションが使う証明書と有効期限がわかります。',
  },
  role: 'mailbox',
  title: { en: 'Check the federation certificate', ja: 'フェデレーション証明書を確認します' },
  command:
    'Get-ExchangeCertificate -Thumbprint (Get-FederationTrust).OrgCertificate.Thumbprint | ft -Auto Thumbprint,NotAfter',
};

/** The Auth (OAuth) certificate, federation, CA-issued renewals and the plain look-ups. */
export const certificatePlans: Plan[] = [
  {
    id: 'auth-renew',
    reference: 'KB 2617816; Microsoft Learn: Set-AuthConfig; https://aka.ms/MonitorExchangeAuthCertificate',
    steps: [
      noAuthBefore2013,
      {
        id: 'check-auth',
        versions: SINCE_2013,
        why: {
          en: 'Shows whether the Auth certificate is expired, missing its key or absent on this server.',
          ja: 'Auth 証明書が期限切れか、キーがないか、このサーバーにないかがわかります。',
        },
        role: 'mailbox',
        title: { en: 'Check the current Auth certificate', ja: '現在の Auth 証明書を確認します' },
        command:
          '(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | fl Thumbprint,NotAfter,Subject,HasPrivateKey',
      },
      newAuthCertificate,
      {
        id: 'set-auth-now',
        versions: SINCE_2013,
        why: {
          en: 'When the current one is already broken, waiting for a staged roll-over only prolongs the outage.',
          ja: '現在の証明書がすでに壊れているなら、段階的な切り替えを待つと障害が長引くだけです。',
        },
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
      noAuthBefore2013,
      newAuthCertificate,
      {
        id: 'stage-auth',
        versions: SINCE_2013,
        why: {
          en: 'A staged certificate is copied to every server before it takes over, so nothing breaks at the switch.',
          ja: '準備した証明書は切り替え前に全サーバーへ配布されるので、切り替え時に問題が起きません。',
        },
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
        versions: SINCE_2013,
        why: {
          en: 'The previous certificate stays trusted until cleared; clear it once the new one works everywhere.',
          ja: '前の証明書はクリアするまで信頼され続けます。新しい証明書が全体で動いてからクリアします。',
        },
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
      noAuthBefore2013,
      {
        id: 'authconfig',
        versions: SINCE_2013,
        why: {
          en: 'The wizard looks for exactly this thumbprint on the on-premises servers.',
          ja: 'ウィザードはオンプレミスのサーバーでこの拇印を探します。',
        },
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
        versions: SINCE_2013,
        why: {
          en: 'OAuth fails on any server that lacks the certificate or its key.',
          ja: '証明書かキーがないサーバーでは OAuth が失敗します。',
        },
        role: 'mailbox',
        title: {
          en: 'Check that every Exchange server has that certificate, unexpired and with its private key',
          ja: 'すべての Exchange サーバーにその証明書が、期限内で秘密キー付きであることを確認します',
        },
        command:
          'Get-ExchangeServer | ? { $_.IsClientAccessServer -or $_.IsMailboxServer } | % { Get-ExchangeCertificate -Server $_.Name -Thumbprint {thumbprint} | fl Identity,NotAfter,HasPrivateKey }',
      },
      {
        id: 'copy-to-servers',
        versions: SINCE_2013,
        why: {
          en: 'The same certificate with its key must be on every Mailbox server; a new one is needed only if it is gone or expired everywhere.',
          ja: '同じ証明書を秘密キー付きですべてのメールボックス サーバーに置く必要があります。新しく作るのは、どこにもないか期限切れの場合だけです。',
        },
        role: 'mailbox',
        title: {
          en: 'Where it is missing: export it with its key from a server that has it and import it there. Only if it is expired or gone everywhere, create a new one (next steps)',
          ja: '証明書がないサーバーには、持っているサーバーから秘密キー付きでエクスポートして取り込みます。どのサーバーでも期限切れかない場合だけ、次の手順で新しく作成します',
        },
        command:
          "$b = Export-ExchangeCertificate -Thumbprint {thumbprint} -BinaryEncoded -Password (Get-Credential).Password\n[System.IO.File]::WriteAllBytes('C:\\Temp\\auth.pfx', $b.FileData)   # on a server that has it\nImport-ExchangeCertificate -Server <server without it> -FileData ([System.IO.File]::ReadAllBytes('\\\\<server>\\C$\\Temp\\auth.pfx')) -Password (Get-Credential).Password",
      },
    ],
  },
  {
    id: 'federation-renew',
    reference:
      'Microsoft Learn: Renew the federation certificate (Exchange 2013); Microsoft Learn: Get-FederatedDomainProof',
    steps: [
      noFederationIn2007,
      checkFederation,
      checkNamedFederation,
      {
        id: 'check-is-auth',
        why: {
          en: 'On 2013 and later the same deployment event also watches the Auth certificate.',
          ja: '2013 以降は同じ配布イベントが Auth 証明書も監視します。',
        },
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
        versions: SINCE_2010,
        why: {
          en: 'Federation needs its own self-signed certificate with a unique subject key identifier.',
          ja: 'フェデレーションには一意のサブジェクト キー識別子を持つ専用の自己署名証明書が必要です。',
        },
        role: 'mailbox',
        title: { en: 'Create a new federation certificate', ja: '新しいフェデレーション証明書を作成します' },
        command:
          '$ski = [Guid]::NewGuid().ToString("N")\nNew-ExchangeCertificate -DomainName \'Federation\' -FriendlyName "Exchange Delegation Federation" -Services Federation -SubjectKeyIdentifier $ski -PrivateKeyExportable $true',
      },
      {
        id: 'set-next',
        versions: SINCE_2010,
        why: {
          en: "Microsoft's federation gateway must learn the new certificate before it is used.",
          ja: '使う前に Microsoft のフェデレーション ゲートウェイに新しい証明書を知らせる必要があります。',
        },
        role: 'mailbox',
        title: { en: 'Make it the next federation certificate', ja: '次のフェデレーション証明書として設定します' },
        command: 'Get-FederationTrust | Set-FederationTrust -Thumbprint <new thumbprint> -RefreshMetadata',
      },
      {
        id: 'domain-proof',
        versions: SINCE_2010,
        why: {
          en: 'The proof in the TXT record is computed from the federation certificate; Microsoft recommends updating it whenever the trust gets a new certificate.',
          ja: 'TXT レコードの証明文字列はフェデレーション証明書から計算されます。信頼に新しい証明書を設定したら更新するよう Microsoft は推奨しています。',
        },
        role: 'mailbox',
        title: {
          en: 'For each federated domain: put the proof for the new certificate in its TXT record in public DNS',
          ja: 'フェデレーション ドメインごとに: 新しい証明書の証明文字列を公開 DNS の TXT レコードに設定します',
        },
        command: 'Get-FederatedDomainProof -DomainName <federated domain> -Thumbprint <new thumbprint>',
      },
      {
        id: 'verify-distribution',
        versions: SINCE_2010,
        why: {
          en: 'Publishing before every server has the certificate breaks free/busy on the servers that lack it.',
          ja: '全サーバーに証明書が行き渡る前に公開すると、持っていないサーバーで空き時間情報が壊れます。',
        },
        role: 'mailbox',
        title: {
          en: 'Wait until every server has it, then publish it and test the trust',
          ja: 'すべてのサーバーに行き渡るのを待ってから公開し、信頼関係をテストします',
        },
        command:
          'Test-FederationTrustCertificate\nGet-FederationTrust | Set-FederationTrust -PublishFederationCertificate\nTest-FederationTrust',
      },
    ],
  },
  {
    id: 'federation-expired',
    reference: 'Microsoft Learn: Renew the federation certificate — Replace an expired federation certificate',
    steps: [
      noFederationIn2007,
      checkFederation,
      checkNamedFederation,
      {
        id: 'recreate-trust',
        versions: SINCE_2010,
        why: {
          en: "Microsoft's gateway no longer accepts the expired certificate, so the trust must be made anew.",
          ja: 'Microsoft のゲートウェイは期限切れの証明書を受け付けないため、信頼を作り直す必要があります。',
        },
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
        why: {
          en: 'A CA-issued certificate is renewed by a new request; the same names keep clients free of warnings.',
          ja: 'CA 発行の証明書は新しい要求で更新します。同じ名前にすればクライアントに警告が出ません。',
        },
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
        unknownNote: {
          en: 'Exchange 2007: New-ExchangeCertificate -GenerateRequest -Path <file> writes the file itself',
          ja: 'Exchange 2007 では New-ExchangeCertificate -GenerateRequest -Path <ファイル> で直接ファイルに書き出します',
        },
      },
      {
        id: 'import',
        why: {
          en: 'The private key stays on the server that made the request; the issued certificate completes it there.',
          ja: '秘密キーは要求を作成したサーバーにあるので、発行された証明書でそこで完了します。',
        },
        role: 'client-access',
        title: {
          en: 'Complete the request with the issued certificate, on the same server that made the request',
          ja: '発行された証明書で要求を完了します (要求を作成したのと同じサーバーで)',
        },
        command: {
          default: "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\{cn}.cer'))",
          '2007': 'Import-ExchangeCertificate -Path C:\\certreq\\{cn}.cer',
        },
        unknownNote: NO_FILEDATA_IN_2007,
      },
      {
        id: 'enable',
        why: {
          en: 'A certificate serves nothing until it is enabled for a service.',
          ja: '証明書はサービスに割り当てるまで何にも使われません。',
        },
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
        why: CONNECTOR_PIN_WHY,
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
        why: {
          en: 'Each server presents its own copy; a server left with the old one breaks behind the load balancer.',
          ja: '各サーバーは自分のコピーを提示します。古い証明書のままのサーバーがあると、ロード バランサー経由の接続の一部が失敗します。',
        },
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
        why: {
          en: "Clients do not trust a server's self-signed certificate and warn on every connection.",
          ja: 'クライアントはサーバーの自己署名証明書を信頼せず、接続のたびに警告します。',
        },
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
        why: {
          en: 'Setup names the issuer, not the thumbprint; this finds the certificate it means.',
          ja: 'セットアップは拇印ではなく発行者を示すので、該当する証明書を探します。',
        },
        role: 'any',
        title: { en: 'Find the expired certificate', ja: '期限切れの証明書を探します' },
        command:
          'Get-ExchangeCertificate | ? { $_.NotAfter -lt (Get-Date) } | ft Thumbprint,Subject,Services,NotAfter -Auto',
      },
      {
        id: 'renew',
        why: {
          en: 'Setup refuses to bind an expired certificate to IIS.',
          ja: 'セットアップは期限切れの証明書を IIS に割り当てません。',
        },
        role: 'any',
        title: {
          en: 'Renew it: this makes a self-signed copy with the same names (answer Y to the overwrite prompt if it was the default SMTP certificate); for a CA certificate add -GenerateRequest and complete the request with your CA instead',
          ja: '更新します: 同じ名前の自己署名証明書が作られます (既定の SMTP 証明書だった場合は上書き確認に Y と答えます)。CA の証明書なら -GenerateRequest を付け、CA で要求を完了します',
        },
        command: 'Get-ExchangeCertificate -Thumbprint <expired thumbprint> | New-ExchangeCertificate',
      },
      {
        id: 'enable-iis',
        why: {
          en: 'IIS keeps the old binding until told otherwise: OWA, EWS and Autodiscover would still present the expired certificate.',
          ja: 'IIS のバインドは、変更するまで古い証明書のままです。OWA、EWS、自動検出が期限切れの証明書を出し続けます。',
        },
        role: 'any',
        title: { en: 'Bind the new certificate to IIS', ja: '新しい証明書を IIS に割り当てます' },
        command: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS',
      },
      {
        id: 'rerun',
        why: {
          en: 'Setup resumes from the failed step once the certificate is valid.',
          ja: '証明書が有効になれば、セットアップは失敗した手順から再開します。',
        },
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
        why: {
          en: 'RevocationCheckFailure means Windows could not download the CRL or reach OCSP for this chain.',
          ja: 'RevocationCheckFailure は、Windows がこのチェーンの CRL をダウンロードできないか OCSP に到達できないことを示します。',
        },
        role: 'any',
        title: {
          en: 'On {server}: test whether the CRL/OCSP addresses of the chain can be reached',
          ja: '{server} で: チェーンの CRL/OCSP に到達できるかテストします',
        },
        command:
          "[System.IO.File]::WriteAllBytes('C:\\Temp\\cert.cer', (Get-Item Cert:\\LocalMachine\\My\\{thumbprint}).RawData)\ncertutil -verify -urlfetch C:\\Temp\\cert.cer",
      },
      {
        id: 'proxy',
        why: {
          en: 'Servers without direct internet access need a WinHTTP proxy for revocation checks.',
          ja: 'インターネットに直接出られないサーバーは、失効確認に WinHTTP プロキシが必要です。',
        },
        role: 'any',
        title: {
          en: "Check the machine proxy: Exchange checks revocation through WinHTTP, not the browser's proxy",
          ja: 'マシンのプロキシを確認します: Exchange はブラウザーではなく WinHTTP のプロキシで失効を確認します',
        },
        command: 'netsh winhttp show proxy',
      },
      {
        id: 'recheck',
        why: {
          en: 'Status turns Valid once the revocation check succeeds.',
          ja: '失効確認が成功すると Status は Valid になります。',
        },
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
        why: {
          en: 'A pending request has a key but no certificate yet; only the server that made it can complete it.',
          ja: '保留中の要求にはキーはあっても証明書がまだありません。完了できるのは要求を作成したサーバーだけです。',
        },
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
        unknownNote: NO_FILEDATA_IN_2007,
      },
      {
        id: 'enable',
        why: {
          en: 'A certificate serves nothing until it is enabled for a service.',
          ja: '証明書はサービスに割り当てるまで何にも使われません。',
        },
        role: 'any',
        title: {
          en: 'Enable it for the services it is for; answer N to overwriting the default SMTP certificate',
          ja: '目的のサービスに割り当てます。既定の SMTP 証明書の上書き確認には N と答えます',
        },
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
        why: {
          en: 'A thumbprint alone does not say what the certificate is or when it expires.',
          ja: '拇印だけでは、どの証明書かも有効期限もわかりません。',
        },
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
        why: {
          en: 'If it is, renewing it follows the internal transport procedure.',
          ja: 'そうであれば、内部トランスポート証明書の手順で更新します。',
        },
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
        unknownNote: {
          en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
          ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
        },
      },
      {
        id: 'is-auth',
        why: {
          en: 'If it is, renewing it follows the Auth certificate procedure.',
          ja: 'そうであれば、Auth 証明書の手順で更新します。',
        },
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
        why: { en: 'The default table view shows no dates.', ja: '既定の表形式には日付が表示されません。' },
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
        why: {
          en: 'The cmdlet compares characters exactly: an invisible mark makes it report that no certificate was found.',
          ja: 'コマンドレットは文字をそのまま比較するので、見えない文字があると証明書が見つからないと報告します。',
        },
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
