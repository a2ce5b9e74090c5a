import type { LibraryStep } from './library-model.js';

/** The Auth (OAuth) certificate came with Exchange 2013 (ps:Set-AuthConfig applies to 2013 and later). */
const SINCE_2013: LibraryStep['versions'] = ['2013+', 'unknown'];
const NOTE_2013 = { en: 'Exchange 2013 and later only', ja: 'Exchange 2013 以降のみ' };

export const AUTH_STEPS: LibraryStep[] = [
  {
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
  },
  {
    id: 'check-auth',
    role: 'mailbox',
    versions: SINCE_2013,
    title: { en: 'Check the current Auth certificate', ja: '現在の Auth 証明書を確認します' },
    why: {
      en: 'Shows whether the Auth certificate is expired, missing its key or absent on this server.',
      ja: 'Auth 証明書が期限切れか、キーがないか、このサーバーにないかがわかります。',
    },
    command: {
      default:
        '(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | fl Thumbprint,NotAfter,Subject,HasPrivateKey',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'auth-still-valid',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'The Auth certificate is not the cause: leave it and the AuthConfig as they are. List the certificates with their status, and paste that with the full error (the event, or the OWA/ECP page) so the cause can be found',
      ja: 'Auth 証明書は原因ではありません。証明書と AuthConfig はそのままにします。証明書を状態付きで一覧し、その結果とエラー全体 (イベント、または OWA/ECP の画面) を貼り付けて原因を調べます',
    },
    why: {
      en: 'Replacing a valid Auth certificate changes nothing for this error and makes Exchange Online and partner applications trust a new one first.',
      ja: '有効な Auth 証明書を置き換えてもこのエラーは直らず、Exchange Online や連携アプリケーションが新しい証明書を信頼するまで OAuth が止まります。',
    },
    command: { default: 'Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter,Services,Status,HasPrivateKey' },
    unknownNote: NOTE_2013,
  },
  {
    id: 'new-auth',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Create a new Auth certificate. Asked to overwrite the default SMTP certificate, answer N',
      ja: '新しい Auth 証明書を作成します。既定の SMTP 証明書の上書き確認には N と答えます',
    },
    why: {
      en: 'Exchange signs OAuth tokens (OWA/ECP sign-in, hybrid, server-to-server) with this certificate; N keeps SMTP on its own certificate.',
      ja: 'Exchange はこの証明書で OAuth トークン (OWA/ECP のサインイン、ハイブリッド、サーバー間) に署名します。N と答えれば、SMTP は現在の証明書を使い続けます。',
    },
    command: {
      default:
        "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -FriendlyName 'Microsoft Exchange Server Auth Certificate' -DomainName @()",
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'set-auth-now',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Make it the Auth certificate now (confirm with Y), publish it, and clear the previous one',
      ja: 'すぐに Auth 証明書として設定し (確認に Y)、公開して、前の証明書をクリアします',
    },
    why: {
      en: 'When the current one is already broken, waiting for a staged roll-over only prolongs the outage.',
      ja: '現在の証明書がすでに壊れているなら、段階的な切り替えを待つと障害が長引くだけです。',
    },
    verify: {
      en: '(Get-AuthConfig).CurrentCertificateThumbprint is the new thumbprint.',
      ja: '(Get-AuthConfig).CurrentCertificateThumbprint が新しい拇印になります。',
    },
    command: {
      default:
        'Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'auth-next-on-servers',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Check that every Mailbox server has the staged next Auth certificate (NextCertificateThumbprint), unexpired and with its private key. Where one lacks it, export it with its key from a server that has it and import it there before the next step',
      ja: '登録済みの次の Auth 証明書 (NextCertificateThumbprint) が、すべてのメールボックス サーバーに期限内で秘密キー付きであることを確認します。ないサーバーがあれば、次の手順の前に、持っているサーバーから秘密キー付きでエクスポートしてインポートします',
    },
    why: {
      en: 'Publishing makes it the current certificate on every server at once; a server without it cannot sign OAuth tokens, and OWA/ECP keep failing there.',
      ja: '公開すると、すべてのサーバーで一度に現在の証明書になります。証明書がないサーバーは OAuth トークンに署名できず、そこでは OWA/ECP が失敗し続けます。',
    },
    command: {
      default:
        '$next = (Get-AuthConfig).NextCertificateThumbprint\nGet-ExchangeServer | ? { $_.IsClientAccessServer -or $_.IsMailboxServer } | % { Get-ExchangeCertificate -Server $_.Name -Thumbprint $next | fl Identity,NotAfter,HasPrivateKey }',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'promote-staged-auth',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Promote the staged next Auth certificate now: publish it. No new Auth certificate is needed',
      ja: '登録済みの次の Auth 証明書をすぐに昇格させます (公開します)。新しい Auth 証明書を作る必要はありません',
    },
    why: {
      en: 'The current Auth certificate has expired, but a valid next one is already staged. Exchange switches to it on its own only once its effective date (NextCertificateEffectiveDate) has passed, and up to 12 hours later; publishing makes it current at once, and the expired one becomes the previous certificate.',
      ja: '現在の Auth 証明書は期限切れですが、有効な次の証明書がすでに登録されています。Exchange が自動で切り替えるのは有効日 (NextCertificateEffectiveDate) を過ぎてからで、さらに最大 12 時間かかります。公開すればすぐに現在の証明書になり、期限切れの証明書は前の証明書になります。',
    },
    verify: {
      en: '(Get-AuthConfig).CurrentCertificateThumbprint is the thumbprint NextCertificateThumbprint showed, and NextCertificateThumbprint is empty.',
      ja: '(Get-AuthConfig).CurrentCertificateThumbprint が、NextCertificateThumbprint に表示されていた拇印になり、NextCertificateThumbprint は空になります。',
    },
    command: { default: 'Set-AuthConfig -PublishCertificate' },
    unknownNote: NOTE_2013,
  },
  {
    id: 'stage-auth',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Stage it as the next Auth certificate at least 48 hours ahead, so every server has it before it takes over',
      ja: 'すべてのサーバーに行き渡るよう、48 時間以上先を有効日として次の Auth 証明書に設定します',
    },
    why: {
      en: 'A staged certificate is copied to every server before it takes over, so nothing breaks at the switch.',
      ja: '準備した証明書は切り替え前に全サーバーへ配布されるので、切り替え時に問題が起きません。',
    },
    verify: {
      en: 'Get-AuthConfig shows the new thumbprint as NextCertificateThumbprint.',
      ja: 'Get-AuthConfig の NextCertificateThumbprint が新しい拇印になります。',
    },
    command: {
      default:
        'Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date).AddHours(48)',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'publish-later',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Once the effective date has passed (48 hours from now): Exchange promotes the new certificate within 12 hours; to promote it at once then, publish it yourself',
      ja: '有効日 (48 時間後) を過ぎたら: Exchange が 12 時間以内に新しい証明書に切り替えます。その時点ですぐに切り替えるには、自分で公開します',
    },
    why: {
      en: 'Publishing before the effective date would make it current before every server has it; the previous certificate stays trusted until it is cleared, later.',
      ja: '有効日より前に公開すると、すべてのサーバーに行き渡る前に現在の証明書になってしまいます。前の証明書は、後でクリアするまで信頼され続けます。',
    },
    command: { default: 'Set-AuthConfig -PublishCertificate' },
    unknownNote: NOTE_2013,
  },
  {
    // Its own step, last: clearing with the publish would stop trusting the previous certificate while
    // servers that have not picked up the new one still sign with it.
    id: 'clear-previous-auth-later',
    role: 'mailbox',
    phase: 'final',
    versions: SINCE_2013,
    title: {
      en: 'Later, once the new Auth certificate is current and OWA/ECP sign-in (and hybrid free/busy) work on every server: clear the previous Auth certificate',
      ja: '後日、新しい Auth 証明書が現在の証明書になり、すべてのサーバーで OWA/ECP のサインイン (とハイブリッドの空き時間情報) が動いてから: 前の Auth 証明書をクリアします',
    },
    why: {
      en: 'Until it is cleared, tokens signed with the previous certificate are still accepted; clearing it before the effective date has passed breaks sign-in where the new one has not arrived.',
      ja: 'クリアするまでは前の証明書で署名されたトークンも受け付けられます。有効日を過ぎる前にクリアすると、新しい証明書がまだ届いていないサーバーでサインインが失敗します。',
    },
    verify: {
      en: 'Get-AuthConfig shows PreviousCertificateThumbprint empty.',
      ja: 'Get-AuthConfig の PreviousCertificateThumbprint が空になります。',
    },
    command: { default: 'Set-AuthConfig -ClearPreviousCertificate' },
    unknownNote: NOTE_2013,
  },
  {
    id: 'restart-auth-consumers',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'On {server}: restart the Service Host and the OWA/ECP application pools (every Mailbox server needs this)',
      ja: '{server} で: Service Host と OWA/ECP のアプリケーション プールを再起動します (すべてのメールボックス サーバーで必要です)',
    },
    why: {
      en: 'These processes cache the Auth certificate; they pick up the new one after a restart.',
      ja: 'これらのプロセスは Auth 証明書をキャッシュしているので、再起動で新しい証明書を読み込みます。',
    },
    command: {
      default:
        'Restart-Service MSExchangeServiceHost\nRestart-WebAppPool MSExchangeOWAAppPool\nRestart-WebAppPool MSExchangeECPAppPool',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'auth-show-on-server',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Check whether {server} still has the Auth certificate AuthConfig names, with its private key',
      ja: '{server} に AuthConfig が示す Auth 証明書が秘密キー付きで残っているか確認します',
    },
    why: {
      en: 'A copy can come only from a server that still has the certificate and its key; a new one is needed only if none has.',
      ja: 'コピーできるのは、証明書と秘密キーが残っているサーバーからだけです。どこにもない場合にだけ新しく作ります。',
    },
    command: {
      default:
        'Get-ExchangeCertificate -Server {server} -Thumbprint {thumbprint} | fl Thumbprint,NotAfter,HasPrivateKey',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'auth-export-here',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'On {server}: export the Auth certificate with its private key',
      ja: '{server} で: Auth 証明書を秘密キー付きでエクスポートします',
    },
    why: {
      en: 'The same certificate with its key must be on every Mailbox server: Exchange Online already trusts this one.',
      ja: '同じ証明書を秘密キー付きですべてのメールボックス サーバーに置く必要があります。Exchange Online はこの証明書をすでに信頼しています。',
    },
    command: {
      default:
        "$b = Export-ExchangeCertificate -Thumbprint {thumbprint} -BinaryEncoded -Password (Get-Credential).Password\n[System.IO.File]::WriteAllBytes('C:\\Temp\\auth.pfx', $b.FileData)",
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'auth-import-to-source',
    role: 'mailbox',
    versions: SINCE_2013,
    runsOn: 'source',
    title: {
      en: 'On {sourceServer}: copy C:\\Temp\\auth.pfx from {server} and import it with the password given at export',
      ja: '{sourceServer} で: {server} から C:\\Temp\\auth.pfx をコピーし、エクスポート時のパスワードでインポートします',
    },
    why: {
      en: 'OAuth fails on the server that lacks the certificate: the Hybrid Configuration Wizard among others.',
      ja: '証明書がないサーバーでは OAuth が失敗します (ハイブリッド構成ウィザードもその一つです)。',
    },
    command: {
      default:
        "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\Temp\\auth.pfx')) -Password (Get-Credential).Password",
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'verify-oauth-connectivity',
    role: 'mailbox',
    versions: SINCE_2013,
    phase: 'verify',
    title: {
      en: 'On {server}: once the wizard has finished, test OAuth to Exchange Online with an on-premises mailbox: ResultType Success',
      ja: '{server} で: ウィザードの完了後、オンプレミスのメールボックスで Exchange Online への OAuth をテストします (ResultType が Success)',
    },
    why: {
      en: 'Hybrid free/busy and mailbox moves use this OAuth trust; the test shows it works before users do.',
      ja: 'ハイブリッドの空き時間情報やメールボックスの移動はこの OAuth の信頼を使います。ユーザーより先にテストで動作を確かめます。',
    },
    command: {
      default:
        'Test-OAuthConnectivity -Service EWS -TargetUri https://outlook.office365.com/ews/exchange.asmx -Mailbox {mailboxOrPlaceholder} | fl ResultType,Detail',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'rerun-hcw-auth',
    role: 'any',
    runsOn: 'mailbox-side',
    versions: SINCE_2013,
    title: {
      en: 'Re-run the Hybrid Configuration Wizard so Exchange Online learns the new Auth certificate',
      ja: 'ハイブリッド構成ウィザードを再実行して、新しい Auth 証明書を Exchange Online に伝えます',
    },
    why: {
      en: 'Exchange Online trusts the on-premises organisation by its Auth certificate; hybrid free/busy fails until it knows the new one.',
      ja: 'Exchange Online は Auth 証明書でオンプレミスの組織を信頼します。新しい証明書を伝えるまでハイブリッドの空き時間情報は失敗します。',
    },
  },
  {
    id: 'authconfig-servers',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'Check that every Exchange server has the certificate AuthConfig names, unexpired and with its private key',
      ja: 'AuthConfig が示す証明書が、すべての Exchange サーバーに期限内で秘密キー付きであることを確認します',
    },
    why: {
      en: 'OAuth fails on any server that lacks the certificate or its key.',
      ja: '証明書かキーがないサーバーでは OAuth が失敗します。',
    },
    command: {
      default:
        'Get-ExchangeServer | ? { $_.IsClientAccessServer -or $_.IsMailboxServer } | % { Get-ExchangeCertificate -Server $_.Name -Thumbprint {thumbprint} | fl Identity,NotAfter,HasPrivateKey }',
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'auth-copy-to-servers',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'On a server that has it: export it with its key (the next step imports it where it is missing)',
      ja: '証明書を持っているサーバーで: 秘密キー付きでエクスポートします (次の手順で、ないサーバーにインポートします)',
    },
    why: {
      en: 'The same certificate with its key must be on every Mailbox server; a new one is needed only if it is gone or expired everywhere.',
      ja: '同じ証明書を秘密キー付きですべてのメールボックス サーバーに置く必要があります。新しく作るのは、どこにもないか期限切れの場合だけです。',
    },
    command: {
      default:
        "$b = Export-ExchangeCertificate -Thumbprint {thumbprint} -BinaryEncoded -Password (Get-Credential).Password\n[System.IO.File]::WriteAllBytes('C:\\Temp\\auth.pfx', $b.FileData)",
    },
    unknownNote: NOTE_2013,
  },
  {
    id: 'auth-import-on-server',
    role: 'mailbox',
    versions: SINCE_2013,
    title: {
      en: 'On each server without it: import the exported file (copy C:\\Temp\\auth.pfx there first)',
      ja: '証明書がない各サーバーで: エクスポートしたファイルをインポートします (先に C:\\Temp\\auth.pfx をコピーします)',
    },
    why: {
      en: 'Importing the same certificate keeps every server signing with what Exchange Online already trusts.',
      ja: '同じ証明書をインポートすれば、すべてのサーバーが Exchange Online の信頼する証明書で署名できます。',
    },
    command: {
      default:
        "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\Temp\\auth.pfx')) -Password (Get-Credential).Password",
    },
    unknownNote: NOTE_2013,
  },
];
