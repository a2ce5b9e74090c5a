import { covers } from '../findings/certificate-findings.js';
import type { CertificateFacts, EventFacts } from '../model.js';
import { withoutDagDenials } from '../recognize/dag-mentions.js';
import type { Evidence } from '../recognize/evidence.js';
import type { PlanRequest } from '../steps.js';
import { pins } from './build-facts.js';
import { statedPinsFor } from './connector-said.js';
import { failingConnectorIsHybrid } from './hybrid-pins.js';
import { type HybridServersSaid, outsideHybrid } from './hybrid-said.js';
import { isOwnName } from './conditions.js';
import { sameDistinguishedName } from './dn-compare.js';
import { isValid } from './plan-scope.js';
import { type PresentedEndpoint, rollOutPresentedRenewals } from './presented-rollout.js';
import { rollOutDoneRenewals, type ServerCopy } from './renewed-rollout.js';
import { interimBackendCertificate, setupCertificateGone } from './setup-cert-gone.js';
import type { StatedFacts } from './stated-facts.js';
import type { ServerCertificate, ServerFacts } from './server-facts.js';
import { keyOf } from './server-keys.js';

/** Transport events whose stopping shows the fix took. */
const WATCHED = new Set([12012, 12013, 12014, 12015, 12016, 12017, 12018, 12019, 12020, 12022, 12023, 12024]);

/**
 * Values the plans take from the facts rather than from one finding: the renewed certificate a
 * pinned connector should name, a valid certificate for the Back End binding, the events to watch.
 */
