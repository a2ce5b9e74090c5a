import { commonNames } from './distinguished-name.js';
import type { CertificateRole } from './model.js';
import type { ParsedCertificate, VersionHint } from './recognize/evidence.js';
import { cutPrefix, isCut, isOrCutFrom } from './truncated.js';

export type RoleFacts = Pick<ParsedCertificate, 'subject' | 'domains'> &
  Partial<Pick<ParsedCertificate, 'issuer' | 'selfSigned' | 'isCA' | 'friendlyName' | 'services' | 'servers'>>;

const AUTH_CN = 'microsoft exchange server auth certificate';
/**
 * How much of a known name a table must still show for its cut cell to count as that name:
 * `CN=Microsoft Exchange...` is already none but the Auth certificate, `CN=Feder...` the federation one.
 */
const AUTH_PREFIX = 'microsoft exchange'.length;
const FEDERATION_PREFIX = 'feder'.length;

/**
 * What the certificate is for Exchange. Undefined
 * when the paste does not say enough: a table row shows no issuer, so it cannot be told self-signed
 * from CA-issued.
 */
export function certificateRole(facts: RoleFacts): CertificateRole | undefined {
  const cns = commonNames(facts.subject).map((cn) => cn.toLowerCase());
  const friendly = facts.friendlyName?.toLowerCase() ?? '';
  const selfSigned = facts.selfSigned ?? (facts.issuer ? sameDn(facts.issuer, facts.subject) : undefined);
  if (cns.includes(AUTH_CN) || friendly === AUTH_CN) return 'auth';
  // A table cell cut short (`CN=Microsoft Exchange Server Auth Certif...`) still names these, unless
  // what else is shown says the certificate was issued by someone else.
  const cutIssuerAgrees = selfSigned !== false;
  if (cutIssuerAgrees && cns.some((cn) => isOrCutFrom(cn, AUTH_CN, AUTH_PREFIX))) return 'auth';
  if (cns.some((cn) => cn.startsWith('wmsvc-'))) return 'wmsvc';
  if (cutIssuerAgrees && cns.some((cn) => isCut(cn) && isWmsvc(cn))) return 'wmsvc';
  if (cns.includes('federation') || friendly === 'exchange delegation federation') return 'federation';
  if (cutIssuerAgrees && cns.some((cn) => isCut(cn) && isOrCutFrom(cn, 'federation', FEDERATION_PREFIX)))
    return 'federation';
  // `openssl req -x509` marks a self-signed server certificate CA:TRUE: a host name says it serves TLS.
  if (facts.isCA && !facts.domains.some((name) => name.includes('.'))) return 'certificate-authority';
  if (selfSigned === undefined) return undefined;
  if (!selfSigned) return 'ca-issued';
  if (looksLikeExchangeDefault(cns, facts.domains)) return 'exchange-self-signed';
  // Setup's `CN=<host>` in a listing that shows no SANs (a table, certutil): the listing's own server
  // is that host; a cut CN only has to begin its name.
  return cns.length === 1 && namesListingServer(cns[0]!, facts.servers ?? []) ? 'exchange-self-signed' : 'self-signed';
}

/** A cut CN that still shows `WMSvc` (`WMSvc...`, `WMSvc-EX...`); `WMSv...` is too little. */
function isWmsvc(cn: string): boolean {
  const prefix = cutPrefix(cn) ?? '';
  return prefix === 'wmsvc' || prefix.startsWith('wmsvc-');
}

function namesListingServer(cn: string, servers: readonly string[]): boolean {
  const shortNames = servers.map((server) => (server.split('.')[0] ?? '').toLowerCase());
  const prefix = cutPrefix(cn);
  if (prefix === undefined) return !cn.includes('.') && shortNames.includes(cn);
  if (prefix.length < 3 || prefix.includes('.')) return false;
  return shortNames.some((name) => name.startsWith(prefix));
}

/** Setup's certificate: CN=<host> with the SANs {host, host.fqdn}. */
function looksLikeExchangeDefault(cns: string[], domains: readonly string[]): boolean {
  const host = cns.length === 1 ? cns[0]! : undefined;
  if (!host || host.includes('.') || host.includes(' ')) return false;
  const names = domains.map((d) => d.toLowerCase());
  return names.includes(host) && names.some((name) => name.startsWith(`${host}.`));
}

/** Undefined when a cut cell shows no more than what the other also starts with: not shown to differ. */
function sameDn(a: string, b: string): boolean | undefined {
  const [x, y] = [a.replace(/\s+/g, '').toLowerCase(), b.replace(/\s+/g, '').toLowerCase()];
  if (x === y) return true;
  const [px, py] = [cutPrefix(x), cutPrefix(y)];
  if (px !== undefined && y.startsWith(px)) return undefined;
  if (py !== undefined && x.startsWith(py)) return undefined;
  return false;
}

/** What a certificate alone says about the Exchange version. */
export function certificateVersionHints(cert: RoleFacts & Pick<ParsedCertificate, 'role'>): VersionHint[] {
  const hints: VersionHint[] = [];
  if (cert.role === 'auth') hints.push({ version: '2013+', reason: 'auth-certificate' });
  if (cert.services?.includes('UMCallRouter')) hints.push({ version: '2013+', reason: 'umcallrouter-service' });
  else if (cert.services?.includes('Federation')) hints.push({ version: '2010', reason: 'federation-service' });
  return hints;
}
