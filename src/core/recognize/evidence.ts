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
  /** TLS negotiation failed with error NoCredentials. */
  | 'tls-no-credentials'
  /** Exchange Setup / CU: [ERROR] The certificate is expired. */
  | 'setup-certificate-expired'
  /** Queue Viewer: Failed to enable constraints … (Auth certificate expired, Nov 2023 SU+). */
  | 'queue-viewer-constraints'
  /** The EMS prompt "Overwrite the existing default SMTP certificate?" (en or ja). */
  | 'smtp-overwrite-prompt'
  /** "The internal transport certificate cannot be removed …". */
  | 'internal-cert-cannot-remove';

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
  | 'empty-exchange-fields';

export interface ParseNote {
  code: ParseNoteCode;
  detail?: string;
  thumbprint?: string;
}

export interface VersionHint {
  version: Exclude<ExchangeVersion, 'unknown'>;
  /** Why (kept as a short code: 'w2003-event-format', 'frontend-transport', 'services-7', …). */
  reason: string;
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
    out.events.push(...(part.events ?? []));
    out.certificates.push(...(part.certificates ?? []));
    out.thumbprints.push(...(part.thumbprints ?? []));
    out.symptoms.push(...(part.symptoms ?? []));
    out.privateKeys += part.privateKeys ?? 0;
    if (part.authConfig) out.authConfig = { ...out.authConfig, ...part.authConfig };
    out.notes.push(...(part.notes ?? []));
    out.versionHints.push(...(part.versionHints ?? []));
    out.japanese ||= part.japanese ?? false;
    for (const role of part.roles ?? []) if (!out.roles.includes(role)) out.roles.push(role);
    for (const server of part.servers ?? []) {
      out.servers ??= [];
      if (!out.servers.includes(server)) out.servers.push(server);
    }
  }
  return out;
}

/** A recogniser reads one family of paste formats. It never throws on bad input. */
export type Recognizer = (text: string) => Partial<Evidence>;
