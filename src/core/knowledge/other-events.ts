import { type CatalogueEntry, type EventMessage, en, ja } from './event-entry.js';
import type { SourceFamily } from './event-sources.js';

/** Certificate events outside MSExchangeTransport (knowledge §1.3). Most texts are unpublished. */

const CERT_DEPLOYMENT = ['MSExchange Certificate Deployment'] as const;
const DEPLOYMENT_REF = 'Exchange 2010 help: Certificate Deployment Errors and Events';
const EWS = ['MSExchange Web Services', 'MSExchange OABRequestHandler'] as const;
const EWS_REF = 'Exchange 2013 ExchangeCertificateChecker (MSExchange Web Services / OABRequestHandler 24–26)';
const SCHANNEL_REF = 'Schannel event list (detection-wiki); frankysweb.de on 36888/36871 after a renewal';

/** EWS logs the certificate's ToString(): only trusted inside an event that states its ID. */
const CERTIFICATE_TO_STRING: EventMessage = {
  lang: 'en',
  anchors: ['[subject]', '[thumbprint]'],
  regex: /\[Subject\]\s*(?<subject>[^\n]{1,600})[\s\S]{0,3000}?\[Thumbprint\]\s*(?<thumbprint>[0-9A-Fa-f]{40})/,
  standalone: false,
};

function schannel(id: number, symbolicName: string, title: string, messages: EventMessage[]): CatalogueEntry {
  return {
    id,
    family: 'schannel',
    sources: ['Schannel'],
    symbolicName,
    certificateRelated: true,
    corroborating: true,
    kind: 'schannel',
    reference: SCHANNEL_REF,
    title,
    messages,
  };
}

function simple(
  family: SourceFamily,
  sources: readonly string[],
  entry: Omit<CatalogueEntry, 'family' | 'sources' | 'messages'> & { messages?: EventMessage[] },
): CatalogueEntry {
  return { family, sources, messages: [], ...entry };
}