export function enrichPlanRequests(
  requests: readonly PlanRequest[],
  context: {
    servers: readonly ServerFacts[];
    events: readonly EventFacts[];
    certificates: readonly CertificateFacts[];
    /** Each server's own copy of a certificate as listed, before copies on several servers are merged. */
    copies?: readonly ServerCopy[];
    /** The AD site the paste names (an Edge subscription is imported for it). */
    site?: string;
    /** The admin says other servers serve the same names (a DAG, a load balancer, both servers). */
    othersSaid?: boolean;
    /** How many servers the admin says serve the names ("DAG of 3", 「3 台」), when they give a number. */
    serverCount?: number;
    /** What the admin states in prose: the new certificate's thumbprint, the one server it was imported on. */
    stated?: StatedFacts;
    /** The admin says the certificate was renewed. */
    renewalSaid?: boolean;
    /** What endpoints presented (openssl s_client, a probe): the port an expired certificate is served on. */
    endpoints?: readonly PresentedEndpoint[];
  },
): PlanRequest[] {
  const watched = [...new Set(context.events.map((e) => e.id).filter((id) => WATCHED.has(id)))];
  const kept = withoutReplacedRenewals(
    withoutRenewalsFoundFirst(
      withoutCoveredRenewals(expiredInternalRenewed(requests, context.certificates)),
      context.certificates,
      context.renewalSaid === true,
    ),
    context.servers,
  );
  // With one server the event's own plan is the one that restarts the service that logged it.
  const requestsKept = context.servers.length > 1 ? withoutOrphanEventRenewals(kept, context.certificates) : kept;
  const enriched = requestsKept.map((request) => {
    const values = { ...request.values };
    // A queue identity (EX01\87) names the server that holds the queue.
    const queueServer = values.queue?.includes('\\') ? values.queue.split('\\')[0] : undefined;
    if (!values.server && queueServer) values.server = queueServer;
    const facts = factsFor(context.servers, values.server);
    if (watched.length > 0 && !values.eventIds) values.eventIds = watched.join(',');
    if (!values.server && facts?.name) values.server = facts.name;
    if (context.site && !values.site) values.site = context.site;
    if (request.eventId !== undefined) adoptCertificate(values, context.certificates);
    if (request.plan === 'private-key-missing') adoptKeyless(values, context.certificates, facts);
    if (cutRecord(values, context.certificates)) values.cut = 'yes';
    const stored = context.certificates.find((c) => c.thumbprint && c.thumbprint === values.thumbprint);
    // A listing that does not show the issuer may still show what the certificate is used for.
    const known = facts?.certificates.find((c) => c.thumbprint && c.thumbprint === values.thumbprint);
    // The server that logs an SMTP certificate event about it, or presents it on a port, holds it in
    // its store: the renewal can read the old one's services there instead of taking them from a port.
    // A port that showed what it serves (servicesAtLeast) was the server's too.
    const onServer =
      known &&
      (SMTP_EVENTS.has(request.eventId ?? 0) ||
        known.presentedOn.length > 0 ||
        (known.servicesAtLeast?.length ?? 0) > 0);
    if ((stored && STORE_SOURCES.has(stored.source)) || onServer) values.inStore = 'yes';
    // An SMTP certificate's event (12015-12018) about one the paste also shows serving clients: the
    // renewal is enabled for both.
    if (!values.services && known && SMTP_EVENTS.has(request.eventId ?? 0)) {
      const served = [...(known.servicesHistory ?? []), ...known.presentedOn.map((p) => (p === 443 ? 'IIS' : 'SMTP'))];
      if (served.some((s) => s !== 'SMTP')) values.services = [...new Set([...served, 'SMTP'])].join(',');
    }
    if (request.plan === 'renew-unknown-issuer' && known?.internalTransport === true)
      return { ...request, plan: 'internal-transport-renew', values };
    if (request.plan === 'renew-unknown-issuer' && known?.authCurrent === true)
      return { ...request, plan: 'auth-renew', values };
    if (facts && request.plan === 'send-connector-pin' && !values.connector) {
      // The send connector the failing queue names (by NextHopConnector or a smart host's NextHopDomain).
      const queued = facts.connectors.filter((c) => c.namedBy === 'queue' && c.kind === 'send');
      if (queued.length === 1 && queued[0]) {
        values.connector = queued[0].name;
        values.connectorIsSend = 'yes';
      }
      // A smart host queue's NextHopDomain is the name of the listed connector it sends through.
      const hop = values.nextHopDomain?.replace(/\s+/g, ' ').trim().toLowerCase();
      const byHop = facts.connectors.filter(
        (c) => c.kind !== 'receive' && c.name.replace(/\s+/g, ' ').trim().toLowerCase() === hop,
      );
      if (!values.connector && byHop.length === 1 && byHop[0]) {
        values.connector = byHop[0].name;
        values.connectorIsSend = 'yes';
      }
      // A queue toward the tenant's routing domain goes through the one Outbound to Office 365 connector listed.
      const office365 = facts.connectors.filter((c) => c.kind === 'send' && /^Outbound to Office 365/i.test(c.name));
      if (!values.connector && office365.length === 1 && office365[0] && failingConnectorIsHybrid({ facts, values })) {
        values.connector = office365[0].name;
        values.connectorIsSend = 'yes';
      }
    }
    if (facts && (request.plan === 'starttls-pinned' || request.plan === 'send-connector-pin')) {
      // The connector's own listing shows what it pins when the error does not.
      const named = values.connector ? facts.connectors.find((c) => c.name === values.connector) : undefined;
      if (!values.pinned && named?.tlsCertificateName) values.pinned = named.tlsCertificateName;
      const renewed = renewedFor(facts, values.pinned, values.fqdn);
      if (renewed?.thumbprint && !values.newThumbprint) values.newThumbprint = renewed.thumbprint;
    }
    // Port 25 presents a self-signed certificate: the one valid CA-issued certificate for the name it was reached by.
    // The new certificate takes over the services of the one it replaces (same subject, on this server).
    const finishing = request.plan === 'chain-missing-issuer' || request.plan === 'pending-request';
    if (facts && finishing && (!values.services || values.services === 'None')) {
      const old = replacedBy(facts, values.thumbprint)[0];
      if (old?.servicesHistory?.length) values.services = old.servicesHistory.join(',');
    }
    if (request.plan === 'starttls-missing' && !values.coveredName) {
      const covered = receiveConnectorAlternative(values, context.certificates);
      if (covered) values.coveredName = covered;
    }
    if (facts && request.plan === 'self-signed-smtp' && !values.newThumbprint) {
      const published = renewedFor(facts, undefined, values.fqdn);
      if (published?.thumbprint) values.newThumbprint = published.thumbprint;
    }
    // The server the admin names in prose, when nothing in the paste names one.
    if (!values.server && context.stated?.server && context.servers.every((s) => !s.name))
      values.server = context.stated.server;
    if (context.stated) bindStated(values, context.stated, request.plan);
    // The connectors the admin says pin this certificate (by its name in the same sentence).
    if (context.stated?.pinsSaid && !values.statedPins) {
      const cn = commonName(known?.subject ?? stored?.subject ?? '');
      const names = [values.fqdn, cn, ...(values.domains ?? '').split(',')].filter((n): n is string => Boolean(n));
      const pinned = statedPinsFor(context.stated.pinsSaid, names);
      if (pinned) values.statedPins = pinned;
    }
    if (facts)
      addOtherServers(values, facts, context.servers, request.plan, context.othersSaid === true, context.serverCount, {
        ...(context.stated?.hybrid && { hybrid: context.stated.hybrid }),
      });
    // The server the admin says already holds the renewal is where it comes from, never sent a copy.
    if (values.importedOn && values.sharedWith) {
      const holder = keyOf(values.importedOn);
      const others = values.sharedWith.split(',').filter((s) => s.trim() !== '' && keyOf(s) !== holder);
      if (others.length > 0) values.sharedWith = others.join(',');
      else delete values.sharedWith;
    }
    // Its holder is the other server the admin speaks of: it gets no copy of its own renewal.
    if (values.importedOn && !values.sharedWith) delete values.othersSaid;
    if (request.plan === 'starttls-missing' && !values.renewalSaid && renewedFor12014(values, context))
      values.renewalSaid = 'yes';
    if (facts && AUTH_PLANS.has(request.plan) && !values.otherMailbox) {
      const self = facts.name ? keyOf(facts.name) : '';
      const others = context.servers.filter(
        (s) => s.name && keyOf(s.name) !== self && !s.roles.some((r) => r.value === 'edge' || r.value === 'hub'),
      );
      if (others.length > 0) values.otherMailbox = others.map((s) => s.name).join(',');
    }
    if (facts && request.plan === 'backend-444-rebind') {
      const own = facts.certificates.filter((c) => c.thumbprint && isOwnName(commonName(c.subject), facts.name));
      // A dated one still valid; else the one certificate for the server's own name a listing without
      // dates shows (the expired one having been removed), rather than a placeholder to copy by hand.
      const candidate =
        own.find((c) => isValid(c) && c.daysLeft !== undefined) ??
        (own.length === 1 && own[0]?.daysLeft === undefined ? own[0] : undefined);
      if (candidate?.thumbprint) values.backendCandidate = candidate.thumbprint;
      // Setup's certificate is gone from the listing: it was the internal transport certificate too.
      // Back End is first bound to any valid certificate, so the Management Shell connects again.
      else if (setupCertificateGone(facts, context.certificates)) {
        values.setupGone = 'yes';
        const interim = interimBackendCertificate(facts, context.certificates);
        if (interim?.thumbprint) values.backendCandidate = interim.thumbprint;
      }
    }
    // A replacement the paste already shows takes over Exchange Back End before the old one goes.
    if (facts && RENEWALS.has(request.plan) && !values.backendCandidate) {
      const replacement = replacementFor(facts, values.thumbprint);
      if (replacement) values.backendCandidate = replacement;
    }
    return { ...request, values };
  });
  // A renewal the paste already shows is rolled out, not requested a second time.
  const roleHolders = new Set(
    context.servers.flatMap((s) =>
      s.certificates.filter((c) => c.authCurrent || c.authNext).map((c) => c.thumbprint ?? ''),
    ),
  );
  const rolled = rollOutPresentedRenewals(
    rollOutDoneRenewals(
      withCoverRenewed(withoutSharedEventRenewals(enriched)),
      context.certificates,
      context.copies,
      roleHolders,
    ),
    context.certificates,
    context.endpoints,
  );
  return rolled.map((request) => withUnshownPeers(request, context.servers));
}

