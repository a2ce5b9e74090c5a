import type { LibraryStep } from './library-model.js';

/** The internal transport certificate's thumbprint, with each release's cmdlet (one check, three steps). */
const SHOW_INTERNAL_THUMBPRINT = {
  command: {
    default: 'Get-TransportService {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
    '2007': 'Get-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
    '2010': 'Get-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
  },
  unknownNote: {
    en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
    ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
  },
};

const RESTART_WHY = {
  en: 'The transport services load their certificates at start; a restart applies the change at once.',
  ja: 'トランスポート サービスは起動時に証明書を読み込みます。再起動ですぐに反映されます。',
};

/** The internal transport (direct trust) certificate, STARTTLS certificates and the transport services. */
export const TRANSPORT_STEPS: LibraryStep[] = [
  {
    id: 'new-internal-self-signed',
    role: 'transport',
    title: {
      en: "On {server}: create a new self-signed certificate for the server's own names, for SMTP. Asked to overwrite the default SMTP certificate, answer Y: it replaces the internal transport certificate",
      ja: '{server} で: サーバー自身の名前で SMTP 用の新しい自己署名証明書を作成します。既定の SMTP 証明書の上書き確認には Y と答えます (内部トランスポート証明書を置き換えます)',
    },
    why: {
      en: 'The new certificate becomes the internal transport certificate Exchange servers use to trust each other.',
      ja: '新しい証明書が、Exchange サーバー同士の信頼に使われる内部トランスポート証明書になります。',
    },
    verify: {
      en: 'InternalTransportCertificateThumbprint shows the new thumbprint.',
      ja: 'InternalTransportCertificateThumbprint が新しい拇印になります。',
    },
    command: { default: 'New-ExchangeCertificate -DomainName {ownNames} -Services SMTP' },
    needs: ['server', 'serverFqdn'],
  },
  {
    // The paste shows the renewal done (InternalTransportCertificateThumbprint names the newer one):
    // a further certificate would change what the organisation trusts once more.
    id: 'internal-renewed-done',
    role: 'transport',
    title: {
      en: 'On {server}: the internal transport certificate is already renewed: {internalRenewed} is the internal transport certificate. Create no other certificate: no overwrite prompt needs an answer',
      ja: '{server} で: 内部トランスポート証明書はすでに更新されています。内部トランスポート証明書は {internalRenewed} です。ほかの証明書は作成せず、上書きの確認にも答える必要はありません',
    },
    why: {
      en: 'InternalTransportCertificateThumbprint in the paste names the newer certificate of the same name; only what follows the renewal is left.',
      ja: '貼り付けの InternalTransportCertificateThumbprint が、同じ名前の新しい証明書を示しています。残っているのは更新後の作業だけです。',
    },
  },
  {
    // The admin says the renewal was made with Y (or 12015 stopped): shown before the rest relies on it.
    id: 'internal-renewed-said',
    role: 'transport',
    title: {
      en: 'On {server}: you say the self-signed certificate was already renewed with Y: confirm that InternalTransportCertificateThumbprint shows {internalRenewed}, the newer certificate of the same name, before anything below; no other certificate is needed',
      ja: '{server} で: 自己署名証明書は Y で更新済みとのことなので、以降の手順の前に、InternalTransportCertificateThumbprint が同じ名前の新しい証明書 {internalRenewed} になっていることを確認します。ほかの証明書は作成しません',
    },
    why: {
      en: 'Only the certificate InternalTransportCertificateThumbprint names is the one Exchange servers trust each other by; the old one may go only once it is not that certificate.',
      ja: 'Exchange サーバー同士の信頼に使われるのは InternalTransportCertificateThumbprint が示す証明書だけです。古い証明書を削除できるのは、それがこの証明書でなくなってからです。',
    },
    ...SHOW_INTERNAL_THUMBPRINT,
  },
  {
    id: 'new-self-signed-not-internal',
    role: 'transport',
    title: {
      en: "On {server}: create a new self-signed certificate for the server's own names, for SMTP. Asked to overwrite the default SMTP certificate, answer N: the internal transport certificate is another one and stays",
      ja: '{server} で: サーバー自身の名前で SMTP 用の新しい自己署名証明書を作成します。既定の SMTP 証明書の上書き確認には N と答えます (内部トランスポート証明書は別の証明書で、そのまま使います)',
    },
    why: {
      en: 'The expired certificate is replaced without touching the certificate Exchange servers trust each other by.',
      ja: 'Exchange サーバー同士の信頼に使う証明書には触れずに、期限切れの証明書を置き換えます。',
    },
    command: { default: 'New-ExchangeCertificate -DomainName {ownNames} -Services SMTP' },
  },
  {
    id: 'confirm-internal',
    role: 'transport',
    title: {
      en: 'On {server}: confirm that the internal transport certificate is now the new thumbprint',
      ja: '{server} で: 内部トランスポート証明書が新しい拇印になったことを確認します',
    },
    why: {
      en: 'Exchange trusts servers by this thumbprint; if it still shows the old one, the renewal did not take.',
      ja: 'Exchange はこの拇印でサーバーを信頼します。古い拇印のままなら更新が反映されていません。',
    },
    ...SHOW_INTERNAL_THUMBPRINT,
  },
  {
    // After N the internal transport certificate is the one it was: checking for the new thumbprint
    // there would send the admin after a failure that is not one.
    id: 'confirm-internal-kept',
    role: 'transport',
    title: {
      en: 'On {server}: confirm that the internal transport certificate is still the one it was, not the new certificate',
      ja: '{server} で: 内部トランスポート証明書が新しい証明書ではなく、元の証明書のままであることを確認します',
    },
    why: {
      en: 'After N, Exchange keeps trusting servers by the certificate it had; if it shows the new thumbprint, the prompt was answered Y and the internal transport certificate was replaced.',
      ja: 'N と答えた場合、Exchange はそれまでの証明書でサーバーを信頼し続けます。新しい拇印が表示されたら上書き確認に Y と答えており、内部トランスポート証明書が置き換わっています。',
    },
    ...SHOW_INTERNAL_THUMBPRINT,
  },
  {
    id: 'confirm-internal-reenabled',
    role: 'transport',
    title: {
      en: 'On {server}: confirm that the internal transport certificate is {thumbprintWords} again, the certificate just enabled',
      ja: '{server} で: 内部トランスポート証明書が、いま割り当てた {thumbprintWords} に戻ったことを確認します',
    },
    why: {
      en: 'Exchange trusts servers by this thumbprint; if it shows another one, the certificate was not enabled for SMTP again.',
      ja: 'Exchange はこの拇印でサーバーを信頼します。別の拇印が表示されたら、証明書が SMTP に割り当て直されていません。',
    },
    ...SHOW_INTERNAL_THUMBPRINT,
  },
  {
    id: 'enable-iis-new',
    role: 'client-access',
    title: {
      en: 'On {server}: IIS served the expired certificate, so enable the new one for IIS (New-ExchangeCertificate does not), then restart IIS',
      ja: '{server} で: IIS は期限切れの証明書を使っていたので、新しい証明書を IIS に割り当て (New-ExchangeCertificate では割り当てられません)、IIS を再起動します',
    },
    why: {
      en: 'Otherwise OWA and Outlook Anywhere keep presenting the expired certificate (KB 953354).',
      ja: 'そうしないと OWA や Outlook Anywhere が期限切れの証明書を出し続けます (KB 953354)。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS\niisreset /noforce' },
  },
  {
    id: 'iis-to-ca-before-remove',
    role: 'client-access',
    title: {
      en: 'On {server}: before the old certificate is removed, enable the CA-issued certificate clients trust for IIS (not the new self-signed one), so the Default Web Site (443) is bound to it instead of to a deleted certificate, then restart IIS',
      ja: '{server} で: 古い証明書を削除する前に、クライアントが信頼する CA 発行の証明書 (新しい自己署名証明書ではありません) を IIS に割り当て、Default Web Site (443) のバインドを削除される証明書から移してから、IIS を再起動します',
    },
    why: {
      en: 'Removing the certificate 443 is still bound to stops OWA, ECP, Outlook Anywhere, EWS and ActiveSync at once; a self-signed certificate there would make every client warn.',
      ja: '443 がまだバインドしている証明書を削除すると、OWA、ECP、Outlook Anywhere、EWS、ActiveSync が一度に止まります。そこを自己署名証明書にすると、すべてのクライアントで警告が出ます。',
    },
    verify: {
      en: 'The 443 binding shows the CA-issued certificate hash.',
      ja: '443 のバインドに CA 発行の証明書のハッシュが表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {iisCaThumbprint} -Services IIS\niisreset /noforce' },
  },
  {
    id: 'enable-iis-ca',
    role: 'client-access',
    title: {
      en: 'On {server}: IIS served the expired certificate: enable the valid CA-issued certificate the listing shows for IIS instead of a new self-signed one, then restart IIS',
      ja: '{server} で: IIS は期限切れの証明書を使っていたので、新しい自己署名証明書ではなく、一覧にある有効な CA 発行の証明書を IIS に割り当て、IIS を再起動します',
    },
    why: {
      en: 'Clients trust the CA-issued certificate; a new self-signed one on 443 would keep every Outlook, OWA and ActiveSync client warning as the expired one did.',
      ja: 'クライアントは CA 発行の証明書を信頼します。443 を新しい自己署名証明書にすると、期限切れの証明書と同じく Outlook、OWA、ActiveSync のすべてのクライアントに警告が出続けます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {iisCaThumbprint} -Services IIS\niisreset /noforce' },
  },
  {
    id: 'enable-smtp-found',
    role: 'transport',
    title: {
      en: 'On {server}: enable that certificate for SMTP, which also lets the Transport service read its private key. Asked to overwrite the default SMTP certificate, answer N: the internal transport certificate stays as it is',
      ja: '{server} で: その証明書を SMTP に割り当てます。Microsoft Exchange Transport サービスが秘密キーを読めるようにもなります。既定の SMTP 証明書の上書き確認には N と答えます (内部トランスポート証明書はそのままです)',
    },
    why: {
      en: 'A matching certificate that is not enabled for SMTP, or whose key Network Service cannot read, still causes 12014.',
      ja: '名前が一致しても SMTP に割り当てられていない、または Network Service がキーを読めない証明書では 12014 が続きます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {candidate} -Services SMTP' },
  },
  {
    id: 'new-for-own-fqdn',
    role: 'transport',
    title: {
      en: "On {server}: {fqdn} is the server's own name: create a self-signed certificate for it, for SMTP. Asked to overwrite the default SMTP certificate, answer Y",
      ja: '{server} で: {fqdn} はサーバー自身の名前です。その名前で SMTP 用の自己署名証明書を作成します。既定の SMTP 証明書の上書き確認には Y と答えます',
    },
    why: {
      en: "A certificate for the server's own name is the internal transport certificate; self-signed is right for it.",
      ja: 'サーバー自身の名前の証明書は内部トランスポート証明書で、自己署名で問題ありません。',
    },
    command: { default: 'New-ExchangeCertificate -DomainName {ownNames} -Services SMTP' },
  },
  {
    id: 'new-starttls-self-signed',
    role: 'transport',
    title: {
      en: 'On {server}: create a new self-signed certificate for {fqdnOrName}, for SMTP. Asked to overwrite the default SMTP certificate, answer N: this is a STARTTLS certificate, not the internal one',
      ja: '{server} で: {fqdnOrName} の SMTP 用の新しい自己署名証明書を作成します。既定の SMTP 証明書の上書き確認には N と答えます (内部トランスポート証明書ではなく STARTTLS 用です)',
    },
    why: {
      en: 'A new certificate for the same FQDN lets the connector offer STARTTLS again.',
      ja: '同じ FQDN の新しい証明書で、コネクタが再び STARTTLS を提供できます。',
    },
    command: { default: 'New-ExchangeCertificate -DomainName {fqdnFirst} -Services SMTP' },
  },
  {
    id: 'restart-transport-service',
    role: 'transport',
    title: {
      en: 'On {server}: restart the Microsoft Exchange Transport service',
      ja: '{server} で: Microsoft Exchange Transport サービスを再起動します',
    },
    why: RESTART_WHY,
    command: { default: 'Restart-Service MSExchangeTransport' },
  },
  {
    // Rendered by the pass that makes restarts follow the connectors a plan changed (step-restarts.ts).
    id: 'restart-for-connectors',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: restart the Front End Transport and Transport services, which read the changed connectors (Frontend receive connectors the first, send connectors the second)',
      ja: '{server} で: 変更したコネクタを読み込むフロントエンド トランスポート サービスとトランスポート サービスを再起動します (Frontend 受信コネクタは前者、送信コネクタは後者が読み込みます)',
    },
    why: RESTART_WHY,
    command: { default: 'Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport' },
    unknownNote: {
      en: 'Exchange 2007/2010 have no Front End Transport service: restart MSExchangeTransport only',
      ja: 'Exchange 2007/2010 にはフロントエンド トランスポート サービスがないため、MSExchangeTransport だけを再起動します',
    },
  },
  {
    id: 'restart-frontend-transport',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: restart the Front End Transport service, which logged the event',
      ja: '{server} で: イベントを記録したフロントエンド トランスポート サービスを再起動します',
    },
    why: RESTART_WHY,
    command: { default: 'Restart-Service MSExchangeFrontEndTransport' },
  },
  {
    // No event to name the service: the ones that answer on the SMTP ports are named instead.
    id: 'restart-transport-port-25',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: restart the Front End Transport service, which answers on ports 25 and 587, and the Transport service, so both read their certificates again',
      ja: '{server} で: ポート 25 と 587 に応答するフロントエンド トランスポート サービスと、トランスポート サービスを再起動し、どちらにも証明書を読み込み直させます',
    },
    why: RESTART_WHY,
    command: { default: 'Restart-Service MSExchangeFrontEndTransport, MSExchangeTransport' },
    unknownNote: {
      en: 'on Exchange 2007/2010 only MSExchangeTransport exists',
      ja: 'Exchange 2007/2010 には MSExchangeTransport しかありません',
    },
  },
  {
    id: 'restart-both-transport',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: the paste does not say which service logged the event, so restart both the Transport and the Front End Transport services',
      ja: '{server} で: どのサービスがイベントを記録したか貼り付けからわからないので、トランスポート サービスとフロントエンド トランスポート サービスの両方を再起動します',
    },
    why: {
      en: 'On Exchange 2013 and later 12014 usually comes from the Front End Transport service, but the Transport service logs it too.',
      ja: 'Exchange 2013 以降の 12014 は多くがフロントエンド トランスポート サービスからですが、トランスポート サービスも記録します。',
    },
    command: { default: 'Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport' },
    unknownNote: {
      en: 'on Exchange 2007/2010 only MSExchangeTransport exists',
      ja: 'Exchange 2007/2010 には MSExchangeTransport しかありません',
    },
  },
  {
    id: 'remove-old',
    role: 'any',
    phase: 'cleanup',
    title: {
      en: 'On {server}: once the checks above show the new certificate works, remove the old one',
      ja: '{server} で: 上の確認で新しい証明書が動いていることを確かめてから、古い証明書を削除します',
    },
    why: {
      en: 'Exchange may still pick an expired certificate as a last resort; removing it avoids that and the repeated events.',
      ja: '削除しておけば、期限切れの証明書が最後の手段として選ばれることも、イベントが繰り返し記録されることもなくなります。',
    },
    verify: {
      en: 'Get-ExchangeCertificate no longer lists the old thumbprint, and a few minutes later the checks above still pass.',
      ja: 'Get-ExchangeCertificate に古い拇印が表示されず、数分後にも上の確認の結果が変わりません。',
    },
    command: { default: 'Remove-ExchangeCertificate -Thumbprint {thumbprint}' },
  },
  {
    id: 'iis-to-new-before-remove',
    role: 'client-access',
    title: {
      en: 'On {server}: before the old certificate is removed, enable the new one for IIS, so the Default Web Site (443) is bound to it instead of to a deleted certificate, then restart IIS',
      ja: '{server} で: 古い証明書を削除する前に、新しい証明書を IIS に割り当て、Default Web Site (443) のバインドを削除される証明書から新しい証明書に移してから、IIS を再起動します',
    },
    why: {
      en: 'Removing the certificate 443 is still bound to stops OWA, ECP, Outlook Anywhere, EWS and ActiveSync at once; enabling IIS on the new one moves the binding.',
      ja: '443 がまだバインドしている証明書を削除すると、OWA、ECP、Outlook Anywhere、EWS、ActiveSync が一度に止まります。新しい証明書を IIS に割り当てるとバインドが移ります。',
    },
    verify: {
      en: 'The 443 binding shows the new certificate hash.',
      ja: '443 のバインドに新しい証明書のハッシュが表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS\niisreset /noforce' },
  },
  {
    id: 'rebind-backend-444',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: bind the Exchange Back End site (https, port 444) to a valid certificate (when replacing one: to the new one, before the old one is removed); IIS Manager does the same under Exchange Back End → Bindings → https 444',
      ja: '{server} で: Exchange Back End サイト (https、ポート 444) を有効な証明書にバインドします (証明書を置き換える場合は、古い証明書を削除する前に新しい証明書に)。IIS マネージャーの Exchange Back End → バインド → https 444 でも同じです',
    },
    why: {
      en: 'Removing the certificate the Back End site is bound to gives HTTP 500 from the proxy: OWA and ECP go blank, Outlook Anywhere, EWS and the Exchange Management Shell stop. A self-signed certificate is fine there.',
      ja: 'Back End サイトがバインドしている証明書を削除すると、プロキシが HTTP 500 を返し、OWA と ECP が真っ白になり、Outlook Anywhere、EWS、Exchange 管理シェルが止まります。ここは自己署名証明書で問題ありません。',
    },
    verify: {
      en: 'netsh http show sslcert ipport=0.0.0.0:444 shows the new certificate hash.',
      ja: 'netsh http show sslcert ipport=0.0.0.0:444 に新しい証明書のハッシュが表示されます。',
    },
    command: {
      default:
        "Import-Module WebAdministration\n$b = Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444\n$b.RemoveSslCertificate()\n$b.AddSslCertificate('{backendThumbprint}', 'My')",
    },
    unknownNote: { en: 'Exchange 2013 and later only', ja: 'Exchange 2013 以降のみ' },
  },
  {
    // Run from the server the plan is on: the copy was imported and enabled on the other one with -Server.
    id: 'restart-others-smtp',
    role: 'any',
    versions: ['2010', '2013+', 'unknown'],
    title: {
      en: 'On {server}: restart the transport services on each other server that got the copy (its name in -ComputerName, once per server), so port 25 presents the renewed certificate there',
      ja: '{server} で: コピーを入れた他のサーバーごとに (-ComputerName にそのサーバー名を指定して 1 台ずつ)、トランスポート サービスを再起動し、そのサーバーのポート 25 で更新後の証明書が提示されるようにします',
    },
    why: RESTART_WHY,
    command: {
      default:
        'Invoke-Command -ComputerName <other server> { Restart-Service MSExchangeFrontEndTransport, MSExchangeTransport }',
      '2010': 'Invoke-Command -ComputerName <other server> { Restart-Service MSExchangeTransport }',
    },
    unknownNote: {
      en: 'Exchange 2010 has only MSExchangeTransport',
      ja: 'Exchange 2010 には MSExchangeTransport しかありません',
    },
  },
  {
    id: 'restart-others-iis',
    role: 'any',
    versions: ['2010', '2013+', 'unknown'],
    title: {
      en: 'On {server}: restart IIS on each other server that got the copy (its name in -ComputerName, once per server), so 443 presents the renewed certificate there',
      ja: '{server} で: コピーを入れた他のサーバーごとに (-ComputerName にそのサーバー名を指定して 1 台ずつ)、IIS を再起動し、そのサーバーの 443 で更新後の証明書が提示されるようにします',
    },
    why: {
      en: 'IIS keeps the certificate it loaded until it restarts.',
      ja: 'IIS は再起動するまで読み込んだ証明書を使い続けます。',
    },
    command: { default: 'Invoke-Command -ComputerName <other server> { iisreset /noforce }' },
  },
  {
    id: 'rebind-backend-444-interim',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: so that the Exchange Management Shell connects again, bind the Exchange Back End site (https, port 444) for now to a valid certificate of the store; IIS Manager does the same under Exchange Back End → Bindings → https 444',
      ja: '{server} で: Exchange 管理シェルが再び接続できるように、Exchange Back End サイト (https、ポート 444) をいったんストアにある有効な証明書にバインドします。IIS マネージャーの Exchange Back End → バインド → https 444 でも同じです',
    },
    why: {
      en: 'The Management Shell reaches Exchange through the Back End site: while 444 names a deleted certificate no Exchange cmdlet runs. Any valid certificate of the store serves there until the new self-signed certificate takes over.',
      ja: '管理シェルは Back End サイトを通って Exchange に接続するため、444 が削除された証明書を指している間は Exchange のコマンドレットが動きません。新しい自己署名証明書に切り替えるまでは、ストアにある有効な証明書ならどれでも使えます。',
    },
    verify: {
      en: 'netsh http show sslcert ipport=0.0.0.0:444 shows that certificate, and the Exchange Management Shell connects.',
      ja: 'netsh http show sslcert ipport=0.0.0.0:444 にその証明書が表示され、Exchange 管理シェルが接続できます。',
    },
    command: {
      default:
        "Import-Module WebAdministration\n$b = Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444\n$b.RemoveSslCertificate()\n$b.AddSslCertificate('{backendThumbprint}', 'My')",
    },
    unknownNote: { en: 'Exchange 2013 and later only', ja: 'Exchange 2013 以降のみ' },
  },
  {
    id: 'rebind-backend-444-internal',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}: bind the Exchange Back End site (https, port 444) to the new self-signed certificate, the one InternalTransportCertificateThumbprint now shows',
      ja: '{server} で: Exchange Back End サイト (https、ポート 444) を、InternalTransportCertificateThumbprint に表示された新しい自己署名証明書にバインドします',
    },
    why: {
      en: "Setup binds 444 to the same self-signed certificate it makes the internal transport certificate: bound to the new one, 444 is as Setup left it, and no CA-issued certificate's renewal and removal can break OWA, ECP or the Management Shell later.",
      ja: 'セットアップは、内部トランスポート証明書にしたのと同じ自己署名証明書を 444 にバインドします。新しい自己署名証明書にバインドすればセットアップ直後と同じ構成に戻り、CA 発行の証明書を更新・削除したときに OWA、ECP、管理シェルが止まることもありません。',
    },
    verify: {
      en: 'netsh http show sslcert ipport=0.0.0.0:444 shows the same hash as InternalTransportCertificateThumbprint.',
      ja: 'netsh http show sslcert ipport=0.0.0.0:444 に InternalTransportCertificateThumbprint と同じハッシュが表示されます。',
    },
    command: {
      default:
        "$t = (Get-TransportService {serverOrPlaceholder}).InternalTransportCertificateThumbprint\nImport-Module WebAdministration\n$b = Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444\n$b.RemoveSslCertificate()\n$b.AddSslCertificate($t, 'My')",
    },
    unknownNote: { en: 'Exchange 2013 and later only', ja: 'Exchange 2013 以降のみ' },
  },
];
