/**
 * IP literals read without node:net, so that the allow-list check stays a pure function of its
 * inputs. Addresses become one bigint in a 128-bit space: IPv4 a.b.c.d is ::ffff:a.b.c.d, the form
 * in which an IPv6 socket reports an IPv4 peer, so one CIDR covers both spellings.
 */

export interface IpAddress {
  family: 4 | 6;
  /** The address in the IPv6 space (IPv4 mapped to ::ffff:0:0/96). */
  value: bigint;
}

const V4_MAPPED = 0xffffn << 32n;

export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const byte = Number(part);
    if (byte > 255) return undefined;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  // A zone (fe80::1%eth0) names an interface of this machine, not an address to compare.
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let spelled = text;
  const lastColon = text.lastIndexOf(':');
  if (lastColon < 0) return undefined;
  if (text.slice(lastColon + 1).includes('.')) {
    // ::ffff:192.0.2.1 — the dotted tail is the last two groups.
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    spelled = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = spelled.split('::');
  if (halves.length > 2) return undefined;
  const read = (half: string | undefined): bigint[] | undefined => {
    if (!half) return [];
    const out: bigint[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      out.push(BigInt(`0x${group}`));
    }
    return out;
  };
  const head = read(halves[0]);
  const rest = read(halves[1]);
  if (!head || !rest) return undefined;
  let all = head;
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return undefined;
    all = [...head, ...new Array<bigint>(missing).fill(0n), ...rest];
  }
  if (all.length !== 8) return undefined;
  return all.reduce((acc, group) => (acc << 16n) | group, 0n);
}

/** An IPv4 or IPv6 literal (IPv6 possibly in brackets), or undefined for anything else. */
export function parseIp(text: string): IpAddress | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseIpv4(bare);
  if (v4 !== undefined) return { family: 4, value: V4_MAPPED | v4 };
  const v6 = parseIpv6(bare);
  if (v6 === undefined) return undefined;
  // ::ffff:10.0.0.1 is the IPv4 address 10.0.0.1: the same rules apply to it.
  return { family: v6 >> 32n === 0xffffn ? 4 : 6, value: v6 };
}

export interface Cidr {
  /** As written, for messages. */
  text: string;
  network: bigint;
  /** Prefix length in the 128-bit space. */
  bits: number;
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a single address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText, prefixText, extra] = text.split('/');
  if (addressText === undefined || extra !== undefined) return undefined;
  const address = parseIp(addressText);
  if (!address) return undefined;
  const max = address.family === 4 && !addressText.includes(':') ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  const bits = max === 32 ? prefix + 96 : prefix;
  return { text, network: address.value & mask(bits), bits };
}

function mask(bits: number): bigint {
  const all = (1n << 128n) - 1n;
  return bits === 0 ? 0n : (all << BigInt(128 - bits)) & all;
}

export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  return (address.value & mask(cidr.bits)) === cidr.network;
}

/**
 * Addresses that reach this machine or its cloud's metadata rather than a mail server: a host
 * name listed by name must not quietly lead there (a CIDR entry may still allow them explicitly).
 */
const SPECIAL: Cidr[] = [
  '127.0.0.0/8',
  '0.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/4',
  '::1/128',
  '::/128',
  'fe80::/10',
  'ff00::/8',
]
  .map((text) => parseCidr(text))
  .filter((cidr): cidr is Cidr => cidr !== undefined);

export function isSpecialAddress(address: IpAddress): boolean {
  return SPECIAL.some((cidr) => cidrContains(cidr, address));
}
