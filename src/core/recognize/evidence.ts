import type { CertificateFacts, EventFacts, ExchangeVersion } from '../model.js';

/**
 * What the recognisers found in a paste, before any judgement. Each recogniser is a pure
 * `(text) => Evidence` over the normalised paste; `mergeEvidence` joins them and `diagnose`
 * turns the result into findings and steps against `now`.
 */

/** A certificate as read from the paste: facts without the countdown, which needs `now`. */
export type ParsedCertificate = Omit<CertificateFacts, 'daysLeft'>;

export type SymptomId =
  /** MSExchange Front End HTTPS Proxy 1003 with FbaModule.ParseCadataCookies (KB2617816). */
  | 'owa-proxy-1003'
  /** ASP.NET ExAssert HMACProvider.GetCertificates:protectionCertificates.Length<1. */
  | 'hmac-provider-assert'
  /** HCW: OAuth couldn't find the authorization certificate with thumbprint … (KB3089171). */
  | 'hcw-oauth-missing-cert'
  /** 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found. */
  | 'send-connector-tls-name-missing'
  /** 451 5.7.3 STARTTLS is required to send mail (EXO → on-premises). */
  | 'starttls-required-451'
  /** A queue to the Edge: 451 5.7.3 Cannot achieve Exchange Server authentication (its subscription is stale). */
  | 'edge-exchange-auth-451'
  /** TLS negotiation failed with error NoCredentials. */
  | 'tls-no-credentials'
  /** Exchange Setup / CU: [ERROR] The certificate is expired. */
  | 'setup-certificate-expired'
  /** Queue Viewer: Failed to enable constraints … (Auth certificate expired, Nov 2023 SU+). */
  | 'queue-viewer-constraints'
  /** The EMS prompt "Overwrite the existing default SMTP certificate?" (en or ja). */
  | 'smtp-overwrite-prompt'
  /** "The internal transport certificate cannot be removed …". */
  | 'internal-cert-cannot-remove'
  /** Enable-ExchangeCertificate: a wildcard subject "cannot used for IMAP/POP SSL/TLS connections" (X509CertificateName). */
  | 'imap-pop-subject-not-fqdn'
  /** "… not valid for use with Exchange Server (reason: PrivateKeyMissing)": installed where no request was made. */
  | 'private-key-missing'
  /** "… not valid for use with Exchange Server (reason: PkixKpServerAuthNotFoundInEnhancedKeyUsage)": no Server Authentication EKU. */
  | 'server-auth-eku-missing'
  /** Outlook/browser alert: "The name on the security certificate is invalid or does not match the name of the site". */
  | 'certificate-name-mismatch'
  /** A queue or NDR: 454 4.7.5 Certificate validation failure (the next hop's certificate, domain security / forced TLS). */
  | 'remote-cert-validation'
  /** A queue: `Message=UntrustedRoot SSL certificate validation failed for 'host'`: this server does not trust the next hop's chain. */
  | 'remote-chain-untrusted'
  /** A queue or NDR: 421 4.4.2 / 451 4.4.0 … SocketError: the connection failed, not a certificate. */
  | 'smtp-socket-error'
  /** Set-SendConnector (often inside the HCW): "The given certificate is not enabled for SMTP protocol". */
  | 'smtp-not-enabled'
  /** New-EdgeSubscription / Enable-ExchangeCertificate: the internal transport certificate "isn't a CAPI certificate". */
  | 'internal-not-capi'
  /** "The direct trust certificate of the subscribed Edge Transport server … is a duplicate of the certificate of one of the HubTransport servers". */
  | 'edge-duplicate-direct-trust'
  /** "Exchange can't find the default TLS certificate attribute for server … in Active Directory, or the attribute is corrupted". */
  | 'default-tls-attribute-missing'
  /** Get-Queue output whose queues report no error (LastError empty): nothing in them points at a certificate. */
  | 'queue-listing-clean'
  /** Import-ExchangeCertificate: "Cannot import certificate. A certificate with the thumbprint … already exists." */
  | 'import-already-exists'
  /** A certificate cmdlet: "The certificate with thumbprint … was not found." */
  | 'thumbprint-not-found';

