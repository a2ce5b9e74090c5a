import type { DiagnosisText } from '../i18n/diagnosis-text.js';
import { findCatalogueEntry } from '../knowledge/event-catalogue.js';
import type { PlanValues } from '../knowledge/plan-model.js';
import type { EventFacts, ExchangeVersion } from '../model.js';
import type { Judgement } from './judgement.js';

export interface EventJudgeOptions {
  text: DiagnosisText;
  version: ExchangeVersion;
  /** Names of the paste's servers, for events that do not carry a Computer line. */
  fallbackServer?: string;
  /** The one thumbprint pasted beside the events, not named by any of them. */
  candidate?: string;
  /** The same server's internal transport certificate is recreated in this paste (12015 with 12014). */
  renewingInternal?: boolean;
  /**
   * The event's certificate is not in the whole store listing the paste shows for its server: it
   * was removed, so it is missing, never expired, and nothing is enabled on it or removed.
   */
  goneFromStore?: boolean;
}

/** Findings and plans for one event, by what the catalogue says the event means. */
export function judgeEvent(event: EventFacts, options: EventJudgeOptions): Judgement {
  const { text } = options;
  const entry = findCatalogueEntry(event.id, event.source);
  const findings: Judgement['findings'] = [];
  const plans: Judgement['plans'] = [];
  const computer = event.computer ?? options.fallbackServer;
  const server = computer ? hostOf(computer) : undefined;
  const serverLabel = computer ?? text.unknownServer;
  const tp = event.thumbprint ? { thumbprint: event.thumbprint } : {};
  const base = { eventId: event.id, ...(entry && { reference: entry.reference }) };
  const values: PlanValues = {
    ...(event.thumbprint && { thumbprint: event.thumbprint }),
    ...(options.candidate && { candidate: options.candidate }),
    ...(event.fqdn && { fqdn: event.fqdn }),
    ...(server && { server }),
    ...(computer?.includes('.') && { serverFqdn: computer }),
    ...(event.connector && { connector: event.connector }),
    ...(server && { domains: computer?.includes('.') ? `${server},${computer}` : server }),
  };

  if (!entry) {
    findings.push({
      ...base,
      code: 'UNKNOWN_EVENT',
      severity: 'info',
      message: text.finding.unknownEvent({ id: event.id }),
    });
    return { findings, plans };
  }
  const kind =
    options.goneFromStore && (entry.kind === 'internal-cert-expired' || entry.kind === 'internal-cert-expiring')
      ? 'internal-cert-missing-local'
      : entry.kind;
  switch (kind) {
    case 'internal-cert-expired':
      values.internal = 'yes';
      findings.push({
        ...base,
        code: 'TRANSPORT_CERT_EXPIRED',
        severity: 'warning',
        ...tp,
        message: text.finding.transportCertExpired12015({
          ...(event.thumbprint && { thumbprint: event.thumbprint }),
          server: serverLabel,
        }),
      });
      plans.push({ plan: 'internal-transport-renew', values });
      break;
    case 'internal-cert-expiring':
      // With its thumbprint the event's certificate is judged like any certificate (CERT_EXPIRING);
      // without one (damaged or cut off) the event itself still says what is coming.
      if (!event.thumbprint) {
        findings.push({
          ...base,
          code: 'CERT_EXPIRING',
          severity: 'warning',
          message: text.finding.internalExpiringNoThumbprint({
            server: serverLabel,
            ...(event.hoursRemaining !== undefined && { hours: event.hoursRemaining }),
          }),
        });
      }
      plans.push({ plan: 'internal-transport-renew', values: { ...values, internal: 'yes' } });
      break;
    case 'starttls-cert-missing': {
      findings.push({
        ...base,
        code: 'STARTTLS_CERT_MISSING',
        severity: 'critical',
        message: text.finding.starttlsMissing({
          ...(event.fqdn && { fqdn: event.fqdn }),
          ...(event.connector && { connector: event.connector }),
          server: serverLabel,
          send: /send|送信/i.test(event.connector ?? ''),
        }),
      });
      if (event.tlsCertificateName) {
        findings.push({
          ...base,
          code: 'TLS_CERTIFICATE_NAME_MISSING',
          severity: 'critical',
          message: text.finding.tlsCertificateNamePinned({
            ...(event.connector && { connector: event.connector }),
            pinned: event.tlsCertificateName,
          }),
        });
        plans.push({ plan: 'starttls-pinned', values: { ...values, pinned: event.tlsCertificateName } });
      } else {
        plans.push({
          plan: 'starttls-missing',
          values: {
            ...values,
            ...(event.fqdn && { domains: event.fqdn }),
            ...(options.renewingInternal && { renewing: 'yes' }),
          },
        });
      }
      break;
    }
    case 'starttls-cert-expired':
      findings.push({
        ...base,
        code: 'TRANSPORT_CERT_EXPIRED',
        severity: 'warning',
        ...tp,
        message: text.finding.starttlsCertExpired({ ...(event.fqdn && { fqdn: event.fqdn }), server: serverLabel }),
      });
      plans.push({ plan: 'starttls-renew', values });
      break;
    case 'starttls-cert-expiring':
      plans.push({ plan: 'starttls-renew', values });
      break;
    case 'remote-internal-expired':
    case 'remote-starttls-expired': {
      // 12019 gives the peer's certificate subject (CN=EX19-MBX1): the peer is the server of that name.
      const peer = (event.subject ?? event.fqdn)?.replace(/^\s*CN\s*=\s*/i, '').trim() || '<peer server>';
      findings.push({
        ...base,
        code: 'REMOTE_CERT_EXPIRED',
        severity: 'warning',
        message: text.finding.remoteExpired({ peer }),
      });
      plans.push({ plan: 'remote-peer-renew', values: { peer } });
      break;
    }
    case 'internal-cert-missing-local':
    case 'internal-cert-fallback': {
      const message = text.finding.internalMissingLocal({
        thumbprint: event.thumbprint ?? text.notInPaste,
        server: serverLabel,
      });
      const ephemeral = event.ephemeralThumbprint
        ? ` ${text.finding.ephemeralInUse({ ephemeral: event.ephemeralThumbprint })}`
        : '';
      findings.push({
        ...base,
        code: 'INTERNAL_TRANSPORT_CERT_MISSING',
        severity: 'critical',
        ...tp,
        message: message + ephemeral,
      });
      plans.push({
        plan: 'internal-missing-local',
        // Said expired by its event but absent from the whole listing: gone, not to be looked for again.
        // (12024 and 12013 keep their check: their own text says the certificate may still be there.)
        values: { ...values, ...(kind !== entry.kind && { goneFromStore: 'yes' }) },
      });
      break;
    }
    case 'internal-cert-missing-ad':
    case 'internal-cert-corrupt-ad':
      findings.push({
        ...base,
        code: 'INTERNAL_TRANSPORT_CERT_MISSING',
        severity: 'critical',
        ...tp,
        message: text.finding.internalMissingAd({ server: serverLabel }),
      });
      plans.push({ plan: 'internal-missing-ad', values });
      break;
    case 'federation-expiring':
      findings.push({
        ...base,
        code: 'CERT_EXPIRING',
        severity: 'warning',
        ...tp,
        message: text.finding.federationExpiring({ thumbprint: event.thumbprint ?? text.notInPaste }),
      });
      plans.push({ plan: 'federation-renew', values });
      break;
    case 'federation-expired':
      findings.push({
        ...base,
        code: 'CERT_EXPIRED',
        severity: 'critical',
        ...tp,
        message: text.finding.federationExpired({ thumbprint: event.thumbprint ?? text.notInPaste }),
      });
      plans.push({ plan: 'federation-expired', values });
      break;
    case 'auth-cert-problem':
      findings.push({
        ...base,
        code: 'AUTH_CERT_PROBLEM',
        severity: 'critical',
        ...tp,
        message: text.finding.authCert({ symptom: text.eventLogged(event.id) }),
      });
      plans.push({ plan: 'auth-renew', values });
      break;
    case 'ssl-binding-broken':
      findings.push({
        ...base,
        code: 'SSL_BINDING_BROKEN',
        severity: 'critical',
        message: text.finding.sslBindingBroken({ server: serverLabel }),
      });
      plans.push({ plan: 'backend-444-rebind', values });
      break;
    case 'not-certificate':
      findings.push({
        ...base,
        code: 'NOT_A_CERTIFICATE_EVENT',
        severity: 'info',
        message: text.finding.notCertificateEvent({ id: event.id, meaning: meaningOf(event.id, text) }),
      });
      break;
    case 'cert-expired-generic':
    case 'cert-expiring-generic': {
      const expired = entry.kind === 'cert-expired-generic';
      const name = event.subject ?? (event.thumbprint ? event.thumbprint : text.notInPaste);
      findings.push({
        ...base,
        code: expired ? 'CERT_EXPIRED' : 'CERT_EXPIRING',
        severity: expired ? 'critical' : 'warning',
        ...tp,
        message: expired
          ? text.finding.eventCertExpired({ id: event.id, name })
          : text.finding.eventCertExpiring({ id: event.id, name }),
      });
      // The printout names the certificate: federation has its own renewal.
      if (/CN=Federation\b/i.test(event.subject ?? ''))
        plans.push({ plan: expired ? 'federation-expired' : 'federation-renew', values });
      else if (event.thumbprint) plans.push({ plan: 'identify-thumbprint', values });
      break;
    }
    case 'federation-cert-missing':
    case 'cert-not-capi':
    case 'edge-credential-cert-missing':
      if (event.thumbprint) plans.push({ plan: 'identify-thumbprint', values });
      break;
    default:
      break;
  }
  return { findings, plans };
}

function meaningOf(id: number, text: DiagnosisText): string {
  return id === 12025 ? text.eventMeaning[12025] : '';
}

/** "EX2019A.corp.contoso.com" → "EX2019A": cmdlets take the server's short name. */
export function hostOf(computer: string): string {
  return computer.split('.')[0] ?? computer;
}
