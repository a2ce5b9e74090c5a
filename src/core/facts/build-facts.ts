import { sameDistinguishedName } from './dn-compare.js';
import type { CertificateFacts, EventFacts } from '../model.js';
import type { CertificateUseEvidence, Evidence } from '../recognize/evidence.js';
import { type ServerKeys, serverKeys } from './server-keys.js';
import type { IssuerKind, ServerCertificate, ServerConnector, ServerFacts } from './server-facts.js';
import { rolesFor, versionFor } from './version-facts.js';

export interface FactsInput {
  evidence: Evidence;
  events: readonly EventFacts[];
  certificates: readonly CertificateFacts[];
  /** The paste speaks of EdgeSync or an Edge subscription (a fact of the site, not a role of this server). */
  edgeSyncMentioned?: boolean;
}

/**
 * One ServerFacts per server the paste speaks of (one unnamed server when it names none). Facts the
 * paste does not tie to a server belong to the first one it names: a paste is nearly always about one.
 */
export function buildServerFacts(input: FactsInput): ServerFacts[] {
  const keys = serverKeys(input);
  if (keys.order.length === 0 && !hasAnything(input)) return [];
  const order = keys.order.length > 0 ? keys.order : [''];
  return order.map((key, index) => factsFor(key, index === 0, keys, input));
}

function hasAnything({ evidence, events, certificates }: FactsInput): boolean {
  return (
    events.length > 0 || certificates.length > 0 || evidence.symptoms.length > 0 || evidence.versionHints.length > 0
  );
}

function factsFor(key: string, primary: boolean, keys: ServerKeys, input: FactsInput): ServerFacts {
  const { evidence } = input;
  const mine = (server: string | undefined) => (server ? keys.keyOf(server) === key : primary);
  const version = versionFor(evidence.versionHints.filter((h) => !h.server || keys.keyOf(h.server) === key));
  const facts: ServerFacts = {
    ...(keys.names.get(key) && { name: keys.names.get(key) }),
    ...(keys.fqdns.get(key) && { fqdn: keys.fqdns.get(key) }),
    ...(version.fact && { version: version.fact }),
    ...(version.conflict && { versionConflict: version.conflict }),
    roles: rolesFor(evidence, input.events, (server) => !server || keys.keyOf(server) === key),
    certificates: [],
    connectors: connectorsFor(evidence, input.events, mine),
  };
  if (evidence.versionHints.some((h) => /w2003/.test(h.reason) && (!h.server || mine(h.server))))
    facts.windows2003 = true;
  if (input.edgeSyncMentioned) facts.edgeSync = true;
  const certs = input.certificates.filter((c) =>
    c.servers?.length ? c.servers.some((s) => keys.keyOf(s) === key) : primary,
  );
  facts.certificates = certs.map((c) => serverCertificate(ownCopy(c, key, keys, evidence), facts.connectors));
  addEventCertificates(facts, input.events, mine, input.certificates);
  applyUses(facts, knownUses(evidence, input.events), mine);
  return facts;
}

/**
 * A certificate listed on several servers is one certificate, but each server's copy is enabled for
 * its own services: this server's listing of it decides what it serves here.
 */
function ownCopy(cert: CertificateFacts, key: string, keys: ServerKeys, evidence: Evidence): CertificateFacts {
  if (!cert.thumbprint || (cert.servers?.length ?? 0) < 2) return cert;
  const copy = evidence.certificates.find(
    (c) => c.thumbprint === cert.thumbprint && (c.servers ?? []).some((s) => keys.keyOf(s) === key),
  );
  return copy?.services ? { ...cert, services: [...copy.services] } : cert;
}

export function issuerKindOf(cert: Pick<CertificateFacts, 'subject' | 'issuer' | 'selfSigned'>): IssuerKind {
  const issuerKnown = cert.issuer.trim() !== '';
  if (issuerKnown && cert.subject && !sameDistinguishedName(cert.issuer, cert.subject)) return 'ca';
  if (cert.selfSigned === true) return 'self-signed';
  if (cert.selfSigned === false) return 'ca';
  return 'unknown';
}

function serverCertificate(cert: CertificateFacts, connectors: readonly ServerConnector[]): ServerCertificate {
  const pinnedBy = connectors
    .filter((c) => c.tlsCertificateName && pins(c.tlsCertificateName, cert))
    .map((c) => c.name);
  return {
    ...(cert.thumbprint && { thumbprint: cert.thumbprint }),
    subject: cert.subject,
    issuer: cert.issuer,
    issuerKind: issuerKindOf(cert),
    ...(cert.role && { role: cert.role }),
    ...(cert.daysLeft !== undefined && { daysLeft: cert.daysLeft }),
    ...(cert.services && { servicesHistory: [...cert.services] }),
    ...(!cert.services && cert.servicesAtLeast && { servicesAtLeast: [...cert.servicesAtLeast] }),
    pinnedBy: [...new Set(pinnedBy)],
    presentedOn: [],
  };
}