export const OTHER_EVENTS: readonly CatalogueEntry[] = [
  simple('certificate-deployment', CERT_DEPLOYMENT, {
    id: 2009,
    symbolicName: 'CertificateNearingExpiry',
    certificateRelated: true,
    kind: 'federation-expiring',
    reference: DEPLOYMENT_REF,
    title: 'The federation (or Auth) certificate expires in less than 15 days',
    messages: [en('The federation certificate {thumbprint} will expire')],
    data: ['thumbprint'],
  }),
  simple('certificate-deployment', CERT_DEPLOYMENT, {
    id: 2010,
    symbolicName: 'CertificateExpired',
    certificateRelated: true,
    kind: 'federation-expired',
    reference: `${DEPLOYMENT_REF}; Exchange 2013 CertificateDeploymentServicelet`,
    title: 'The federation (or Auth) certificate has expired',
    data: ['thumbprint'],
  }),
  simple('certificate-deployment', CERT_DEPLOYMENT, {
    id: 2003,
    symbolicName: 'NeedCertificate',
    certificateRelated: true,
    kind: 'informational',
    reference: 'Exchange 2013 CertificateDeploymentServicelet',
    title: 'The server needs a copy of the federation certificate',
  }),
  simple('certificate-deployment', CERT_DEPLOYMENT, {
    id: 2004,
    symbolicName: 'InstalledCertificate',
    certificateRelated: true,
    kind: 'informational',
    reference: 'Exchange 2013 CertificateDeploymentServicelet',
    title: 'A copy of the federation certificate was installed',
  }),
  simple('certificate-deployment', CERT_DEPLOYMENT, {
    id: 2005,
    symbolicName: 'CertificateNotFound',
    certificateRelated: true,
    kind: 'federation-cert-missing',
    reference: 'Exchange 2013 CertificateDeploymentServicelet',
    title: 'The federation certificate could not be found to copy to this server',
  }),
  simple('front-end-https-proxy', ['MSExchange Front End HTTPS Proxy'], {
    id: 1003,
    symbolicName: 'InternalServerError',
    certificateRelated: true,
    kind: 'auth-cert-problem',
    reference: 'KB 2617816',
    title: 'OWA/ECP proxy crash in FbaModule.ParseCadataCookies: the OAuth Auth certificate',
  }),
  ...(
    [
      [24, 'CertificateExpired', 'cert-expired-generic', 'A certificate in the local store has expired'],
      [25, 'CertificateExpiresVerySoon', 'cert-expiring-generic', 'A certificate expires within 7 days'],
      [26, 'CertificateExpiresSoon', 'cert-expiring-generic', 'A certificate expires within 2 months'],
    ] as const
  ).map(([id, symbolicName, kind, title]) =>
    simple('web-services', EWS, {
      id,
      symbolicName,
      certificateRelated: true,
      kind,
      reference: EWS_REF,
      title,
      messages: [CERTIFICATE_TO_STRING],
    }),
  ),
  simple('unified-messaging', ['MSExchange Unified Messaging'], {
    id: 1120,
    symbolicName: 'CertificateNearExpiry',
    certificateRelated: true,
    kind: 'cert-expiring-generic',
    reference: 'Exchange 2013 UM event log constants',
    title: 'The UM certificate expires soon',
  }),
  simple('unified-messaging', ['MSExchange Unified Messaging'], {
    id: 1643,
    symbolicName: 'CallRouterCertificateNearExpiry',
    certificateRelated: true,
    kind: 'cert-expiring-generic',
    reference: 'Exchange 2013 UM event log constants',
    title: 'The UM Call Router certificate expires soon',
  }),
  simple('oauth', ['MSExchange OAuth'], {
    id: 2004,
    symbolicName: 'OAuthSigningCertificateNotFoundOrMissingPrivateKey',
    certificateRelated: true,
    kind: 'auth-cert-problem',
    reference: 'KB 2617816; Exchange 2013 Microsoft.Exchange.Security OAuth event log constants',
    title: 'The OAuth Auth certificate is missing or has no private key',
  }),
  simple('oauth', ['MSExchange OAuth'], {
    id: 2005,
    symbolicName: 'OAuthFailToReadSigningCertificates',
    certificateRelated: true,
    kind: 'auth-cert-problem',
    reference: 'KB 2617816; Exchange 2013 Microsoft.Exchange.Security OAuth event log constants',
    title: 'The OAuth signing certificates could not be read',
  }),
  ...(
    [
      [2011, 'InvalidCertificateList', 'auth-cert-problem', 'The Auth configuration lists invalid certificates'],
      [2012, 'InvalidCertificates', 'auth-cert-problem', 'The Auth configuration certificates are invalid'],
      [2014, 'CurrentSigningUpdated', 'informational', 'The next Auth certificate became the current one'],
    ] as const
  ).map(([id, symbolicName, kind, title]) =>
    simple('auth-admin', ['MSExchange AuthAdmin'], {
      id,
      symbolicName,
      certificateRelated: true,
      kind,
      reference: 'Exchange 2013 AuthAdminServicelet; KB 2617816',
      title,
    }),
  ),
  simple('edgesync', ['MSExchange EdgeSync'], {
    id: 1035,
    symbolicName: 'CAPICertificateRequired',
    certificateRelated: true,
    kind: 'cert-not-capi',
    reference: 'Exchange 2013 EdgeSync event log constants',
    title: 'The internal transport certificate is a CNG certificate; EdgeSync needs a CAPI one',
  }),
  simple('message-security', ['MSExchange Message Security'], {
    id: 1003,
    symbolicName: 'TlsCertificateNotFound',
    certificateRelated: true,
    kind: 'edge-credential-cert-missing',
    reference: 'Exchange 2013 MessageSecurity event log constants',
    title: 'The Edge credential service cannot find its TLS certificate',
  }),
  simple('http', ['Microsoft-Windows-HttpEvent', 'HttpEvent'], {
    id: 15021,
    symbolicName: 'SslConfigurationError',
    certificateRelated: true,
    kind: 'ssl-binding-broken',
    reference: 'KB 2971270',
    title: 'An error occurred while using SSL configuration for an endpoint (0.0.0.0:444: Exchange Back End)',
  }),
  schannel(36870, 'TlsServerCredentialPrivateKeyAccessFailed', 'The TLS server private key cannot be read', [
    en('A fatal error occurred when attempting to access the {...}credential private key'),
  ]),
  schannel(36871, 'TlsCredentialCreationFailed', 'A TLS credential could not be created', [
    en('A fatal error occurred while creating {...}credential'),
  ]),
  schannel(36874, 'NoCommonCipherSuite', 'A client offered no TLS version or cipher suite the server accepts', [
    en(
      'connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server',
    ),
  ]),
  schannel(36881, 'RemoteCertificateExpired', "The remote server's certificate has expired or is not yet valid", [
    en('The certificate received from the remote server has either expired or is not yet valid'),
  ]),
  schannel(36882, 'RemoteCertificateUntrusted', "The remote server's certificate is from an untrusted CA", [
    en('The certificate received from the remote server was issued by an untrusted certificate authority'),
    ja(/リモート\s?サーバーから受信した証明書は、信頼されていない証明機関によって発行されています/),
  ]),
  schannel(36886, 'NoDefaultServerCredential', 'No suitable default server credential exists', [
    en('No suitable default server credential exists on this system'),
  ]),
  schannel(36887, 'FatalAlertReceived', 'A TLS fatal alert was received', [
    en('A fatal alert was received from the remote endpoint'),
    en('The following fatal alert was received'),
    ja(/リモート\s?エンドポイントから致命的な(?:アラート|警告)を受信しました/),
  ]),
  schannel(36888, 'FatalAlertGenerated', 'A TLS fatal alert was generated', [
    en('A fatal alert was generated and sent to the remote endpoint'),
    en('The following fatal alert was generated'),
  ]),
];
