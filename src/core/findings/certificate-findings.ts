import { daysLeft, validFromText } from '../countdown.js';
import { renewalOf } from '../facts/renewed-rollout.js';
import type { DiagnosisText } from '../i18n/diagnosis-text.js';
import { type CountdownWording, countdownWording } from '../i18n/local-time.js';
import type { PlanValues } from '../knowledge/plan-model.js';
import type { CertificateFacts, Language } from '../model.js';
import { isCut } from '../truncated.js';
import type { FindingDraft, Judgement } from './judgement.js';

const CLIENT_FACING = ['IIS', 'POP', 'IMAP'];
/** Ports where a presented certificate is the one SMTP partners and clients check. */
const SMTP_PORTS = [25, 587, 465, 2525];
/** Ports where Outlook, browsers and mail apps check the certificate they are presented. */
const CLIENT_PORTS = [443, 993, 995, 143, 110];

export interface CertificateJudgeOptions {
  now: Date;
  warnDays: number;
  language: Language;
  text: DiagnosisText;
  /** The server the paste names, for plan values. */
  server?: string;
  /** The host whose endpoint presented this certificate (openssl s_client, a probe). */
  presentedBy?: string;
  /** The port that endpoint listens on (25: what partners see over STARTTLS). */
  presentedPort?: number;
  /** The port of the endpoint whose chain holds this certificate, leaf or CA (443: IIS presents it). */
  chainPort?: number;
  /** The port whose clients the admin says fail (443: Outlook, OWA, phones; 25: partners, queues). */
  symptomPort?: number;
  /** The admin says no CA-issued certificate exists (never bought, always self-signed). */
  noCaSaid?: boolean;
  /** The paste shows an Edge Transport server: the name partners reach on 25 is its own. */
  edge?: boolean;
  /** Every certificate of the paste: a CA-issued one for the same name is what clients get instead. */
  others?: readonly CertificateFacts[];
  /**
   * The paste shows this certificate carries Edge and Hub mutual TLS: it is the internal transport
   * certificate (Get-TransportService, 12015/12017) of a site with an Edge subscription, or of an Edge.
   */
  directTrust?: boolean;
  /**
   * An expires-soon event (12017, 12018) names this certificate: Exchange's own warning, logged only
   * inside Exchange's window, so it is expiring even with more days left than `warnDays`.
   */
  expiryEvent?: number;
  /** How a countdown is worded (the reader's zone); UTC to the day when not given. */
  countdown?: CountdownWording;
}

/**
 * Setup's own certificate when the paste shows no issuer for it. Self-signed with a bare host name as
 * its CN; or, as HealthChecker lists it (no subject, no issuer), Setup's friendly name "Microsoft
 * Exchange" with the server's host name and FQDN as its only names, or the Auth certificate's name.
 */
const SETUP_FRIENDLY_NAME = /^Microsoft Exchange$/i;
const AUTH_FRIENDLY_NAME = /^Microsoft Exchange Server Auth Certificate$/i;
function setupShaped(cert: CertificateFacts): boolean {
  if (cert.selfSigned === true && /^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(commonName(cert.subject) ?? '')) return true;
  if (cert.selfSigned === false) return false;
  if (AUTH_FRIENDLY_NAME.test(cert.friendlyName ?? '')) return true;
  if (!SETUP_FRIENDLY_NAME.test(cert.friendlyName ?? '')) return false;
  const names = cert.domains.map((d) => d.toLowerCase());
  const host = names.find((n) => /^[a-z][a-z0-9-]{0,62}$/.test(n));
  return names.length === 2 && host !== undefined && names.some((n) => n.startsWith(`${host}.`));
}