export interface Symptom {
  id: SymptomId;
  /** Values read from the symptom line: thumbprint, site, validUntil (ISO), issuer, server, queue … */
  values: Record<string, string>;
}

/** (Get-AuthConfig) values when the paste shows them. */
export interface AuthConfigFacts {
  currentThumbprint?: string;
  previousThumbprint?: string;
  nextThumbprint?: string;
  nextEffectiveDate?: string;
}

export type ParseNoteCode =
  /** A PEM/base64 block that did not decode as a certificate. */
  | 'unreadable-certificate'
  /** Dates whose day/month order could not be settled; `detail` holds both readings. */
  | 'date-ambiguous'
  /** Get-ExchangeCertificate fl output with an empty Thumbprint/Subject (serialization signing). */
  | 'empty-exchange-fields'
  /**
   * Added: the paste held more of something than one diagnosis examines (certificates, thumbprints,
   * events); `detail` says what and how many were read, e.g. 'thumbprints: first 300 of 25000'.
   */
  | 'rest-skipped'
  /**
   * Added: an event's thumbprint was damaged in the paste (a digit lost, a letter O for a zero): the
   * event is kept without it; `detail` says which event and what was pasted, nothing is repaired.
   */
  | 'damaged-thumbprint';

export interface ParseNote {
  code: ParseNoteCode;
  detail?: string;
  thumbprint?: string;
}

export interface VersionHint {
  version: Exclude<ExchangeVersion, 'unknown'>;
  /** Why (kept as a short code: 'w2003-event-format', 'frontend-transport', 'services-7', …). */
  reason: string;
  /**
   * How much the hint decides. Strong: a build number, an explicit "Exchange 2010 SP3", the Windows
   * 2003 event layout, MSExchangeFrontEndTransport, a `<I>…<S>…` name, an Auth certificate. Weak: a
   * service-letter count or a word in prose. Absent means weak. A weak hint never overrides a strong one.
   */
  strength?: Strength;
  /** The precise release when the paste shows it (15.1 → '2016'; 15.2.2562+ → 'SE'). */
  release?: ExchangeRelease;
  /** The server the hint is about, when the paste ties it to one (Get-ExchangeServer's Name). */
  server?: string;
  /** The text that gave it ('Version 15.0 (Build 1497.2)', 'Exchange 2010 SP3'), for the evidence list. */
  quote?: string;
}

export type Strength = 'strong' | 'weak';

/** Exchange releases the facts model tells apart (8.x, 14.x, 15.0, 15.1, 15.2, and SE from 15.2.2562). */
export type ExchangeRelease = '2007' | '2010' | '2013' | '2016' | '2019' | 'SE';

export type ServerRoleName = 'hub' | 'edge' | 'cas' | 'mailbox' | 'frontend';

/** A role the paste shows for a server, with what showed it and how strongly. */
export interface RoleEvidence {
  role: ServerRoleName;
  strength: Strength;
  /** Short code: 'server-role-field', 'connector-default-frontend', 'event-source-frontend', 'prose' … */
  reason: string;
  server?: string;
  quote?: string;
}

/** A connector the paste shows (Get-ReceiveConnector / Get-SendConnector, an event, a queue error). */
export interface ConnectorEvidence {
  name: string;
  kind: 'receive' | 'send' | 'unknown';
  /** The server it lives on (`EX01\Default Frontend EX01`), when shown. */
  server?: string;
  fqdn?: string;
  /** The pinned `<I>issuer<S>subject` value. */
  tlsCertificateName?: string;
  /** Where the paste named it: an event (12014), a queue's LastError, or a connector listing. */
  namedBy: 'event' | 'queue' | 'listing';
  /** Send connector address spaces or smart hosts, when listed (tells an Office 365 connector). */
  addressSpaces?: string[];
  smartHosts?: string[];
}

