import type { LibraryStep } from './library-model.js';

/**
 * Steps that get the Exchange Management Shell back when the admin says it does not connect: every
 * other step of a plan is an Exchange cmdlet. None of these needs the Shell: netsh, the certificate
 * store through Windows PowerShell, IIS's own module, and the Exchange snap-in on the server itself.
 */
export const EMS_STEPS: LibraryStep[] = [
  {
    id: 'ems-show-store',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: "On {server}, in Windows PowerShell as administrator (no Exchange Management Shell needed): list every certificate in the computer's store with its expiry. The Certificate Hash that netsh shows for 0.0.0.0:444 must be in this list and not expired, and so must the Microsoft Exchange Server Auth Certificate",
      ja: '{server} で、管理者として開いた Windows PowerShell で (Exchange 管理シェルは不要): コンピューターのストアにあるすべての証明書を有効期限と共に一覧します。netsh が 0.0.0.0:444 に表示する証明書ハッシュがこの一覧にあって期限内であること、Microsoft Exchange Server Auth Certificate も期限内であることを確認します',
    },
    why: {
      en: 'The Shell connects through the Exchange Back End site (https 444): a certificate bound there that was deleted (or has expired) stops it, with OWA and ECP. An expired Auth certificate breaks OAuth for OWA, ECP and hybrid: it is renewed with the steps below once a Shell runs.',
      ja: '管理シェルは Exchange Back End サイト (https 444) を通って接続します。そこにバインドされた証明書が削除されている (または期限切れの) と、OWA や ECP と共に管理シェルも止まります。Auth 証明書が期限切れだと、OWA、ECP、ハイブリッドの OAuth が動きません。シェルが動くようになってから、下の手順で更新します。',
    },
    command: {
      default:
        'netsh http show sslcert ipport=0.0.0.0:444\nGet-ChildItem Cert:\\LocalMachine\\My | ft Thumbprint,NotAfter,Subject -AutoSize',
    },
  },
  {
    id: 'ems-rebind-backend-444',
    role: 'mailbox',
    versions: ['2013+', 'unknown'],
    title: {
      en: 'On {server}, only if that Certificate Hash is missing from the list or expired: bind the Exchange Back End site (https, port 444) to a valid certificate of the list, then restart IIS; IIS Manager does the same under Sites → Exchange Back End → Bindings → https 444 → SSL certificate',
      ja: '{server} で、その証明書ハッシュが一覧にないか期限切れの場合だけ: Exchange Back End サイト (https、ポート 444) を一覧にある有効な証明書にバインドし、IIS を再起動します。IIS マネージャーの [サイト] → Exchange Back End → バインド → https 444 → SSL 証明書でも同じです',
    },
    why: {
      en: "Any valid certificate of the store serves on 444 (the server's own self-signed one is usual); this uses IIS's own module, not an Exchange cmdlet.",
      ja: '444 にはストアにある有効な証明書ならどれでも使えます (通常はサーバー自身の自己署名証明書です)。Exchange のコマンドレットではなく、IIS 自身のモジュールを使います。',
    },
    verify: {
      en: 'netsh http show sslcert ipport=0.0.0.0:444 shows that certificate, and the Exchange Management Shell connects again.',
      ja: 'netsh http show sslcert ipport=0.0.0.0:444 にその証明書が表示され、Exchange 管理シェルが再び接続できます。',
    },
    command: {
      default:
        "Import-Module WebAdministration\n$b = Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444\n$b.RemoveSslCertificate()\n$b.AddSslCertificate('{backendThumbprint}', 'My')\niisreset /noforce",
    },
  },
  {
    id: 'ems-local-snapin',
    role: 'any',
    versions: ['2007', '2010', '2013+', 'unknown'],
    title: {
      en: "If the Shell still does not connect: on {server} itself, in Windows PowerShell as administrator, load Exchange's snap-in and run the Exchange cmdlets below in that window. Microsoft does not support the snap-in for everyday administration (it bypasses the remote Shell and its role checks), but the certificate cmdlets work in it in an emergency; go back to the Exchange Management Shell once it connects",
      ja: 'それでも管理シェルが接続できない場合: {server} 自身で、管理者として開いた Windows PowerShell に Exchange のスナップインを読み込み、以下の Exchange コマンドレットをそのウィンドウで実行します。スナップインは日常の管理には Microsoft がサポートしていません (リモートの管理シェルとその役割の確認を経由しません) が、緊急時には証明書のコマンドレットが動きます。管理シェルが接続できるようになったら、管理シェルに戻ります',
    },
    why: {
      en: 'The snap-in runs the cmdlets in the local process instead of through IIS, so it works while the Back End site or remote PowerShell is broken.',
      ja: 'スナップインは IIS を経由せずローカルのプロセスでコマンドレットを実行するため、Back End サイトやリモート PowerShell が壊れていても動きます。',
    },
    command: {
      default: 'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn',
      '2010': 'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010',
      '2007': 'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin',
    },
    unknownNote: {
      en: 'on Exchange 2010 the snap-in is Microsoft.Exchange.Management.PowerShell.E2010, on 2007 Microsoft.Exchange.Management.PowerShell.Admin',
      ja: 'Exchange 2010 のスナップインは Microsoft.Exchange.Management.PowerShell.E2010、2007 は Microsoft.Exchange.Management.PowerShell.Admin です',
    },
  },
];