/**
 * A roll-out names the servers that list the old certificate without the new one; servers the paste
 * names without any listing of theirs (CAS02 behind the same load balancer) get the copy too.
 */
function withUnshownPeers(request: PlanRequest, servers: readonly ServerFacts[]): PlanRequest {
  if (request.plan !== 'renewed-rollout') return request;
  const { values } = request;
  const facts = factsFor(servers, values.server);
  if (!facts || !copiedToUnshown(request.plan, values.newThumbprint, facts)) return request;
  const self = facts.name ? keyOf(facts.name) : '';
  const peers = servers.filter((s) => s.name && keyOf(s.name) !== self && !s.roles.some((r) => r.value === 'edge'));
  const held = [values.sharedWith, values.renewedElsewhere].filter(Boolean).join(',');
  const unshown = unshownPeers(peers, held);
  if (unshown.length === 0) return request;
  const { othersSaid: _said, ...rest } = values;
  return { ...request, values: { ...rest, sharedWith: [values.sharedWith, ...unshown].filter(Boolean).join(',') } };
}

/**
 * An event's certificate, when the paste also lists it (by thumbprint, or the one certificate that
 * covers the FQDN 12016/12018 name): its names and services make the renewal the same as the
 * certificate's own, instead of names guessed from the server.
 */
function adoptCertificate(values: PlanRequest['values'], certificates: readonly CertificateFacts[]): void {
  const pasted = certificates.filter((c) => c.thumbprint && c.source !== 'event');
  const byThumbprint = values.thumbprint ? pasted.find((c) => c.thumbprint === values.thumbprint) : undefined;
  const fqdn = values.fqdn;
  const matching = fqdn && !values.thumbprint ? pasted.filter((c) => covers(c.domains, fqdn)) : [];
  const cert = byThumbprint ?? (matching.length === 1 ? matching[0] : undefined);
  if (!cert?.thumbprint) return;
  values.thumbprint = cert.thumbprint;
  values.subject = cert.subject;
  if (cert.domains.length > 0) values.domains = cert.domains.join(',');
  // The checks at the end probe the certificate's own name.
  const named = cert.domains.find((d) => d.includes('.') && !d.startsWith('*'));
  if (!values.fqdn && named) values.fqdn = named;
  const cn = /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(cert.subject)?.[1]?.trim();
  if (cn) values.cn = cn.replace(/[^\w.-]/g, '_');
  if (cert.services?.length) values.services = cert.services.join(',');
}

/**
 * A certificate refused for PrivateKeyMissing, as the paste lists it: its names for the file names and
 * the checks, the services of the certificate it replaces when the failed command did not show them,
 * and the server that made the request when the paste lists that request (Status PendingRequest).
 */
