import { covers } from '../findings/certificate-findings.js';
import type { CertificateFacts, Finding } from '../model.js';
import type { ProbeObservation } from './observation.js';
import type { ProbeText } from './probe-text.js';
import { endpointLabel } from './target.js';

/** Findings about the endpoint itself: reachability, the STARTTLS offer, the protocol, the name. */
export function endpointFindings(
  observation: ProbeObservation,
  leaf: CertificateFacts | undefined,
  text: ProbeText,
): Finding[] {
  const { target, failure } = observation;
  const endpoint = endpointLabel(target);
  const findings: Finding[] = [];
  const offer = observation.startTls;
  if (offer && !offer.offered) {
    findings.push({
      code: 'STARTTLS_NOT_OFFERED',
      severity: 'critical',
      message: text.startTlsNotOffered({ endpoint, smtp: target.protocol === 'smtp' }),
    });
  } else if (offer?.refusal !== undefined) {
    findings.push({
      code: 'STARTTLS_NOT_OFFERED',
      severity: 'critical',
      message: text.startTlsRefused({ endpoint, reply: offer.refusal }),
    });
  }
  if (failure) findings.push(unreachable(observation, text));
  const version = observation.tlsVersion;
  if (version && OLD_VERSIONS[version]) {
    findings.push({
      code: 'OLD_TLS_VERSION',
      severity: 'warning',
      message: text.oldTls({ endpoint, version: OLD_VERSIONS[version] }),
    });
  }
  const names = namesToCheck(observation);
  if (leaf && names.length > 0 && !names.some((name) => covers(leaf.domains, name))) {
    const shown = names.map((name) => (name === target.host ? name : text.greetingName({ fqdn: name })));
    findings.push({
      code: 'DOMAIN_MISMATCH',
      severity: 'critical',
      ...(leaf.thumbprint && { thumbprint: leaf.thumbprint }),
      message: text.domainMismatch({
        endpoint,
        names: shown.join(text.orJoin),
        covered: leaf.domains.length > 0 ? leaf.domains.join(', ') : leaf.subject || '-',
      }),
    });
  }
  return findings;
}

const OLD_VERSIONS: Readonly<Record<string, string>> = { SSLv3: 'SSL 3.0', TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1' };

function unreachable(observation: ProbeObservation, text: ProbeText): Finding {
  const { target, failure } = observation;
  const endpoint = endpointLabel(target);
  const detail = failure?.detail ?? '';
  const stage = failure?.stage ?? 'connect';
  let message: string;
  switch (failure?.kind) {
    case 'dns':
      message = text.dns({ host: target.host, detail });
      break;
    case 'refused':
      message = text.refused({ endpoint });
      break;
    case 'unreachable':
      message = text.unreachable({ endpoint, detail });
      break;
    case 'timeout':
      message = text.timeout({ endpoint, seconds: Math.round(observation.timeoutMs / 100) / 10, stage });
      break;
    case 'closed':
      message = text.closed({ endpoint, stage });
      break;
    case 'flood':
      message = text.flood({ endpoint, stage, limit: sizeText(observation.maxBytes) });
      break;
    case 'protocol':
      message = text.protocol({ endpoint, stage, reply: detail });
      break;
    default:
      message = text.tlsFailed({ endpoint, detail });
  }
  // Before the server said anything, the fault may be this network's: port 25 is often blocked outbound.
  const beforeServer = stage === 'connect';
  if (beforeServer && target.port === 25 && failure?.kind !== 'dns') message = `${message} ${text.port25Blocked}`;
  return { code: 'ENDPOINT_UNREACHABLE', severity: beforeServer ? 'warning' : 'critical', message };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}

/** The target's name (an IP literal is not a name) and, for SMTP, the FQDN the greeting announces. */
export function namesToCheck(observation: ProbeObservation): string[] {
  const names: string[] = [];
  if (!observation.target.ip) names.push(observation.target.host);
  const fqdn = observation.target.protocol === 'smtp' ? greetingFqdn(observation.banner) : undefined;
  if (fqdn && !names.includes(fqdn)) names.push(fqdn);
  return names;
}

const FQDN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** `220 mail.contoso.com Microsoft ESMTP MAIL Service ready`: the name after the code, when it is one. */
export function greetingFqdn(banner: string | null): string | undefined {
  const first = banner?.split(/\r?\n/)[0] ?? '';
  const name = /^220[ -](\S+)/.exec(first)?.[1]?.replace(/\.$/, '');
  if (!name || !FQDN.test(name) || /^[\d.]+$/.test(name)) return undefined;
  return name.toLowerCase();
}
