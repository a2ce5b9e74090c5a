import { settingText } from '../i18n/setting-text.js';
import type { CertificateFacts, Language } from '../model.js';
import type { Evidence } from '../recognize/evidence.js';
import { covers, displayName } from './certificate-findings.js';
import { emptyJudgement, type Judgement } from './judgement.js';

/**
 * What the paste's settings say against its own certificates: an HTTPS binding to a certificate the
 * store listing does not hold, an IMAP/POP X509CertificateName that picks another certificate than
 * the one carrying the names clients use, and Exchange Online connectors that expect a name the
 * on-premises SMTP certificate does not carry. Each needs both sides in the paste; one side alone
 * says nothing.
 */
export function judgeSettings(input: {
  paste: string;
  evidence: Evidence;
  certificates: readonly CertificateFacts[];
  language: Language;
}): Judgement {
  const judgement = emptyJudgement();
  judgeBindings(judgement, input);
  judgeInternalTransportGone(judgement, input);
  judgeMailProtocols(judgement, input);
  judgeHybridConnectors(judgement, input);
  return judgement;
}

type Input = Parameters<typeof judgeSettings>[0];

const LISTING_SOURCES: ReadonlySet<CertificateFacts['source']> = new Set([
  'exchange-list',
  'exchange-table',
  'certutil',
  'healthchecker',
]);
/**
 * A listing of the whole store: Get-ChildItem Cert:\LocalMachine\My, certutil -store my with no
 * certificate named and no filter, or Get-ExchangeCertificate without -Thumbprint.
 */
const WHOLE_LISTING =
  /\bcertutil(?:\.exe)?\s+(?:-\w+\s+)*-store\s+["']?my["']?[ \t]*$|\b(?:Get-ChildItem|dir|ls|gci)\s+(?:-Path\s+)?["']?Cert:\\?LocalMachine\\My\b|\bGet-ExchangeCertificate\b(?![^\n|]*-Thumbprint)(?![^\n|]*\s[0-9A-Fa-f]{40})/im;

/** A store listing piped through a filter: certutil -store my | findstr, Get-ChildItem Cert:\… | ? {…}. */
const FILTERED_LISTING =
  /\b(?:certutil(?:\.exe)?\s+(?:-\w+\s+)*-store\s+["']?my["']?|(?:Get-ChildItem|dir|ls|gci)\s+(?:-Path\s+)?["']?Cert:\\?LocalMachine\\My\b)[^\n]*\|\s*(?:findstr|Select-String|sls|Where-Object|Where|\?)(?![\w-])/i;

/** The paste lists the whole store (not a filtered part of it), so a thumbprint it lacks is gone. */
export function wholeStoreListed(paste: string): boolean {
  return WHOLE_LISTING.test(paste) && !FILTERED_LISTING.test(paste);
}

function judgeBindings(judgement: Judgement, { paste, evidence, certificates, language }: Input): void {
  const listed = certificates.filter((c) => c.thumbprint && LISTING_SOURCES.has(c.source));
  const words = settingText[language];
  if (listed.length === 0) {
    askForStore(judgement, evidence, words);
    return;
  }
  // A listing cut down by a filter (certutil -store my | findstr, Cert:\ … | Where-Object) shows only
  // part of the store: a hash missing from it is not yet a removed certificate, so the whole store is
  // shown first, then the site is bound again.
  const filtered = FILTERED_LISTING.test(paste);
  if (!filtered && !WHOLE_LISTING.test(paste) && listed.length < 3) return;
  const seen = new Set<number>();
  for (const binding of evidence.bindings ?? []) {
    const { port, thumbprint } = binding;
    if (!thumbprint || (port !== 443 && port !== 444) || binding.source === 'http-event-15021') continue;
    if (binding.site && !/Exchange Back End|Default Web Site/i.test(binding.site)) continue;
    if (listed.some((c) => c.thumbprint === thumbprint) || seen.has(port)) continue;
    // HttpEvent 15021 on the same endpoint has its finding and plan already.
    if ((evidence.bindings ?? []).some((b) => b.failing && b.port === port)) continue;
    // A 15021 whose endpoint was not read is taken for Exchange Back End's, as its plan takes it.
    const unplaced15021 =
      evidence.events.some((e) => e.id === 15021) && !(evidence.bindings ?? []).some((b) => b.failing);
    if (port === 444 && unplaced15021) continue;
    seen.add(port);
    const site = port === 444 ? 'backEnd' : 'frontEnd';
    const server = listed.flatMap((c) => c.servers ?? [])[0] ?? evidence.servers?.[0];
    judgement.findings.push({
      code: 'SSL_BINDING_BROKEN',
      severity: 'critical',
      thumbprint,
      message: words.bindingMissing({
        endpoint: binding.endpoint,
        site,
        hash: thumbprint,
        removedSaid: saysRemoved(paste, thumbprint),
        filtered,
      }),
    });
    if (filtered) judgement.plans.push({ plan: 'binding-check-store', values: { ...(server && { server }) } });
    if (site !== 'backEnd') {
      const front = frontEndCertificate(listed);
      judgement.plans.push({
        plan: 'frontend-443-rebind',
        values: { ...(server && { server }), ...(front?.thumbprint && { frontendCandidate: front.thumbprint }) },
      });
      continue;
    }
    const own = ownCertificate(listed);
    judgement.plans.push({
      plan: 'backend-444-rebind',
      values: { ...(server && { server }), ...(own?.thumbprint && { backendCandidate: own.thumbprint }) },
    });
  }
}

