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
    command: {
      default: 'Get-ExchangeCertificate -Thumbprint {newThumbprint} | fl Subject,Issuer,IsSelfSigned,NotAfter',
    },
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
  {
    // The typed answer is shown by the paste: the step says whether it stands, never asks it again.
    id: 'overwrite-answered-right',
    role: 'transport',
    title: {
      en: 'On {server}: the paste shows the prompt already answered, and that answer was the right one for this certificate: nothing to undo',
      ja: '{server} で: 貼り付けでは確認にすでに入力済みで、この証明書にはその入力で正しい対応です。元に戻すことはありません',
    },
    why: {
      en: 'Y is right only for a self-signed certificate for the server’s own name; a CA certificate or the Auth certificate keeps the internal transport certificate as it is.',
      ja: 'Y が正しいのはサーバー自身の名前の自己署名証明書だけです。CA の証明書や Auth 証明書なら、内部トランスポート証明書はそのままにします。',
    },
  },
  {
    id: 'overwrite-redo-y',
    role: 'transport',
    title: {
      en: 'On {server}: N was typed at the prompt, so the new self-signed certificate did not replace the internal transport certificate. Enable it for SMTP again and answer Y this time',
      ja: '{server} で: 確認に N を入力したため、新しい自己署名証明書は内部トランスポート証明書を置き換えていません。もう一度 SMTP に割り当て、今度は Y と答えます',
    },
    why: {
      en: 'The internal transport certificate is still the one it was; enabling the new self-signed certificate again brings the same prompt back.',
      ja: '内部トランスポート証明書は元の証明書のままです。新しい自己署名証明書をもう一度割り当てると、同じ確認がもう一度表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {newThumbprint} -Services SMTP' },
  },
  {
    // Y was typed for a certificate that should not be the internal transport certificate: the
    // previous one, still valid, takes the role back (it is the server's own self-signed one).
    id: 'restore-internal-previous',
    role: 'transport',
    title: {
      en: 'On {server}: Y was typed at the prompt, so the new certificate took the internal transport role. Give it back to the previous internal transport certificate: enable {thumbprintWords} for SMTP and answer Y',
      ja: '{server} で: 確認に Y を入力したため、新しい証明書が内部トランスポート証明書になりました。元の内部トランスポート証明書 {thumbprintWords} を SMTP に割り当て、確認には Y と答えて役割を戻します',
    },
    why: {
      en: 'The internal transport certificate should be the server’s own self-signed certificate; the previous one is still valid, so nothing new is made.',
      ja: '内部トランスポート証明書は、サーバー自身の自己署名証明書であるべきです。元の証明書はまだ有効なので、新しく作成する必要はありません。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services SMTP' },
  },
  {
    id: 'show-previous-internal',
    role: 'transport',
    title: {
      en: 'On {server}: show whether the previous internal transport certificate is still valid',
      ja: '{server} で: 元の内部トランスポート証明書がまだ有効かどうかを表示します',
    },
    why: {
      en: 'A valid one takes the role back; an expired one is replaced by a new self-signed certificate.',
      ja: '有効なら役割を戻し、期限切れなら新しい自己署名証明書で置き換えます。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Thumbprint,Subject,NotAfter,Status' },
  },
  {
    id: 'confirm-internal-previous',
    role: 'transport',
    title: {
      en: 'On {server}: confirm that the internal transport certificate is the previous one again ({thumbprintWords})',
      ja: '{server} で: 内部トランスポート証明書が元の証明書 ({thumbprintWords}) に戻ったことを確認します',
    },
    why: {
      en: 'Exchange servers trust each other by this thumbprint.',
      ja: 'Exchange サーバー同士はこの拇印で信頼し合います。',
    },
    command: {
      default: 'Get-TransportService {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
      '2007': 'Get-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
      '2010': 'Get-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
    },
    unknownNote: {
      en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
      ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
    },
  },
  {
    // A CA certificate piped into New-ExchangeCertificate without -GenerateRequest: the result has the
    // CA certificate's subject and names but signs itself. It renews nothing.
    id: 'copy-not-renewal',
    role: 'transport',
    title: {
      en: 'On {server}: {newThumbprint} is not a renewal but a self-signed copy of the CA certificate {copyOf}: answer N at the prompt (N already typed is right), and never enable the copy for IIS or SMTP',
      ja: '{server} で: {newThumbprint} は更新された証明書ではなく、CA の証明書 {copyOf} の自己署名のコピーです。確認には N と答え (すでに N を入力済みならそれで正しい対応です)、このコピーは IIS にも SMTP にも割り当てません',
    },
    why: {
      en: 'Piping a CA certificate into New-ExchangeCertificate without -GenerateRequest makes a self-signed certificate with the same names: browsers, Outlook and partners do not trust it, and it is not the server’s own certificate for the internal transport role. The CA certificate is renewed by a request.',
      ja: 'CA の証明書を -GenerateRequest なしで New-ExchangeCertificate にパイプすると、同じ名前の自己署名証明書ができます。ブラウザー、Outlook、取引先はこれを信頼せず、内部トランスポート用のサーバー自身の証明書でもありません。CA の証明書は要求で更新します。',
    },
  },
  {
    id: 'copy-typed-y',
    role: 'transport',
    title: {
      en: 'On {server}: {newThumbprint} is not a renewal but a self-signed copy of the CA certificate {copyOf}, and Y was typed at the prompt, so it is now the internal transport certificate. Never enable it for IIS: the next steps give the role back and remove it',
      ja: '{server} で: {newThumbprint} は更新された証明書ではなく、CA の証明書 {copyOf} の自己署名のコピーです。確認に Y を入力したため、これが内部トランスポート証明書になっています。IIS には割り当てないでください。次の手順で役割を戻し、コピーを削除します',
    },
    why: {
      en: 'Piping a CA certificate into New-ExchangeCertificate without -GenerateRequest makes a self-signed certificate with the same names; the CA certificate is renewed by a request.',
      ja: 'CA の証明書を -GenerateRequest なしで New-ExchangeCertificate にパイプすると、同じ名前の自己署名証明書ができます。CA の証明書は要求で更新します。',
    },
  },
  {
    id: 'show-copy-uses',
    role: 'transport',
    title: {
      en: 'On {server}: before removing the copy, show that it serves nothing: its Services and the internal transport certificate',
      ja: '{server} で: コピーを削除する前に、何にも使われていないことを表示します (Services と内部トランスポート証明書)',
    },
    why: {
      en: 'A copy that is not the internal transport certificate and does not serve IIS can go; one still in use is first replaced.',
      ja: '内部トランスポート証明書でも IIS 用でもないコピーは削除できます。使われている場合は先に置き換えます。',
    },
    command: {
      default:
        'Get-ExchangeCertificate -Thumbprint {newThumbprint} | fl Thumbprint,Subject,IsSelfSigned,Services\nGet-TransportService {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
      '2007':
        'Get-ExchangeCertificate -Thumbprint {newThumbprint} | fl Thumbprint,Subject,IsSelfSigned,Services\nGet-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
      '2010':
        'Get-ExchangeCertificate -Thumbprint {newThumbprint} | fl Thumbprint,Subject,IsSelfSigned,Services\nGet-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
    },
    unknownNote: {
      en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
      ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
    },
  },
  {
    id: 'remove-copy',
    role: 'transport',
    phase: 'cleanup',
    title: {
      en: 'On {server}: remove the self-signed copy {newThumbprint} once the step above shows another certificate as the internal transport certificate and the copy not enabled for IIS',
      ja: '{server} で: 上の手順で内部トランスポート証明書が別の証明書で、コピーが IIS に割り当てられていないと表示されたら、自己署名のコピー {newThumbprint} を削除します',
    },
    why: {
      en: 'Left in the store, the copy carries the public names and could be enabled by mistake later.',
      ja: '残しておくと、公開名を持つこのコピーが後で誤って割り当てられるおそれがあります。',
    },
    command: { default: 'Remove-ExchangeCertificate -Thumbprint {newThumbprint}' },
  },
  {
    id: 'verify-copy-gone',
    role: 'transport',
    phase: 'final',
    title: {
      en: 'On {server}: check that the copy is gone, that the CA certificate {copyOf} still serves its services until its renewal is enabled, and that the internal transport certificate is the server’s own',
      ja: '{server} で: コピーが削除されたこと、CA の証明書 {copyOf} が更新後の証明書を割り当てるまでそのサービスに使われていること、内部トランスポート証明書がサーバー自身の証明書であることを確認します',
    },
    why: {
      en: 'Nothing the copy was made from has changed: the CA certificate keeps serving clients until the renewed one takes over.',
      ja: 'コピーの元になった証明書は何も変わっていません。更新後の証明書に切り替えるまで、CA の証明書がクライアントに使われます。',
    },
    command: {
      default:
        'Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize\nGet-TransportService {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
      '2007':
        'Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize\nGet-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
      '2010':
        'Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize\nGet-TransportServer {serverOrPlaceholder} | fl InternalTransportCertificateThumbprint',
    },
    unknownNote: {
      en: 'Exchange 2007/2010: Get-TransportServer instead of Get-TransportService',
      ja: 'Exchange 2007/2010 では Get-TransportService の代わりに Get-TransportServer',
    },
  },
];