/**
 * What the paste says a certificate is used for, as a fact (not guessed from `Services`):
 * Get-TransportService's InternalTransportCertificateThumbprint, Get-AuthConfig, HealthChecker's flags,
 * `netsh http show sslcert` / Get-WebBinding (443 → IIS front end, 444 → Exchange Back End), the
 * certificate an endpoint presented (openssl s_client, a probe).
 */
export interface CertificateUseEvidence {
  thumbprint: string;
  use: 'internalTransport' | 'authCurrent' | 'authNext' | 'authPrevious' | 'iisFrontEnd' | 'backEnd444' | 'presented';
  server?: string;
  port?: number;
  /** Short code of the paste shape: 'get-transportservice', 'healthchecker', 'netsh-sslcert', 's-client' … */
  source: string;
}

/** An endpoint's TLS conversation as pasted (openssl s_client) or probed: the chain it presented. */
export interface PresentedEndpoint {
  host?: string;
  port?: number;
  /** The greeting (SMTP 220 line) and the FQDN it announces. */
  banner?: string;
  bannerFqdn?: string;
  /** STARTTLS offered in EHLO (null when implicit TLS or unknown). */
  startTls?: boolean | null;
  tlsVersion?: string;
  /** Leaf first, as presented. */
  chain: ParsedCertificate[];
  /** `verify error:num=10:certificate has expired` → { num: 10, text: 'certificate has expired' }. */
  verifyErrors?: { num: number; text: string; depth?: number }[];
}

/**
 * Added: an HTTPS binding as the paste shows it: `netsh http show sslcert` (the hash bound to an
 * IP:port), Get-WebBinding | fl (site, port, certificateHash), or HttpEvent 15021 (HTTP.sys could not
 * use the binding of that endpoint). 443 is the IIS front end, 444 Exchange Back End.
 */
export interface BindingEvidence {
  /** As printed: `0.0.0.0:443`, `[::]:444`, `mail.contoso.com:443` (SNI), `*:443:` (IIS). */
  endpoint: string;
  port?: number;
  thumbprint?: string;
  /** The IIS site (Get-WebBinding's ItemXPath): 'Default Web Site', 'Exchange Back End'. */
  site?: string;
  storeName?: string;
  source: 'netsh-sslcert' | 'get-webbinding' | 'http-event-15021';
  /** HTTP.sys logged that it could not use this binding (HttpEvent 15021). */
  failing?: boolean;
}

/** Get-ImapSettings / Get-PopSettings | fl: the name a protocol looks its certificate up by, and the names clients use. */
export interface MailProtocolSetting {
  protocol: 'IMAP' | 'POP';
  /** X509CertificateName, as printed (empty: the server's own FQDN). */
  x509Name?: string;
  /** Host names of ExternalConnectionSettings ({pop.contoso.com:995:SSL}), lower-case. */
  externalNames: string[];
  internalNames: string[];
  server?: string;
}

/** Exchange Online's Get-InboundConnector / Get-OutboundConnector | fl: a connector to or from the on-premises side. */
export interface CloudConnectorEvidence {
  name: string;
  direction: 'inbound' | 'outbound';
  /** ConnectorType OnPremises: the connector hybrid mail flow uses. */
  onPremises: boolean;
  /** Inbound: the name the on-premises certificate must carry (TlsSenderCertificateName). */
  tlsSenderCertificateName?: string;
  /** Outbound: the name Exchange Online validates on the on-premises certificate (TlsDomain). */
  tlsDomain?: string;
  tlsSettings?: string;
  smartHosts: string[];
  requireTls?: boolean;
}