/**
 * InternalTransportCertificateThumbprint (Get-TransportService) naming a certificate the whole store
 * listing does not hold: it was removed. An event about it has its own finding already.
 */
function judgeInternalTransportGone(judgement: Judgement, { paste, evidence, certificates, language }: Input): void {
  if (!wholeStoreListed(paste)) return;
  const listed = certificates.filter((c) => c.thumbprint && LISTING_SOURCES.has(c.source));
  if (listed.length === 0) return;
  for (const use of evidence.certificateUses ?? []) {
    if (use.use !== 'internalTransport' || listed.some((c) => c.thumbprint === use.thumbprint)) continue;
    if (evidence.events.some((e) => e.thumbprint === use.thumbprint)) continue;
    const server = use.server ?? listed.flatMap((c) => c.servers ?? [])[0] ?? evidence.servers?.[0];
    judgement.findings.push({
      code: 'INTERNAL_TRANSPORT_CERT_MISSING',
      severity: 'critical',
      thumbprint: use.thumbprint,
      message: settingText[language].internalGone({ thumbprint: use.thumbprint, ...(server && { server }) }),
    });
    judgement.plans.push({
      plan: 'internal-missing-local',
      values: {
        thumbprint: use.thumbprint,
        internal: 'yes',
        goneFromStore: 'yes',
        ...(server && { server, domains: server }),
      },
    });
    return;
  }
}

/**
 * Bindings without a store listing: whether their certificates still exist decides, so the store is
 * what to paste next (never the hashes one by one).
 */
function askForStore(judgement: Judgement, evidence: Evidence, words: (typeof settingText)[Language]): void {
  const shown = (evidence.bindings ?? []).filter(
    (b) => b.thumbprint && (b.port === 443 || b.port === 444) && b.source !== 'http-event-15021',
  );
  if (shown.length === 0 || evidence.events.some((e) => e.id === 15021)) return;
  const backEnd = shown.find((b) => b.port === 444);
  judgement.findings.push({
    code: 'THUMBPRINT_ONLY',
    severity: 'info',
    thumbprint: (backEnd ?? shown[0])!.thumbprint!,
    message: words.bindingsUnchecked({ bindings: shown.map((b) => `${b.endpoint} → ${b.thumbprint}`).join(', ') }),
  });
  judgement.plans.push({ plan: 'binding-check-store', values: {} });
}

