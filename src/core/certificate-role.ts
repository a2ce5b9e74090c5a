import { commonNames } from './distinguished-name.js';
import type { CertificateRole } from './model.js';
import type { ParsedCertificate, VersionHint } from './recognize/evidence.js';

export type RoleFacts = Pick<ParsedCertificate, 'subject' | 'domains'> &
  Partial<Pick<ParsedCertificate, 'issuer' | 'selfSigned' | 'isCA' | 'friendlyName' | 'services'>>;

const AUTH_CN = 'microsoft exchange server auth certificate';

/**
 * What the certificate is for Exchange. Undefined
 * when the paste does not say enough: a table row shows no issuer, so it cannot be told self-signed
 * from CA-issued.
 */
export function certificateRole(facts: RoleFacts): CertificateRole | undefined {
  const cns = commonNames(facts.subject).map((cn) => cn.toLowerCase());
  const friendly = facts.friendlyName?.toLowerCase() ?? '';
  if (cns.includes(AUTH_CN) || friendly === AUTH_CN) return 'auth';
  if (cns.some((cn) => cn.startsWith('wmsvc-'))) return 'wmsvc';
  if (cns.includes('federation') || friendly === 'exchange delegation federation') return 'federation';
  // `openssl req -x509` marks a self-signed server certificate CA:TRUE: a host name says it serves TLS.
  if (facts.isCA && !facts.domains.some((name) => name.includes('.'))) return 'certificate-authority';
  const selfSigned = facts.selfSigned ?? (facts.issuer ? sameDn(facts.issuer, facts.subject) : undefined);
  if (selfSigned === undefined) return undefined;
  if (!selfSigned) return 'ca-issued';
  return looksLikeExchangeDefault(cns, facts.domains) ? 'exchange-self-signed' : 'self-signed';
}

/** Setup's certificate: CN=<host> with the SANs {host, host.fqdn}. */
function looksLikeExchangeDefault(cns: string[], domains: readonly string[]): boolean {
  const host = cns.length === 1 ? cns[0]! : undefined;
  if (!host || host.includes('.') || host.includes(' ')) return false;
  const names = domains.map((d) => d.toLowerCase());
  return names.includes(host) && names.some((name) => name.startsWith(`${host}.`));
}

function sameDn(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}

/** What a certificate alone says about the Exchange version. */
export function certificateVersionHints(cert: RoleFacts & Pick<ParsedCertificate, 'role'>): VersionHint[] {
  const hints: VersionHint[] = [];
  if (cert.role === 'auth') hints.push({ version: '2013+', reason: 'auth-certificate' });
  if (cert.services?.includes('UMCallRouter')) hints.push({ version: '2013+', reason: 'umcallrouter-service' });
  else if (cert.services?.includes('Federation')) hints.push({ version: '2010', reason: 'federation-service' });
  return hints;
}
