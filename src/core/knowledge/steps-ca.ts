import type { LibraryStep } from './library-model.js';

/** The certificate to copy, exported with its key, per version: one template for every step that exports it. */
export const EXPORT_COPY_COMMAND: Pick<LibraryStep, 'command' | 'unknownNote'> = {
  command: {
    default:
      "$b = Export-ExchangeCertificate -Thumbprint {copyThumbprint} -BinaryEncoded -Password (Get-Credential).Password\n[System.IO.File]::WriteAllBytes('C:\\certreq\\{cn}.pfx', $b.FileData)",
    '2010':
      "$b = Export-ExchangeCertificate -Thumbprint {copyThumbprint} -BinaryEncoded -Password (Get-Credential).Password\nSet-Content -Path 'C:\\certreq\\{cn}.pfx' -Value $b.FileData -Encoding Byte",
    '2007':
      "Export-ExchangeCertificate -Thumbprint {copyThumbprint} -BinaryEncoded -Path 'C:\\certreq\\{cn}.pfx' -Password (Get-Credential).Password",
  },
  unknownNote: {
    en: 'Exchange 2007: Export-ExchangeCertificate -Path followed by the file name writes the file itself',
    ja: 'Exchange 2007 では Export-ExchangeCertificate -Path の後にファイル名を指定して直接書き出します',
  },
};

/** The request for the CA, per version: one template for every plan that makes a request. */
export const CA_REQUEST_COMMAND: Pick<LibraryStep, 'command' | 'unknownNote'> = {
  command: {
    default:
      "$txt = New-ExchangeCertificate -GenerateRequest -SubjectName '{subjectQuoted}' -DomainName {requestDomains} -PrivateKeyExportable $true\n[System.IO.File]::WriteAllBytes('C:\\certreq\\{cn}.req', [System.Text.Encoding]::Unicode.GetBytes($txt))",
    '2010':
      "$txt = New-ExchangeCertificate -GenerateRequest -SubjectName '{subjectQuoted}' -DomainName {requestDomains} -PrivateKeyExportable $true\nSet-Content -Path 'C:\\certreq\\{cn}.req' -Value $txt",
    '2007':
      "New-ExchangeCertificate -GenerateRequest -Path 'C:\\certreq\\{cn}.req' -SubjectName '{subjectQuoted}' -DomainName {requestDomains} -PrivateKeyExportable $true",
  },
  unknownNote: {
    en: 'Exchange 2007: New-ExchangeCertificate -GenerateRequest -Path followed by the request file name writes the file itself',
    ja: 'Exchange 2007 では New-ExchangeCertificate -GenerateRequest -Path の後に要求ファイル名を指定して直接書き出します',
  },
};

/** Completing a request with the certificate the CA issued, per version. */
export const CA_IMPORT_COMMAND: Pick<LibraryStep, 'command' | 'unknownNote'> = {
  command: {
    default: "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\{cn}.cer'))",
    '2010':
      "Import-ExchangeCertificate -FileData ([byte[]](Get-Content -Path 'C:\\certreq\\{cn}.cer' -Encoding Byte -ReadCount 0))",
    '2007': "Import-ExchangeCertificate -Path 'C:\\certreq\\{cn}.cer'",
  },
  unknownNote: {
    en: 'Exchange 2007 has no -FileData: Import-ExchangeCertificate -Path followed by the file name',
    ja: 'Exchange 2007 には -FileData がないので Import-ExchangeCertificate -Path の後にファイル名を指定します',
  },
};

/**
 * CA-issued certificates renew through a request: New-ExchangeCertificate -GenerateRequest, the CA,
 * Import-ExchangeCertificate on the same server, Enable-ExchangeCertificate. The subject goes in single
 * quotes: company names such as O="Tokyo Kogyo Co., Ltd." carry double quotes and commas.
 */
