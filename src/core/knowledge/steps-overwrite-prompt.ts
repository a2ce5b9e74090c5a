import type { LibraryStep } from './library-model.js';

/**
 * The "overwrite the existing default SMTP certificate?" prompt: one answer, decided by who issued
 * the new certificate. Y makes it the internal transport certificate, which only a self-signed
 * certificate for the server's own name should be; a CA certificate and the Auth certificate get N.
 */
export const OVERWRITE_PROMPT_STEPS: LibraryStep[] = [
  {
    id: 'show-prompt-new-cert',
    role: 'transport',
    title: {
      en: 'On {server}: before answering, show who issued the new certificate (the one after "Replace it with certificate")',
      ja: '{server} で: 答える前に、新しい証明書 (「次の証明書で置き換えます」の証明書) の発行者を表示します',
    },
    why: {
      en: "The answer depends on it: Y makes the new certificate the internal transport certificate, which only a self-signed certificate for the server's own name should be.",
      ja: '答えはこれで決まります。Y と答えると新しい証明書が内部トランスポート証明書になります。そうなるべきなのは、サーバー自身の名前の自己署名証明書だけです。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {newThumbprint} | fl Subject,Issuer,IsSelfSigned,NotAfter' },
  },
  {
    id: 'overwrite-answer-n-ca',
    role: 'transport',
    title: {
      en: 'On {server}: answer N at the prompt: the new certificate is issued by a CA and does not replace the internal transport certificate. The command still enables it for the services it names',
      ja: '{server} で: 確認には N と答えます。新しい証明書は CA 発行なので、内部トランスポート証明書は置き換えません。N と答えても、コマンドで指定したサービスには割り当てられます',
    },
    why: {
      en: 'Exchange servers trust each other by the internal transport certificate; N leaves the current default SMTP certificate as it is, and STARTTLS still presents the CA certificate for its names.',
      ja: 'Exchange サーバー同士は内部トランスポート証明書で信頼し合います。N と答えれば現在の既定の SMTP 証明書はそのままで、STARTTLS では CA の証明書がその名前に対して提示されます。',
    },
  },
  {
    id: 'overwrite-answer-n-auth',
    role: 'transport',
    title: {
      en: 'On {server}: answer N at the prompt: the new certificate is the Auth certificate, which signs OAuth tokens and does not replace the internal transport certificate',
      ja: '{server} で: 確認には N と答えます。新しい証明書は OAuth トークンに署名する Auth 証明書なので、内部トランスポート証明書は置き換えません',
    },
    why: {
      en: 'N keeps SMTP on the current default certificate; the Auth certificate is made current with Set-AuthConfig, not by this prompt.',
      ja: 'N と答えれば、SMTP は現在の既定の証明書を使い続けます。Auth 証明書は Set-AuthConfig で設定するもので、この確認で決めるものではありません。',
    },
  },
  {
    id: 'overwrite-answer-y',
    role: 'transport',
    title: {
      en: "On {server}: answer Y at the prompt: the new self-signed certificate for the server's own name replaces the internal transport certificate",
      ja: '{server} で: 確認には Y と答えます。サーバー自身の名前の新しい自己署名証明書で内部トランスポート証明書を置き換えます',
    },
    why: {
      en: 'That is what a self-signed certificate made with New-ExchangeCertificate is for: Exchange servers trust each other by the internal transport certificate.',
      ja: 'New-ExchangeCertificate で作成する自己署名証明書はそのためのものです。Exchange サーバー同士は内部トランスポート証明書で信頼し合います。',
    },
  },
  {
    id: 'verify-internal-kept',
    role: 'transport',
    phase: 'final',
    title: {
      en: 'On {server}: check that the internal transport certificate is still the one it was and that the new certificate is enabled for the services the command named',
      ja: '{server} で: 内部トランスポート証明書が元のままであることと、新しい証明書がコマンドで指定したサービスに割り当てられたことを確認します',
    },
    why: {
      en: 'After N, InternalTransportCertificateThumbprint still shows the current default certificate; the Services of the new one show what it serves now.',
      ja: 'N と答えた後も、InternalTransportCertificateThumbprint には現在の既定の証明書が表示されます。新しい証明書の Services で、何に使われるようになったかがわかります。',
    },
    command: {
      default:
        'Get-TransportService {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint\nGet-ExchangeCertificate -Thumbprint {newThumbprint} | fl Thumbprint,Services,Status',
      '2007':
        'Get-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint\nGet-ExchangeCertificate -Thumbprint {newThumbprint} | fl Thumbprint,Services,Status',
      '2010':
        'Get-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint\nGet-ExchangeCertificate -Thumbprint {newThumbprint} | fl Thumbprint,Services,Status',
    },
    unknownNote: {
      en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
      ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
    },
  },
];