function adoptKeyless(
  values: PlanRequest['values'],
  certificates: readonly CertificateFacts[],
  facts: ServerFacts | undefined,
): void {
  const cert = certificates.find((c) => c.thumbprint && c.thumbprint === values.thumbprint);
  if (!cert) return;
  if (cert.subject) values.subject = cert.subject;
  if (cert.domains.length > 0) values.domains = cert.domains.join(',');
  const named = cert.domains.find((d) => d.includes('.') && !d.startsWith('*'));
  if (!values.fqdn && named) values.fqdn = named;
  const cn = commonName(cert.subject);
  if (cn) values.cn = cn.replace(/[^\w.-]/g, '_');
  if (!values.services && facts) {
    const old = replacedBy(facts, values.thumbprint).find((c) => c.servicesHistory?.length);
    if (old?.servicesHistory) values.services = old.servicesHistory.join(',');
  }
  if (!values.requestServer && cert.subject) {
    const pending = certificates.find(
      (c) => c.status === 'PendingRequest' && c.servers?.length === 1 && sameDistinguishedName(c.subject, cert.subject),
    );
    const where = pending?.servers?.[0];
    if (where && (!values.server || keyOf(where) !== keyOf(values.server))) values.requestServer = where;
  }
}

/**
 * The one valid certificate with the same subject that outlives the old one (the self-signed
 * certificate the admin just made with the same names): the thumbprint to move bindings to.
 */
function replacementFor(facts: ServerFacts, thumbprint: string | undefined): string | undefined {
  const old = thumbprint ? facts.certificates.find((c) => c.thumbprint === thumbprint) : undefined;
  if (!old?.subject) return undefined;
  const newer = facts.certificates.filter(
    (c) =>
      c.thumbprint &&
      c.thumbprint !== old.thumbprint &&
      c.subject !== '' &&
      sameDistinguishedName(c.subject, old.subject) &&
      isValid(c) &&
      c.daysLeft !== undefined &&
      (old.daysLeft === undefined || c.daysLeft > old.daysLeft),
  );
  return newer.length === 1 ? newer[0]?.thumbprint : undefined;
}

/** The certificate the plan is about was cut mid-record in the paste (by thumbprint, else by subject). */
function cutRecord(values: PlanRequest['values'], certificates: readonly CertificateFacts[]): boolean {
  const cert = values.thumbprint
    ? certificates.find((c) => c.thumbprint === values.thumbprint)
    : values.subject
      ? certificates.find((c) => !c.thumbprint && c.subject === values.subject)
      : undefined;
  return cert?.cut === true;
}

/** Where a certificate is read from a server's own store, so Get-ExchangeCertificate finds it there. */
const STORE_SOURCES: ReadonlySet<string> = new Set(['exchange-list', 'exchange-table', 'certutil', 'healthchecker']);

const RENEWALS = new Set([
  'internal-transport-renew',
  'starttls-renew',
  'ca-renew',
  'renew-unknown-issuer',
  'federation-renew',
  'federation-expired',
]);

/** Certificates on this server with the same subject as this one, which it is imported to replace. */
function replacedBy(facts: ServerFacts, thumbprint: string | undefined): ServerCertificate[] {
  const fresh = thumbprint ? facts.certificates.find((c) => c.thumbprint === thumbprint) : undefined;
  if (!fresh?.subject) return [];
  return facts.certificates.filter(
    (c) =>
      c.thumbprint &&
      c.thumbprint !== fresh.thumbprint &&
      sameDistinguishedName(c.subject, fresh.subject) &&
      (c.daysLeft === undefined || fresh.daysLeft === undefined || c.daysLeft < fresh.daysLeft),
  );
}

/** Plans about a renewal the CA already issued: what is left is to make that certificate usable. */
const REPLACING = new Set(['chain-missing-issuer', 'private-key-missing', 'pending-request']);

/**
 * A renewal already issued but not yet usable (its issuing CA missing, its key on another server) is
 * finished, not requested again: the old certificate's own renewal plan gives way to the new one's.
 */
function withoutReplacedRenewals(requests: readonly PlanRequest[], servers: readonly ServerFacts[]): PlanRequest[] {
  const replaced = new Set<string>();
  for (const request of requests.filter((r) => REPLACING.has(r.plan))) {
    const facts = factsFor(servers, request.values.server);
    if (!facts) continue;
    for (const old of replacedBy(facts, request.values.thumbprint)) if (old.thumbprint) replaced.add(old.thumbprint);
  }
  if (replaced.size === 0) return [...requests];
  const dropped = (r: PlanRequest) =>
    RENEWALS.has(r.plan) && r.values.thumbprint !== undefined && replaced.has(r.values.thumbprint);
  // The event that asked for the old certificate's renewal stays with the request that finishes it:
  // the service that logged it is restarted and the event checked once the new certificate serves.
  const asked = requests.find((r) => dropped(r) && r.eventId !== undefined);
  return requests
    .filter((r) => !dropped(r))
    .map((r) =>
      REPLACING.has(r.plan) && r.eventId === undefined && asked
        ? {
            ...r,
            eventId: asked.eventId,
            ...(asked.source && { source: asked.source }),
            values: {
              ...r.values,
              ...(asked.values.eventIds && !r.values.eventIds && { eventIds: asked.values.eventIds }),
            },
          }
        : r,
    );
}