export const CA_STEPS: LibraryStep[] = [
  {
    id: 'ca-request',
    role: 'client-access',
    title: {
      en: 'On {server}: make a certificate request (CSR) with the same names, for your CA',
      ja: '{server} で: 同じ名前で CA に送る証明書要求 (CSR) を作成します',
    },
    why: {
      en: 'A CA-issued certificate is renewed by a new request; a certificate piped into New-ExchangeCertificate without -GenerateRequest comes out self-signed.',
      ja: 'CA 発行の証明書は新しい要求で更新します。-GenerateRequest を付けずに New-ExchangeCertificate にパイプすると自己署名の証明書ができてしまいます。',
    },
    ...CA_REQUEST_COMMAND,
  },
  {
    id: 'show-request-names',
    role: 'client-access',
    title: {
      en: 'On {server}: show the names and services of the certificate being renewed: the request below copies its subject and every name in CertificateDomains, and the new certificate gets the same Services',
      ja: '{server} で: 更新する証明書の名前とサービスを表示します。次の要求はサブジェクトと CertificateDomains のすべての名前を引き継ぎ、新しい証明書には同じ Services を割り当てます',
    },
    why: {
      en: 'A request made from the subject alone drops the other names (autodiscover, other host names): clients that use them would get certificate warnings.',
      ja: 'サブジェクトだけで要求を作成すると他の名前 (autodiscover や別のホスト名) が抜け、それらの名前で接続するクライアントで証明書の警告が出ます。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,CertificateDomains,Services,NotAfter',
    },
  },
  {
    id: 'ca-request-renew',
    role: 'client-access',
    title: {
      en: 'On {server}: make the renewal request (CSR) for your CA from the old certificate itself, so it keeps the subject and every name',
      ja: '{server} で: 古い証明書から CA に送る更新用の証明書要求 (CSR) を作成します。サブジェクトとすべての名前がそのまま引き継がれます',
    },
    why: {
      en: 'Piped into New-ExchangeCertificate with -GenerateRequest, the old certificate gives the request its subject and all its names; without -GenerateRequest the same pipe would make a self-signed copy.',
      ja: '-GenerateRequest を付けて古い証明書を New-ExchangeCertificate にパイプすると、サブジェクトとすべての名前が要求に引き継がれます。-GenerateRequest がないと自己署名のコピーができてしまいます。',
    },
    command: {
      default:
        "$txt = Get-ExchangeCertificate -Thumbprint {thumbprint} | New-ExchangeCertificate -GenerateRequest -PrivateKeyExportable $true\n[System.IO.File]::WriteAllBytes('C:\\certreq\\{cn}.req', [System.Text.Encoding]::Unicode.GetBytes($txt))",
      '2010':
        "$txt = Get-ExchangeCertificate -Thumbprint {thumbprint} | New-ExchangeCertificate -GenerateRequest -PrivateKeyExportable $true\nSet-Content -Path 'C:\\certreq\\{cn}.req' -Value $txt",
      '2007':
        "Get-ExchangeCertificate -Thumbprint {thumbprint} | New-ExchangeCertificate -GenerateRequest -Path 'C:\\certreq\\{cn}.req' -PrivateKeyExportable $true",
    },
    unknownNote: {
      en: 'Exchange 2007: New-ExchangeCertificate -GenerateRequest -Path followed by the request file name writes the file itself',
      ja: 'Exchange 2007 では New-ExchangeCertificate -GenerateRequest -Path の後に要求ファイル名を指定して直接書き出します',
    },
  },
  {
    id: 'ca-submit',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'Send the request file to your CA and save the certificate it issues (.cer or .p7b) where the server can read it',
      ja: '要求ファイルを CA に送り、発行された証明書 (.cer または .p7b) をサーバーから読める場所に保存します',
    },
    why: {
      en: 'Only the CA can issue a certificate that clients and partners trust.',
      ja: 'クライアントや相手先が信頼する証明書を発行できるのは CA だけです。',
    },
  },
  {
    id: 'ca-submit-server-auth',
    role: 'any',
    runsOn: 'anywhere',
    title: {
      en: 'Send the request file to your CA and ask for the certificate from a template with the Server Authentication EKU (1.3.6.1.5.5.7.3.1), such as Web Server, not the template the refused certificate came from; save the certificate it issues (.cer or .p7b) where the server can read it',
      ja: '要求ファイルを CA に送り、拒否された証明書のテンプレートではなく、サーバー認証の EKU (1.3.6.1.5.5.7.3.1) を含むテンプレート (Web サーバーなど) で発行してもらいます。発行された証明書 (.cer または .p7b) をサーバーから読める場所に保存します',
    },
    why: {
      en: 'The EKU comes from the CA template, not from the request: a certificate issued again from the same template is refused again.',
      ja: 'EKU は要求ではなく CA のテンプレートで決まります。同じテンプレートで発行し直しても、また拒否されます。',
    },
    verify: {
      en: "The issued certificate's Enhanced Key Usage lists Server Authentication (1.3.6.1.5.5.7.3.1).",
      ja: '発行された証明書の拡張キー使用法にサーバー認証 (1.3.6.1.5.5.7.3.1) が表示されます。',
    },
  },
  {
    id: 'ca-import',
    role: 'client-access',
    title: {
      en: 'On {server}, the server that made the request: complete it by importing the issued certificate',
      ja: '要求を作成した {server} で: 発行された証明書をインポートして要求を完了します',
    },
    why: {
      en: 'The private key stays on the server that made the request; the issued certificate completes it there.',
      ja: '秘密キーは要求を作成したサーバーにあるので、発行された証明書でそこで完了します。',
    },
    verify: {
      en: 'Get-ExchangeCertificate lists the new certificate with Status Valid and HasPrivateKey True.',
      ja: '新しい証明書が Status Valid、HasPrivateKey True で表示されます。',
    },
    ...CA_IMPORT_COMMAND,
  },
  {
    id: 'ca-enable',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the new certificate for the services the old one had ({servicesOrDefault}). If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 新しい証明書を古い証明書と同じサービス ({servicesOrDefault}) に割り当てます。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'A certificate serves nothing until it is enabled for a service.',
      ja: '証明書はサービスに割り当てるまで何にも使われません。',
    },
    verify: {
      en: "The new certificate's Services list the services the old one had.",
      ja: '新しい証明書の Services に古い証明書と同じサービスが表示されます。',
    },
    command: {
      default: 'Enable-ExchangeCertificate -Thumbprint <imported thumbprint> -Services {servicesOrDefault}',
    },
  },
  {
    id: 'ca-enable-as-old',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the new certificate for the same services as the old one, read from the old certificate (the paste does not list them). If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 新しい証明書を古い証明書と同じサービスに割り当てます (貼り付けにサービスの一覧がないため、古い証明書から読み取ります)。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'A certificate serves nothing until it is enabled for a service; the old certificate still says which ones it served.',
      ja: '証明書はサービスに割り当てるまで何にも使われません。どのサービスに使われていたかは古い証明書でわかります。',
    },
    verify: {
      en: "The new certificate's Services list the services the old one had.",
      ja: '新しい証明書の Services に古い証明書と同じサービスが表示されます。',
    },
    command: {
      default:
        '$services = (Get-ExchangeCertificate -Thumbprint {thumbprint}).Services\nEnable-ExchangeCertificate -Thumbprint <imported thumbprint> -Services $services',
    },
  },
  {
    id: 'restart-iis',
    role: 'client-access',
    title: {
      en: 'On {server}: restart IIS so it presents the new certificate',
      ja: '{server} で: IIS を再起動して新しい証明書を使わせます',
    },
    why: {
      en: 'IIS keeps the certificate it loaded; with layer-4 load balancing the OWA cookie certificate changes too.',
      ja: 'IIS は読み込んだ証明書を使い続けます。レイヤー 4 の負荷分散では OWA の Cookie 用の証明書も変わります。',
    },
    command: { default: 'iisreset /noforce' },
  },
  {
    id: 'ca-enable-smtp',
    role: 'transport',
    title: {
      en: 'On {server}: enable the new certificate for SMTP. Asked to overwrite the default SMTP certificate, answer N',
      ja: '{server} で: 新しい証明書を SMTP に割り当てます。既定の SMTP 証明書の上書き確認には N と答えます',
    },
    why: {
      en: 'Transport uses a certificate for STARTTLS only once it is enabled for SMTP; N keeps the internal transport certificate.',
      ja: 'トランスポートは SMTP に割り当てた証明書だけを STARTTLS に使います。N と答えれば内部トランスポート証明書は変わりません。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint <imported thumbprint> -Services SMTP' },
  },
  {
    id: 'ca-other-servers',
    role: 'any',
    title: {
      en: 'Export it with its key and import it on every other server that uses the same names (DAG members, load-balanced servers), then enable it there the same way',
      ja: '同じ名前を使う他のすべてのサーバー (DAG メンバー、負荷分散されたサーバー) に、キー付きでエクスポートしてインポートし、同じように割り当てます',
    },
    why: {
      en: 'Each server presents its own copy; a server left with the old one breaks behind the load balancer.',
      ja: '各サーバーは自分のコピーを提示します。古い証明書のままのサーバーがあると、ロード バランサー経由の接続の一部が失敗します。',
    },
  },
  {
    id: 'export-copy',
    role: 'client-access',
    runsOn: 'source',
    title: {
      en: 'On {sourceServer}: export the certificate with its private key, to import it on the other servers that use it',
      ja: '{sourceServer} で: 証明書を秘密キー付きでエクスポートし、同じ証明書を使う他のサーバーでインポートできるようにします',
    },
    why: {
      en: 'Every server that presents these names needs the same certificate with its key; the key exists only where the request was made or the certificate was imported.',
      ja: 'これらの名前を提示するすべてのサーバーに、秘密キー付きの同じ証明書が必要です。キーは要求を作成したサーバー (またはインポートしたサーバー) にしかありません。',
    },
    ...EXPORT_COPY_COMMAND,
  },
  {
    id: 'import-copy',
    role: 'client-access',
    title: {
      en: 'On {server}: copy C:\\certreq\\{cn}.pfx here, then import it with the password given at export',
      ja: '{server} で: C:\\certreq\\{cn}.pfx をこのサーバーにコピーし、エクスポート時のパスワードでインポートします',
    },
    why: {
      en: 'Each server presents its own copy: one left with the old certificate fails for the clients and mail sent to it.',
      ja: '各サーバーは自分のコピーを提示します。古い証明書のままのサーバーでは、そこに届く接続やメールが失敗します。',
    },
    verify: {
      en: 'Get-ExchangeCertificate on this server lists the certificate with HasPrivateKey True.',
      ja: 'このサーバーの Get-ExchangeCertificate に、HasPrivateKey が True の証明書が表示されます。',
    },
    command: {
      default:
        "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\{cn}.pfx')) -Password (Get-Credential).Password",
      '2010':
        "Import-ExchangeCertificate -FileData ([byte[]](Get-Content -Path 'C:\\certreq\\{cn}.pfx' -Encoding Byte -ReadCount 0)) -Password (Get-Credential).Password",
      '2007': "Import-ExchangeCertificate -Path 'C:\\certreq\\{cn}.pfx' -Password (Get-Credential).Password",
    },
    unknownNote: {
      en: 'Exchange 2007 has no -FileData: Import-ExchangeCertificate -Path followed by the file name',
      ja: 'Exchange 2007 には -FileData がないので Import-ExchangeCertificate -Path の後にファイル名を指定します',
    },
  },
  {
    id: 'export-for-others',
    role: 'client-access',
    versions: ['2010', '2013+', 'unknown'],
    title: {
      en: 'On {server}: export the new certificate with its private key, for the other servers that serve the same names',
      ja: '{server} で: 新しい証明書を秘密キー付きでエクスポートし、同じ名前を使う他のサーバーに渡せるようにします',
    },
    why: {
      en: 'Every server that presents these names needs the same certificate with its key; the key exists only where the request was made.',
      ja: 'これらの名前を提示するすべてのサーバーに、秘密キー付きの同じ証明書が必要です。キーは要求を作成したサーバーにしかありません。',
    },
    command: {
      default:
        "$b = Export-ExchangeCertificate -Thumbprint {copyThumbprint} -BinaryEncoded -Password (Get-Credential).Password\n[System.IO.File]::WriteAllBytes('C:\\certreq\\{cn}.pfx', $b.FileData)",
      '2010':
        "$b = Export-ExchangeCertificate -Thumbprint {copyThumbprint} -BinaryEncoded -Password (Get-Credential).Password\nSet-Content -Path 'C:\\certreq\\{cn}.pfx' -Value $b.FileData -Encoding Byte",
    },
    unknownNote: {
      en: 'Exchange 2010: Set-Content -Encoding Byte writes the file instead of [System.IO.File]::WriteAllBytes',
      ja: 'Exchange 2010 では [System.IO.File]::WriteAllBytes の代わりに Set-Content -Encoding Byte でファイルに書き出します',
    },
  },
  {
    id: 'list-other-servers',
    role: 'client-access',
    versions: ['2010', '2013+', 'unknown'],
    title: {
      en: 'On {server}: list the other servers that serve the same names (the DAG members, the servers behind the load balancer): each one not given the copy above gets it in the next step',
      ja: '{server} で: 同じ名前を使う他のサーバー (DAG メンバー、ロード バランサーの背後のサーバー) を一覧します。上の手順でコピーを入れていないサーバーには、次の手順でそれぞれ入れます',
    },
    why: {
      en: 'The paste speaks of more servers than it names; one missed here keeps the old certificate and fails once it expires.',
      ja: '貼り付けには名前のないサーバーもあります。ここで漏れたサーバーは古い証明書のままになり、期限が切れた時点で失敗します。',
    },
    command: {
      default:
        "Get-DatabaseAvailabilityGroup | fl Name,Servers\nGet-ExchangeServer | ? { $_.ServerRole -notmatch 'Edge' } | ft Name,ServerRole,AdminDisplayVersion",
      '2010':
        "Get-DatabaseAvailabilityGroup | fl Name,Servers\nGet-ExchangeServer | ? { $_.ServerRole -notmatch 'Edge' } | ft Name,ServerRole,AdminDisplayVersion",
    },
  },
  {
    id: 'import-on-others',
    role: 'client-access',
    versions: ['2010', '2013+', 'unknown'],
    title: {
      en: 'On {server}: import the copy on each other server that serves the same names (its name in -Server, once per server) and enable it there for the same services as here ({servicesOrDefault}). If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 同じ名前を使う他のサーバーごとに (-Server にそのサーバー名を指定して 1 台ずつ)、コピーをインポートし、ここと同じサービス ({servicesOrDefault}) に割り当てます。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'Each server presents its own copy: a server behind the load balancer or in the DAG left with the old certificate gives certificate warnings and fails STARTTLS for the connections it gets.',
      ja: '各サーバーは自分のコピーを提示します。ロード バランサーの背後や DAG 内に古い証明書のままのサーバーがあると、そこに届く接続で証明書の警告や STARTTLS の失敗が起きます。',
    },
    verify: {
      en: 'Get-ExchangeCertificate -Server on each of them lists the certificate with HasPrivateKey True and the same Services.',
      ja: '各サーバーで Get-ExchangeCertificate -Server を実行すると、HasPrivateKey が True で同じ Services の証明書が表示されます。',
    },
    command: {
      default:
        "$c = Import-ExchangeCertificate -Server <other server> -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\{cn}.pfx')) -Password (Get-Credential).Password\nEnable-ExchangeCertificate -Server <other server> -Thumbprint $c.Thumbprint -Services {servicesOrDefault}",
      '2010':
        "$c = Import-ExchangeCertificate -Server <other server> -FileData ([byte[]](Get-Content -Path 'C:\\certreq\\{cn}.pfx' -Encoding Byte -ReadCount 0)) -Password (Get-Credential).Password\nEnable-ExchangeCertificate -Server <other server> -Thumbprint $c.Thumbprint -Services {servicesOrDefault}",
    },
    unknownNote: {
      en: 'Exchange 2007 has no -Server here: run Import-ExchangeCertificate -Path on each of them',
      ja: 'Exchange 2007 にはここで -Server がないので、各サーバーで Import-ExchangeCertificate -Path を実行します',
    },
  },
  {
    id: 'show-renewed-on-server',
    role: 'mailbox',
    title: {
      en: 'On {server}: check whether the renewed certificate is installed here too (a copy has the same thumbprint on every server)',
      ja: '{server} で: 更新後の証明書がこのサーバーにもインストールされているか確認します (コピーはどのサーバーでも同じ拇印です)',
    },
    why: {
      en: "This server's own Default Frontend connector can only name a certificate installed on it and enabled for SMTP.",
      ja: 'このサーバーの Default Frontend コネクタに指定できるのは、このサーバーにインストールされ SMTP に割り当てた証明書だけです。',
    },
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {newThumbprint} | fl Thumbprint,Subject,NotAfter,Services',
    },
  },
  {
    id: 'ca-for-clients',
    role: 'client-access',
    title: {
      en: 'For names clients use (OWA, Outlook, ActiveSync, POP/IMAP), get a certificate from a CA (the request steps) and enable it for IIS; keep the self-signed one for internal SMTP',
      ja: 'クライアントが使う名前 (OWA、Outlook、ActiveSync、POP/IMAP) には CA の証明書を取得して (要求の手順) IIS に割り当て、自己署名証明書は内部 SMTP 用に残します',
    },
    why: {
      en: "Clients do not trust a server's self-signed certificate and warn on every connection.",
      ja: 'クライアントはサーバーの自己署名証明書を信頼せず、接続のたびに警告します。',
    },
  },
  {
    id: 'pending-complete',
    role: 'any',
    title: {
      en: 'On {server}, the server that made the request: import the certificate your CA issued (.cer or .p7b)',
      ja: '要求を作成した {server} で: CA が発行した証明書 (.cer または .p7b) をインポートします',
    },
    why: {
      en: 'A pending request has a key but no certificate yet; only the server that made it can complete it.',
      ja: '保留中の要求にはキーはあっても証明書がまだありません。完了できるのは要求を作成したサーバーだけです。',
    },
    command: {
      default: "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('{issuedFileQuoted}'))",
      '2010':
        "Import-ExchangeCertificate -FileData ([byte[]](Get-Content -Path '{issuedFileQuoted}' -Encoding Byte -ReadCount 0))",
      '2007': "Import-ExchangeCertificate -Path '{issuedCerQuoted}'",
    },
    unknownNote: {
      en: 'Exchange 2007 has no -FileData: Import-ExchangeCertificate -Path followed by the file name',
      ja: 'Exchange 2007 には -FileData がないので Import-ExchangeCertificate -Path の後にファイル名を指定します',
    },
  },
  {
    id: 'pending-enable',
    role: 'any',
    title: {
      en: 'Enable it for the services it is for. Asked to overwrite the default SMTP certificate, answer N',
      ja: '目的のサービスに割り当てます。既定の SMTP 証明書の上書き確認には N と答えます',
    },
    why: {
      en: 'A certificate serves nothing until it is enabled for a service.',
      ja: '証明書はサービスに割り当てるまで何にも使われません。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint <imported thumbprint> -Services IIS,SMTP' },
  },
  {
    id: 'pending-enable-as-old',
    role: 'any',
    title: {
      en: 'On {server}: enable the completed certificate for the services of the one it renews ({servicesOrDefault}). Asked to overwrite the default SMTP certificate, answer N',
      ja: '{server} で: 完了した証明書を、更新元の証明書と同じサービス ({servicesOrDefault}) に割り当てます。既定の SMTP 証明書の上書き確認には N と答えます',
    },
    why: {
      en: 'The renewal takes over what the expiring certificate served (enabling IIS moves the 443 binding to it); N keeps the internal transport certificate.',
      ja: '更新後の証明書が期限間近の証明書の役割を引き継ぎます (IIS を割り当てると 443 のバインドも移ります)。N と答えれば内部トランスポート証明書は変わりません。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint <imported thumbprint> -Services {servicesOrDefault}' },
  },
];
