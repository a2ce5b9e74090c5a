import { parseCertificateDer } from '../certificate.js';
import { daysLeft } from '../countdown.js';
import { countdownWording } from '../i18n/local-time.js';
import { judgeCertificate } from '../findings/certificate-findings.js';
import { orderFindings, summarize } from '../findings/summary.js';
import { diagnosisText } from '../i18n/diagnosis-text.js';
import type { CertificateFacts, Diagnosis, ExchangeService, Finding, Language } from '../model.js';
import type { buildSteps, PlanRequest } from '../steps.js';
import { endpointFindings, namesToCheck } from './endpoint-findings.js';
import type { ProbeObservation } from './observation.js';
import { chainEntry, endpointNote, type ProbeEndpointReport, startTlsOutcome } from './probe-report.js';
import { probeText } from './probe-text.js';
import { endpointLabel, type ProbeProtocol } from './target.js';

export interface ProbeJudgeOptions {
  now: Date;
  language: Language;
  /** A certificate expiring within this many days is CERT_EXPIRING (default 30). */
  warnDays?: number;
  /** The reader's IANA zone for countdowns (the terminal's); UTC to the day when not given. */
  timeZone?: string;
  /**
   * Turns the findings' plans into steps (the core's buildSteps). Without it there are no steps:
   * the probe's JSON has none, and its start-up then skips loading the step library.
   */
  buildSteps?: typeof buildSteps;
}

export type { ProbeEndpointReport, ProbedCertificate } from './probe-report.js';

export interface ProbeVerdict {
  report: ProbeEndpointReport;
  /** The same shape as a diagnosis, for the report and Block Kit that diagnoses already have. */
  diagnosis: Diagnosis;
}

/** Which Exchange service a port serves, where that changes how a self-signed certificate is judged. */
function clientService(protocol: ProbeProtocol, port: number): ExchangeService[] {
  if (protocol === 'imap' || port === 993) return ['IMAP'];
  if (protocol === 'pop3' || port === 995) return ['POP'];
  if (port === 443) return ['IIS'];
  return [];
}

/** What an endpoint presents, judged as a pasted chain would be, plus what only a live look can tell. */
export function judgeProbe(observation: ProbeObservation, options: ProbeJudgeOptions): ProbeVerdict {
  const { now, language } = options;
  const warnDays = options.warnDays ?? 30;
  const t = diagnosisText[language];
  const pt = probeText[language];
  const countdown = countdownWording(now, language, options.timeZone);
  const { target } = observation;
  const endpoint = endpointLabel(target);
  const findings: Finding[] = [];
  const certificates: CertificateFacts[] = [];
  for (const der of observation.chain) {
    try {
      const parsed = parseCertificateDer(der, 'der');
      certificates.push({
        ...parsed,
        source: 'probe',
        ...(parsed.notAfter && { daysLeft: daysLeft(parsed.notAfter, now) }),
      });
    } catch {
      findings.push({ code: 'UNREADABLE_CERTIFICATE', severity: 'warning', message: t.finding.unreadable() });
    }
  }
  const leaf = certificates[0];
  const plans: PlanRequest[] = [];
  findings.push(...endpointFindings(observation, leaf, pt));
  certificates.forEach((cert, index) => {
    const services = index === 0 ? clientService(target.protocol, target.port) : [];
    const judged = judgeCertificate(services.length ? { ...cert, services } : cert, {
      now,
      warnDays,
      language,
      text: t,
      countdown,
    });
    if (index === 0) {
      plans.push(...judged.plans);
      findings.push(...judged.findings);
      return;
    }
    // The culprit may be an intermediate: say where in the chain it sits.
    const intermediate = !cert.selfSigned;
    for (const finding of judged.findings) {
      findings.push({ ...finding, message: pt.chainPosition({ message: finding.message, intermediate }) });
    }
  });
  const ordered = orderFindings(findings);
  const { steps, references } = options.buildSteps?.(plans, {
    version: 'unknown',
    edge: 'unknown',
    frontEnd: false,
    language,
  }) ?? { steps: [], references: [] };
  const summary = summaryOf(ordered, observation, certificates);
  const report: ProbeEndpointReport = {
    target: target.target,
    host: target.host,
    port: target.port,
    protocol: target.protocol,
    address: observation.address ?? null,
    startTls: startTlsOutcome(observation),
    banner: observation.banner,
    tlsVersion: observation.tlsVersion,
    chain: certificates.map(chainEntry),
    findings: ordered.map(({ code, severity, thumbprint, message }) => ({
      code,
      severity,
      ...(thumbprint && { thumbprint }),
      message,
    })),
    failure: observation.failure ?? null,
  };
  const diagnosis: Diagnosis = {
    inputKinds: certificates.length > 0 ? ['certificate'] : ['unknown'],
    events: [],
    certificates,
    thumbprints: certificates.flatMap((c) => (c.thumbprint ? [c.thumbprint] : [])),
    findings: ordered,
    steps,
    language,
    summary,
    severity: ordered[0]?.severity ?? 'ok',
    exchangeVersion: 'unknown',
    references,
    notes: [endpointNote(observation, language)],
    now: now.toISOString(),
  };
  return { report, diagnosis };

  function summaryOf(
    list: Finding[],
    obs: ProbeObservation,
    certs: CertificateFacts[],
  ): string {
    const top = list[0];
    if (!top) {
      const notAfter = certs[0]?.notAfter;
      return notAfter ? pt.headline.ok({ endpoint, when: countdown({ notAfter }) }) : endpoint;
    }
    switch (top.code) {
      case 'STARTTLS_NOT_OFFERED':
        return pt.headline.startTlsNotOffered({ endpoint });
      case 'ENDPOINT_UNREACHABLE':
        return pt.headline.unreachable({ endpoint });
      case 'OLD_TLS_VERSION':
        return pt.headline.oldTls({ endpoint, version: obs.tlsVersion ?? '' });
      case 'DOMAIN_MISMATCH':
        return pt.headline.domainMismatch({ endpoint, name: namesToCheck(obs)[0] ?? '' });
      default:
        return `${endpoint}: ${summarize({ findings: list, certificates: certs, events: [], now, language, text: t, countdown })}`;
    }
  }
}