/**
 * One request for a certificate several servers share: each server's STARTTLS event about the same
 * thumbprint asks for its renewal, but the first request is exported with its key to the others
 * (its plan names them in `sharedWith`), so their own requests are dropped.
 */
function withoutSharedEventRenewals(requests: readonly PlanRequest[]): PlanRequest[] {
  const kept: PlanRequest[] = [];
  for (const request of requests) {
    const { thumbprint, server } = request.values;
    const covered =
      request.plan === 'starttls-renew' &&
      request.eventId !== undefined &&
      thumbprint !== undefined &&
      server !== undefined &&
      kept.some(
        (k) =>
          k.plan === request.plan &&
          k.values.thumbprint === thumbprint &&
          (k.values.sharedWith ?? '').split(',').some((name) => keyOf(name) === keyOf(server)),
      );
    if (!covered) kept.push(request);
  }
  return kept;
}

/**
 * One renewal per certificate: when an event says what a listed certificate is (12015: the internal
 * transport certificate), the event's plan renews it and the listing's own renewal is dropped.
 */
function withoutCoveredRenewals(requests: readonly PlanRequest[]): PlanRequest[] {
  const byEvent = new Set(
    requests.filter((r) => r.eventId !== undefined && RENEWALS.has(r.plan)).map((r) => r.values.thumbprint),
  );
  return requests.filter(
    (r) =>
      r.eventId !== undefined || !RENEWALS.has(r.plan) || !r.values.thumbprint || !byEvent.has(r.values.thumbprint),
  );
}

/**
 * An event that says the internal transport certificate is missing (12013, 12023, 12024) about one
 * the paste lists as expired: enabling it again would hand the internal role back to an expired
 * certificate, so it is renewed as the internal transport certificate instead (Y), once.
 */
function expiredInternalRenewed(
  requests: readonly PlanRequest[],
  certificates: readonly CertificateFacts[],
): PlanRequest[] {
  const expired = (thumbprint: string | undefined) =>
    thumbprint !== undefined &&
    certificates.some((c) => c.thumbprint === thumbprint && c.source !== 'event' && (c.daysLeft ?? 0) < 0);
  return requests.map((r) =>
    r.plan === 'internal-missing-local' && r.eventId !== undefined && expired(r.values.thumbprint)
      ? { ...r, plan: 'internal-transport-renew', values: { ...r.values, internal: 'yes' as const } }
      : r,
  );
}

/**
 * A 12014 whose name only an expired (or not yet valid) certificate covers is fixed by that
 * certificate's renewal: when its own plan renews it in the same reply, the 12014 plan makes no second
 * request and only restarts and checks.
 */
function withCoverRenewed(requests: readonly PlanRequest[]): PlanRequest[] {
  const renewed = new Set(requests.filter((r) => RENEWALS.has(r.plan)).map((r) => r.values.thumbprint));
  return requests.map((r) =>
    r.plan === 'starttls-missing' && r.values.coverOutOfDate && renewed.has(r.values.coverOutOfDate)
      ? { ...r, values: { ...r.values, coverRenewed: 'yes' as const } }
      : r,
  );
}

/**
 * The admin says the certificate was renewed, and a 12014 for the same FQDN first lists what the
 * store holds for it, enabling a valid one or else requesting one: a 12016 about that FQDN whose
 * certificate the paste does not list adds only a second request before the renewal is even looked for.
 */
function withoutRenewalsFoundFirst(
  requests: readonly PlanRequest[],
  certificates: readonly CertificateFacts[],
  renewalSaid: boolean,
): PlanRequest[] {
  if (!renewalSaid) return [...requests];
  const looked = new Set(
    requests
      .filter((r) => r.plan === 'starttls-missing' && !r.values.candidate && r.values.fqdn)
      .map((r) => r.values.fqdn?.toLowerCase()),
  );
  const listed = (thumbprint: string | undefined) =>
    thumbprint !== undefined && certificates.some((c) => c.thumbprint === thumbprint && c.source !== 'event');
  const dropped = (r: PlanRequest) =>
    r.eventId === 12016 &&
    r.plan === 'starttls-renew' &&
    looked.has(r.values.fqdn?.toLowerCase()) &&
    !listed(r.values.thumbprint);
  if (!requests.some(dropped)) return [...requests];
  // 12016 comes from the Transport service: the 12014 plan that stays restarts it too.
  return requests
    .filter((r) => !dropped(r))
    .map((r) =>
      r.plan === 'starttls-missing' && looked.has(r.values.fqdn?.toLowerCase())
        ? { ...r, values: { ...r.values, transportToo: 'yes' as const } }
        : r,
    );
}

