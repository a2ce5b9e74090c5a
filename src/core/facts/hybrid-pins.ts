import { cleanIdentity } from '../recognize/table-columns.js';
import { pins } from './build-facts.js';
import { sameDistinguishedName } from './dn-compare.js';
import type { PlanScope } from './plan-scope.js';

/** The connectors the Hybrid Configuration Wizard makes: outbound to Exchange Online, inbound from it. */
const HYBRID_CONNECTOR = /^(?:Outbound to Office 365|Default Frontend)/i;

const isHybridName = (name: string) => HYBRID_CONNECTOR.test(name.replace(/^[^\\]*\\/, '').trim());

function parts(tlsCertificateName: string): { issuer: string; subject: string } | undefined {
  const m = /^<I>(.*)<S>(.*)$/s.exec(tlsCertificateName.trim());
  return m ? { issuer: (m[1] ?? '').trim(), subject: (m[2] ?? '').trim() } : undefined;
}

/** Two `<I>issuer<S>subject` values name the same certificate, whatever the spacing or RDN order. */
export function sameTlsCertificateName(a: string, b: string): boolean {
  const x = parts(a);
  const y = parts(b);
  if (!x || !y) return a.trim().toLowerCase() === b.trim().toLowerCase();
  return sameDistinguishedName(x.issuer, y.issuer) && sameDistinguishedName(x.subject, y.subject);
}

/** The Office 365 send connector HCW makes ("Outbound to Office 365 - <guid>"). */
const isOffice365Name = (name: string) => /^Outbound to Office 365/i.test(name.replace(/^[^\\]*\\/, '').trim());

/** A queue toward the tenant's routing domain (contoso.mail.onmicrosoft.com) goes through the hybrid send connector. */
const TENANT_ROUTING = /\.mail\.onmicrosoft\.com$/i;

/**
 * The Outbound to Office 365 connector pins the certificate this plan is about (the one a 12014 or
 * a queue cannot find, or the one being renewed). A partner TLS connector pins a certificate of its
 * own: when the paste shows the Office 365 connector pinning another certificate, it is healthy and
 * stays as it is. Undecided when the paste shows neither what it pins nor a hybrid failure.
 */
export function hybridPinsThisCertificate(s: PlanScope): boolean | undefined {
  const o365 = s.facts.connectors.filter((c) => isOffice365Name(c.name));
  const shown = o365.flatMap((c) => (c.tlsCertificateName ? [c.tlsCertificateName] : []));
  const gone = s.values.pinned;
  if (shown.length > 0) {
    if (gone) return shown.some((name) => sameTlsCertificateName(name, gone));
    if (s.cert?.subject) return shown.some((name) => s.cert !== undefined && pins(name, s.cert));
  }
  // Exchange Online's 451 5.7.3 / the Office 365 queue's 454 4.7.5 come through the hybrid connectors.
  if (s.hybridSymptom) return true;
  const named = [s.values.connector, ...(s.cert?.pinnedBy ?? [])].filter((n): n is string => Boolean(n));
  if (named.some(isOffice365Name)) return true;
  // A full send connector listing without an Office 365 connector: not a hybrid.
  if (o365.length === 0 && s.facts.connectors.some((c) => c.namedBy === 'listing' && c.kind === 'send')) return false;
  // The wizard pins Default Frontend and Outbound to Office 365 to the same certificate; a Default
  // Frontend pinned by hand for a partner's TLS is no sign of a hybrid: the Office 365 connector
  // listed, or the admin's word, is.
  if (named.some(isHybridName) && (o365.length > 0 || s.values.hybridSaid === 'yes')) return true;
  return undefined;
}

/**
 * The send connector a failing queue names is the one the Hybrid Configuration Wizard made: its name
 * (or the queue's NextHopDomain) is Outbound to Office 365, or the queue goes to the tenant's
 * mail.onmicrosoft.com domain. A queue that names any other connector (a partner's forced TLS, a
 * relay, a smart host) is not a hybrid failure, whatever else the organisation runs: only that
 * connector changes. Undecided when the paste names no connector and shows no hybrid failure.
 */
export function failingConnectorIsHybrid(s: PlanScope): boolean | undefined {
  const hop = s.values.nextHopDomain;
  const named = s.values.connector;
  const names = [named, hop].filter((n): n is string => Boolean(n));
  if (names.some((n) => isOffice365Name(n) || TENANT_ROUTING.test(n.trim()))) return true;
  if (named || hop) return false;
  if (s.hybridSymptom) return true;
  return undefined;
}

/**
 * A Default Frontend receive connector listed with a certificate other than the one the failing
 * send connector pinned works and stays as it is. The wizard pins both to the same certificate, so
 * one not listed is taken to pin the gone one too.
 */