/** Findings about one certificate's own facts: dates, trust, key, signature, Exchange status. */
export function judgeCertificate(cert: CertificateFacts, options: CertificateJudgeOptions): Judgement {
  const { now, warnDays, language, text } = options;
  const findings: FindingDraft[] = [];
  const plans: Judgement['plans'] = [];
  // Several servers' listings in one paste: say which server's copy the finding is about.
  // Setup's CN=EX01 on EX01 already says which server it is on.
  const shown = displayName(cert);
  const others = (cert.servers ?? []).filter((server) => server.toLowerCase() !== shown.toLowerCase());
  const name = others.length ? `${shown} (${others.join(', ')})` : shown;
  const thumbprint = cert.thumbprint;
  const tp = thumbprint ? { thumbprint } : {};
  const values = planValues(cert, options.server);
  // A CA certificate names no host: the checks of a chain fix probe the endpoint that presented it.
  if (options.presentedBy && !values.fqdn && cert.isCA) values.fqdn = options.presentedBy;
  // The service that presents the chain is the one restarted and checked after the fix: IIS on 443.
  // Without an endpoint, the clients the admin says fail name the service: iPhones and Outlook are IIS.
  const chainPort = options.chainPort ?? options.symptomPort;
  if (cert.isCA && chainPort && !values.presentedPort) values.presentedPort = String(chainPort);
  // A pasted chain file: the checks probe the name of the server certificate this CA issued.
  if (cert.isCA && !values.fqdn) {
    const leaf = options.others?.find(
      (c) => !c.isCA && c.issuer === cert.subject && c.domains.some((d) => d.includes('.')),
    );
    const host = leaf?.domains.find((d) => d.includes('.') && !d.startsWith('*.'));
    if (host) values.fqdn = host;
  }

  if (cert.status === 'PendingRequest') {
    findings.push({
      code: 'PENDING_REQUEST',
      severity: 'warning',
      ...tp,
      message: text.finding.pendingRequest({ name }),
    });
    plans.push({ plan: 'pending-request', values });
    return { findings, plans };
  }

  const days = cert.notAfter ? daysLeft(cert.notAfter, now) : undefined;
  const when = cert.notAfter
    ? (options.countdown ?? countdownWording(now, language))({ ...cert, notAfter: cert.notAfter })
    : '';
  const expired = days !== undefined && days < 0;
  // A renewal the paste already shows is said with the countdown, so it is not requested again.
  const renewed = options.others ? renewalOf(cert, options.others) : undefined;
  const renewal = renewed?.thumbprint
    ? {
        renewal: {
          thumbprint: shortThumbprint(renewed.thumbprint),
          ...(renewed.servers?.length && { servers: renewed.servers.join(', ') }),
        },
      }
    : {};
  const expiring = days !== undefined && days >= 0 && (days <= warnDays || options.expiryEvent !== undefined);
  const leftover = expired && renewed?.thumbprint ? replacedServices(cert, renewed, options) : undefined;
  if (expired && leftover && renewal.renewal) {
    // Its renewal already serves all it served, wherever it is: what fails now has another cause, and
    // this copy is removed only once that is fixed (its plan is dropped beside any live problem).
    findings.push({
      code: 'CERT_EXPIRED',
      severity: 'info',
      ...tp,
      message: text.finding.certExpiredReplaced({ name, when, renewal: renewal.renewal, services: leftover }),
    });
    values.leftover = 'yes';
  } else if (expired) {
    findings.push({
      code: 'CERT_EXPIRED',
      severity: 'critical',
      ...tp,
      message: text.finding.certExpired({ name, when, ...renewal }),
    });
    // The Auth certificate lists SMTP in Services but carries no transport TLS.
    if (cert.services?.includes('SMTP') && cert.role !== 'auth') {
      findings.push({
        code: 'TRANSPORT_CERT_EXPIRED',
        severity: 'warning',
        ...tp,
        message: text.finding.transportCertExpiredSmtp({ name, directTrust: options.directTrust === true }),
      });
    }
  } else if (expiring) {
    findings.push({
      code: 'CERT_EXPIRING',
      severity: 'warning',
      ...tp,
      message: text.finding.certExpiring({ name, when, ...renewal }),
    });
  }
  if (cert.notBefore && Date.parse(cert.notBefore) > now.getTime()) {
    findings.push({
      code: 'CERT_NOT_YET_VALID',
      severity: 'warning',
      ...tp,
      message: text.finding.certNotYetValid({ name, when: validFromText(cert.notBefore, now, language) }),
    });
  }
  const root = cert.role === 'certificate-authority' && cert.selfSigned === true;
  // Reached by the server's own name (EX01.contoso.local), port 25 presenting Setup's certificate is
  // Exchange talking to Exchange; by a published name (mail.…), it is what partners see.
  // An Edge faces the internet by its own name: what it presents there is what partners see.
  const ownHost =
    options.presentedBy !== undefined && options.edge !== true && isOwnHost(options.presentedBy, options.server);
  const smtpPort = options.presentedPort !== undefined && SMTP_PORTS.includes(options.presentedPort) && !ownHost;
  // With no CA-issued certificate to enable (the admin says none exists, the paste shows none), the
  // answer is to get one for the name partners connect to, never to enable one: the expired
  // self-signed certificate's own renewal is the plan.
  const noCa = options.noCaSaid === true && !(options.others ?? []).some((c) => !c.selfSigned && !c.isCA);
  if (cert.selfSigned && !root && smtpPort && options.presentedPort !== undefined) {
    // Not Setup's certificate doing its internal job: this is what partners see on the SMTP port.
    findings.push({
      code: 'SELF_SIGNED',
      severity: 'warning',
      ...tp,
      message: noCa
        ? text.finding.selfSignedSmtpNoCa({
            name,
            port: options.presentedPort,
            fqdn: options.presentedBy ?? values.fqdn ?? name,
          })
        : text.finding.selfSignedSmtp({ name, port: options.presentedPort }),
    });
    // Port 587 is the Client Frontend connector (client submission): that connector is the one to change.
    const clientFrontend =
      options.presentedPort === 587 && values.server ? { connector: `Client Frontend ${values.server}` } : {};
    if (!noCa)
      plans.push({
        plan: 'self-signed-smtp',
        values: { ...values, fqdn: options.presentedBy ?? values.fqdn, ...clientFrontend },
      });
  } else if (cert.selfSigned && !root) {
    const shown = clientsShown(cert, options, ownHost);
    // Beside a valid CA-issued certificate that serves IIS, Exchange's own self-signed ones are doing
    // their internal job: saying so is noise.
    if (shown || !caServesClients(cert, options.others ?? [])) {
      findings.push({
        code: 'SELF_SIGNED',
        severity: shown ? 'warning' : 'info',
        ...tp,
        message: text.finding.selfSigned({ name, ...(shown && { shown }), ...(cert.role && { role: cert.role }) }),
      });
    }
    if (shown) plans.push({ plan: 'self-signed-client-facing', values });
  }
  const weak = cert.keyAlgorithm === 'RSA' && cert.keySize !== undefined && cert.keySize < 2048;
  if (weak) {
    findings.push({
      code: 'WEAK_KEY',
      severity: 'warning',
      ...tp,
      message: text.finding.weakKey({ name, bits: cert.keySize ?? 0 }),
    });
  }
  if ((cert.signatureHash === 'SHA1' || cert.signatureHash === 'MD5') && !root) {
    const exchangeDefault = cert.role === 'exchange-self-signed' || cert.role === 'auth' || setupShaped(cert);
    findings.push({
      code: 'SHA1_SIGNATURE',
      // Setup signs its own certificates with SHA-1 by design: a note for the next renewal, not a fault.
      severity: exchangeDefault ? 'info' : 'warning',
      ...tp,
      message: text.finding.sha1({ name, exchangeDefault }),
    });
  }
  // Status Invalid with RootCAType Unknown on a CA-issued certificate: its issuer's certificate is
  // missing from the server (the Intermediate store), not the certificate itself.
  const chainIncomplete =
    /^Invalid$/i.test(cert.status ?? '') && /^Unknown$/i.test(cert.rootCAType ?? '') && cert.selfSigned === false;
  if (chainIncomplete) {
    const issuer = commonName(cert.issuer) ?? cert.issuer;
    findings.push({
      code: 'CHAIN_INCOMPLETE',
      severity: 'warning',
      ...tp,
      message: text.finding.chainIncomplete({ name, issuer }),
    });
    plans.push({ plan: 'chain-missing-issuer', values: { ...values, issuer: cert.issuer } });
  }
  if (cert.status === 'RevocationCheckFailure') {
    findings.push({
      code: 'REVOCATION_CHECK_FAILED',
      severity: 'warning',
      ...tp,
      message: text.finding.revocation({ name }),
    });
    plans.push({ plan: 'revocation-check', values });
  }
  // A certificate known only from an event (12017/12018) is renewed by that event's own plan, which
  // knows whether it is the internal transport or a STARTTLS certificate; one the admin describes in
  // words (its thumbprint, issuer and expiry) has no event to do it, so it is renewed here.
  if ((expired || expiring || weak) && !root && (!cert.estimated || cert.stated))
    plans.unshift(...renewalPlans(cert, expired, values));
  return { findings, plans };
}