/**
 * Of several servers, an expiry event named without its certificate or server ("only EX16-C logs
 * 12015") is about the expired SMTP certificate the listing shows, whose own renewal is planned on its
 * own server: a second renewal for the event would land on whichever server the paste names first.
 */
function withoutOrphanEventRenewals(
  requests: readonly PlanRequest[],
  certificates: readonly CertificateFacts[],
): PlanRequest[] {
  const expiredSmtp = (thumbprint: string | undefined) =>
    certificates.some(
      (c) => c.thumbprint === thumbprint && (c.daysLeft ?? 0) < 0 && (c.services ?? []).includes('SMTP'),
    );
  const listed = requests.some(
    (r) => r.eventId === undefined && RENEWALS.has(r.plan) && expiredSmtp(r.values.thumbprint),
  );
  if (!listed) return [...requests];
  return requests.filter(
    (r) =>
      !(
        (r.eventId === 12015 || r.eventId === 12016) &&
        RENEWALS.has(r.plan) &&
        !r.values.thumbprint &&
        !r.values.server
      ),
  );
}

const PIN_PLANS = new Set(['starttls-pinned', 'send-connector-pin']);
/** Plans about the Auth certificate, which every Mailbox server caches on its own. */
const AUTH_PLANS = new Set(['auth-renew', 'auth-stage-next', 'auth-check-thumbprint']);
const SMTP_EVENTS = new Set([12015, 12016, 12017, 12018]);

/**
 * The other servers a plan reaches: those the paste shows with the same certificate (a DAG, an
 * array), and, for a hybrid pin, the other servers it names (each has its own Default Frontend).
 */
function addOtherServers(
  values: PlanRequest['values'],
  facts: ServerFacts,
  servers: readonly ServerFacts[],
  plan: string,
  othersSaid: boolean,
  /** How many servers the admin says serve the names ("DAG of 3"), this one included. */
  counted?: number,
  said: { hybrid?: HybridServersSaid } = {},
): void {
  const self = facts.name ? keyOf(facts.name) : '';
  const others = servers.filter((s) => s.name && keyOf(s.name) !== self);
  const thumbprint = values.thumbprint;
  const sharing = thumbprint ? others.filter((s) => s.certificates.some((c) => c.thumbprint === thumbprint)) : [];
  if (sharing.length > 0 && !values.sharedWith) values.sharedWith = sharing.map((s) => s.name).join(',');
  // An Edge the admin states is one keeps its certificates to itself: its internet certificate is
  // never copied to the Mailbox servers the paste names beside it, only to another Edge.
  const edgeHere = facts.roles.some((r) => r.value === 'edge' && r.strength === 'strong');
  const isEdgeServer = (s: ServerFacts) => s.roles.some((r) => r.value === 'edge');
  const peers = others.filter((s) => (edgeHere ? isEdgeServer(s) : !isEdgeServer(s)));
  // An expired intermediate is in every named server's own store: each is fixed and restarted.
  if (plan === 'chain-renew' && !values.sharedWith && peers.length > 0)
    values.sharedWith = peers.map((s) => s.name).join(',');
  // A completed request's key is only where the request was made: the other servers the paste names
  // import the copy exported from there, unless the request is for this server's own name.
  const requested = /CN=([^,]+)/i.exec(values.subject ?? '')?.[1]?.trim();
  if (
    plan === 'pending-request' &&
    !values.sharedWith &&
    peers.length > 0 &&
    !(requested && isOwnName(requested, facts.name))
  )
    values.sharedWith = peers.map((s) => s.name).join(',');
  // Other servers the paste names (Get-ExchangeServer, -Server, the admin's words) without listing
  // their certificates: a shared CA certificate is copied to each of them by name.
  const unshown = copiedToUnshown(plan, thumbprint, facts) ? unshownPeers(peers, values.sharedWith) : [];
  if (unshown.length > 0) values.sharedWith = [values.sharedWith, ...unshown].filter(Boolean).join(',');
  // The admin's words alone (a DAG, a load balancer, both servers): the copy goes to servers left to name.
  if (!values.sharedWith && ((othersSaid && !edgeHere) || peers.length > 0)) values.othersSaid = 'yes';
  // "DAG of 3" with fewer others named: the rest are listed before the copy goes to them.
  const named = (values.sharedWith ?? '').split(',').filter(Boolean).length;
  if (values.sharedWith && counted !== undefined && counted - 1 > named) values.othersBeyondNamed = 'yes';
  // A server the admin puts outside the hybrid has a Default Frontend the wizard never pinned.
  const hybridPeers = peers.filter((s) => !outsideHybrid(said.hybrid, s.name ?? '', keyOf));
  if (PIN_PLANS.has(plan) && hybridPeers.length > 0 && !values.hybridPeers)
    values.hybridPeers = hybridPeers.map((s) => s.name).join(',');
}

