import type { DiagnosisText } from '../i18n/diagnosis-text.js';
import type { CertificateFacts } from '../model.js';
import type { Symptom } from '../recognize/evidence.js';
import { covers, displayName } from './certificate-findings.js';
import type { Judgement } from './judgement.js';

/**
 * Outlook's "name on the security certificate is invalid" alert for a name clients use. With the
 * certificate that serves IIS in the paste (valid, enabled for IIS, without that name), the fix is a
 * certificate that carries the name as well; without one, the plan shows what the name presents and
 * asks for the listing (and, for Outlook Anywhere, the names it publishes) before anything changes.
 */
export function judgeNameMismatch(
  symptom: Symptom,
  text: DiagnosisText,
  certificates: readonly CertificateFacts[],
): Judgement {
  const host = symptom.values.host;
  const outlookAnywhere = symptom.values.outlookAnywhere === 'yes';
  const served = host ? servingWithout(certificates, host) : undefined;
  // Public CAs no longer issue names under internal suffixes (.local and the like) or bare host names:
  // Outlook is given a name the certificate carries instead of a request that would be refused.
  const internal = host !== undefined && served !== undefined && internalName(host);
  const names = served?.domains.join(', ');
  const finding: Judgement['findings'][number] = {
    code: 'DOMAIN_MISMATCH',
    severity: 'warning',
    ...(served?.thumbprint && { thumbprint: served.thumbprint }),
    message: text.finding.nameMismatch({
      ...(host && { host }),
      ...(served && names && { cert: displayName(served), names }),
      outlookAnywhere,
      internal,
    }),
  };
  const values: Judgement['plans'][number]['values'] = {
    ...(host && { fqdn: host }),
    ...(outlookAnywhere && { outlookAnywhere: 'yes' as const }),
  };
  if (served && host && internal) {
    values.internalHost = 'yes';
    const named = served.domains.filter((d) => d.includes('.') && !d.startsWith('*'));
    const covered = named.find((d) => /^autodiscover\./i.test(d)) ?? named[0];
    if (covered) values.coveredName = covered;
  } else if (served && host) {
    if (served.thumbprint) values.thumbprint = served.thumbprint;
    if (served.subject) values.subject = served.subject;
    values.domains = [...served.domains, host].join(',');
    const cn = /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(served.subject)?.[1]?.trim();
    if (cn) values.cn = cn.replace(/[^\w.-]/g, '_');
    if (served.services?.length) values.services = served.services.join(',');
    const covered = served.domains.find((d) => d.includes('.') && !d.startsWith('*'));
    if (covered) values.coveredName = covered;
    if (served.servers?.length === 1) values.server = served.servers[0];
  }
  return { findings: [finding], plans: [{ plan: 'name-mismatch', values }] };
}

/** Suffixes no public CA issues for (internal DNS names), and bare host names. */
const INTERNAL_SUFFIX = /(?:^[^.]+$|\.(?:local|lan|internal|intra|intranet|corp|localdomain|home|private|ad|priv)$)/i;

function internalName(host: string): boolean {
  return INTERNAL_SUFFIX.test(host);
}

/**
 * The certificate clients get on 443 by what the paste shows: valid, enabled for IIS, CA-issued first.
 * One whose services a table cut off ("IMAP, POP,...") may serve IIS too, when it carries DNS names
 * rather than the server's own or a role certificate's (Auth, WMSvc, federation).
 */
function servingWithout(certificates: readonly CertificateFacts[], host: string): CertificateFacts | undefined {
  const mayServeIis = (c: CertificateFacts) =>
    (c.services ?? []).includes('IIS') ||
    (c.services === undefined &&
      c.servicesAtLeast !== undefined &&
      c.domains.some((d) => d.includes('.')) &&
      !/^CN=(?:Microsoft Exchange Server Auth Certificate|WMSvc-|Federation)/i.test(c.subject));
  const iis = certificates.filter(
    (c) =>
      c.source !== 'event' &&
      mayServeIis(c) &&
      c.role !== 'exchange-self-signed' &&
      (c.daysLeft === undefined || c.daysLeft >= 0),
  );
  // A certificate that already carries the name is not the culprit: the alert then comes from elsewhere.
  if (iis.some((c) => covers(c.domains, host))) return undefined;
  return iis.find((c) => c.selfSigned === false) ?? iis[0];
}