/**
 * What shows that clients are presented this self-signed certificate: a port clients use presenting
 * it (a probe, openssl s_client), or a name clients use on it, enabled for a client service, that no
 * CA-issued certificate of the paste covers. Never the Services column alone: services only
 * accumulate, and Setup's certificate keeps IIS/POP/IMAP (and serves the Exchange Back End on 444)
 * long after a CA-issued certificate took the client-facing names over.
 */
function clientsShown(
  cert: CertificateFacts,
  options: CertificateJudgeOptions,
  ownHost: boolean,
): { port: number } | { names: string } | undefined {
  const port = options.presentedPort;
  if (port !== undefined && CLIENT_PORTS.includes(port) && !ownHost) return { port };
  // A live probe of a client port judges the leaf it was presented, with that port's service.
  if (cert.source === 'probe' && (cert.services ?? []).some((s) => CLIENT_FACING.includes(s)))
    return { names: cert.domains.join(', ') || displayName(cert) };
  if (cert.role === 'exchange-self-signed') return undefined;
  if (!(cert.services ?? []).some((s) => CLIENT_FACING.includes(s))) return undefined;
  const own = [options.server, ...(cert.servers ?? [])].filter((s): s is string => s !== undefined);
  const clientNames = cert.domains.filter((d) => d.includes('.') && !own.some((s) => isOwnHost(d, s)));
  const others = options.others ?? [];
  const uncovered = clientNames.filter(
    (n) =>
      !others.some(
        (c) =>
          c !== cert && c.selfSigned === false && (c.daysLeft === undefined || c.daysLeft >= 0) && covers(c.domains, n),
      ),
  );
  return uncovered.length > 0 ? { names: uncovered.join(', ') } : undefined;
}

