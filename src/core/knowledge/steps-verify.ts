import type { LibraryStep } from './library-model.js';

/**
 * How an admin checks that a plan worked, right for the version and the operating system: Exchange
 * 2007 often runs on Windows Server 2003 (PowerShell 1.0), which has no Get-WinEvent and no `-in`.
 */
export const VERIFY_STEPS: LibraryStep[] = [
  {
    id: 'verify-events',
    role: 'transport',
    title: {
      en: 'On {server}: a few minutes after the change, check that events {eventIds} are no longer logged (no output means none)',
      ja: '{server} で: 変更の数分後、イベント {eventIds} が記録されなくなったことを確認します (何も表示されなければ記録されていません)',
    },
    why: {
      en: 'The events repeat while the problem lasts; their absence is the first sign the fix took.',
      ja: 'これらのイベントは問題が続く間繰り返し記録されます。記録されなくなれば修正が効いた最初のしるしです。',
    },
    command: {
      default:
        "Get-WinEvent -FilterHashtable @{LogName='Application'; Id={eventIds}; StartTime=(Get-Date).AddMinutes(-15)} -ErrorAction SilentlyContinue",
      '2007':
        'Get-EventLog Application -Newest 500 | ? { $_.TimeGenerated -gt (Get-Date).AddMinutes(-15) -and ({eventIds} -contains $_.EventID) }',
    },
    unknownNote: {
      en: 'Exchange 2007 on Windows Server 2003 has no Get-WinEvent: Get-EventLog Application -Newest 500 there',
      ja: 'Windows Server 2003 上の Exchange 2007 には Get-WinEvent がないので Get-EventLog Application -Newest 500',
    },
  },
  {
    id: 'verify-starttls-probe',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'From any machine with certcheck: check that port {smtpPort} offers STARTTLS and presents the new certificate',
      ja: 'certcheck のある任意のマシンから: ポート {smtpPort} が STARTTLS を提供し、新しい証明書を提示することを確認します',
    },
    why: {
      en: 'What the port presents is what those who connect to it see: partners and Exchange Online on 25, mail clients on 587.',
      ja: 'ポートが提示する証明書が、接続してくる側 (25 では相手先や Exchange Online、587 ではメール クライアント) から見える証明書です。',
    },
    command: { default: 'certcheck probe {probeHost}:{smtpPort}' },
  },
  {
    id: 'verify-https-probe',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'From any machine with certcheck: check that port 443 presents the new certificate; then sign in to OWA: no certificate warning',
      ja: 'certcheck のある任意のマシンから: ポート 443 が新しい証明書を提示することを確認し、OWA にサインインして証明書の警告が出ないことを確かめます',
    },
    why: {
      en: 'Clients see the certificate IIS presents, not the list in the Exchange admin center.',
      ja: 'クライアントが見るのは IIS が提示する証明書で、Exchange 管理センターの一覧ではありません。',
    },
    command: { default: 'certcheck probe {probeHost}:443' },
  },
  {
    id: 'verify-edgesync',
    role: 'hub',
    runsOn: 'hub',
    versions: ['2007', '2010', '2013+', 'unknown'],
    title: {
      en: 'On {hubServer} of the subscribed site: check that EdgeSync is in sync with the Edge',
      ja: 'サブスクライブしているサイトの {hubServer} で: EdgeSync がエッジと同期していることを確認します',
    },
    why: {
      en: 'SyncStatus Normal shows {hubSide} and the Edge still trust each other after the change. EdgeSync never copies a certificate with its private key to the Edge: a certificate the Edge presents is made or imported on the Edge itself, and a new internal transport certificate on the Edge needs a new Edge subscription.',
      ja: 'SyncStatus が Normal なら、変更後も{hubSide}とエッジが互いを信頼しています。EdgeSync が証明書を秘密キーごとエッジにコピーすることはありません。エッジが提示する証明書はエッジ自身で作成またはインポートし、エッジの内部トランスポート証明書を変えた場合はエッジ サブスクリプションを作成し直します。',
    },
    command: { default: 'Test-EdgeSynchronization -ExcludeRecipientTest' },
  },
  {
    id: 'verify-owa',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'Sign in to OWA and ECP in a browser: both open without a certificate warning or a sign-in loop',
      ja: 'ブラウザーで OWA と ECP にサインインします: 証明書の警告もサインインの繰り返しもなく開けば完了です',
    },
    why: {
      en: 'OWA and ECP go through the front end, the Back End site and the Auth certificate: signing in checks all three.',
      ja: 'OWA と ECP はフロントエンド、Back End サイト、Auth 証明書を通るので、サインインすれば 3 つとも確認できます。',
    },
  },
  {
    id: 'verify-new-certificate',
    role: 'any',
    phase: 'final',
    title: {
      en: 'On {server}: check the new certificate: valid dates, Status Valid, and the services it was enabled for',
      ja: '{server} で: 新しい証明書の有効期間、Status が Valid であること、割り当てたサービスを確認します',
    },
    why: {
      en: 'A certificate that is not Valid (an untrusted chain, a revocation check that fails) will not be used.',
      ja: 'Valid でない証明書 (チェーンが信頼されない、失効確認に失敗する) は使われません。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint <new thumbprint> | fl Subject,NotAfter,Status,Services' },
  },
  {
    id: 'verify-authconfig',
    role: 'mailbox',
    phase: 'final',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Check that the current Auth certificate is the new one and is valid (it can take up to an hour to take effect)',
      ja: '現在の Auth 証明書が新しい証明書で、有効であることを確認します (反映に最大 1 時間かかることがあります)',
    },
    why: {
      en: 'OAuth signs with the current Auth certificate; it must be the new one on every server.',
      ja: 'OAuth は現在の Auth 証明書で署名します。すべてのサーバーで新しい証明書になっている必要があります。',
    },
    command: {
      default:
        '(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | fl Thumbprint,NotAfter,Status',
    },
    unknownNote: { en: 'Exchange 2013 and later only', ja: 'Exchange 2013 以降のみ' },
  },
  {
    id: 'verify-queue',
    role: 'mailbox',
    title: {
      en: 'Check that the queue drains: the message count falls and LastError is empty',
      ja: 'キューが減ることを確認します: メッセージ数が減り、LastError が空になります',
    },
    why: {
      en: 'The queue empties only when the connector finds its certificate.',
      ja: 'コネクタが証明書を見つけて初めてキューが空になります。',
    },
    command: { default: 'Get-Queue -Identity {queueOrPlaceholder} | fl Status,MessageCount,LastError' },
  },
  {
    id: 'verify-federation',
    role: 'mailbox',
    versions: ['2010', '2013+', 'unknown'],
    title: { en: 'Test the federation trust', ja: 'フェデレーション信頼をテストします' },
    why: {
      en: 'Free/busy and sharing with other organisations work only with a valid federation trust.',
      ja: '他組織との空き時間情報や共有は、有効なフェデレーション信頼があって初めて動きます。',
    },
    command: { default: 'Test-FederationTrust' },
  },
  {
    // A probe of the load-balanced name reaches one server of several: the one whose old certificate
    // is about to go is asked itself.
    id: 'check-443-here',
    role: 'client-access',
    versions: ['2010', '2013+', 'unknown'],
    title: {
      en: 'On {server}: before the old certificate goes, check that this server itself no longer serves it ({thumbprintWords}) on 443',
      ja: '{server} で: 古い証明書を削除する前に、このサーバー自身が 443 でその証明書 ({thumbprintWords}) をもう使っていないことを確認します',
    },
    why: {
      en: 'A probe of the shared name reaches whichever server the load balancer picks; removing a certificate this server still binds to 443 stops OWA, ECP, Outlook Anywhere, EWS and ActiveSync here.',
      ja: '共有の名前へのプローブは、ロード バランサーが選んだいずれかのサーバーにしか届きません。このサーバーがまだ 443 にバインドしている証明書を削除すると、ここで OWA、ECP、Outlook Anywhere、EWS、ActiveSync が止まります。',
    },
    verify: {
      en: 'Certificate Hash is not the old thumbprint; after a renewal it is the renewed certificate.',
      ja: '証明書ハッシュが古い拇印ではありません。更新の場合は更新後の証明書の拇印になっています。',
    },
    command: { default: 'netsh http show sslcert ipport=0.0.0.0:443' },
  },
  {
    // Behind a load balancer a probe of the shared name reaches one server: each is asked by its own name.
    id: 'verify-each-server-probe',
    role: 'any',
    runsOn: 'anywhere',
    phase: 'final',
    title: {
      en: 'From any machine with certcheck: check that port {presentedPort} presents the renewed certificate on each server by its own name and on the load-balanced name',
      ja: 'certcheck のある任意のマシンから: 各サーバーのサーバー名と、負荷分散された名前のポート {presentedPort} で、更新後の証明書が提示されることを確認します',
    },
    why: {
      en: 'Only when every server presents it do partners and clients stop getting the expired certificate, whichever server the load balancer picks.',
      ja: 'すべてのサーバーが提示して初めて、ロード バランサーがどのサーバーを選んでも、パートナーやクライアントに期限切れの証明書が届かなくなります。',
    },
    command: {
      default: 'certcheck probe {server}:{presentedPort}\n{otherProbes}\ncertcheck probe {probeHost}:{presentedPort}',
    },
  },
];
