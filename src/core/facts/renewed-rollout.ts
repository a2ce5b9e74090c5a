import { commonNames } from '../distinguished-name.js';
import type { CertificateFacts } from '../model.js';
import type { PlanRequest } from '../steps.js';
import { sameDistinguishedName } from './dn-compare.js';
import type { PlanScope } from './plan-scope.js';
import { keyOf } from './server-keys.js';

/**
 * Plans that would request a new certificate for the old one. A certificate for a name clients use
 * that is also the internal transport certificate is renewed through 'internal-transport-renew' too.
 */
const REQUESTS = new Set(['ca-renew', 'renew-unknown-issuer', 'starttls-renew', 'internal-transport-renew']);

/**
 * The certificate that already renews `old`: another one with the same subject and the same names,
 * still valid (Status Valid when the paste shows it), expiring later and issued after it. Exchange's
 * own certificates (Setup's, Auth) are renewed by their own plans and are never taken for one another.
 */
export function renewalOf(
  old: CertificateFacts,
  certificates: readonly CertificateFacts[],
): CertificateFacts | undefined {
  if (!old.thumbprint || old.daysLeft === undefined) return undefined;
  if (old.role === 'exchange-self-signed' || old.role === 'auth' || old.role === 'certificate-authority')
    return undefined;
  // HealthChecker shows no subject: its FriendlyName and Namespaces say which certificate renews which.
  if (old.subject === '') return renewalByNames(old, certificates);
  // A certificate for the server's own name (Setup's CN=EX19-02, whatever the listing says of its
  // issuer) carries the internal transport and Back End roles its own plan hands over first.
  if (!/(?:^|,\s*)CN\s*=\s*[^,]*\./i.test(old.subject)) return undefined;
  const found = certificates.filter(
    (c) =>
      c.thumbprint !== undefined &&
      c.thumbprint !== old.thumbprint &&
      c.source !== 'event' &&
      // One Exchange does not call Valid (its CA missing, revocation unknown) is not ready to take over.
      (c.status === undefined || /^Valid$/i.test(c.status)) &&
      c.subject !== '' &&
      // A self-signed copy with the same names is no renewal (the old one piped without -GenerateRequest).
      c.selfSigned !== true &&
      !(c.issuer !== '' && sameDistinguishedName(c.issuer, c.subject)) &&
      sameHolder(c, old) &&
      c.daysLeft !== undefined &&
      c.daysLeft >= 0 &&
      c.daysLeft > (old.daysLeft ?? 0) &&
      started(c) &&
      !(c.notBefore && old.notBefore && Date.parse(c.notBefore) <= Date.parse(old.notBefore)),
  );
  // Two candidates: which one the admin means is not for certcheck to pick.
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The renewal is for the same holder: the same subject and names, or the same common name with every
 * name the old one carries. A renewal after a company rename or from another CA prints other O=, L=
 * or S= values, and may add a name; one that lacks a name of the old one is not a drop-in renewal
 * (clients that use that name would warn).
 */
function sameHolder(c: CertificateFacts, old: CertificateFacts): boolean {
  if (sameDistinguishedName(c.subject, old.subject) && sameNames(c.domains, old.domains)) return true;
  const cn = commonNames(old.subject)[0]?.toLowerCase();
  if (!cn || commonNames(c.subject)[0]?.toLowerCase() !== cn || old.domains.length === 0) return false;
  // A table row shows no CertificateDomains (its names are only its CN): the roll-out's first step
  // shows the renewal's names before anything is enabled.
  if (c.source === 'exchange-table') return true;
  const names = new Set(c.domains.map((n) => n.toLowerCase()));
  return old.domains.every((n) => names.has(n.toLowerCase()));
}

/**
 * Valid already, not only later: a NotBefore after today (today being NotAfter less the days left) is a
 * certificate Exchange would refuse to use until then, so it takes over nothing yet.
 */
function started(c: CertificateFacts): boolean {
  if (!c.notBefore || !c.notAfter || c.daysLeft === undefined) return true;
  const from = Date.parse(c.notBefore);
  const until = Date.parse(c.notAfter);
  if (Number.isNaN(from) || Number.isNaN(until)) return true;
  return from <= until - c.daysLeft * 86_400_000;
}

/**
 * The renewal of a certificate listed without its subject (HealthChecker: FriendlyName, Namespaces,
 * Lifetime, Bound to services): another one on the same server with the same namespaces (or, without
 * namespaces, the same friendly name but for a year or a "new"), valid, expiring later. The old one
 * must carry a name clients use, not only the server's own (Setup's certificate has its own plan).
 */
function renewalByNames(
  old: CertificateFacts,
  certificates: readonly CertificateFacts[],
): CertificateFacts | undefined {
  const own = new Set((old.servers ?? []).map(keyOf));
  const clientName = old.domains.some((d) => d.includes('.') && !own.has(keyOf(d)));
  const stem = friendlyStem(old.friendlyName);
  if (!clientName && (old.domains.length > 0 || !stem)) return undefined;
  const sameServer = (c: CertificateFacts) =>
    !old.servers?.length || !c.servers?.length || c.servers.some((s) => own.has(keyOf(s)));
  const found = certificates.filter(
    (c) =>
      c.thumbprint !== undefined &&
      c.thumbprint !== old.thumbprint &&
      c.source !== 'event' &&
      c.role === undefined &&
      c.selfSigned !== true &&
      (c.status === undefined || /^Valid$/i.test(c.status)) &&
      sameServer(c) &&
      (old.domains.length > 0
        ? sameNames(c.domains, old.domains)
        : c.domains.length === 0 && stem !== undefined && friendlyStem(c.friendlyName) === stem) &&
      c.daysLeft !== undefined &&
      c.daysLeft >= 0 &&
      c.daysLeft > (old.daysLeft ?? 0),
  );
  return found.length === 1 ? found[0] : undefined;
}

/** A friendly name without the year, date or "new"/"renewed" admins add to a renewal's ('mail 2027'). */
function friendlyStem(name: string | undefined): string | undefined {
  const stem = (name ?? '')
    .toLowerCase()
    .replace(
      /[\s_-]*(?:\(\d+\)|\b(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}\b|\bnew\b|\brenewed\b|\brenewal\b|新|更新)[\s_-]*/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return stem.length >= 3 && stem !== 'microsoft exchange' ? stem : undefined;
}

/** Services a certificate is enabled for that a copy takes over (None and Federation are not enabled). */
function enabledFor(services: readonly string[] | undefined): string[] {
  return (services ?? []).filter((s) => s !== 'None' && s !== 'Federation');
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((n) => n.toLowerCase()));
  const y = new Set(b.map((n) => n.toLowerCase()));
  return x.size === y.size && [...x].every((n) => y.has(n));
}

/**
 * A request for a certificate whose renewal the paste already shows becomes that renewal's roll-out:
 * on the server that holds the renewed certificate (where its key is), it is enabled for the services
 * the old one had and it lacks; every server that holds the old one without the new one gets it with
 * its key. The event that asked stays attached to the roll-out, which replaces its request.
 */
export function rollOutDoneRenewals(
  requests: readonly PlanRequest[],
  certificates: readonly CertificateFacts[],
  copies: readonly ServerCopy[] = [],
  /** Thumbprints the paste shows as a server's Auth certificate: Set-AuthConfig hands that role over, not a roll-out. */
  roleHolders: ReadonlySet<string> = new Set(),
): PlanRequest[] {
  const out: PlanRequest[] = [];
  const done = new Set<string>();
  for (const request of requests) {
    const old = REQUESTS.has(request.plan)
      ? certificates.find((c) => c.thumbprint && c.thumbprint === request.values.thumbprint)
      : undefined;
    const renewed = old?.thumbprint && !roleHolders.has(old.thumbprint) ? renewalOf(old, certificates) : undefined;
    if (!old?.thumbprint || !renewed?.thumbprint) {
      out.push(request);
      continue;
    }
    // The same old certificate asked for by a listing and by an event: one roll-out.
    if (done.has(old.thumbprint)) continue;
    done.add(old.thumbprint);
    const holders = renewed.servers ?? [];
    const has = new Set(holders.map(keyOf));
    const lacking = (old.servers ?? []).filter((s) => !has.has(keyOf(s)));
    // Exported from the first server that shows it (where the admin completed the request).
    const source = holders[0] ?? request.values.server;
    const elsewhere = holders.slice(1).filter((s) => (old.servers ?? []).some((o) => keyOf(o) === keyOf(s)));
    const missing = (old.services ?? []).filter((s) => s !== 'Federation' && !(renewed.services ?? []).includes(s));
    const byServer = missingByServer(old.thumbprint, renewed.thumbprint, holders, copies);
    const {
      missingByServer: _byServer,
      sharedWith: _shared,
      newThumbprint: _new,
      missingServices: _missing,
      renewedElsewhere: _elsewhere,
      ...values
    } = request.values;
    out.push({
      ...request,
      plan: 'renewed-rollout',
      values: {
        ...values,
        newThumbprint: renewed.thumbprint,
        ...(source && { server: source }),
        ...(old.services?.length && { services: old.services.join(',') }),
        // The old certificate's services not shown: the ones the renewal is enabled for where it was
        // completed (Services : IIS, SMTP) are what the copies serve.
        ...(!old.services?.length &&
          enabledFor(renewed.services).length > 0 && {
            services: enabledFor(renewed.services).join(','),
            servicesFromRenewal: 'yes' as const,
          }),
        ...(renewed.services !== undefined && missing.length > 0 && { missingServices: missing.join(',') }),
        ...(lacking.length > 0 && { sharedWith: lacking.join(',') }),
        ...(elsewhere.length > 0 && { renewedElsewhere: elsewhere.join(',') }),
        ...(byServer && { missingByServer: byServer }),
      },
    });
  }
  return out;
}

/**
 * What the old certificate served on this server that the renewed one here is not enabled for (each
 * server's own listing); without a listing of both here, what the plan was given.
 */
export function renewedMissing(scope: PlanScope): string[] {
  const { values, facts } = scope;
  if (!values.newThumbprint || !values.thumbprint) return [];
  // Each server's own listing, when the paste lists the copies separately (Identity EX01\…, headings).
  const here = keyOf(facts.name ?? values.server ?? '');
  for (const entry of (values.missingByServer ?? '').split(';')) {
    const [server, list] = entry.split(':');
    if (server && here && keyOf(server) === here) return list ? list.split(',') : [];
  }
  const old = facts.certificates.find((c) => c.thumbprint === values.thumbprint);
  const renewed = facts.certificates.find((c) => c.thumbprint === values.newThumbprint);
  if (old?.servicesHistory && renewed?.servicesHistory) {
    const has = renewed.servicesHistory;
    return old.servicesHistory.filter((s) => s !== 'Federation' && !has.includes(s));
  }
  return values.missingServices ? values.missingServices.split(',') : [];
}

/** A certificate as one server's listing shows it, before the copies on several servers are merged. */
export type ServerCopy = Pick<CertificateFacts, 'thumbprint' | 'servers' | 'services'>;

/**
 * For each server holding the renewed certificate, the old one's services its copy there lacks, read
 * from that server's own listing ('EX01:;EX02:IMAP,POP,IIS,SMTP'); undefined when no listing gives both.
 */
function missingByServer(
  oldThumbprint: string,
  newThumbprint: string,
  holders: readonly string[],
  copies: readonly ServerCopy[],
): string | undefined {
  const copyOn = (thumbprint: string, server: string) =>
    copies.find((c) => c.thumbprint === thumbprint && (c.servers ?? []).some((s) => keyOf(s) === keyOf(server)));
  const entries = holders.flatMap((server) => {
    const old = copyOn(oldThumbprint, server);
    const renewed = copyOn(newThumbprint, server);
    if (!old?.services || !renewed?.services) return [];
    const has = renewed.services;
    return [`${server}:${old.services.filter((s) => s !== 'Federation' && !has.includes(s)).join(',')}`];
  });
  return entries.length > 0 ? entries.join(';') : undefined;
}

/** The old and the renewed certificate as this server's listing shows them. */
function pair(scope: PlanScope) {
  const { values, facts } = scope;
  const find = (t: string | undefined) => (t ? facts.certificates.find((c) => c.thumbprint === t) : undefined);
  return { old: find(values.thumbprint), renewed: find(values.newThumbprint) };
}

/**
 * The paste lists the services of both the old and the renewed certificate here, so what the renewal
 * lacks is known. certutil, PEM, a store listing or openssl carry no Services: the old certificate's
 * are then read off the server before the renewal is enabled for them.
 */
export function renewedServicesShown(scope: PlanScope): boolean {
  const { values, facts } = scope;
  // The services were read off the renewal itself: it lacks none of them where it was completed.
  if (values.servicesFromRenewal === 'yes' && pair(scope).renewed) return true;
  const here = keyOf(facts.name ?? values.server ?? '');
  const listed = (values.missingByServer ?? '').split(';').some((entry) => {
    const server = entry.split(':')[0];
    return Boolean(server && here && keyOf(server) === here);
  });
  if (listed) return true;
  const { old, renewed } = pair(scope);
  if (old?.servicesHistory && renewed?.servicesHistory) return true;
  return values.missingServices !== undefined;
}

/** The renewed certificate already lists IIS here: Services is history, so that says nothing of 443. */
export function renewedListsIis(scope: PlanScope): boolean {
  const { old, renewed } = pair(scope);
  return Boolean(renewed?.servicesHistory?.includes('IIS') && old?.servicesHistory?.includes('IIS'));
}

/**
 * Default Web Site still serves the old certificate on 443 although both list IIS: services only
 * accumulate, so two certificates with the same names that both list IIS leave the binding to say
 * which one it is. Decided by a binding or a probe of 443 in the paste; otherwise the binding is shown.
 */
export function oldStillOn443(scope: PlanScope): boolean | undefined {
  const { old, renewed } = pair(scope);
  if (!old) return undefined;
  if (old.iisFrontEnd !== undefined) return old.iisFrontEnd;
  if (old.presentedOn.includes(443)) return true;
  if (renewed && (renewed.iisFrontEnd === true || renewed.presentedOn.includes(443))) return false;
  const others = scope.facts.certificates.filter((c) => c.thumbprint !== old.thumbprint);
  if (others.some((c) => c.iisFrontEnd === true || c.presentedOn.includes(443))) return false;
  if (old.servicesHistory && !old.servicesHistory.includes('IIS')) return false;
  return undefined;
}

/**
 * The roll-out enables the renewed certificate for SMTP here: SMTP is among what it lacks, or the
 * paste does not list the services and the old certificate had SMTP (or its services are unknown:
 * they are read off it and enabled as they are).
 */
export function rolloutEnablesSmtp(scope: PlanScope): boolean {
  if (renewedServicesShown(scope)) return renewedMissing(scope).includes('SMTP');
  const { old } = pair(scope);
  const known = scope.values.services?.split(/[\s,]+/) ?? old?.servicesHistory;
  return known === undefined || known.includes('SMTP');
}