/** The paste shows a valid CA-issued certificate enabled for IIS on the same server as this one. */
function caServesClients(cert: CertificateFacts, others: readonly CertificateFacts[]): boolean {
  const sameServer = (c: CertificateFacts) =>
    !cert.servers?.length || !c.servers?.length || c.servers.some((s) => cert.servers?.includes(s));
  return others.some(
    (c) =>
      c !== cert &&
      c.selfSigned === false &&
      (c.services ?? []).includes('IIS') &&
      c.daysLeft !== undefined &&
      c.daysLeft >= 0 &&
      sameServer(c),
  );
}

/** The host is the server itself (EX01, EX01.contoso.local), not a name published for clients. */
/**
 * The services an expired certificate served that its renewal is already enabled for, on every server
 * that holds it, when that is all of them: Exchange picks the valid renewal for SMTP, IMAP and POP.
 * IIS is left out (Services is history: the 443 binding may still name the old one), and so is a
 * certificate an endpoint in the paste presents.
 */
function replacedServices(
  cert: CertificateFacts,
  renewed: CertificateFacts,
  options: CertificateJudgeOptions,
): string | undefined {
  if (options.presentedBy !== undefined) return undefined;
  const served = (cert.services ?? []).filter((s) => s !== 'Federation');
  if (served.length === 0 || served.includes('IIS')) return undefined;
  if (!served.every((s) => renewed.services?.includes(s))) return undefined;
  const holders = new Set((renewed.servers ?? []).map((s) => s.toLowerCase()));
  if (!(cert.servers ?? []).every((s) => holders.has(s.toLowerCase()))) return undefined;
  return served.join(', ');
}

