import { type Cidr, cidrContains, isSpecialAddress, parseCidr, parseIp } from './ip.js';
import type { ProbeTarget } from './target.js';

/**
 * PROBE_ALLOW: the hosts and networks the Slack bot may probe. Empty means probing from Slack is
 * off. Host names match exactly as written (no wildcards, no suffixes); networks are CIDRs or
 * single addresses, IPv4 or IPv6.
 */
export interface ProbeAllowList {
  names: readonly string[];
  networks: readonly Cidr[];
}

export const NO_PROBES: ProbeAllowList = { names: [], networks: [] };

export type AllowParse = { ok: true; allow: ProbeAllowList } | { ok: false; problems: string[] };

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** `mail.contoso.com, 10.0.0.0/8 2001:db8::/32`: commas or spaces between entries. */
export function parseProbeAllow(text: string | undefined): AllowParse {
  const names: string[] = [];
  const networks: Cidr[] = [];
  const problems: string[] = [];
  for (const entry of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const network =
      /^[\d.:[\]a-f/]+$/i.test(entry) && /[\d:]/.test(entry) ? parseCidr(entry.replace(/[[\]]/g, '')) : undefined;
    if (network) {
      networks.push(network);
      continue;
    }
    const name = entry.toLowerCase().replace(/\.$/, '');
    if (name.includes('*')) {
      problems.push(`'${entry}': wildcards are not allowed; list each host name, or a network (CIDR)`);
    } else if (entry.includes('/') || parseIp(name) !== undefined || !HOST_NAME.test(name) || /^[\d.]+$/.test(name)) {
      problems.push(`'${entry}' is neither a host name nor an IP address or CIDR such as 10.0.0.0/8`);
    } else {
      names.push(name);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, allow: { names, networks } };
}

export type ProbeRefusal =
  /** PROBE_ALLOW is empty. */
  | { reason: 'disabled' }
  /** Neither the name nor the address is listed. */
  | { reason: 'not-listed' }
  /** The name resolved to an address that is not allowed. */
  | { reason: 'resolves-outside'; address: string }
  /** The name did not resolve. */
  | { reason: 'unresolved'; detail: string };

export type ProbeDecision = { allowed: true; address: string } | ({ allowed: false } & ProbeRefusal);

/** Every address a name resolves to, looked up once. */
export type Resolve = (host: string) => Promise<string[]>;

/**
 * May this target be probed from Slack, and at which address? A name is resolved once; every
 * address must be allowed; the probe then connects to the address checked here, so a second
 * lookup cannot lead it elsewhere. A listed name may lead to any ordinary address, but not to this
 * machine, link-local or cloud metadata addresses unless a network entry lists them.
 */
export async function checkProbeTarget(
  allow: ProbeAllowList,
  target: ProbeTarget,
  resolve: Resolve,
): Promise<ProbeDecision> {
  if (allow.names.length === 0 && allow.networks.length === 0) return { allowed: false, reason: 'disabled' };
  const inNetworks = (text: string) => {
    const ip = parseIp(text);
    return ip !== undefined && allow.networks.some((network) => cidrContains(network, ip));
  };
  if (target.ip)
    return inNetworks(target.host) ? { allowed: true, address: target.host } : { allowed: false, reason: 'not-listed' };
  const listed = allow.names.includes(target.host);
  // A name that nothing could allow is not even looked up.
  if (!listed && allow.networks.length === 0) return { allowed: false, reason: 'not-listed' };
  let addresses: string[];
  try {
    addresses = await resolve(target.host);
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
    return { allowed: false, reason: 'unresolved', detail };
  }
  if (addresses.length === 0) return { allowed: false, reason: 'unresolved', detail: 'no address' };
  for (const address of addresses) {
    const ip = parseIp(address);
    const ok = ip !== undefined && (inNetworks(address) || (listed && !isSpecialAddress(ip)));
    if (!ok)
      return listed || addresses.some(inNetworks)
        ? { allowed: false, reason: 'resolves-outside', address }
        : { allowed: false, reason: 'not-listed' };
  }
  return { allowed: true, address: addresses[0]! };
}