export interface Evidence {
  events: EventFacts[];
  certificates: ParsedCertificate[];
  /** Every thumbprint seen, normalised to 40 upper-case hex; `invisible` when it carried U+200E & co. */
  thumbprints: {
    value: string;
    invisible: boolean;
    /** Added: which invisible characters, as code points ('U+200E'), so a reply can name them. */
    invisibleChars?: string[];
  }[];
  symptoms: Symptom[];
  /** How many private-key blocks the paste held (their content is never kept). */
  privateKeys: number;
  authConfig?: AuthConfigFacts;
  notes: ParseNote[];
  versionHints: VersionHint[];
  /** Japanese text in the paste (labels or messages): the reply follows it. */
  japanese: boolean;
  /** Exchange role words found (Edge, Hub, CAS, Mailbox): steps are said for these. */
  roles: ('hub' | 'edge' | 'cas' | 'mailbox')[];
  /** Added: server names the paste gives (Get-ExchangeCertificate's Identity `SERVER\Thumbprint`). */
  servers?: string[];
  /** The Active Directory site the admin or a listing names (for an Edge subscription's -Site). */
  adSite?: string;
  /** Roles with their evidence and strength (the facts model weighs them; `roles` stays the summary). */
  roleEvidence?: RoleEvidence[];
  connectors?: ConnectorEvidence[];
  certificateUses?: CertificateUseEvidence[];
  endpoints?: PresentedEndpoint[];
  bindings?: BindingEvidence[];
  mailProtocolSettings?: MailProtocolSetting[];
  cloudConnectors?: CloudConnectorEvidence[];
}

export function emptyEvidence(): Evidence {
  return {
    events: [],
    certificates: [],
    thumbprints: [],
    symptoms: [],
    privateKeys: 0,
    notes: [],
    versionHints: [],
    japanese: false,
    roles: [],
  };
}

export function mergeEvidence(parts: Partial<Evidence>[]): Evidence {
  const out = emptyEvidence();
  for (const part of parts) {
    append(out.events, part.events);
    append(out.certificates, part.certificates);
    append(out.thumbprints, part.thumbprints);
    append(out.symptoms, part.symptoms);
    out.privateKeys += part.privateKeys ?? 0;
    if (part.authConfig) out.authConfig = { ...out.authConfig, ...part.authConfig };
    append(out.notes, part.notes);
    append(out.versionHints, part.versionHints);
    out.japanese ||= part.japanese ?? false;
    for (const role of part.roles ?? []) if (!out.roles.includes(role)) out.roles.push(role);
    for (const server of part.servers ?? []) {
      out.servers ??= [];
      if (!out.servers.includes(server)) out.servers.push(server);
    }
    if (part.roleEvidence?.length) out.roleEvidence = [...(out.roleEvidence ?? []), ...part.roleEvidence];
    if (part.connectors?.length) out.connectors = [...(out.connectors ?? []), ...part.connectors];
    if (part.certificateUses?.length) out.certificateUses = [...(out.certificateUses ?? []), ...part.certificateUses];
    if (part.endpoints?.length) out.endpoints = [...(out.endpoints ?? []), ...part.endpoints];
    if (part.bindings?.length) out.bindings = [...(out.bindings ?? []), ...part.bindings];
    if (part.mailProtocolSettings?.length)
      out.mailProtocolSettings = [...(out.mailProtocolSettings ?? []), ...part.mailProtocolSettings];
    if (part.cloudConnectors?.length) out.cloudConnectors = [...(out.cloudConnectors ?? []), ...part.cloudConnectors];
    if (part.adSite && !out.adSite) out.adSite = part.adSite;
  }
  return out;
}

/** In place, item by item: a spread call (and an empty array) per field of every part cost more than the merge. */
function append<T>(into: T[], items: readonly T[] | undefined): void {
  if (items) for (const item of items) into.push(item);
}

/**
 * What more than one recogniser reads from a paste, read once by `recognize` and handed to each that
 * needs it (a recogniser called alone reads it itself). The PEM certificates are the costly one:
 * each is parsed by OpenSSL, and the openssl-text and s_client readers compare against them.
 */
export interface SharedReads {
  pemCertificates: () => readonly ParsedCertificate[];
  /** The paste split into lines once, for every reader that walks it line by line. */
  lines?: () => readonly string[];
}

/** A recogniser reads one family of paste formats. It never throws on bad input. */
export type Recognizer = (text: string, shared?: SharedReads) => Partial<Evidence>;
