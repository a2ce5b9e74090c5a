import { z } from 'zod';

/**
 * The diagnosis contract. Every surface speaks to the core through
 * these shapes. Stable: fields may be added, never renamed or dropped.
 */

export const languageSchema = z.enum(['en', 'ja']);
export type Language = z.infer<typeof languageSchema>;

export const severitySchema = z.enum(['critical', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const inputKindSchema = z.enum([
  'event',
  'certificate',
  'exchange-certificate-list',
  'thumbprint',
  'private-key',
  // Added to the contract's list: a known symptom line (NDR, queue error, setup log, HCW error).
  'symptom',
  'unknown',
]);
export type InputKind = z.infer<typeof inputKindSchema>;

export const findingCodeSchema = z.enum([
  'CERT_EXPIRED',
  'CERT_EXPIRING',
  'CERT_NOT_YET_VALID',
  'SELF_SIGNED',
  'TRANSPORT_CERT_EXPIRED',
  'STARTTLS_CERT_MISSING',
  'DOMAIN_MISMATCH',
  'WEAK_KEY',
  'SHA1_SIGNATURE',
  'PRIVATE_KEY_IN_INPUT',
  'INVISIBLE_CHARACTERS',
  'UNKNOWN_EVENT',
  'THUMBPRINT_ONLY',
  // Added: the admin asks whether an old certificate may go, naming it and its renewal by thumbprint.
  'REMOVAL_ASKED',
  'UNRECOGNIZED_INPUT',
  // Added codes (the contract allows knowledge to grow; these keep their meaning too).
  'NOT_A_CERTIFICATE_EVENT',
  'INTERNAL_TRANSPORT_CERT_MISSING',
  'REMOTE_CERT_EXPIRED',
  'AUTH_CERT_PROBLEM',
  'FEDERATION_CERT_EXPIRING',
  'TLS_CERTIFICATE_NAME_MISSING',
  'REVOCATION_CHECK_FAILED',
  'PENDING_REQUEST',
  'DATE_AMBIGUOUS',
  'INPUT_TOO_LARGE',
  'UNREADABLE_CERTIFICATE',
  'EXPIRY_NOTICE',
  'EXPIRY_UNKNOWN',
  'SMTP_OVERWRITE_PROMPT',
  // Added: the paste could not be read within the time one paste may take; what was understood follows.
  'INPUT_TIMED_OUT',
  // Added: only the first part of a very long paste was examined; a thumbprint too damaged to use.
  'INPUT_TRUNCATED',
  'THUMBPRINT_DAMAGED',
  // Added by the live probe: what an endpoint does, not what a paste says.
  'STARTTLS_NOT_OFFERED',
  'ENDPOINT_UNREACHABLE',
  'OLD_TLS_VERSION',
  // Added: an HTTPS binding points at a certificate that is gone or unusable (HttpEvent 15021).
  'SSL_BINDING_BROKEN',
  // Added: Status Invalid with RootCAType Unknown: the server lacks its issuing CA's certificate.
  'CHAIN_INCOMPLETE',
  // Added: a wildcard certificate enabled for IMAP/POP, which choose theirs by X509CertificateName.
  'IMAP_POP_CERTIFICATE_NAME',
  // Added: a certificate refused for PrivateKeyMissing (installed where its request was not made).
  'PRIVATE_KEY_MISSING',
  // Added: a certificate refused because its Enhanced Key Usage lacks Server Authentication.
  'SERVER_AUTH_EKU_MISSING',
  // Added: a queue to the Edge fails Exchange Server authentication: the Edge's subscription is stale.
  'EDGE_SUBSCRIPTION_STALE',
  // Added: a queue's 454 4.7.5 Certificate validation failure: the next hop's certificate, not ours.
  'REMOTE_CERT_VALIDATION_FAILED',
  // Added: a queue's SocketError (421 4.4.2, 451 4.4.0): the connection failed, not a certificate.
  'SMTP_CONNECTION_FAILED',
  // Added: 443 presents an older certificate than the one Exchange has enabled (a device in front terminates TLS).
  'ENDPOINT_PRESENTS_OLD_CERT',
  // Added: a newer CA certificate for the same name lacks a name the current one has: not a complete renewal.
  'RENEWAL_LACKS_NAME',
  // Added: a management task refused a certificate that is not enabled for SMTP (HCW, Set-SendConnector).
  'CERT_NOT_ENABLED_FOR_SMTP',
  // Added: the paste holds an error line nothing else in the diagnosis explains.
  'ERROR_NOT_UNDERSTOOD',
  // Added: the internal transport certificate is a CNG one; EdgeSync and the Edge subscription need CAPI.
  'CERT_NOT_CAPI',
  // Added: an Edge uses the same direct trust certificate as a Hub Transport server.
  'EDGE_CERT_DUPLICATE',
  // Added: Get-Queue output in which no queue reports an error.
  'QUEUES_WITHOUT_ERROR',
  // Added: Import-ExchangeCertificate found the certificate already on the server.
  'CERT_ALREADY_IMPORTED',
  // Added: a certificate cmdlet did not find the thumbprint it was given on the server it ran on.
  'CERT_NOT_FOUND',
  // Added: Schannel 36887: the remote side ended TLS with a certificate alert (a chain it does not trust).
  'TLS_CERTIFICATE_ALERT',
  // Added: Schannel 36874: a client offered no TLS version or cipher suite the server accepts.
  'TLS_NO_COMMON_CIPHER',
  // Added: the admin says the Exchange Management Shell cannot be used: the plan first gets it back.
  'EMS_UNAVAILABLE',
  // Added: Remove-ExchangeCertificate refused the internal transport certificate: a new one comes first.
  'INTERNAL_CERT_REMOVE_REFUSED',
]);
export type FindingCode = z.infer<typeof findingCodeSchema>;

export const eventLevelSchema = z.enum(['error', 'warning', 'information']);
export type EventLevel = z.infer<typeof eventLevelSchema>;

export const eventFactsSchema = z.object({
  id: z.number().int(),
  source: z.string().optional(),
  level: eventLevelSchema.optional(),
  thumbprint: z.string().optional(),
  fqdn: z.string().optional(),
  connector: z.string().optional(),
  computer: z.string().optional(),
  /** 12017/12018: hours left when the event was logged. */
  hoursRemaining: z.number().optional(),
  /** 12014 on 2013+ when the connector pins a certificate by `<I>issuer<S>subject`. */
  tlsCertificateName: z.string().optional(),
  /** 12019: the peer whose certificate expired; 12018: the certificate subject. */
  subject: z.string().optional(),
  /** 12024: the ephemeral certificate Exchange fell back to. */
  ephemeralThumbprint: z.string().optional(),
  /** When the paste says when it was logged, as ISO-8601 (local time read as UTC). */
  loggedAt: z.string().optional(),
  /** 12017/12018: the expiry estimated from loggedAt (or now) plus hoursRemaining. */
  estimatedNotAfter: z.string().optional(),
  /**
   * Added: fields the event carries but left empty in this paste ("domain name  in the personal store",
   * "FQDN parameter of ."): reported as empty, never filled with a neighbouring word.
   */
  emptyFields: z.array(z.enum(['domain', 'fqdn', 'connector', 'thumbprint'])).optional(),
  /** Added: 12014's domain (what no certificate contains) when it differs from the connector FQDN. */
  domain: z.string().optional(),
  /** Which layout it came in: how the admin copied it. */
  format: z.enum(['w2003', 'w2008', 'xml', 'powershell', 'message', 'id-only', 'friendly-view']).optional(),
  /** The catalogue knows this ID (false for an ID we only recognised as a number). */
  known: z.boolean().optional(),
});
export type EventFacts = z.infer<typeof eventFactsSchema>;

export const exchangeServiceSchema = z.enum(['IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation', 'UMCallRouter']);
export type ExchangeService = z.infer<typeof exchangeServiceSchema>;

export const certificateRoleSchema = z.enum([
  'exchange-self-signed',
  'auth',
  'federation',
  'wmsvc',
  'ca-issued',
  'certificate-authority',
  'self-signed',
]);
export type CertificateRole = z.infer<typeof certificateRoleSchema>;

export const certificateFactsSchema = z.object({
  /** SHA-1 of the DER, 40 upper-case hex digits; absent when the paste cannot give it (openssl -text). */
  thumbprint: z.string().optional(),
  subject: z.string(),
  issuer: z.string(),
  /** CN and DNS SANs, or CertificateDomains. */
  domains: z.array(z.string()),
  notBefore: z.string().optional(),
  notAfter: z.string().optional(),
  /** floor((notAfter - now) / 1 day). */
  daysLeft: z.number().int().optional(),
  selfSigned: z.boolean().optional(),
  services: z.array(exchangeServiceSchema).optional(),
  /**
   * Added: a Services cell the table cut short (`IMAP, POP...`): these at least, the rest unknown.
   * `services` then stays absent, so nothing takes the part shown for the whole.
   */
  servicesAtLeast: z.array(exchangeServiceSchema).optional(),
  keyAlgorithm: z.string().optional(),
  keySize: z.number().int().optional(),
  signatureHash: z.string().optional(),
  /** Added: Exchange's Status (Valid, DateInvalid, RevocationCheckFailure, PendingRequest, …). */
  status: z.string().optional(),
  rootCAType: z.string().optional(),
  friendlyName: z.string().optional(),
  serialNumber: z.string().optional(),
  isCA: z.boolean().optional(),
  role: certificateRoleSchema.optional(),
  /** Where the facts came from. */
  source: z.enum([
    'pem',
    'der',
    'pkcs7',
    'exchange-list',
    'exchange-table',
    'certutil',
    'openssl',
    'event',
    // Added: CSS-Exchange HealthChecker's certificate section, openssl s_client output, a live probe.
    'healthchecker',
    's-client',
    'probe',
  ]),
  /** The dates were printed in a culture whose day/month order could not be settled. */
  dateAmbiguous: z.boolean().optional(),
  /** The expiry is estimated (for example from an event's hours remaining), not read from the certificate. */
  estimated: z.boolean().optional(),
  /**
   * HealthChecker's "Lifetime: N day(s)" where the report's Generation Time is not in the paste: the
   * days left when it ran, taken as now for the expiry.
   */
  lifetimeDays: z.number().int().optional(),
  /**
   * Added: the paste ends inside this certificate's record (a thumbprint shorter than 40 digits, a
   * list never closed): what was cut is left out, never taken as a value.
   */
  cut: z.boolean().optional(),
  /** Added: the servers the paste shows it on (PSComputerName or Identity of Get-ExchangeCertificate). */
  servers: z.array(z.string()).optional(),
  /**
   * Added: the paste printed the dates in the server's own time, with no zone (Get-ExchangeCertificate,
   * certutil, HealthChecker). `notBefore`/`notAfter` hold that wall-clock time written as UTC; a
   * surface shows it as written ("server time"), never converted into a reader's zone.
   */
  localTime: z.boolean().optional(),
  /** Added: known only from the admin's words (a thumbprint and the expiry date they give), not from any output. */
  stated: z.boolean().optional(),
});
export type CertificateFacts = z.infer<typeof certificateFactsSchema>;

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  thumbprint: z.string().optional(),
  message: z.string(),
  /** Added: the event ID or symptom the finding came from, when there is one. */
  eventId: z.number().int().optional(),
  /** Added: a reference an admin can verify (KB number or Microsoft doc). */
  reference: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const stepRoleSchema = z.enum(['hub', 'edge', 'cas', 'mailbox', 'any']);
export type StepRole = z.infer<typeof stepRoleSchema>;

export const stepSchema = z.object({
  title: z.string(),
  role: stepRoleSchema,
  command: z.string().optional(),
  /** Added: one line on why this step matters. */
  why: z.string().optional(),
  /** Added: the server to run it on, when the paste names it. */
  server: z.string().optional(),
  /** Added: the step-library id (the same step has the same id in every plan). */
  id: z.string().optional(),
  /** Added: the named condition under which the step applies ('caCertServesIis', '!isEdge'), if any. */
  when: z.string().optional(),
  /** Added: how to check that the step worked. */
  verify: z.string().optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const exchangeVersionSchema = z.enum(['2007', '2010', '2013+', 'unknown']);
export type ExchangeVersion = z.infer<typeof exchangeVersionSchema>;

/**
 * Added: what the paste shows about each Exchange server, as facts with their evidence. A use of a
 * certificate is known (shown by the paste) or absent, never guessed from its Services column,
 * which only records what it was once enabled for.
 */
export const strengthSchema = z.enum(['strong', 'weak']);

/** A decided value with what showed it ('AdminDisplayVersion 15.1 (Build 2507.6)') and how strongly. */
function factOf<T extends z.ZodType>(value: T) {
  return z.object({ value, evidence: z.array(z.string()), strength: strengthSchema });
}

export const releaseSchema = z.enum(['2007', '2010', '2013', '2016', '2019', 'SE', '2013+']);
export type ReleaseFact = z.infer<typeof releaseSchema>;

export const serverRoleSchema = z.enum(['hub', 'edge', 'cas', 'mailbox', 'frontend']);

export const issuerKindSchema = z.enum(['self-signed', 'ca', 'unknown']);
export type IssuerKind = z.infer<typeof issuerKindSchema>;

export const serverCertificateSchema = z.object({
  thumbprint: z.string().optional(),
  subject: z.string(),
  issuer: z.string(),
  /** Self-signed only when issuer = subject and the paste shows it (IsSelfSigned, a verified signature). */
  issuerKind: issuerKindSchema,
  role: certificateRoleSchema.optional(),
  daysLeft: z.number().int().optional(),
  /** What it was ever enabled for: history, not what it serves today. */
  servicesHistory: z.array(exchangeServiceSchema).optional(),
  /** Some of what it was enabled for, when the paste cut the rest off (servicesHistory is then absent). */
  servicesAtLeast: z.array(exchangeServiceSchema).optional(),
  /** Known uses: true or false when the paste shows it, absent when it does not. */
  internalTransport: z.boolean().optional(),
  authCurrent: z.boolean().optional(),
  authNext: z.boolean().optional(),
  iisFrontEnd: z.boolean().optional(),
  backEnd444: z.boolean().optional(),
  pinnedBy: z.array(z.string()),
  presentedOn: z.array(z.number().int()),
});
export type ServerCertificate = z.infer<typeof serverCertificateSchema>;

export const serverConnectorSchema = z.object({
  name: z.string(),
  kind: z.enum(['receive', 'send', 'unknown']),
  fqdn: z.string().optional(),
  tlsCertificateName: z.string().optional(),
  namedBy: z.enum(['event', 'queue', 'listing']),
});
export type ServerConnector = z.infer<typeof serverConnectorSchema>;

export const serverFactsSchema = z.object({
  /** The short name cmdlets take (EX01); absent when the paste names no server. */
  name: z.string().optional(),
  fqdn: z.string().optional(),
  version: factOf(releaseSchema).optional(),
  /** Strong signals that disagree, said rather than resolved ('2007: w2003-event-format', …). */
  versionConflict: z.array(z.string()).optional(),
  /** Windows Server 2003 (no WebAdministration, no Get-WinEvent), when the paste shows it. */
  windows2003: z.boolean().optional(),
  /** The paste speaks of EdgeSync or an Edge subscription: an Edge is subscribed to this server's site. */
  edgeSync: z.boolean().optional(),
  roles: z.array(factOf(serverRoleSchema)),
  certificates: z.array(serverCertificateSchema),
  connectors: z.array(serverConnectorSchema),
});
export type ServerFacts = z.infer<typeof serverFactsSchema>;

export const diagnosisSchema = z.object({
  inputKinds: z.array(inputKindSchema),
  events: z.array(eventFactsSchema),
  certificates: z.array(certificateFactsSchema),
  thumbprints: z.array(z.string()),
  findings: z.array(findingSchema),
  steps: z.array(stepSchema),
  language: languageSchema,
  /** Added: the one-line verdict, in the chosen language (Slack's header, the CLI's first line). */
  summary: z.string(),
  /** Added: the worst severity among the findings, or 'ok' when nothing needs doing. */
  severity: z.enum(['critical', 'warning', 'info', 'ok']),
  /** Added: the Exchange version the paste points at, and why. */
  exchangeVersion: exchangeVersionSchema,
  /** Added: references (KB / docs) behind the findings and steps. */
  references: z.array(z.string()),
  /** Added: what was understood, in the chosen language, for replies that must say so. */
  notes: z.array(z.string()),
  /** Added: the moment everything was computed against. */
  now: z.string(),
  /** Added: one entry per server the paste speaks of, with the facts the plan was decided from. */
  servers: z.array(serverFactsSchema).optional(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export interface DiagnoseOptions {
  /** The clock, injected: every countdown is computed against it. */
  now: Date;
  /** Forces the reply language; otherwise the paste's language, else `defaultLanguage`. */
  lang?: Language;
  /** Used when the paste does not decide the language (a user's Slack locale, CERTCHECK_LANG). */
  defaultLanguage?: Language;
  /** A certificate expiring within this many days is CERT_EXPIRING (default 30). */
  warnDays?: number;
  /**
   * The reader's IANA zone: countdowns in the summary and findings then give the local date and
   * time ("15 Jun 2026 08:30 JST"). Without one they are counted in UTC, to the day.
   */
  timeZone?: string;
}

/** Pastes above this size are not parsed: the finding INPUT_TOO_LARGE says so. */
export const MAX_INPUT_BYTES = 1024 * 1024;
