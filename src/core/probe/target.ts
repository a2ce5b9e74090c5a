import { parseIp } from './ip.js';

/** How the certificate is reached: a STARTTLS dialogue first, or TLS from the first byte. */
export type ProbeProtocol = 'smtp' | 'imap' | 'pop3' | 'tls';

export interface ProbeTarget {
  /** As given on the command line or in Slack. */
  target: string;
  /** Lower-case name, or the IP literal without brackets. */
  host: string;
  port: number;
  protocol: ProbeProtocol;
  /** The host is an IP literal: no SNI and no name to check the certificate against. */
  ip: boolean;
}

export type TargetParse = { ok: true; targets: ProbeTarget[] } | { ok: false; problem: string };

const STARTTLS_PORTS: Readonly<Record<number, ProbeProtocol>> = {
  25: 'smtp',
  587: 'smtp',
  2525: 'smtp',
  143: 'imap',
  110: 'pop3',
};

/** Each scheme says its protocol and default port; `tls://` has none, so it needs a port. */
const SCHEMES: Readonly<Record<string, { protocol: ProbeProtocol; port?: number }>> = {
  smtp: { protocol: 'smtp', port: 25 },
  imap: { protocol: 'imap', port: 143 },
  pop3: { protocol: 'pop3', port: 110 },
  smtps: { protocol: 'tls', port: 465 },
  imaps: { protocol: 'tls', port: 993 },
  pop3s: { protocol: 'tls', port: 995 },
  https: { protocol: 'tls', port: 443 },
  ldaps: { protocol: 'tls', port: 636 },
  tls: { protocol: 'tls' },
};

/** A bare host is looked at where Exchange is looked at first: SMTP on 25 and HTTPS on 443. */
const BARE_HOST_PORTS = [25, 443];

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/;

/**
 * `HOST[:PORT]` (the port chooses the protocol), `[v6]:PORT`, or a URL whose scheme says it.
 * Anything else is a problem in plain words, never a guess.
 */
export function parseTarget(text: string): TargetParse {
  const given = text.trim();
  if (given === '') return { ok: false, problem: 'an empty target' };
  const url = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(given);
  let scheme: { protocol: ProbeProtocol; port?: number } | undefined;
  let rest = given;
  if (url) {
    scheme = SCHEMES[url[1]!.toLowerCase()];
    if (!scheme) {
      return { ok: false, problem: `'${url[1]}://' is not a probe scheme (${Object.keys(SCHEMES).join(', ')})` };
    }
    // Only the authority counts: a path or query (https://owa.contoso.com/owa) says nothing about TLS.
    rest = url[2]!.replace(/[/?#].*$/, '').replace(/^[^@]*@/, '');
  }
  const split = splitHostPort(rest);
  if (!split) return { ok: false, problem: `'${given}' is not HOST, HOST:PORT or a URL` };
  const ipAddress = parseIp(split.host);
  const host = ipAddress
    ? split.host.replace(/^\[|\]$/g, '').toLowerCase()
    : split.host.toLowerCase().replace(/\.$/, '');
  if (!ipAddress && !HOST_NAME.test(host))
    return { ok: false, problem: `'${split.host}' is not a host name or IP address` };
  if (split.port !== undefined && !(split.port >= 1 && split.port <= 65535)) {
    return { ok: false, problem: `port ${split.portText} is not between 1 and 65535` };
  }
  const ip = ipAddress !== undefined;
  if (scheme) {
    const port = split.port ?? scheme.port;
    if (port === undefined) return { ok: false, problem: `'${given}' needs a port (tls://HOST:PORT)` };
    return { ok: true, targets: [{ target: given, host, port, protocol: scheme.protocol, ip }] };
  }
  const ports = split.port === undefined ? BARE_HOST_PORTS : [split.port];
  return {
    ok: true,
    targets: ports.map((port) => ({ target: given, host, port, protocol: STARTTLS_PORTS[port] ?? 'tls', ip })),
  };
}

function splitHostPort(text: string): { host: string; port?: number; portText?: string } | undefined {
  const bracketed = /^(\[[^\]]+\])(?::(\d+))?$/.exec(text);
  if (bracketed) return withPort(bracketed[1]!, bracketed[2]);
  // More than one colon and no brackets: a bare IPv6 address, which cannot carry a port.
  if ((text.match(/:/g) ?? []).length > 1) return { host: text };
  const plain = /^([^:]+)(?::(\d+))?$/.exec(text);
  return plain ? withPort(plain[1]!, plain[2]) : undefined;
}

function withPort(host: string, portText: string | undefined): { host: string; port?: number; portText?: string } {
  return portText === undefined ? { host } : { host, port: Number(portText), portText };
}

/** How an endpoint is written back: the scheme that says its protocol, and the port. */
export function endpointLabel(target: Pick<ProbeTarget, 'host' | 'port' | 'protocol'>): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const scheme = target.protocol === 'pop3' ? 'pop3' : target.protocol;
  return `${scheme}://${host}:${target.port}`;
}
