import type { LibraryStep } from './library-model.js';
import { CA_REQUEST_COMMAND } from './steps-ca.js';

/**
 * Outlook's "name on the security certificate is invalid" alert: the certificate IIS presents lacks
 * the name Outlook connects to. Either a certificate that carries that name too serves IIS, or Outlook
 * is given a name the certificate already carries. Until the paste shows which certificate serves the
 * name, nothing is changed: the plan shows it first.
 */
export const NAME_MISMATCH_STEPS: LibraryStep[] = [
  {
    id: 'show-client-certificates',
    role: 'client-access',
    title: {
      en: 'On {server}: list the certificates with the names each carries and the services it is enabled for, and paste the output here',
      ja: '{server} で: 各証明書の名前と割り当て済みのサービスを一覧し、その出力をここに貼り付けます',
    },
    why: {
      en: 'The fix depends on which certificate serves IIS and which names it carries; nothing should change before that is known.',
      ja: '対処は、どの証明書が IIS に使われていて、どの名前を含むかで決まります。それがわかるまで何も変更しません。',
    },
    command: {
      default: 'Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,Services,NotAfter,Issuer',
    },
  },
  {
    id: 'show-outlook-anywhere',
    role: 'client-access',
    title: {
      en: 'On {server}: show the name Outlook Anywhere publishes (ExternalHostname) and the name Outlook expects on the certificate (CertPrincipalName of EXPR), and paste the output here',
      ja: '{server} で: Outlook Anywhere が公開する名前 (ExternalHostname) と、Outlook が証明書に期待する名前 (EXPR の CertPrincipalName) を表示し、その出力をここに貼り付けます',
    },
    why: {
      en: 'Error 10 means the certificate presented lacks the name Outlook connects to, or Outlook was told to expect another principal name (msstd:…) than the certificate carries.',
      ja: 'エラー 10 は、提示された証明書に Outlook の接続先の名前がないか、証明書とは別のプリンシパル名 (msstd:…) を期待するよう Outlook に設定されていることを示します。',
    },
    command: {
      default:
        'Get-OutlookAnywhere | fl Server,ExternalHostname,InternalHostname\nGet-OutlookProvider EXPR | fl Name,CertPrincipalName',
      '2010': 'Get-OutlookAnywhere | fl Server,ExternalHostname\nGet-OutlookProvider EXPR | fl Name,CertPrincipalName',
      '2007': 'Get-OutlookAnywhere | fl Server,ExternalHostname\nGet-OutlookProvider EXPR | fl Name,CertPrincipalName',
    },
    unknownNote: {
      en: 'Exchange 2007/2010 have no InternalHostname: leave it out there',
      ja: 'Exchange 2007/2010 には InternalHostname がないので省きます',
    },
  },
  {
    id: 'mismatch-request',
    role: 'client-access',
    title: {
      en: 'On {server}: make a certificate request (CSR) for your CA with every name the certificate has and {fqdn} as well',
      ja: '{server} で: 証明書にあるすべての名前に {fqdn} を加えて、CA に送る証明書要求 (CSR) を作成します',
    },
    why: {
      en: 'A certificate cannot gain a name: the CA issues a new one for the request; the current one keeps serving until it is enabled.',
      ja: '証明書に名前を後から加えることはできません。CA が要求に対して新しい証明書を発行します。割り当てるまでは今の証明書が使われます。',
    },
    ...CA_REQUEST_COMMAND,
  },
  {
    id: 'autodiscover-uri-option',
    role: 'client-access',
    title: {
      en: 'Instead of a new certificate, domain-joined Outlook can be given a name the certificate carries: set AutoDiscoverServiceInternalUri of every Client Access server to https://{coveredName}/Autodiscover/Autodiscover.xml with {scpCmdlet}',
      ja: '新しい証明書の代わりに、ドメイン参加の Outlook に証明書にある名前を使わせることもできます。すべてのクライアント アクセス サーバーの AutoDiscoverServiceInternalUri を {scpCmdlet} で https://{coveredName}/Autodiscover/Autodiscover.xml に設定します',
    },
    why: {
      en: 'Inside the network Outlook finds Autodiscover at that address (the service connection point), so its name must be one the certificate carries.',
      ja: '社内の Outlook はこのアドレス (サービス接続ポイント) で自動検出を見つけるため、その名前は証明書にある名前でなければなりません。',
    },
  },
  {
    id: 'autodiscover-scp-internal',
    role: 'client-access',
    title: {
      en: 'On {server}, and then on every other Client Access server: point AutoDiscoverServiceInternalUri and the EWS and OAB internal URLs at {coveredName}, a name on the certificate that internal DNS resolves to the servers (split DNS); set the OWA, ECP and ActiveSync internal URLs alike where they name the server. No certificate changes',
      ja: '{server} で、続けて他のすべてのクライアント アクセス サーバーで: AutoDiscoverServiceInternalUri と EWS・OAB の内部 URL を {coveredName} (証明書にある名前で、社内の DNS でサーバーを指すもの。スプリット DNS) にします。OWA、ECP、ActiveSync の内部 URL がサーバー名のときは同じように設定します。証明書は変更しません',
    },
    why: {
      en: 'Inside the network Outlook finds Autodiscover at that address (the service connection point) and then uses the internal URLs: every one of them must be a name the certificate carries.',
      ja: '社内の Outlook はこのアドレス (サービス接続ポイント) で自動検出を見つけ、その後は内部 URL を使います。そのすべてが証明書にある名前でなければなりません。',
    },
    unknownNote: {
      en: 'Exchange 2013 and earlier: Set-ClientAccessServer instead of Set-ClientAccessService',
      ja: 'Exchange 2013 以前では Set-ClientAccessService の代わりに Set-ClientAccessServer',
    },
    // The SCP's cmdlet is the release's own (Set-ClientAccessServer up to 2013, Set-ClientAccessService
    // from 2016); the EWS and OAB URLs are the ones Outlook uses next.
    command: {
      default:
        "{scpSetCmdlet} -Identity {serverOrPlaceholder} -AutoDiscoverServiceInternalUri 'https://{coveredNameOrPlaceholder}/Autodiscover/Autodiscover.xml'\nGet-WebServicesVirtualDirectory -Server {serverOrPlaceholder} | Set-WebServicesVirtualDirectory -InternalUrl 'https://{coveredNameOrPlaceholder}/EWS/Exchange.asmx'\nGet-OabVirtualDirectory -Server {serverOrPlaceholder} | Set-OabVirtualDirectory -InternalUrl 'https://{coveredNameOrPlaceholder}/OAB'",
      '2007':
        "Set-ClientAccessServer -Identity {serverOrPlaceholder} -AutoDiscoverServiceInternalUri 'https://{coveredNameOrPlaceholder}/Autodiscover/Autodiscover.xml'\nGet-WebServicesVirtualDirectory -Server {serverOrPlaceholder} | Set-WebServicesVirtualDirectory -InternalUrl 'https://{coveredNameOrPlaceholder}/EWS/Exchange.asmx'\nGet-OabVirtualDirectory -Server {serverOrPlaceholder} | Set-OabVirtualDirectory -InternalUrl 'https://{coveredNameOrPlaceholder}/OAB'",
      '2010':
        "Set-ClientAccessServer -Identity {serverOrPlaceholder} -AutoDiscoverServiceInternalUri 'https://{coveredNameOrPlaceholder}/Autodiscover/Autodiscover.xml'\nGet-WebServicesVirtualDirectory -Server {serverOrPlaceholder} | Set-WebServicesVirtualDirectory -InternalUrl 'https://{coveredNameOrPlaceholder}/EWS/Exchange.asmx'\nGet-OabVirtualDirectory -Server {serverOrPlaceholder} | Set-OabVirtualDirectory -InternalUrl 'https://{coveredNameOrPlaceholder}/OAB'",
    },
  },
  {
    id: 'probe-name-443',
    role: 'any',
    runsOn: 'anywhere',
    phase: 'verify',
    title: {
      en: 'From any machine with certcheck: see which certificate port 443 presents for that name and the names it carries; after the fix Outlook connects without the alert',
      ja: 'certcheck のある任意のマシンから: その名前でポート 443 が提示する証明書と、その証明書の名前を確認します。対処後は Outlook が警告なしで接続します',
    },
    why: {
      en: 'Clients see the certificate IIS presents for the name they connect to, not the list in the Exchange admin center.',
      ja: 'クライアントが見るのは、接続先の名前に対して IIS が提示する証明書で、Exchange 管理センターの一覧ではありません。',
    },
    command: { default: 'certcheck probe {fqdnFirst}:443' },
  },
  {
    id: 'probe-covered-name-443',
    role: 'any',
    runsOn: 'anywhere',
    phase: 'verify',
    title: {
      en: 'From any machine with certcheck: check that port 443 presents a certificate carrying {coveredName}, the name Outlook now connects to; then restart Outlook on a client inside: no alert',
      ja: 'certcheck のある任意のマシンから: Outlook の新しい接続先 {coveredName} でポート 443 がその名前のある証明書を提示することを確認し、社内のクライアントで Outlook を再起動して警告が出ないことを確かめます',
    },
    why: {
      en: 'The server name itself can never be on a public certificate: what must match is the name the URLs now point to.',
      ja: 'サーバー名そのものは公的な証明書に入りません。一致すべきなのは、URL の新しい接続先の名前です。',
    },
    command: { default: 'certcheck probe {coveredNameOrPlaceholder}:443' },
  },
];
