/**
 * Which names a public CA issues. Since November 2015 no publicly trusted CA issues a certificate for
 * an internal name (a suffix that is no public top-level domain: .local, .lan, .corp, …) or a bare host
 * name (EX01). A renewal sent to a public CA that copies such names from the old certificate is refused,
 * so the request keeps only the public names; an enterprise CA (Active Directory Certificate Services)
 * issues them as before.
 */

/** Suffixes that are no public top-level domain, as Exchange organisations name their AD domains. */
const INTERNAL_SUFFIX =
  /\.(?:local|localdomain|localhost|lan|internal|intra|intranet|corp|home|private|priv|domain|dom|loc|lab|test|example|invalid|home\.arpa)$/i;

/** A name no public CA issues: a bare host name, an internal suffix, or an IP address. */
export function isInternalName(name: string): boolean {
  const host = name.trim().replace(/^\*\./, '').replace(/\.$/, '');
  if (host === '') return false;
  if (!host.includes('.')) return true;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return true;
  return INTERNAL_SUFFIX.test(host);
}

/** Issuers of publicly trusted server certificates, by the brand their issuing CA's name carries. */
const PUBLIC_BRANDS =
  /\b(?:DigiCert|Entrust|GoDaddy|Go Daddy|Starfield|Sectigo|COMODO|USERTrust|GlobalSign|GeoTrust|Thawte|RapidSSL|Symantec|VeriSign|Let's Encrypt|ZeroSSL|Certum|Buypass|SSL\.com|Amazon|Network Solutions|QuoVadis|SECOM|Cybertrust|JPRS|FujiSSL|Gandi|Trustwave|SecureTrust|IdenTrust|HARICA|Actalis|SwissSign|D-TRUST|TWCA|Google Trust Services|Microsoft Azure|Microsoft RSA TLS|Encryption Everywhere|AlphaSSL|TrustAsia|Certigna|Izenpe|Telia|Trust Provider)\b/i;

export type CaKind = 'public' | 'enterprise';

/**
 * The kind of CA an issuer's DN names: a public brand; an enterprise CA by its Active Directory
 * marks (DC= components, an internal name, the default "contoso-DC01-CA"). Undefined when the DN
 * says neither (or the paste does not show it).
 */
export function caKindOf(issuer: string | undefined): CaKind | undefined {
  const dn = issuer?.trim() ?? '';
  if (dn === '') return undefined;
  if (PUBLIC_BRANDS.test(dn)) return 'public';
  if (/(?:^|,)\s*DC\s*=/i.test(dn)) return 'enterprise';
  const cn = /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(dn)?.[1]?.trim() ?? '';
  if (/-CA(?:-\d+)?$/i.test(cn) || /\b(?:Enterprise|Issuing|Root|Sub(?:ordinate)?|Internal|Corporate)\s+CA\b/i.test(cn))
    return 'enterprise';
  if (cn.includes('.') && isInternalName(cn)) return 'enterprise';
  return undefined;
}

/** A renewal request's names split into what a public CA issues and what it refuses. */
export interface PublicRequest {
  /** The names the request keeps, in the old certificate's order. */
  kept: string[];
  /** The internal and bare host names left out. */
  dropped: string[];
  /** The subject the request asks for: the old one, or with its CN moved to the first public name. */
  subject: string | undefined;
}

/**
 * The names a renewal asks a public CA for, when the CA is (or likely is) a public one and the old
 * certificate carries names it refuses besides at least one it issues. A public brand decides; an
 * issuer the paste hides counts as public when the certificate also carries public names (a
 * certificate for mail.contoso.com is most often bought). Undefined when nothing is left out.
 */
export function publicRequest(
  domains: readonly string[],
  issuer: string | undefined,
  subject: string | undefined,
): PublicRequest | undefined {
  const kind = caKindOf(issuer);
  if (kind === 'enterprise') return undefined;
  // An issuer shown that is no known public brand and bears no AD marks: most likely a private CA that
  // issued those names before; the names are kept.
  if (kind === undefined && (issuer?.trim() ?? '') !== '') return undefined;
  const names = domains.map((d) => d.trim()).filter((d) => d !== '');
  const kept = names.filter((d) => !isInternalName(d));
  const dropped = names.filter((d) => isInternalName(d));
  if (kept.length === 0 || dropped.length === 0) return undefined;
  const cnMatch = subject ? /((?:^|,)\s*CN\s*=\s*)([^,]+)/i.exec(subject) : null;
  const cn = cnMatch?.[2]?.trim();
  const newSubject =
    subject && cnMatch && cn && isInternalName(cn)
      ? subject.replace(cnMatch[0], `${cnMatch[1]}${kept[0]}`)
      : subject;
  return { kept, dropped, subject: newSubject };
}

/**
 * The public-CA request a plan makes for the certificate it renews: from the names the paste shows
 * (never from a request piped from the old certificate, whose names the paste does not show).
 */
export function requestForPublicCa(scope: {
  values: { domains?: string; subject?: string };
  cert?: { issuer: string };
}): PublicRequest | undefined {
  const { domains, subject } = scope.values;
  if (!domains || subject === undefined) return undefined;
  return publicRequest(domains.split(','), scope.cert?.issuer, subject);
}