/** Plans whose renewed certificate is one that every server serving the same names holds. */
const COPY_PLANS = new Set(['ca-renew', 'starttls-renew', 'renewed-rollout', 'renew-unknown-issuer']);

/** A CA (or not known self-signed) certificate for shared names, not a server's own. */
function copiedToUnshown(plan: string, thumbprint: string | undefined, facts: ServerFacts): boolean {
  if (!COPY_PLANS.has(plan) || !thumbprint) return false;
  const certificate = facts.certificates.find((c) => c.thumbprint === thumbprint);
  if (certificate?.issuerKind === 'self-signed') return false;
  const cn = /CN=([^,]+)/i.exec(certificate?.subject ?? '')?.[1]?.trim();
  return !(cn && isOwnName(cn, facts.name));
}

/** Non-Edge servers the paste names without a certificate listing of theirs, not yet in `listed`. */
function unshownPeers(peers: readonly ServerFacts[], listed: string | undefined): string[] {
  const taken = new Set((listed ?? '').split(',').filter(Boolean).map(keyOf));
  return peers
    .filter((s) => s.name && s.certificates.length === 0 && !taken.has(keyOf(s.name)))
    .map((s) => s.name as string);
}

function factsFor(servers: readonly ServerFacts[], server: string | undefined): ServerFacts | undefined {
  const key = server ? keyOf(server) : undefined;
  return (key ? servers.find((s) => s.name && keyOf(s.name) === key) : undefined) ?? servers[0];
}

/**
 * The certificate that replaces what a connector pins: a valid CA-issued one with the pinned subject
 * (or covering the FQDN), not the pinned one itself.
 */
