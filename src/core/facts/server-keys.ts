import type { CertificateFacts, EventFacts } from '../model.js';
import type { Evidence } from '../recognize/evidence.js';

/** The servers a paste names, keyed by their short name: EX01 and EX01.contoso.com are one server. */
export interface ServerKeys {
  /** In the order the paste names them: an event's Computer first. */
  order: string[];
  names: Map<string, string>;
  fqdns: Map<string, string>;
  keyOf: (server: string) => string;
}

export function keyOf(server: string): string {
  const trimmed = server.trim();
  // `EX01\Default Frontend EX01` and `EX01\3` name the server before the backslash.
  const host = trimmed.includes('\\') ? (trimmed.split('\\')[0] ?? trimmed) : trimmed;
  return (host.split('.')[0] ?? host).toLowerCase();
}

export function serverKeys(input: {
  evidence: Evidence;
  events: readonly EventFacts[];
  certificates: readonly CertificateFacts[];
}): ServerKeys {
  const { evidence, events, certificates } = input;
  const order: string[] = [];
  const names = new Map<string, string>();
  const fqdns = new Map<string, string>();
  const see = (raw: string | undefined) => {
    const server = raw?.trim();
    if (!server || /[\s<>]/.test(server)) return;
    const key = keyOf(server);
    if (!key) return;
    if (!order.includes(key)) order.push(key);
    const host = server.split('.')[0] ?? server;
    if (!names.has(key)) names.set(key, host);
    if (server.includes('.') && !fqdns.has(key)) fqdns.set(key, server);
  };
  for (const event of events) see(event.computer);
  for (const server of evidence.servers ?? []) see(server);
  for (const hint of evidence.versionHints) see(hint.server);
  for (const role of evidence.roleEvidence ?? []) see(role.server);
  for (const connector of evidence.connectors ?? []) see(connector.server);
  for (const use of evidence.certificateUses ?? []) see(use.server);
  // A queue's identity (EX01\87) names the server that queued the mail.
  // An error record's PSComputerName gives that server's FQDN: seen after its name, which stays as written.
  for (const symptom of evidence.symptoms) {
    see(symptom.values.server);
    see(symptom.values.serverFqdn);
  }
  for (const cert of certificates) for (const server of cert.servers ?? []) see(server);
  if (order.length === 0) {
    const host = listedOn(certificates);
    if (host) see(host);
  }
  return { order, names, fqdns, keyOf };
}

/** Listings read from one server's own certificate store. */
const STORE_LISTINGS: ReadonlySet<CertificateFacts['source']> = new Set([
  'exchange-list',
  'exchange-table',
  'certutil',
  'healthchecker',
]);

/** Setup's certificate, also when the listing shows no names: self-signed, CN a bare host name. */
function setupLike(cert: CertificateFacts): boolean {
  if (cert.role === 'exchange-self-signed') return true;
  if (cert.selfSigned !== true || (cert.role !== undefined && cert.role !== 'self-signed')) return false;
  const cn = /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(cert.subject)?.[1]?.trim() ?? '';
  return /^[A-Za-z][A-Za-z0-9-]{0,14}$/.test(cn) && /\d/.test(cn);
}

/**
 * The server a store listing that names no server was run on: Get-ExchangeCertificate and certutil
 * -store list the local store, and Setup's certificate there is named after its own server (CN=EX01,
 * with EX01.contoso.local among its names). Only one such certificate settles it; several (a loop
 * over servers) or none say nothing.
 */
function listedOn(certificates: readonly CertificateFacts[]): string | undefined {
  const listed = certificates.filter((c) => STORE_LISTINGS.has(c.source) && !c.servers?.length);
  const hosts = new Map<string, string>();
  for (const cert of listed.filter(setupLike)) {
    const host = /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(cert.subject)?.[1]?.trim();
    if (!host || host.includes('.') || host.includes(' ')) continue;
    const fqdn = cert.domains.find((d) => d.toLowerCase().startsWith(`${host.toLowerCase()}.`));
    hosts.set(host.toLowerCase(), fqdn ?? host);
  }
  // The certificate Setup made for the management service is named after its server too (CN=WMSvc-EX01):
  // it names the server when the listing hides the issuer that would show Setup's own is self-signed.
  if (hosts.size === 0) {
    for (const cert of listed) {
      const host = /(?:^|,\s*)CN\s*=\s*WMSvc-([A-Za-z][A-Za-z0-9-]{0,14})\s*(?:,|$)/i.exec(cert.subject)?.[1];
      if (host && /\d/.test(host)) hosts.set(host.toLowerCase(), host);
    }
  }
  return hosts.size === 1 ? [...hosts.values()][0] : undefined;
}
