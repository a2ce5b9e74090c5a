import type { LibraryStep } from './library-model.js';
import { CA_REQUEST_COMMAND } from './steps-ca.js';

/**
 * A renewal for a public CA whose old certificate carries internal names (EX01.contoso.local) or bare
 * host names (EX01): public CAs have refused both since November 2015, so the request leaves them out,
 * and the internal URLs that use them move to a public name first (split DNS), or the clients that use
 * them warn once the new certificate serves.
 */
export const PUBLIC_NAME_STEPS: LibraryStep[] = [
  {
    id: 'show-internal-urls',
    role: 'client-access',
    title: {
      en: 'On {server}, before the request: a public CA refuses internal and bare host names ({droppedNames}), so the request below leaves them out. Show the internal URLs and the Autodiscover service connection point (AutoDiscoverServiceInternalUri); any that uses one of those names must move to a public name the new certificate carries (with internal DNS resolving it to the servers, split DNS) before the new certificate serves, or the clients that use it warn',
      ja: '{server} で、要求の前に: 公的な CA は内部の名前やホスト名だけの名前 ({droppedNames}) を発行しないため、次の要求ではそれらを除きます。内部 URL と自動検出のサービス接続ポイント (AutoDiscoverServiceInternalUri) を表示します。それらの名前を使っているものは、新しい証明書を使い始める前に、新しい証明書にある公開名 (社内の DNS でサーバーを指すようにするスプリット DNS) に変更してください。変更しないと、その名前で接続するクライアントで証明書の警告が出ます',
    },
    why: {
      en: 'Since November 2015 no publicly trusted CA issues a certificate for a name under an internal suffix (.local, .lan, .corp …) or a name without a domain: a request that asks for one is rejected, and the renewal waits.',
      ja: '2015 年 11 月以降、公的に信頼された CA は内部のサフィックス (.local、.lan、.corp など) の名前やドメインのない名前の証明書を発行しません。それを含む要求は却下され、更新が遅れます。',
    },
    command: {
      default:
        'Get-OwaVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl\nGet-EcpVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl\nGet-WebServicesVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl\nGet-OabVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl\nGet-ActiveSyncVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl{internalUrlsScp}',
      '2007':
        'Get-OwaVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl\nGet-WebServicesVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl\nGet-OabVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl\nGet-ActiveSyncVirtualDirectory -Server {serverOrPlaceholder} | fl Identity,InternalUrl,ExternalUrl{internalUrlsScp}',
    },
    unknownNote: {
      en: 'Exchange 2007 has no ECP virtual directory',
      ja: 'Exchange 2007 には ECP の仮想ディレクトリがありません',
    },
  },
  {
    id: 'ca-request-public',
    role: 'client-access',
    title: {
      en: 'On {server}: make a certificate request (CSR) for your CA with the names of the old certificate a public CA issues ({requestDomains}), without the internal ones',
      ja: '{server} で: 古い証明書の名前のうち公的な CA が発行する名前 ({requestDomains}) で、内部の名前を除いて CA に送る証明書要求 (CSR) を作成します',
    },
    why: {
      en: 'A CA-issued certificate is renewed by a new request; a certificate piped into New-ExchangeCertificate without -GenerateRequest comes out self-signed.',
      ja: 'CA 発行の証明書は新しい要求で更新します。-GenerateRequest を付けずに New-ExchangeCertificate にパイプすると自己署名の証明書ができてしまいます。',
    },
    ...CA_REQUEST_COMMAND,
  },
  {
    id: 'show-renewed-on-source',
    role: 'client-access',
    runsOn: 'source',
    title: {
      en: 'On {sourceServer}, where the renewed certificate was imported: show it, with its thumbprint, its names and whether its private key is there',
      ja: '更新した証明書をインポートした {sourceServer} で: その証明書の拇印、名前、秘密キーの有無を表示します',
    },
    why: {
      en: 'The renewed certificate is issued already: the other server gets a copy of it with its key, not a new request (which would reissue the certificate).',
      ja: '更新した証明書は発行済みです。他のサーバーには新しい要求 (証明書の再発行になります) ではなく、秘密キー付きのコピーを入れます。',
    },
    command: {
      default: 'Get-ExchangeCertificate -DomainName {fqdnFirst} | fl Thumbprint,Subject,CertificateDomains,NotAfter,Services,HasPrivateKey',
    },
  },
];