function judgeMailProtocols(judgement: Judgement, { paste, evidence, certificates, language }: Input): void {
  // Enable-ExchangeCertificate's own wildcard warning has its finding already.
  if (evidence.symptoms.some((s) => s.id === 'imap-pop-subject-not-fqdn')) return;
  const valid = certificates.filter(
    (c) => c.daysLeft !== undefined && c.daysLeft >= 0 && c.status !== 'PendingRequest' && c.role !== 'auth',
  );
  const wrong: { protocol: 'IMAP' | 'POP'; current: string; fqdn: string; cert: CertificateFacts; server?: string }[] =
    [];
  for (const setting of evidence.mailProtocolSettings ?? []) {
    const current = setting.x509Name;
    const fqdn = setting.externalNames[0];
    if (!current || !fqdn || current.toLowerCase() === fqdn) continue;
    const chosen = valid.filter((c) => covers(c.domains, current));
    // A wildcard there names no host: IMAP and POP look a certificate up by a host name.
    if (!current.startsWith('*') && chosen.some((c) => covers(c.domains, fqdn))) continue;
    const carrying =
      valid.find(
        (c) => covers(c.domains, fqdn) && (c.services === undefined || c.services.includes(setting.protocol)),
      ) ?? (certificates.length === 0 ? saidWildcard(paste, fqdn, current) : undefined);
    if (!carrying) continue;
    wrong.push({
      protocol: setting.protocol,
      current,
      fqdn,
      cert: carrying,
      ...(setting.server && { server: setting.server }),
    });
  }
  if (wrong.length === 0) return;
  const imap = wrong.find((w) => w.protocol === 'IMAP');
  const pop = wrong.find((w) => w.protocol === 'POP');
  const first = imap ?? pop!;
  const protocols = [imap && 'IMAP', pop && 'POP'].filter(Boolean).join(language === 'ja' ? ' と ' : ' and ');
  const server = first.server ?? first.cert.servers?.[0] ?? evidence.servers?.[0];
  judgement.findings.push({
    code: 'IMAP_POP_CERTIFICATE_NAME',
    severity: 'warning',
    ...(first.cert.thumbprint && { thumbprint: first.cert.thumbprint }),
    message: first.current.startsWith('*')
      ? settingText[language].mailNameWildcard({
          protocols,
          current: first.current,
          fqdn: first.fqdn,
          ...(imap && pop && { popFqdn: pop.fqdn }),
        })
      : settingText[language].mailNameDiffers({
          protocols,
          current: first.current,
          fqdn: first.fqdn,
          cert: displayName(first.cert),
          ...(imap && pop && { popFqdn: pop.fqdn }),
        }),
  });
  judgement.plans.push({
    plan: 'imap-pop-certificate-name',
    values: {
      mailProtocols: [imap && 'IMAP', pop && 'POP'].filter(Boolean).join(','),
      ...(server && { server }),
      ...(imap && { fqdn: imap.fqdn }),
      ...(pop && { popFqdn: pop.fqdn }),
    },
  });
}

function judgeHybridConnectors(judgement: Judgement, { evidence, certificates, language }: Input): void {
  const cloud = (evidence.cloudConnectors ?? []).filter((c) => c.onPremises);
  if (cloud.length === 0) return;
  // The certificate on-premises presents to Exchange Online: the one the Outbound to Office 365
  // connector pins, else the CA-issued ones enabled for SMTP.
  const pin = (evidence.connectors ?? []).find((c) => /^Outbound to Office 365/i.test(c.name))?.tlsCertificateName;
  const pinnedSubject = pin ? /<S>(.+)$/i.exec(pin)?.[1]?.trim().toLowerCase() : undefined;
  const smtp = certificates
    .filter(
      (c) =>
        c.thumbprint &&
        c.daysLeft !== undefined &&
        c.daysLeft >= 0 &&
        c.role !== 'auth' &&
        c.selfSigned !== true &&
        (pinnedSubject ? c.subject.toLowerCase() === pinnedSubject : (c.services ?? []).includes('SMTP')),
    )
    .sort((a, b) => (b.daysLeft ?? 0) - (a.daysLeft ?? 0));
  const cert = smtp[0];
  // A table (or a list without CertificateDomains) shows only the subject's name: what it lacks is unknown.
  if (!cert || !smtp.every(namesShown)) return;
  const expected: { name: string; where: string }[] = [];
  for (const connector of cloud) {
    const name = connector.direction === 'inbound' ? connector.tlsSenderCertificateName : connector.tlsDomain;
    // Any certificate on-premises may present for SMTP that carries the name settles it.
    if (!name || smtp.some((c) => carries(c.domains, name))) continue;
    const field = connector.direction === 'inbound' ? 'TlsSenderCertificateName' : 'TlsDomain';
    expected.push({ name, where: `${connector.name}: ${field}` });
  }
  if (expected.length === 0) return;
  const names = [...new Set(expected.map((e) => e.name))];
  const inbound = cloud.find((c) => c.direction === 'inbound' && c.tlsSenderCertificateName);
  const outbound = cloud.find((c) => c.direction === 'outbound');
  const certName = cert.domains.find((d) => !d.startsWith('*.')) ?? cert.domains[0];
  judgement.findings.push({
    code: 'DOMAIN_MISMATCH',
    severity: 'critical',
    ...(cert.thumbprint && { thumbprint: cert.thumbprint }),
    message: settingText[language].hybridNames({
      expected: names.join(', '),
      where: expected.map((e) => e.where).join('; '),
      cert: displayName(cert),
      names: cert.domains.join(', '),
    }),
  });
  judgement.plans.push({
    plan: 'hybrid-connector-tls-name',
    values: {
      ...(cert.thumbprint && { thumbprint: cert.thumbprint }),
      expectedName: names[0]!,
      ...(certName && { coveredName: certName }),
      ...(inbound && { inboundConnector: inbound.name }),
      ...(outbound && { outboundConnector: outbound.name }),
      ...(outbound?.smartHosts.length && { smartHosts: outbound.smartHosts.join(',') }),
    },
  });
}