export function frontendPinsSameCertificate(s: PlanScope): boolean {
  const gone = s.values.pinned;
  const frontends = s.facts.connectors.filter(
    (c) => c.kind !== 'send' && /^Default Frontend/i.test(c.name.replace(/^[^\\]*\\/, '').trim()),
  );
  const shown = frontends.flatMap((c) => (c.tlsCertificateName ? [c.tlsCertificateName] : []));
  if (!gone || shown.length === 0) return true;
  return shown.some((name) => sameTlsCertificateName(name, gone));
}

/** A connector the paste shows naming the certificate, as a command can name it. */
interface ShownPin {
  kind: 'send' | 'receive';
  identity: string;
  /** HCW's connector whose name the table cut: picked by its name's start. */
  filter?: boolean;
}

/**
 * The connectors the paste shows naming this certificate in TlsCertificateName (Default Frontend,
 * Outbound to Office 365, a partner's connector alike): each is pointed at the renewal by name, and a
 * connector naming another certificate is left as it is. Undefined when none is shown, or one cannot
 * be named safely (a name the table cut, another server's receive connector): the plan then lists the
 * pins instead.
 */
export function shownPins(s: PlanScope): ShownPin[] | undefined {
  const cert = s.cert;
  const pinning = cert?.subject
    ? s.facts.connectors.filter((c) => c.tlsCertificateName && pins(c.tlsCertificateName, cert))
    : [];
  if (pinning.length === 0) return statedPins(s);
  const out: ShownPin[] = [];
  for (const c of pinning) {
    const [prefix, ...rest] = c.name.split('\\');
    const server = rest.length > 0 ? prefix : s.facts.name;
    const name = cleanIdentity(rest.length > 0 ? rest.join('\\') : c.name);
    const office365 = isOffice365Name(c.name);
    if (c.kind === 'send' || (c.kind === 'unknown' && office365)) {
      if (name) out.push({ kind: 'send', identity: name });
      else if (office365) out.push({ kind: 'send', identity: 'Outbound to Office 365*', filter: true });
      else return undefined;
    } else if (c.kind === 'receive') {
      if (!name || !server || (s.facts.name && server.toLowerCase() !== s.facts.name.toLowerCase())) return undefined;
      out.push({ kind: 'receive', identity: `${server}\\${name}` });
    } else return undefined;
  }
  return out;
}

/** The connectors the admin names in prose as pinning this certificate. */
function statedPins(s: PlanScope): ShownPin[] | undefined {
  const lines = (s.values.statedPins ?? '').split('\n').filter(Boolean);
  if (lines.length === 0) return undefined;
  const out: ShownPin[] = [];
  for (const line of lines) {
    const [kind, name = ''] = line.split('\t');
    if (kind === 'send') out.push({ kind: 'send', identity: name });
    else if (name.includes('\\')) out.push({ kind: 'receive', identity: name });
    else if (s.facts.name) out.push({ kind: 'receive', identity: `${s.facts.name}\\${name}` });
    else return undefined;
  }
  return out;
}

const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** One Set-*Connector line per connector shown naming the certificate, after `$c` is the renewal. */
export function shownPinCommands(s: PlanScope): string | undefined {
  const shown = shownPins(s);
  if (!shown) return undefined;
  const value = '"<I>$($c.Issuer)<S>$($c.Subject)"';
  // The value is built from the certificate itself, so no spacing is lost; the paste's issuer and
  // subject of the renewal say beforehand what the connectors will show.
  const renewal = s.values.newThumbprint
    ? s.facts.certificates.find((c) => c.thumbprint === s.values.newThumbprint)
    : undefined;
  const expected = renewal?.issuer && renewal.subject ? [`# <I>${renewal.issuer}<S>${renewal.subject}`] : [];
  return shown
    .map((p) =>
      p.filter
        ? `Get-SendConnector | ? { $_.Name -like ${quoted(p.identity)} } | Set-SendConnector -TlsCertificateName ${value}`
        : `Set-${p.kind === 'send' ? 'Send' : 'Receive'}Connector ${quoted(p.identity)} -TlsCertificateName ${value}`,
    )
    .concat(expected)
    .join('\n');
}

/**
 * A connector other than the wizard's (a partner's, a relay) is among those shown naming the
 * certificate: re-running the wizard would leave it on the old one, so each is set by name.
 */
export function pinsShownBeyondHybrid(s: PlanScope): boolean {
  const shown = shownPins(s);
  return shown?.some((p) => !p.filter && !isHybridName(p.identity)) === true;
}

/** The connectors shown naming the certificate, for a step's title. */
export function shownPinNames(s: PlanScope): string | undefined {
  return shownPins(s)
    ?.map((p) => (p.filter ? 'Outbound to Office 365' : p.identity))
    .join(', ');
}
