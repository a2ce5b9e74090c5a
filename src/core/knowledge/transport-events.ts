import { type CatalogueEntry, en, ja } from './event-entry.js';

/** MSExchangeTransport 12012–12025 (knowledge §1.1–1.2, §1.4). */

const TRANSPORT = ['MSExchangeTransport', 'MSExchangeFrontEndTransport'] as const;
const E14 = (id: number) => `Microsoft Learn: MSExchangeTransport ${id} (Exchange 2010)`;

/** One transport entry: they share sources, family and the bare-number rule. */
function transport(entry: Omit<CatalogueEntry, 'family' | 'sources' | 'bareId'>): CatalogueEntry {
  return { family: 'transport', sources: TRANSPORT, bareId: true, ...entry };
}

/** 12013's text and the start of 12024's, cut where a PowerShell table may cut it. */
const INTERNAL_NOT_LOADED = 'Microsoft Exchange could not load the certificate with thumbprint of {thumbprint}';

export const TRANSPORT_EVENTS: readonly CatalogueEntry[] = [
  transport({
    id: 12012,
    symbolicName: 'InternalTransportCertificateMissingInAD',
    certificateRelated: true,
    kind: 'internal-cert-missing-ad',
    reference: E14(12012),
    title: 'The internal transport certificate could not be read from Active Directory',
    messages: [
      en(
        'The internal transport certificate that is used for SMTP authentication by Microsoft Exchange could not be read from Active Directory',
      ),
    ],
  }),
  transport({
    id: 12013,
    symbolicName: 'CannotLoadInternalTransportCertificateFromStore',
    certificateRelated: true,
    kind: 'internal-cert-missing-local',
    reference: E14(12013),
    title: 'The internal transport certificate named in AD is not in the local store',
    messages: [en(INTERNAL_NOT_LOADED)],
    data: ['thumbprint'],
  }),
  transport({
    id: 12014,
    symbolicName: 'CannotLoadSTARTTLSCertificateFromStore',
    certificateRelated: true,
    kind: 'starttls-cert-missing',
    reference: 'KB 953354; Microsoft Learn: How to Troubleshoot STARTTLS Certificate Error 12014; KB 2989382',
    title: 'No certificate for the connector FQDN: STARTTLS is not offered',
    messages: [
      en(
        'Microsoft Exchange could not find a certificate that contains the domain name {domain} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector {connector} with a FQDN parameter of {fqdn}',
      ),
      en(
        'Microsoft Exchange could not find a certificate that contains the domain name {domain} in the personal store on the local computer',
      ),
      ja(
        /(?:ローカル\s*コンピュータ[ー]?の個人用ストアに)?ドメイン名\s*(?<domain><I>[^\n]{0,600}?<S>[^\n]{0,600}?|[^\s]{0,255})\s*を含む証明書が見つかりませんでした。?(?:[^\n]{0,40}?FQDN\s*パラメータ[ー]?が\s*(?<fqdn>[^\s、。]{0,255})\s*のコネクタ\s*(?<connector>[^\n]{0,256}?)\s*に対する\s*STARTTLS)?/,
      ),
    ],
    data: ['domain', 'connector', 'fqdn'],
  }),
  transport({
    id: 12015,
    symbolicName: 'InternalTransportCertificateExpired',
    certificateRelated: true,
    kind: 'internal-cert-expired',
    reference: `KB 953354; ${E14(12015)}`,
    title: 'The internal transport (default self-signed) certificate has expired',
    messages: [
      en('An internal transport certificate expired. Thumbprint:{thumbprint}'),
      en('An internal transport certificate expired'),
      ja(/内部トランスポート証明書の有効期限が切れています。?\s*(?:拇印\s*[:：]\s*(?<thumbprint>[0-9A-Fa-f]{40}))?/),
    ],
    data: ['thumbprint'],
  }),
  transport({
    id: 12016,
    symbolicName: 'STARTTLSCertificateExpired',
    certificateRelated: true,
    kind: 'starttls-cert-expired',
    reference: E14(12016),
    title: 'The STARTTLS certificate for an FQDN has expired',
    messages: [
      en('There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of {fqdn}. The existing'),
      en('There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of {fqdn}'),
    ],
    data: ['fqdn', 'thumbprint'],
  }),
  transport({
    id: 12017,
    symbolicName: 'InternalTransportCertificateExpiresSoon',
    certificateRelated: true,
    kind: 'internal-cert-expiring',
    reference: E14(12017),
    title: 'The internal transport certificate expires soon',
    messages: [
      en(
        'An internal transport certificate will expire soon. Thumbprint:{thumbprint}, hours remaining: {hoursRemaining}',
      ),
      en('An internal transport certificate will expire soon. Thumbprint:{thumbprint}'),
      en('An internal transport certificate will expire soon'),
    ],
    data: ['thumbprint', 'hoursRemaining'],
  }),
  transport({
    id: 12018,
    symbolicName: 'STARTTLSCertificateExpiresSoon',
    certificateRelated: true,
    kind: 'starttls-cert-expiring',
    reference: E14(12018),
    title: 'The STARTTLS certificate expires soon',
    messages: [
      en(
        'The STARTTLS certificate will expire soon: subject: {subject}, thumbprint: {thumbprint}, hours remaining: {hoursRemaining}',
      ),
      en('The STARTTLS certificate will expire soon: subject: {subject}, thumbprint: {thumbprint}'),
      en('The STARTTLS certificate will expire soon'),
    ],
    data: ['subject', 'thumbprint', 'hoursRemaining'],
    subjectIsFqdn: true,
  }),
  transport({
    id: 12019,
    symbolicName: 'RemoteInternalTransportCertificateExpired',
    certificateRelated: true,
    kind: 'remote-internal-expired',
    reference: E14(12019),
    title: "A peer server's internal transport certificate has expired (fix it on the peer)",
    messages: [
      en('The remote internal transport certificate expired. Certificate subject: {subject}'),
      en('The remote internal transport certificate expired'),
    ],
    data: ['subject'],
  }),
  transport({
    id: 12020,
    symbolicName: 'RemoteSTARTTLSCertificateExpired',
    certificateRelated: true,
    kind: 'remote-starttls-expired',
    reference: 'Exchange 2013 TransportEventLogConstants (message text unpublished)',
    title: "A peer server's STARTTLS certificate has expired",
    messages: [],
    data: ['subject'],
  }),
  transport({
    id: 12021,
    symbolicName: 'ReadConfigReceiveConnectorIgnored',
    certificateRelated: false,
    kind: 'not-certificate',
    reference: 'Exchange 2013 TransportEventLogConstants',
    title: 'A receive connector configuration was ignored (not a certificate event)',
    messages: [],
  }),
  transport({
    id: 12022,
    symbolicName: 'InternalTransportCertificateCorruptedInAD',
    certificateRelated: true,
    kind: 'internal-cert-corrupt-ad',
    reference: 'Exchange 2013 TransportEventLogConstants (message text unpublished)',
    title: 'The internal transport certificate stored in AD is corrupted',
    messages: [],
  }),
  transport({
    id: 12023,
    symbolicName: 'CannotLoadInternalTransportCertificateFallbackServerFQDN',
    certificateRelated: true,
    kind: 'internal-cert-fallback',
    reference: 'Exchange 2013 TransportEventLogConstants (message text unpublished)',
    title: 'The internal transport certificate could not be loaded; a certificate for the server FQDN is used',
    messages: [],
    data: ['thumbprint'],
  }),
  transport({
    id: 12024,
    symbolicName: 'CannotLoadIntTransportCertificateFallbackEphemeralCertificate',
    certificateRelated: true,
    kind: 'internal-cert-fallback',
    reference: E14(12024),
    title: 'The internal transport certificate could not be loaded; an ephemeral self-signed one is used',
    messages: [
      en(
        `${INTERNAL_NOT_LOADED} from the personal store on the local computer.{...}Meanwhile, an ephemeral, self-signed certificate with thumbprint {ephemeralThumbprint} is being used`,
      ),
      // Cut before "Meanwhile" (a truncated table row), the text is 12013's: it counts only inside a 12024.
      en(INTERNAL_NOT_LOADED, false),
    ],
    data: ['thumbprint', 'ephemeralThumbprint'],
  }),
  transport({
    id: 12025,
    symbolicName: 'DisconnectingPerformanceCounters',
    certificateRelated: false,
    kind: 'not-certificate',
    reference: E14(12025),
    title: 'Performance counters are being disconnected: not a certificate problem',
    messages: [en('Transport service is disconnecting performance counters')],
  }),
];
