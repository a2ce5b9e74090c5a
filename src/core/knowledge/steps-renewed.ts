import type { LibraryStep } from './library-model.js';

/**
 * The renewal is already done: the paste shows a newer valid certificate with the old one's subject
 * and names. Nothing is requested again; the renewed certificate is enabled for what the old one
 * served wherever it is still missing, copied with its key to the servers that lack it, and the old
 * one goes per server once that server presents the new one.
 */
export const RENEWED_STEPS: LibraryStep[] = [
  {
    id: 'show-renewed-cert',
    role: 'client-access',
    title: {
      en: 'On {server}: show the renewed certificate that is already here: its issuer, the same names as the old one, Status Valid, a later NotAfter',
      ja: '{server} で: すでにある更新後の証明書を表示します。発行者と、古い証明書と同じ名前、Status が Valid、より後の NotAfter であることを確かめます',
    },
    why: {
      en: 'The renewal is done, so no new request is made: what is left is using it wherever the old certificate still serves.',
      ja: '更新はすでに済んでいるので、新しい要求は作成しません。残っているのは、古い証明書がまだ使われている場所で新しい証明書を使うことです。',
    },
    command: {
      default:
        'Get-ExchangeCertificate -Thumbprint {newThumbprint} | fl Subject,Issuer,IsSelfSigned,CertificateDomains,Services,NotAfter,Status',
    },
  },
  {
    id: 'renewed-self-signed-copy',
    role: 'any',
    title: {
      en: 'Do not enable it anywhere: it is a self-signed copy of the old certificate, not a renewal. Renew the old one through your CA: paste Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services again for its request steps',
      ja: 'どこにも割り当てないでください。古い証明書の自己署名のコピーで、更新ではありません。古い証明書は CA で更新します。要求の手順は Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services の結果をもう一度貼り付けると表示されます',
    },
    why: {
      en: 'The old certificate piped into New-ExchangeCertificate without -GenerateRequest gives a self-signed certificate with the same names: every client and partner would get a certificate warning from it.',
      ja: '古い証明書を -GenerateRequest なしで New-ExchangeCertificate にパイプすると、同じ名前の自己署名証明書ができます。それを使うと、すべてのクライアントと相手先で証明書の警告が出ます。',
    },
  },
  {
    id: 'enable-renewed-missing',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the renewed certificate for what the old one had and it lacks ({missingServices}). If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 古い証明書にあって更新後の証明書にないサービス ({missingServices}) に更新後の証明書を割り当てます。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'Until the renewed certificate is enabled for a service, Exchange keeps the old one there; connectors and the Hybrid Configuration Wizard accept only a certificate enabled for SMTP.',
      ja: '更新後の証明書をサービスに割り当てるまで、Exchange はそのサービスで古い証明書を使い続けます。コネクタとハイブリッド構成ウィザードは SMTP に割り当てた証明書しか受け付けません。',
    },
    verify: {
      en: "The renewed certificate's Services list every service the old one had.",
      ja: '更新後の証明書の Services に、古い証明書のサービスがすべて表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {newThumbprint} -Services {missingServices}' },
  },
  {
    id: 'enable-renewed',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the renewed certificate for the services the old one had ({servicesOrDefault}). If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 更新後の証明書を古い証明書と同じサービス ({servicesOrDefault}) に割り当てます。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'A certificate serves nothing until it is enabled for a service on the server that holds it.',
      ja: '証明書は、それを持つサーバーでサービスに割り当てるまで何にも使われません。',
    },
    verify: {
      en: "Get-ExchangeCertificate on this server shows the renewed certificate's Services as the old one's.",
      ja: 'このサーバーの Get-ExchangeCertificate で、更新後の証明書の Services が古い証明書と同じになっています。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {newThumbprint} -Services {servicesOrDefault}' },
  },
  {
    id: 'show-old-services-renewed',
    role: 'client-access',
    title: {
      en: 'On {server}: show what the old certificate is enabled for (the paste does not list its Services)',
      ja: '{server} で: 古い証明書が割り当てられているサービスを表示します (貼り付けに Services の一覧がありません)',
    },
    why: {
      en: 'The renewed certificate takes over exactly these services; certutil, a PEM file or a probe does not show them.',
      ja: '更新後の証明書はこのサービスをそのまま引き継ぎます。certutil、PEM ファイル、ポートへの接続の結果には表示されません。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,NotAfter,Services' },
  },
  {
    id: 'enable-renewed-as-old',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the renewed certificate for the services the old one shows above (read from the old certificate: IIS moves the 443 binding to the renewal). If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 上に表示された古い証明書のサービスに、更新後の証明書を割り当てます (古い証明書から読み取ります。IIS を割り当てると 443 のバインドが更新後の証明書に移ります)。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'Until it is enabled, the renewed certificate serves nothing: OWA, Outlook and SMTP keep presenting the old one.',
      ja: '割り当てるまで更新後の証明書は何にも使われず、OWA、Outlook、SMTP は古い証明書を提示し続けます。',
    },
    verify: {
      en: "Get-ExchangeCertificate shows the renewed certificate's Services as the old one's (IIS, SMTP as it listed them).",
      ja: 'Get-ExchangeCertificate で、更新後の証明書の Services が古い証明書と同じ (IIS、SMTP など) になっています。',
    },
    command: {
      default:
        '$services = (Get-ExchangeCertificate -Thumbprint {thumbprint}).Services\nEnable-ExchangeCertificate -Thumbprint {newThumbprint} -Services $services',
    },
  },
  {
    id: 'enable-renewed-iis',
    role: 'client-access',
    title: {
      en: 'On {server}: IIS still serves the old certificate on 443: enable the renewed certificate for IIS, then restart IIS',
      ja: '{server} で: IIS は 443 でまだ古い証明書を使っているので、更新後の証明書を IIS に割り当て、IIS を再起動します',
    },
    why: {
      en: 'Both certificates list IIS because Services only accumulate; enabling IIS again moves the 443 binding to the renewed one.',
      ja: 'Services は割り当ての記録が増えていくだけなので、両方の証明書に IIS が表示されます。IIS を割り当て直すと 443 のバインドが更新後の証明書に移ります。',
    },
    verify: {
      en: 'The 443 binding shows the renewed certificate hash.',
      ja: '443 のバインドに更新後の証明書のハッシュが表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {newThumbprint} -Services IIS\niisreset /noforce' },
  },
  {
    id: 'rerun-hcw-renewed',
    role: 'any',
    runsOn: 'mailbox-side',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'Re-run the Hybrid Configuration Wizard and choose the renewed certificate (thumbprint {newThumbprint}, the later expiry): it sets both hybrid connectors to it',
      ja: 'ハイブリッド構成ウィザード (Hybrid Configuration Wizard) を再実行し、更新後の証明書 (拇印 {newThumbprint}、期限の遅いほう) を選びます。両方のハイブリッド コネクタにこの証明書が設定されます',
    },
    why: {
      en: 'The wizard writes the Default Frontend and Outbound to Office 365 connectors from the certificate it is given; it refuses one not enabled for SMTP.',
      ja: 'ウィザードは指定された証明書で Default Frontend と Outbound to Office 365 のコネクタを書き直します。SMTP に割り当てていない証明書は受け付けません。',
    },
  },
  {
    // The admin gave both thumbprints in prose: what each is, and what each serves, on this server.
    id: 'show-stated-pair',
    role: 'any',
    title: {
      en: 'On {server}: show the old and the new certificate: the new one has the same names, a later NotAfter and Status Valid, and lists the services the old one lists',
      ja: '{server} で: 古い証明書と新しい証明書を表示します。新しい証明書が同じ名前、より後の NotAfter、Status が Valid で、古い証明書と同じサービスを持つことを確かめます',
    },
    why: {
      en: 'Only a certificate that is replaced everywhere it served may go; this changes nothing.',
      ja: '削除してよいのは、使われていたすべての場所で置き換えた証明書だけです。このコマンドは何も変更しません。',
    },
    command: {
      default:
        "Get-ExchangeCertificate | ? { $_.Thumbprint -eq '{thumbprint}' -or $_.Thumbprint -eq '{newThumbprint}' } | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,NotAfter,Status",
    },
  },
  {
    id: 'remove-old-renewed',
    role: 'any',
    phase: 'cleanup',
    title: {
      en: 'On {server}: once the checks above show this server presents the renewed certificate, remove the old one',
      ja: '{server} で: 上の確認でこのサーバーが更新後の証明書を提示していることを確かめてから、古い証明書を削除します',
    },
    why: {
      en: 'Two certificates with the same names leave Exchange to pick between them; once the renewed one serves, the old one only waits to expire.',
      ja: '同じ名前の証明書が 2 つあると Exchange がどちらかを選ぶことになります。更新後の証明書が使われていれば、古い証明書は期限切れを待つだけです。',
    },
    verify: {
      en: 'Get-ExchangeCertificate no longer lists the old thumbprint, and a few minutes later the checks above still pass.',
      ja: 'Get-ExchangeCertificate に古い拇印が表示されず、数分後にも上の確認の結果が変わりません。',
    },
    command: { default: 'Remove-ExchangeCertificate -Thumbprint {thumbprint}' },
  },
];
