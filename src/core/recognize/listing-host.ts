import type { ParsedCertificate } from './evidence.js';

/** A row's certificate, and whether its server came only from PSComputerName (or nowhere). */
export interface Placed {
  cert: ParsedCertificate;
  weak: boolean;
}

/**
 * A listing whose certificates name their server only by PSComputerName (over remote PowerShell, the EMS
 * endpoint) or not at all, but that holds a certificate for one other host name (Setup's
 * `CN=EXDAG02`), is that host's: the certificate's own name outweighs the endpoint's.
 */
export function bindToOwnHost(rows: readonly Placed[]): void {
  if (rows.length === 0 || rows.some((row) => !row.weak)) return;
  const named = new Set(rows.flatMap((row) => row.cert.servers ?? []).map(shortName));
  // Rows of several servers (Invoke-Command -ComputerName EX01,EX02) each name their own.
  if (named.size > 1) return;
  const hosts = [...new Set(rows.map((row) => ownHost(row.cert)).filter((host) => host !== undefined))];
  if (hosts.length !== 1) return;
  const host = hosts[0]!;
  if (named.has(shortName(host))) return;
  for (const row of rows) row.cert.servers = [host];
}

function shortName(server: string): string {
  return (server.split('.')[0] ?? '').toLowerCase();
}

/** The host a certificate is Setup's for: a lone single-label CN, not the Auth, WMSvc or a CA-issued one. */
function ownHost(cert: ParsedCertificate): string | undefined {
  if (cert.role && cert.role !== 'exchange-self-signed' && cert.role !== 'self-signed') return undefined;
  const cn = /^CN=([A-Za-z][A-Za-z0-9-]{0,62})$/.exec(cert.subject)?.[1];
  return cn && !/^localhost$/i.test(cn) ? cn : undefined;
}