function isOwnHost(host: string, server: string | undefined): boolean {
  if (!server) return false;
  return host.split('.')[0]?.toLowerCase() === server.split('\\')[0]?.split('.')[0]?.toLowerCase();
}

/** Which renewal procedure fits this kind of certificate. */
function renewalPlans(cert: CertificateFacts, expired: boolean, values: PlanValues): Judgement['plans'] {
  switch (cert.role) {
    case 'auth':
      return [{ plan: expired ? 'auth-renew' : 'auth-stage-next', values }];
    case 'federation':
      return [{ plan: expired ? 'federation-expired' : 'federation-renew', values }];
    case 'wmsvc':
      return [];
    case 'certificate-authority':
      // A root is the CA's to renew; an expired intermediate is fixed by installing its renewal.
      return expired && cert.selfSigned !== true ? [{ plan: 'chain-renew', values }] : [];
    case 'ca-issued':
      return [{ plan: 'ca-renew', values }];
    default:
      if (cert.selfSigned === false) return [{ plan: 'ca-renew', values }];
      if (cert.selfSigned === true || cert.role === 'exchange-self-signed' || cert.role === 'self-signed')
        return [{ plan: 'internal-transport-renew', values }];
      // Issuer unknown is not self-signed: the plan shows it first, then renews either way.
      return [{ plan: 'renew-unknown-issuer', values }];
  }
}

/** Sources that read the certificate itself: its subject and every SAN, where a listing may show fewer. */
const NAMES_FROM_THE_CERTIFICATE: ReadonlySet<CertificateFacts['source']> = new Set([
  'pem',
  'der',
  'pkcs7',
  'openssl',
  's-client',
  'probe',
]);

function planValues(cert: CertificateFacts, server: string | undefined): PlanValues {
  const values: PlanValues = {};
  if (cert.thumbprint) values.thumbprint = cert.thumbprint;
  if (cert.domains.length > 0) values.domains = cert.domains.join(',');
  if (NAMES_FROM_THE_CERTIFICATE.has(cert.source)) values.namesComplete = 'yes';
  const fqdn = cert.domains.find((d) => d.includes('.'));
  if (fqdn) values.fqdn = fqdn;
  if (cert.subject) values.subject = cert.subject;
  const cn = commonName(cert.subject);
  if (cn) values.cn = cn.replace(/[^\w.-]/g, '_');
  if (cert.services && cert.services.length > 0) values.services = cert.services.join(',');
  // Setup's certificate is named after its server (CN=EX2016, SAN EX2016 and its FQDN).
  const own =
    cert.servers?.length === 1
      ? cert.servers[0]
      : cert.role === 'exchange-self-signed'
        ? cert.domains.find((d) => !d.includes('.'))
        : undefined;
  if (own ?? server) values.server = own ?? server;
  return values;
}

export function commonName(subject: string): string | undefined {
  return /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim();
}

/** How a certificate is named in prose: its CN, else its first name, else its thumbprint. */
export function displayName(
  cert: Pick<CertificateFacts, 'subject' | 'domains' | 'thumbprint'> & Partial<Pick<CertificateFacts, 'role'>>,
): string {
  const cn = commonName(cert.subject);
  // A table cut the Auth certificate's name (`Microsoft Exchange Server Auth Ce…`): its name is known.
  if (cert.role === 'auth' && cn && isCut(cn)) return 'Microsoft Exchange Server Auth Certificate';
  return cn ?? cert.domains[0] ?? (cert.thumbprint ? shortThumbprint(cert.thumbprint) : '?');
}

export function shortThumbprint(thumbprint: string): string {
  return `${thumbprint.slice(0, 4)}…${thumbprint.slice(-4)}`;
}

/** A certificate name covers an FQDN exactly or by a one-label wildcard. */
export function covers(names: readonly string[], fqdn: string): boolean {
  const host = fqdn.toLowerCase();
  return names.some((raw) => {
    const name = raw.toLowerCase();
    if (name === host) return true;
    return name.startsWith('*.') && host.endsWith(name.slice(1)) && !host.slice(0, -name.length + 1).includes('.');
  });
}
