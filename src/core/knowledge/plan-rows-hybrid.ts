import type { PlanDefinition } from './library-model.js';

const s = (en: string, ja: string) => ({ en, ja });

/**
 * Hybrid mail flow where Exchange Online's connectors expect a name the on-premises certificate does
 * not carry. The certificate is valid: the fix makes the names agree (a certificate with the expected
 * name, the connectors set to the name the certificate has, or the wizard run with it), never a
 * weaker TLS setting.
 */
export const HYBRID_PLAN_ROWS: PlanDefinition[] = [
  {
    id: 'hybrid-connector-tls-name',
    reference: 'Microsoft Learn: Set-InboundConnector; Set-OutboundConnector; Hybrid Configuration Wizard',
    summary: s(
      "Hybrid: Exchange Online's connectors expect a name (TlsSenderCertificateName, TlsDomain) the on-premises SMTP certificate does not carry",
      'ハイブリッド: Exchange Online のコネクタが期待する名前 (TlsSenderCertificateName、TlsDomain) がオンプレミスの SMTP 証明書にない',
    ),
    entries: [
      'hybrid-find-expected-name',
      'exo-set-inbound-tls-name',
      'exo-set-outbound-tls-domain',
      'rerun-hcw-connector-names',
      'verify-hybrid-connector-names',
    ],
  },
  {
    id: 'binding-check-store',
    reference: 'Microsoft Learn: Exchange Back End site certificate binding',
    summary: s(
      'HTTPS bindings (netsh) shown without the certificate store: check that their certificates still exist',
      'HTTPS のバインド (netsh) だけが貼り付けられ、証明書ストアがない: バインドの証明書が残っているか確認',
    ),
    entries: ['show-store-for-bindings'],
  },
  {
    id: 'frontend-443-rebind',
    reference: 'Microsoft Learn: Enable-ExchangeCertificate',
    summary: s(
      'The Default Web Site (443) bound to a certificate that is no longer in the store',
      'Default Web Site (443) がストアにない証明書にバインドされている',
    ),
    entries: ['rebind-frontend-443', 'verify-owa'],
  },
];