/**
 * `<I>issuer<S>subject` names exactly one issuer and subject. When the paste does not show the
 * issuer, the same subject may be pinned: counted as pinned, so it is never removed on a guess.
 */
export function pins(tlsCertificateName: string, cert: Pick<CertificateFacts, 'issuer' | 'subject'>): boolean {
  const m = /^<I>(.*)<S>(.*)$/s.exec(tlsCertificateName.trim());
  if (!m || !cert.subject) return false;
  if (!sameDistinguishedName(m[2] ?? '', cert.subject)) return false;
  return !cert.issuer || sameDistinguishedName(m[1] ?? '', cert.issuer);
}

/** 12015/12017 name the internal transport certificate even when it is not pasted. */
function addEventCertificates(
  facts: ServerFacts,
  events: readonly EventFacts[],
  mine: (s?: string) => boolean,
  listed: readonly CertificateFacts[],
) {
  for (const event of events.filter((e) => mine(e.computer) && e.thumbprint)) {
    if (facts.certificates.some((c) => c.thumbprint === event.thumbprint)) continue;
    // An event that names no computer is not the first server's when a listing places its certificate.
    if (!event.computer && listed.some((c) => c.thumbprint === event.thumbprint && c.servers?.length)) continue;
    facts.certificates.push({
      thumbprint: event.thumbprint,
      subject: event.subject ?? '',
      issuer: '',
      issuerKind: 'unknown',
      pinnedBy: [],
      presentedOn: [],
    });
  }
}

type Use = CertificateUseEvidence['use'];
const EXCLUSIVE: readonly Use[] = ['internalTransport', 'authCurrent', 'authNext', 'iisFrontEnd', 'backEnd444'];
/** Get-AuthConfig is one per organisation: its answer holds on every server. */
const ORGANISATION_WIDE: readonly Use[] = ['authCurrent', 'authNext'];

function knownUses(evidence: Evidence, events: readonly EventFacts[]): CertificateUseEvidence[] {
  const uses = [...(evidence.certificateUses ?? [])];
  const auth = evidence.authConfig;
  if (auth?.currentThumbprint)
    uses.push({ thumbprint: auth.currentThumbprint, use: 'authCurrent', source: 'authconfig' });
  if (auth?.nextThumbprint) uses.push({ thumbprint: auth.nextThumbprint, use: 'authNext', source: 'authconfig' });
  for (const event of events) {
    if ((event.id === 12015 || event.id === 12017) && event.thumbprint) {
      uses.push({
        thumbprint: event.thumbprint,
        use: 'internalTransport',
        source: `event-${event.id}`,
        ...(event.computer && { server: event.computer }),
      });
    }
  }
  for (const endpoint of evidence.endpoints ?? []) {
    const leaf = endpoint.chain[0]?.thumbprint;
    if (leaf && endpoint.port)
      uses.push({ thumbprint: leaf, use: 'presented', port: endpoint.port, source: 's-client' });
  }
  return uses;
}

function applyUses(facts: ServerFacts, uses: readonly CertificateUseEvidence[], mine: (s?: string) => boolean) {
  for (const use of uses) {
    if (!ORGANISATION_WIDE.includes(use.use) && use.server && !mine(use.server)) continue;
    if (use.use === 'authPrevious') continue;
    if (use.use === 'presented') {
      const cert = facts.certificates.find((c) => c.thumbprint === use.thumbprint);
      if (cert && use.port && !cert.presentedOn.includes(use.port)) cert.presentedOn.push(use.port);
      continue;
    }
    const key = use.use;
    if (!EXCLUSIVE.includes(key)) continue;
    // Exactly one certificate holds each of these: naming it says every other one does not.
    for (const cert of facts.certificates) cert[key] = cert.thumbprint === use.thumbprint;
  }
}

function connectorsFor(
  evidence: Evidence,
  events: readonly EventFacts[],
  mine: (s?: string) => boolean,
): ServerConnector[] {
  const out: ServerConnector[] = [];
  const add = (connector: ServerConnector) => {
    const twin = out.find((c) => c.name.toLowerCase() === connector.name.toLowerCase());
    if (!twin) out.push(connector);
    else
      Object.assign(twin, {
        ...connector,
        ...twin,
        namedBy: twin.namedBy === 'listing' ? connector.namedBy : twin.namedBy,
      });
  };
  for (const event of events.filter((e) => e.connector && mine(e.computer))) {
    add({
      name: event.connector as string,
      kind: /send|送信/i.test(event.connector ?? '') ? 'send' : 'unknown',
      ...(event.fqdn && { fqdn: event.fqdn }),
      ...(event.tlsCertificateName && { tlsCertificateName: event.tlsCertificateName }),
      namedBy: 'event',
    });
  }
  for (const c of evidence.connectors ?? []) {
    if (!mine(c.server)) continue;
    add({
      name: c.name,
      kind: c.kind,
      ...(c.fqdn && { fqdn: c.fqdn }),
      ...(c.tlsCertificateName && { tlsCertificateName: c.tlsCertificateName }),
      namedBy: c.namedBy,
    });
  }
  return out;
}
