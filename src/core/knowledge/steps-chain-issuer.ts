import type { LibraryStep } from './library-model.js';

/**
 * A certificate just imported from a CA shows Status Invalid with RootCAType Unknown: the server
 * lacks the certificate of the CA that issued it. Installing that CA certificate makes it Valid;
 * a new request from the same CA would stay Invalid.
 */
export const CHAIN_ISSUER_STEPS: LibraryStep[] = [
  {
    id: 'issuer-install',
    role: 'any',
    title: {
      en: "On {server}: get the certificate of the issuing CA {issuer} (from the CA itself, or the address in the new certificate's Authority Information Access) and add it to the computer's Intermediate Certification Authorities store; if its root CA is not in Trusted Root Certification Authorities, add that too (certutil -addstore Root)",
      ja: '{server} で: 発行元 CA {issuer} の証明書を (CA から、または新しい証明書の機関情報アクセスにあるアドレスから) 入手し、コンピューターの中間証明機関ストアに追加します。そのルート CA が信頼されたルート証明機関にない場合は、それも追加します (certutil -addstore Root)',
    },
    why: {
      en: 'Exchange calls a certificate Valid only when Windows can build its chain to a trusted root; the issuing CA certificate is the missing link.',
      ja: 'Exchange は、Windows が信頼されたルートまでチェーンを構築できる証明書だけを Valid とします。足りないのは発行元 CA の証明書です。',
    },
    command: { default: "certutil -addstore CA 'C:\\certs\\issuing-ca.cer'" },
  },
  {
    id: 'issuer-recheck',
    role: 'client-access',
    title: {
      en: 'On {server}: check that the new certificate now shows Status Valid; enable it only then (the old certificate keeps serving until then)',
      ja: '{server} で: 新しい証明書の Status が Valid になったことを確認します。割り当てはその後にします (それまでは古い証明書が使われ続けます)',
    },
    why: {
      en: 'A certificate whose chain Windows cannot build is refused by clients and by Exchange itself.',
      ja: 'Windows がチェーンを構築できない証明書は、クライアントにも Exchange 自身にも拒否されます。',
    },
    verify: {
      en: 'Status is Valid and RootCAType is no longer Unknown.',
      ja: 'Status が Valid になり、RootCAType が Unknown ではなくなります。',
    },
    command: { default: 'Get-ExchangeCertificate -Thumbprint {thumbprint} | fl Subject,Issuer,Status,RootCAType' },
  },
  {
    id: 'issuer-enable',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the new certificate for the services the old one has ({servicesOrDefault}). If asked to overwrite the default SMTP certificate, answer N: a CA certificate does not replace the internal transport certificate',
      ja: '{server} で: 新しい証明書を古い証明書と同じサービス ({servicesOrDefault}) に割り当てます。既定の SMTP 証明書の上書き確認が出たら N と答えます (CA の証明書で内部トランスポート証明書は置き換えません)',
    },
    why: {
      en: 'A certificate serves nothing until it is enabled for a service.',
      ja: '証明書はサービスに割り当てるまで何にも使われません。',
    },
    verify: {
      en: "The new certificate's Services list the services the old one has.",
      ja: '新しい証明書の Services に古い証明書と同じサービスが表示されます。',
    },
    command: { default: 'Enable-ExchangeCertificate -Thumbprint {thumbprint} -Services {servicesOrDefault}' },
  },
];
