import { daysLeft } from './countdown.js';
import { buildServerFacts } from './facts/build-facts.js';
import { judgeCertificate } from './findings/certificate-findings.js';
import { diagnosisText } from './i18n/diagnosis-text.js';
import type { CertificateFacts, CertificateRole, ExchangeService, Finding, Language, Step } from './model.js';
import { certificateFactsSchema, certificateRoleSchema, exchangeServiceSchema } from './model.js';
import { emptyEvidence } from './recognize/evidence.js';
import { addReferences, buildSteps } from './steps.js';

/** What a tracked certificate record holds: enough to plan its renewal without the original paste. */
export interface KnownCertificate {
  thumbprint: string;
  subject: string;
  issuer: string;
  domains: readonly string[];
  notBefore?: string;
  notAfter: string;
  services: readonly string[];
  servers?: readonly string[];
  role?: string;
  /** Where the record's facts were read (pem, exchange-list…): a listing may not show every name. */
  source?: string;
}

export interface CertificatePlan {
  findings: Finding[];
  steps: Step[];
  references: string[];
}

/**
 * The findings and the renewal steps for one known certificate (a tracked one, from a reminder's
 * "Show steps"): the same plans `diagnose` uses for a pasted certificate, so a CA certificate gets
 * the CSR procedure, the Auth certificate Set-AuthConfig, and a self-signed one its renewal.
 */
export function planForCertificate(
  known: KnownCertificate,
  options: { now: Date; lang: Language; warnDays?: number },
): CertificatePlan {
  const role = certificateRoleSchema.safeParse(known.role);
  const services = known.services.filter((s): s is ExchangeService => exchangeServiceSchema.safeParse(s).success);
  const cert: CertificateFacts = {
    thumbprint: known.thumbprint,
    subject: known.subject,
    issuer: known.issuer,
    domains: [...known.domains],
    notAfter: known.notAfter,
    daysLeft: daysLeft(known.notAfter, options.now),
    services,
    // A source certcheck does not know is read as a listing: its names may not be all the certificate has.
    source: certificateFactsSchema.shape.source.safeParse(known.source).data ?? 'exchange-list',
    ...(known.notBefore && { notBefore: known.notBefore }),
    ...(role.success && { role: role.data as CertificateRole }),
    ...(known.issuer !== '' && { selfSigned: known.issuer.toLowerCase() === known.subject.toLowerCase() }),
  };
  const server = known.servers?.[0];
  const judgement = judgeCertificate(cert, {
    now: options.now,
    // Show steps is asked for: plan the renewal even when it is not due yet.
    warnDays: Math.max(options.warnDays ?? 30, cert.daysLeft ?? 0),
    language: options.lang,
    text: diagnosisText[options.lang],
    ...(server && { server }),
  });
  const version = cert.role === 'auth' ? '2013+' : 'unknown';
  // The plan decides from the certificate's own facts (issuer, services), as for a pasted one.
  const evidence = emptyEvidence();
  if (version === '2013+') evidence.versionHints.push({ version, reason: 'auth-certificate' });
  if (known.servers?.length) evidence.servers = [...known.servers];
  const servers = buildServerFacts({ evidence, events: [], certificates: [cert] });
  const { steps, references } = buildSteps(judgement.plans, {
    servers,
    version,
    edge: 'unknown',
    frontEnd: false,
    language: options.lang,
  });
  for (const finding of judgement.findings) if (finding.reference) addReferences(references, finding.reference);
  return { findings: judgement.findings, steps, references };
}