function renewedFor(
  facts: ServerFacts,
  pinned: string | undefined,
  fqdn: string | undefined,
): ServerCertificate | undefined {
  // The failing connector's own value decides the name: another connector's pin (a partner's relay
  // certificate beside the hybrid one) names another certificate, never this one's replacement.
  // Without it, the listed pins stand for it only while they all name one host.
  const pinnedValues = (pinned ? [pinned] : facts.connectors.map((c) => c.tlsCertificateName)).filter(
    (p): p is string => typeof p === 'string',
  );
  const named = pinnedValues.map((p) => /<S>(.*)$/s.exec(p)?.[1]?.trim()).filter((s): s is string => Boolean(s));
  const hosts = new Set(named.map((s) => commonName(s)?.toLowerCase()));
  const subjects = pinned || hosts.size <= 1 ? named : [];
  const candidates = facts.certificates.filter(
    (c) =>
      c.thumbprint &&
      // A table without issuers (ft Thumbprint,Services,NotAfter,Subject) still shows the one
      // certificate with that subject; only one shown with the pinned issuer is the old one.
      (c.issuerKind === 'ca' || (c.issuerKind === 'unknown' && c.role !== 'exchange-self-signed')) &&
      isValid(c) &&
      !pinnedValues.some((p) => c.issuer !== '' && pins(p, c)) &&
      (subjects.some((s) => sameCn(s, c.subject)) || (fqdn !== undefined && sameCn(`CN=${fqdn}`, c.subject))),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

function commonName(subject: string): string | undefined {
  return /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim();
}

function sameCn(a: string, b: string): boolean {
  const x = commonName(a);
  return x !== undefined && x.toLowerCase() === commonName(b)?.toLowerCase();
}

/**
 * A name a receive connector the event names could announce instead of the one no certificate
 * carries: a name of the same domain on a valid certificate not made by Exchange Setup, already
 * enabled for SMTP (smtp.relecloud.com on Client Frontend, mail.relecloud.com on the certificate).
 */
function receiveConnectorAlternative(
  values: PlanRequest['values'],
  certificates: readonly CertificateFacts[],
): string | undefined {
  const { connector, fqdn } = values;
  if (!connector || !fqdn || /send|送信|outbound/i.test(connector)) return undefined;
  const domain = fqdn.toLowerCase().split('.').slice(-2).join('.');
  if (!domain.includes('.')) return undefined;
  const names = certificates
    .filter(
      (c) =>
        c.thumbprint &&
        c.source !== 'event' &&
        c.selfSigned !== true &&
        c.role !== 'exchange-self-signed' &&
        c.role !== 'auth' &&
        (c.daysLeft === undefined || c.daysLeft >= 0) &&
        (c.services ?? []).includes('SMTP') &&
        !covers(c.domains, fqdn),
    )
    .flatMap((c) => [commonNameOf(c.subject), ...c.domains])
    .filter((n): n is string => n !== undefined && !n.startsWith('*') && n.toLowerCase().endsWith(`.${domain}`));
  return names[0];
}

function commonNameOf(subject: string): string | undefined {
  return /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim();
}

/** 451 5.7.3 from Exchange Online means a hybrid: the mail came through the Office 365 connector. */
export function hybridSymptom(evidence: Evidence): boolean {
  return evidence.symptoms.some((s) => s.id === 'starttls-required-451');
}

/**
 * The admin's words for other servers serving the same names: a DAG, a load balancer, both (all,
 * the other) servers, in English or Japanese.
 */
export function saysOtherServers(text: string): boolean {
  // "a single-server deployment", 「一台構成」: the admin says there is no other server, whatever else they mention.
  if (SINGLE_SERVER.test(text)) return false;
  // "DAG Name: Standalone Server", "no DAG", "no load balancer", 「ロードバランサーはなく」: denied, no other server.
  return /\bDAG\b|load[- ]?balanc|\b(?:both|all|other|two|three|four|each)\s+(?:of\s+(?:our|the)\s+)?(?:Exchange\s+|mailbox\s+|CAS\s+)?servers\b|\bDAG\s*(?:members?|メンバー)|負荷分散|ロード\s?バランサ|他の\s*(?:Exchange\s*)?サーバー|両方の\s*サーバー|(?:全|各|すべての)\s*サーバー|\d\s*台の\s*(?:Exchange\s*)?サーバー/i.test(
    withoutDagDenials(text).replace(NO_LOAD_BALANCER, (match) => ' '.repeat(match.length)),
  );
}

const SINGLE_SERVER =
  /\bsingle[- ]server\s+(?:deployment|setup|environment|install(?:ation)?|organi[sz]ation)\b|\b(?:we\s+have|there\s+is)\s+(?:only\s+)?(?:a\s+single|one)\s+Exchange\s+server\b|(?:一|1|１)\s*台構成|(?:単一|シングル)\s*サーバー\s*構成/i;
const NO_LOAD_BALANCER =
  /\b(?:no|without\s+(?:a|any))\s+load[- ]?balanc\w*|(?:ロード\s?バランサー?|負荷分散(?:装置)?)\s*(?:は|も)?\s*(?:なく|なし|無し|ない|ありません|使っていません|使用していません|していません)/gi;

/** A renewal before a missing STARTTLS certificate: the admin says so, or two listed certificates cover its FQDN. */
function renewedFor12014(
  values: PlanRequest['values'],
  context: { certificates: readonly CertificateFacts[]; renewalSaid?: boolean },
): boolean {
  if (context.renewalSaid) return true;
  const fqdn = values.fqdn;
  return fqdn !== undefined && context.certificates.filter((c) => c.thumbprint && covers(c.domains, fqdn)).length > 1;
}

/**
 * The admin's words for a renewal ("renewed", "after the renewal", 更新した). The sentence every 12014
 * carries ("If this certificate was renewed, …") is not one.
 */
export function saysRenewed(text: string): boolean {
  const own = text
    .replace(/If\s+this\s+certificate\s+was\s+renewed[^.]*\./gi, '')
    .replace(/証明書が更新された場合[^。]*。/g, '');
  return /\brenew(?:ed|al|ing)\b|\breplaced\s+(?:the|our)\s+cert|証明書を?\s*更新|更新し(?:た|まし)|更新済み?|更新後/i.test(
    own,
  );
}

/** Plans whose missing certificate is copied from the server the admin says holds the renewed one. */
const COPIED_FROM_STATED = new Set(['starttls-missing', 'ca-renew', 'renew-unknown-issuer', 'starttls-renew']);

/**
 * What the admin states fills what the paste's output leaves open: the thumbprint they give as the
 * new certificate's (never the old one the plan is about), and the server they say the renewed
 * certificate was imported on, when it is another than the plan's (it is copied from there).
 */
function bindStated(values: PlanRequest['values'], stated: StatedFacts, plan: string): void {
  // The file the CA issued completes a pending request where the admin says it is.
  if (stated.issuedFile && plan === 'pending-request') values.issuedFile = stated.issuedFile;
  if (stated.iisOnCa) values.iisOnCaSaid = 'yes';
  if (stated.caSaid) values.caSaid = 'yes';
  if (stated.caSaidHosts) values.caSaidHosts = stated.caSaidHosts.join(',');
  if (stated.hybridOrg !== undefined) values.hybridSaid = stated.hybridOrg ? 'yes' : 'no';
  if (stated.testMailbox) values.testMailbox = stated.testMailbox;
  if (stated.offload) values.offloadSaid = 'yes';
  if (stated.internalRenewed) values.internalRenewedSaid = 'yes';
  if (stated.newThumbprint && !values.newThumbprint && stated.newThumbprint !== values.thumbprint)
    values.newThumbprint = stated.newThumbprint;
  const on = stated.importedOn;
  if (
    on &&
    COPIED_FROM_STATED.has(plan) &&
    values.server &&
    keyOf(on) !== keyOf(values.server) &&
    !values.sourceServer
  ) {
    values.importedOn = on;
    values.sourceServer = on;
    // The thumbprint the admin gives is the one on the other server: not yet a certificate here.
    if (values.candidate && values.candidate === stated.newThumbprint) delete values.candidate;
  }
}