/**
 * The certificate to serve 443 again: the one valid CA-issued certificate of the listing, the one
 * enabled for IIS when several are.
 */
function frontEndCertificate(listed: readonly CertificateFacts[]): CertificateFacts | undefined {
  const valid = listed.filter(
    (c) =>
      c.daysLeft !== undefined &&
      c.daysLeft >= 0 &&
      c.selfSigned !== true &&
      // A table without Issuer: a public name in the subject, not Exchange's own kinds.
      (c.issuer !== '' ? c.issuer.toLowerCase() !== c.subject.toLowerCase() : /CN=[^,]*\./i.test(c.subject)) &&
      !['auth', 'wmsvc', 'federation', 'exchange-self-signed', 'self-signed'].includes(c.role ?? '') &&
      c.status !== 'PendingRequest',
  );
  if (valid.length === 1) return valid[0];
  const iis = valid.filter((c) => c.services?.includes('IIS'));
  return iis.length === 1 ? iis[0] : undefined;
}

/**
 * With no certificate listed, the wildcard the admin says was put in place (「ワイルドカード
 * (*.contoso.co.jp) に切り替え」, "replaced it with a *.contoso.com wildcard") stands for it by its name,
 * when it covers the name clients use and not the one X509CertificateName holds.
 */
function saidWildcard(paste: string, fqdn: string, current: string): CertificateFacts | undefined {
  for (const match of paste.matchAll(/\*\.(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,63}\b/g)) {
    const name = match[0].toLowerCase();
    if (covers([name], fqdn) && !covers([name], current))
      return { subject: `CN=${name}`, issuer: '', domains: [name], source: 'exchange-list' };
  }
  return undefined;
}

/** The paste shows every name on the certificate, not only its subject's CN. */
function namesShown(cert: CertificateFacts): boolean {
  if (cert.source === 'exchange-table') return false;
  if (cert.source !== 'exchange-list') return true;
  const cn = /(?:^|,\s*)CN=([^,]+)/i.exec(cert.subject)?.[1]?.trim().toLowerCase();
  return !(cert.domains.length === 1 && cert.domains[0]?.toLowerCase() === cn);
}

/**
 * The certificate's names satisfy a connector's name: the name itself, a wildcard over it, or, for a
 * connector that names a wildcard domain (`*.contoso.com`), any name under that domain.
 */
function carries(names: readonly string[], expected: string): boolean {
  if (covers(names, expected)) return true;
  if (!expected.startsWith('*.')) return false;
  const suffix = expected.slice(1).toLowerCase();
  return names.some((n) => n.toLowerCase().endsWith(suffix) || n.toLowerCase() === expected.toLowerCase());
}

/**
 * The server's own self-signed certificate (CN=<host>, no dot), valid by the dates the paste shows:
 * the one Setup binds to Exchange Back End, fine there. Only when the listing holds exactly one.
 */
function ownCertificate(listed: readonly CertificateFacts[]): CertificateFacts | undefined {
  const own = listed.filter((c) => {
    const cn = /^CN=([^,]+)$/i.exec(c.subject.trim())?.[1] ?? '';
    return (
      /^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(cn) &&
      c.daysLeft !== undefined &&
      c.daysLeft >= 0 &&
      c.status !== 'PendingRequest' &&
      (c.role === undefined || c.role === 'exchange-self-signed' || c.role === 'self-signed')
    );
  });
  return own.length === 1 ? own[0] : undefined;
}

/** A line of the paste names this thumbprint and says it was removed (deleted, 削除). */
function saysRemoved(paste: string, thumbprint: string): boolean {
  const lower = thumbprint.toLowerCase();
  return paste
    .split('\n', 5000)
    .some((line) => line.toLowerCase().includes(lower) && /\b(?:remov|delet)|削除/i.test(line));
}
