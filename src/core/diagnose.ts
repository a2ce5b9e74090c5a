import { daysLeft } from './countdown.js';
import { buildServerFacts } from './facts/build-facts.js';
import { withIssuedLeaf } from './facts/issued-leaf.js';
import { enrichPlanRequests, hybridSymptom, saysOtherServers, saysRenewed } from './facts/plan-requests.js';
import { foldPresentedLeaves } from './facts/presented-twins.js';
import { renewalOf } from './facts/renewed-rollout.js';
import { revocationValues } from './facts/revocation-paste.js';
import { statedCertificate } from './facts/stated-certificate.js';
import { statedIssuerFor } from './facts/stated-issuer.js';
import { statedFacts } from './facts/stated-facts.js';
import { saysNoCaCertificate } from './facts/stated-no-ca.js';
import { statedSymptomPort } from './facts/symptom-port.js';
import { summaryRelease, summaryVersion } from './facts/version-facts.js';
import { covers, displayName, judgeCertificate } from './findings/certificate-findings.js';
import { judgeChainNotSent } from './findings/chain-findings.js';
import { judgeOffload } from './findings/offload-findings.js';
import { judgeRenewalNames } from './findings/renewal-names.js';
import { judgeEmsUnavailable } from './findings/ems-findings.js';
import { hostOf, judgeEvent } from './findings/event-findings.js';
import { judgeEvidenceExtras, unexplainedThumbprints } from './findings/extra-findings.js';
import { addJudgement, emptyJudgement, type Judgement } from './findings/judgement.js';
import { internalRenewalOnly, transportCertificateCause } from './findings/queue-cause.js';
import { judgeRemoteTls } from './findings/remote-tls-findings.js';
import { judgeSettings, wholeStoreListed } from './findings/setting-findings.js';
import { orderFindings, summarize } from './findings/summary.js';
import { judgeSymptom } from './findings/symptom-findings.js';
import { judgeUnexplained } from './findings/unexplained-findings.js';
import { diagnosisText } from './i18n/diagnosis-text.js';
import { tidyJapanese } from './i18n/ja-spacing.js';
import { countdownWording } from './i18n/local-time.js';
import { findCatalogueEntry } from './knowledge/event-catalogue.js';
import {
  type CertificateFacts,
  type DiagnoseOptions,
  type Diagnosis,
  type EventFacts,
  type ExchangeVersion,
  type InputKind,
  type Language,
  MAX_INPUT_BYTES,
  type ServerFacts,
  type Step,
} from './model.js';
import { looksJapanese, normalizePaste } from './normalize.js';
import type { Evidence, ParsedCertificate } from './recognize/evidence.js';
import { recognize } from './recognize/index.js';
import { readServerCount } from './recognize/prose-servers.js';
import { addReferences, buildSteps } from './steps.js';

/** The one entry point of the core: text and `now` in, a Diagnosis out. Never throws on input. */
export function diagnose(raw: string, options: DiagnoseOptions): Diagnosis {
  const { now } = options;
  const warnDays = options.warnDays ?? 30;
  const tooLarge = raw.length > MAX_INPUT_BYTES;
  const text = normalizePaste(tooLarge ? raw.slice(0, MAX_INPUT_BYTES) : raw);
  const evidence = recognize(text);
  const language: Language =
    options.lang ?? (evidence.japanese || looksJapanese(text) ? 'ja' : (options.defaultLanguage ?? 'en'));
  const t = diagnosisText[language];
  const countdown = countdownWording(now, language, options.timeZone);
  addSymptomHints(evidence);
  const events = enrichEvents(evidence.events, now);
  const certificates = withCountdown(
    [
      ...datedByEvents(
        dedupeCertificates(foldPresentedLeaves(evidence.certificates, evidence.endpoints, now, warnDays)),
        events,
      ),
      ...estimatedCertificates(events, evidence, text),
      ...[statedCertificate(text, evidence, evidence.servers ?? [])].filter((c) => c !== undefined),
    ],
    now,
  );
  // A thumbprint pasted beside an event that names none is that event's certificate, in the facts too.
  const lone = loneThumbprint(evidence, events);
  adoptLoneThumbprint(events, lone, evidence, certificates);
  const servers = buildServerFacts({
    evidence,
    events,
    certificates,
    edgeSyncMentioned: /\bEdge\s?Sync\b|Edge\s?Subscription|エッジ\s?サブスクリプション|EdgeSync/i.test(text),
  });
  const version = servers.length > 0 ? summaryVersion(servers) : 'unknown';
  const server = events.find((e) => e.computer)?.computer ?? evidence.servers?.[0];

  const judgement: Judgement = emptyJudgement();
  const pasted = certificates.filter((c) => c.source !== 'event' && c.thumbprint);
  const stated = statedFacts(text);
  const symptomPort = statedSymptomPort(text);
  const noCaSaid = saysNoCaCertificate(text);
  // A whole store listing: a thumbprint an event or setting names that it lacks was removed.
  const storeListed = wholeStoreListed(text);
  const cover = (event: EventFacts) => candidateFor(event, { pasted, lone, now, stated, events });
  for (const event of events) {
    // The same event ID read twice, once whole and once without its source, is one event, never
    // both recognised and "not in the catalogue".
    if (!event.known && events.some((other) => other.known && other.id === event.id)) continue;
    // An event that names no computer is the server's whose listing holds its certificate, when one does.
    const holder = event.computer ? undefined : holderOf(event.thumbprint, servers);
    const judged = judgeEvent(event, {
      text: t,
      version,
      ...((holder ?? server) && { fallbackServer: holder ?? server }),
      // A candidate the whole store listing lacks was removed: nothing is enabled on it.
      ...candidateOf(storeListed ? inStore(cover(event), pasted) : cover(event)),
      goneFromStore:
        event.thumbprint !== undefined &&
        storeListed &&
        pasted.length > 0 &&
        !pasted.some((c) => c.thumbprint === event.thumbprint),
      renewingInternal:
        event.id === 12014 &&
        isOwnName(event.fqdn, event.computer) &&
        events.some((e) => e.id === 12015 && e.computer === event.computer),
    });
    // The plan decides from the event too: which service logged it, which event it was.
    for (const plan of judged.plans) {
      plan.eventId = event.id;
      if (event.source) plan.source = event.source;
      const found = cover(event);
      if (!plan.values.candidate && found.outOfDate) plan.values.coverOutOfDate = found.outOfDate;
      // The renewal brought over from another server is the one a pinned connector is pointed at.
      if (found.renewal && plan.values.candidate === found.candidate) plan.values.newThumbprint ??= found.candidate;
    }
    addJudgement(judgement, judged);
  }
  for (const cert of certificates) {
    addJudgement(
      judgement,
      judgeCertificate(cert, {
        now,
        warnDays,
        language,
        text: t,
        ...(server && { server: hostOf(server) }),
        ...presentedBy(evidence, cert),
        ...(symptomPort !== undefined && { symptomPort }),
        ...(noCaSaid && { noCaSaid }),
        ...(evidence.roles.includes('edge') && { edge: true }),
        others: certificates,
        countdown,
        directTrust: carriesDirectTrust(servers, cert),
        ...(expiryWarnedBy(events, cert) !== undefined && { expiryEvent: expiryWarnedBy(events, cert) }),
      }),
    );
  }
  const starttlsEvent = events.some((e) => e.id === 12014 || e.id === 12016);
  const nameOf = (thumbprint: string) => {
    const cert = certificates.find((c) => c.thumbprint === thumbprint);
    return cert ? displayName(cert) : undefined;
  };
  for (const symptom of evidence.symptoms)
    addJudgement(
      judgement,
      judgeSymptom(symptom, t, language, {
        starttlsEvent,
        nameOf,
        certificates,
        certificateCause: (on) => transportCertificateCause(events, certificates, on),
        internalRenewalOnly: internalRenewalOnly(events, certificates),
      }),
    );
  // The other side's chain, or no certificate at all: Schannel and queues that say so.
  addJudgement(
    judgement,
    judgeRemoteTls({
      paste: text,
      events,
      symptoms: evidence.symptoms,
      language,
      certificates,
      ...(server && { server }),
    }),
  );
  // Settings and bindings the paste shows, held against its certificates.
  addJudgement(judgement, judgeSettings({ paste: text, evidence, certificates, language }));
  addJudgement(judgement, judgeChainNotSent(evidence.endpoints ?? [], t, server && hostOf(server)));
  // 443 presenting what Exchange has already replaced: a device in front holds the old certificate.
  const offload = judgeOffload({ paste: text, endpoints: evidence.endpoints ?? [], certificates, language, now });
  // What clients reach comes first: the device presenting the old certificate is the outage.
  judgement.findings.unshift(...offload.judgement.findings);
  judgement.plans.push(...offload.judgement.plans);
  addJudgement(judgement, judgeRenewalNames({ certificates, language, now }));
  judgement.plans = judgement.plans.filter((p) => !offloadReplaces(p, offload.replaced));
  addJudgement(
    judgement,
    judgeEvidenceExtras({
      evidence,
      events,
      certificates,
      text: t,
      tooLarge,
      language,
      now,
      countdown,
      paste: text,
      serverNames: servers.flatMap((s) => (s.name ? [s.name] : [])),
    }),
  );
  judgeUnexplained(judgement, { paste: text, evidence, events, language });
  // The admin says the Management Shell is down: getting it back comes before every Exchange cmdlet.
  const ems = judgeEmsUnavailable({
    paste: text,
    plans: judgement.plans,
    certificates,
    language,
    ...((servers[0]?.name ?? server) && { server: hostOf(servers[0]?.name ?? server ?? '') }),
  });
  judgement.findings.push(...ems.findings);
  judgement.plans.unshift(...ems.plans);

  const findings = orderFindings(dedupeFindings(judgement.findings)).map((f) =>
    language === 'ja' ? { ...f, message: tidyJapanese(f.message) } : f,
  );
  const edge = evidence.roles.includes('edge') ? 'yes' : evidence.roles.length > 0 ? 'no' : 'unknown';
  const frontEnd = events.some((e) => /FrontEnd/i.test(e.source ?? ''));
  for (const plan of judgement.plans)
    if (plan.plan === 'revocation-check') Object.assign(plan.values, revocationValues(text));
  for (const plan of judgement.plans) if (plan.plan === 'pending-request') withIssuedLeaf(plan.values, certificates);
  // An expired copy its renewal already replaces everywhere is cleaned up only when nothing else is
  // wrong: beside a live problem (a warning, or an event logged) its removal is no part of the fix.
  const leftovers = new Set(judgement.plans.filter((p) => p.values.leftover === 'yes').map((p) => p.values.thumbprint));
  const live = (f: Judgement['findings'][number]) => f.severity !== 'info' || f.eventId !== undefined;
  if (judgement.findings.some((f) => live(f) && !leftovers.has(f.thumbprint)))
    judgement.plans = judgement.plans.filter((p) => p.values.leftover !== 'yes');
  const requests = enrichPlanRequests(judgement.plans, {
    servers,
    events,
    certificates,
    copies: evidence.certificates,
    ...(evidence.adSite && { site: evidence.adSite }),
    othersSaid: saysOtherServers(text),
    serverCount: readServerCount(text),
    stated,
    renewalSaid: saysRenewed(text),
    ...(evidence.endpoints && { endpoints: evidence.endpoints }),
  });
  const { steps, references } = buildSteps(requests, {
    servers,
    version,
    edge,
    frontEnd,
    language,
    hybridSymptom: hybridSymptom(evidence),
  });
  for (const finding of findings) if (finding.reference) addReferences(references, finding.reference);
  for (const event of events) {
    const reference = findCatalogueEntry(event.id, event.source)?.reference;
    if (reference) addReferences(references, reference);
  }
  const cited = references.filter((reference) => referenceFits(reference, version, steps));
  const inputKinds = kindsOf(evidence, certificates);
  return {
    inputKinds,
    events,
    certificates,
    thumbprints: allThumbprints(evidence, certificates, events),
    findings,
    steps,
    language,
    summary: summarize({
      findings,
      certificates,
      events,
      now,
      language,
      text: t,
      countdown,
      server,
      symptoms: evidence.symptoms.length,
    }),
    severity: findings[0]?.severity ?? 'ok',
    exchangeVersion: version,
    references: cited,
    notes: notesFor(evidence, certificates, servers.length > 0 ? summaryRelease(servers) : version, t),
    now: now.toISOString(),
    servers,
  };
}

/**
 * The expires-soon event (12017, 12018) that names this certificate: Exchange logs it only inside its
 * own warning window, so the certificate is expiring whatever the reminder threshold says.
 */
function expiryWarnedBy(events: readonly EventFacts[], cert: CertificateFacts): number | undefined {
  if (!cert.thumbprint) return undefined;
  return events.find(
    (e) => e.thumbprint === cert.thumbprint && EXPIRY_WARNINGS.has(findCatalogueEntry(e.id, e.source)?.kind ?? ''),
  )?.id;
}
const EXPIRY_WARNINGS: ReadonlySet<string> = new Set(['internal-cert-expiring', 'starttls-cert-expiring']);

/** A source cited only where it applies: KB 953354 is about Exchange 2007, an Edge page needs an Edge step. */
function referenceFits(reference: string, version: ExchangeVersion, steps: Step[]): boolean {
  if (reference.includes('953354')) return version === '2007' || version === 'unknown';
  if (/Edge Subscription/i.test(reference))
    return steps.some((step) => step.role === 'edge' || /EdgeSubscription/.test(step.command ?? ''));
  return true;
}

/** The 12014 FQDN is the server's own name (KB 953354's case), not a public name on its connector. */
function isOwnName(fqdn: string | undefined, computer: string | undefined): boolean {
  if (!fqdn || !computer) return false;
  return (
    fqdn.toLowerCase() === computer.toLowerCase() ||
    fqdn.split('.')[0]?.toLowerCase() === computer.split('.')[0]?.toLowerCase()
  );
}

/** Usable today: not expired and not yet to come (a NotBefore still ahead), by what the paste shows. */
function usableNow(cert: CertificateFacts, now: Date): boolean {
  if (cert.daysLeft !== undefined && cert.daysLeft < 0) return false;
  const from = cert.notBefore ? Date.parse(cert.notBefore) : Number.NaN;
  return Number.isNaN(from) || from <= now.getTime();
}

/**
 * The certificate a 12014's fix should enable: a pasted one that covers its FQDN and is usable today
 * (on the event's own server when the paste lists that server), the latest to expire; else the one
 * lone thumbprint, unless the paste shows it expired, the admin calls it the old one, or an event
 * says the certificate for that FQDN has expired. Covering certificates that are all out of date are
 * reported as such: the fix is then the renewal, never enabling one of them.
 */
function candidateFor(
  event: EventFacts,
  context: {
    pasted: CertificateFacts[];
    lone: string | undefined;
    now: Date;
    stated: { oldThumbprint?: string };
    events: readonly EventFacts[];
  },
): { candidate?: string; outOfDate?: string; renewal?: boolean } {
  const { pasted, lone, now, stated } = context;
  const fqdn = event.fqdn;
  const covering = fqdn ? pasted.filter((c) => covers(c.domains, fqdn)) : [];
  const host = event.computer ? hostOf(event.computer).toLowerCase() : undefined;
  const listsHost = host !== undefined && pasted.some((c) => c.servers?.some((s) => hostOf(s).toLowerCase() === host));
  const here = listsHost ? covering.filter((c) => c.servers?.some((s) => hostOf(s).toLowerCase() === host)) : covering;
  const usable = here
    .filter((c) => usableNow(c, now) && c.thumbprint !== stated.oldThumbprint)
    .sort((a, b) => (b.notAfter ?? '').localeCompare(a.notAfter ?? ''));
  if (usable[0]?.thumbprint) return { candidate: usable[0].thumbprint };
  // The renewal of an expired one here, listed on another server: the roll-out brings it here first.
  const brought = here.map((c) => renewalOf(c, pasted)).find((r) => r?.thumbprint && usableNow(r, now));
  if (brought?.thumbprint) return { candidate: brought.thumbprint, renewal: true };
  const latest = [...here].sort((a, b) => (b.notAfter ?? '').localeCompare(a.notAfter ?? ''))[0];
  if (latest?.thumbprint) return { outOfDate: latest.thumbprint };
  if (!lone || lone === stated.oldThumbprint) return {};
  const dated = pasted.filter((c) => c.thumbprint === lone);
  if (dated.some((c) => !usableNow(c, now))) return {};
  const expiredForName = context.events.some(
    (e) =>
      findCatalogueEntry(e.id, e.source)?.kind === 'starttls-cert-expired' &&
      (!e.fqdn || !fqdn || e.fqdn.toLowerCase() === fqdn.toLowerCase()),
  );
  if (expiredForName && !dated.some((c) => c.daysLeft !== undefined)) return {};
  return { candidate: lone };
}

function inStore(found: { candidate?: string }, pasted: readonly CertificateFacts[]): { candidate?: string } {
  return found.candidate && !pasted.some((c) => c.thumbprint === found.candidate) ? {} : found;
}

function candidateOf(found: { candidate?: string }): { candidate?: string } {
  return found.candidate ? { candidate: found.candidate } : {};
}

/**
 * Events whose text Microsoft never published (2010, 12022, 12023) still carry their thumbprint beside
 * them; 12016 names only the FQDN of the expired certificate the admin gives the thumbprint of.
 */
const WANTS_THUMBPRINT = new Set([2010, 2009, 12012, 12013, 12015, 12016, 12017, 12022, 12023, 12024, 24, 25, 26]);
function adoptLoneThumbprint(
  events: EventFacts[],
  lone: string | undefined,
  evidence: Evidence,
  certificates: readonly CertificateFacts[],
): void {
  const without = events.filter((e) => !e.thumbprint && WANTS_THUMBPRINT.has(e.id));
  const only = without.length === 1 ? without[0] : undefined;
  if (!only) return;
  const dated = (thumbprint: string) =>
    certificates.filter((c) => c.thumbprint === thumbprint && c.daysLeft !== undefined && c.source !== 'event');
  // An event that says its certificate has expired is about one whose own NotAfter says so: a
  // certificate the paste shows valid is never it, and the one expired certificate listed is.
  const kind = findCatalogueEntry(only.id, only.source)?.kind ?? '';
  if (EXPIRED_KINDS.has(kind)) {
    // 12016's certificate covers the FQDN it names; 12015's is Exchange's own (self-signed, the server's name).
    const fits = (c: CertificateFacts) =>
      kind === 'starttls-cert-expired'
        ? !only.fqdn || covers(c.domains, only.fqdn)
        : c.role === 'exchange-self-signed' ||
          (c.issuer !== '' && c.issuer === c.subject) ||
          !/\./.test(/CN\s*=\s*([^,]+)/i.exec(c.subject)?.[1] ?? '.');
    const expired = new Set(
      certificates
        .filter((c) => c.thumbprint && c.daysLeft !== undefined && c.daysLeft < 0 && c.role !== 'auth' && fits(c))
        .map((c) => c.thumbprint as string),
    );
    if (lone && dated(lone).some((c) => (c.daysLeft ?? 0) >= 0)) lone = undefined;
    if (!lone && expired.size === 1) lone = [...expired][0];
  }
  // 12017 warns about the internal transport certificate only: one its thumbprint was lost from is
  // the certificate Get-TransportService names, else the one self-signed certificate of the server's
  // own that expires when the event's hours say, never a CA certificate for clients' names.
  if (kind === 'internal-cert-expiring' && !lone) lone = internalExpiring(only, evidence, certificates);
  if (!lone) return;
  // The internal transport or Auth certificate Exchange names is not the expired STARTTLS one of a 12016.
  const namedUse = (evidence.certificateUses ?? []).some((u) => u.thumbprint === lone && u.use !== 'presented');
  if (!(only.id === 12016 && namedUse)) only.thumbprint = lone;
}
function internalExpiring(
  event: EventFacts,
  evidence: Evidence,
  certificates: readonly CertificateFacts[],
): string | undefined {
  const named = new Set(
    (evidence.certificateUses ?? []).filter((u) => u.use === 'internalTransport').map((u) => u.thumbprint),
  );
  if (named.size === 1) return [...named][0];
  const due = event.estimatedNotAfter ? Date.parse(event.estimatedNotAfter) : Number.NaN;
  const own = certificates.filter(
    (c) =>
      c.thumbprint &&
      c.source !== 'event' &&
      c.role !== 'auth' &&
      c.daysLeft !== undefined &&
      c.daysLeft >= 0 &&
      (c.role === 'exchange-self-signed' ||
        c.selfSigned === true ||
        (c.issuer !== '' && c.issuer === c.subject) ||
        !/\./.test(/CN\s*=\s*([^,]+)/i.exec(c.subject)?.[1] ?? '.')) &&
      // Within two days of the hours remaining (the listing prints the server's own time), or inside
      // Exchange's month of warnings when the event's hours are not in the paste.
      (Number.isNaN(due) || !c.notAfter ? c.daysLeft <= 31 : Math.abs(Date.parse(c.notAfter) - due) <= 2 * 86_400_000),
  );
  const thumbprints = new Set(own.map((c) => c.thumbprint as string));
  return thumbprints.size === 1 ? [...thumbprints][0] : undefined;
}

/** The one server whose certificates include this thumbprint (none when several or none do). */
function holderOf(thumbprint: string | undefined, servers: readonly ServerFacts[]): string | undefined {
  if (!thumbprint) return undefined;
  const holders = servers.filter((s) => s.name && s.certificates.some((c) => c.thumbprint === thumbprint));
  return holders.length === 1 ? holders[0]?.name : undefined;
}
const EXPIRED_KINDS: ReadonlySet<string> = new Set(['internal-cert-expired', 'starttls-cert-expired']);

/** One thumbprint pasted beside the events and named by none of them: the certificate meant for the fix. */
function loneThumbprint(evidence: Evidence, events: EventFacts[]): string | undefined {
  const lone = unexplainedThumbprints(evidence, events, evidence.certificates);
  return lone.length === 1 ? lone[0]?.value : undefined;
}

/** OAuth and its Auth certificate arrived with Exchange 2013: these symptoms exist nowhere else. */
const OAUTH_SYMPTOMS: readonly string[] = [
  'owa-proxy-1003',
  'hmac-provider-assert',
  'hcw-oauth-missing-cert',
  'queue-viewer-constraints',
];

function addSymptomHints(evidence: Evidence): void {
  if (evidence.symptoms.some((symptom) => OAUTH_SYMPTOMS.includes(symptom.id)))
    evidence.versionHints.push({ version: '2013+', reason: 'oauth-symptom', strength: 'strong' });
}

/** 12014 names the FQDN the server should have: other events of the same server may use it. */
function enrichEvents(events: EventFacts[], now: Date): EventFacts[] {
  const seen = new Set<string>();
  const unique = events.filter((e) => {
    const key = JSON.stringify([e.id, e.thumbprint, e.fqdn, e.computer, e.connector, e.loggedAt]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.map((event) => {
    const out = { ...event };
    if (!out.fqdn && (out.id === 12015 || out.id === 12017)) {
      const sibling = unique.find(
        (e) => e.id === 12014 && e.computer === out.computer && isOwnName(e.fqdn, e.computer),
      );
      if (sibling?.fqdn) out.fqdn = sibling.fqdn;
    }
    if (out.hoursRemaining !== undefined && !out.estimatedNotAfter) {
      const base = out.loggedAt ? Date.parse(out.loggedAt) : now.getTime();
      if (!Number.isNaN(base)) out.estimatedNotAfter = new Date(base + out.hoursRemaining * 3_600_000).toISOString();
    }
    return out;
  });
}

/** Events with "hours remaining" give an expiry even without the certificate (tracking uses it). */
function estimatedCertificates(events: EventFacts[], evidence: Evidence, text: string): ParsedCertificate[] {
  // The same certificate counted down by several events (wevtutil /c:2) is one certificate, dated by the latest.
  const latest = new Map<string, EventFacts>();
  for (const e of events) {
    if (!e.estimatedNotAfter || !e.thumbprint) continue;
    const seen = latest.get(e.thumbprint);
    if (!seen || (e.loggedAt ?? '') > (seen.loggedAt ?? '')) latest.set(e.thumbprint, e);
  }
  return [...latest.values()]
    .filter((e) => !evidence.certificates.some((c) => c.thumbprint === e.thumbprint))
    .map((e) => ({
      thumbprint: e.thumbprint,
      subject: e.fqdn ? `CN=${e.fqdn}` : '',
      issuer: '',
      domains: e.fqdn ? [e.fqdn] : [],
      notAfter: e.estimatedNotAfter,
      services: ['SMTP'],
      source: 'event' as const,
      estimated: true,
      // Only the XML view's SystemTime carries a zone (UTC); wevtutil, Get-WinEvent and Event Viewer
      // print the server's clock, so a countdown from them is in server time.
      ...(e.loggedAt && e.format !== 'xml' && e.format !== 'friendly-view' && { localTime: true }),
      // The admin's word on who issued it ("smtp.contoso.com is a GlobalSign cert") decides the renewal.
      ...statedIssuerFor(text, e.fqdn),
    }));
}

/**
 * A listing without dates (the default Get-ExchangeCertificate table) names the certificate a
 * 12017/12018 counts down: its expiry is the event's estimate, so the answer gives a countdown.
 */
function datedByEvents(certs: ParsedCertificate[], events: EventFacts[]): ParsedCertificate[] {
  return certs.map((cert) => {
    if (cert.notAfter || !cert.thumbprint || cert.status === 'PendingRequest') return cert;
    const event = events.find((e) => e.thumbprint === cert.thumbprint && e.estimatedNotAfter);
    return event?.estimatedNotAfter ? { ...cert, notAfter: event.estimatedNotAfter, estimated: true } : cert;
  });
}

/** The same certificate pasted twice (a PEM and its fl listing): one entry, facts merged. */
function dedupeCertificates(certs: ParsedCertificate[]): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  for (const cert of certs) {
    const twin = cert.thumbprint ? out.find((c) => c.thumbprint === cert.thumbprint) : undefined;
    if (!twin) {
      out.push({ ...cert });
      continue;
    }
    // A record that printed a field empty (a Format-List without Subject, `CertificateDomains : {}`)
    // takes the twin's value: a table row cut to its Thumbprint, Services and Subject columns still
    // names the certificate.
    const missing = Object.entries(cert).filter(([k, v]) => !isBlank(v) && isBlank(twin[k as keyof ParsedCertificate]));
    Object.assign(twin, Object.fromEntries(missing));
    // The same certificate imported on several servers (a DAG, a load-balanced array) is one certificate.
    const servers = [...new Set([...(twin.servers ?? []), ...(cert.servers ?? [])])];
    if (servers.length > 0) twin.servers = servers;
  }
  return out;
}

const isBlank = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Where Windows prints a certificate's dates in the server's own time, without a zone. */
const SERVER_TIME_SOURCES: ReadonlySet<CertificateFacts['source']> = new Set([
  'exchange-list',
  'exchange-table',
  'certutil',
  'healthchecker',
]);

function withCountdown(certs: ParsedCertificate[], now: Date): CertificateFacts[] {
  return certs
    .map((c) =>
      c.notAfter && c.localTime !== false && SERVER_TIME_SOURCES.has(c.source) ? { ...c, localTime: true } : c,
    )
    .map(datedByLifetime(now))
    .map((c) =>
      c.notAfter && c.status !== 'PendingRequest' ? { ...c, daysLeft: daysLeft(c.notAfter, now) } : { ...c },
    );
}

/**
 * A lifetime in whole days without the time it was counted from: counted from now. It is the
 * certificate's own countdown, not an event's estimate, so its plan is the certificate's own; a note
 * says the date may be off by the days since the report ran.
 */
function datedByLifetime(now: Date): (cert: ParsedCertificate) => ParsedCertificate {
  return (cert) =>
    cert.notAfter || cert.lifetimeDays === undefined
      ? cert
      : { ...cert, notAfter: new Date(now.getTime() + cert.lifetimeDays * 86_400_000).toISOString() };
}

/**
 * One finding per thing wrong: the same code for the same thumbprint keeps its fullest message
 * (12013 and 12024 name one certificate), and a finding read from a symptom line yields to the
 * event's finding of the same code (event 1003 and its own stack trace; 12014 and the 451 it causes).
 */
function dedupeFindings(findings: Judgement['findings']): Judgement['findings'] {
  const fromEvents = new Set(findings.filter((f) => f.eventId !== undefined).map((f) => f.code));
  const kept: Judgement['findings'] = [];
  for (const finding of findings) {
    if (finding.eventId === undefined && finding.thumbprint === undefined && fromEvents.has(finding.code)) continue;
    const twin = kept.find(
      (k) =>
        k.code === finding.code &&
        (k.thumbprint ?? '') === (finding.thumbprint ?? '') &&
        (k.thumbprint !== undefined || k.message === finding.message),
    );
    if (!twin) kept.push(finding);
    else if (finding.message.length > twin.message.length) kept[kept.indexOf(twin)] = finding;
  }
  return kept;
}

function allThumbprints(evidence: Evidence, certs: CertificateFacts[], events: EventFacts[]): string[] {
  const all = [
    ...evidence.thumbprints.map((t) => t.value),
    ...certs.map((c) => c.thumbprint),
    ...events.flatMap((e) => [e.thumbprint, e.ephemeralThumbprint]),
    ...evidence.symptoms.map((s) => s.values.thumbprint),
  ];
  return [...new Set(all.filter((t): t is string => typeof t === 'string' && /^[0-9A-F]{40}$/.test(t)))];
}

function kindsOf(evidence: Evidence, certs: CertificateFacts[]): InputKind[] {
  const kinds = new Set<InputKind>();
  if (evidence.events.length > 0) kinds.add('event');
  if (certs.some((c) => ['pem', 'der', 'pkcs7', 'certutil', 'openssl'].includes(c.source))) kinds.add('certificate');
  if (certs.some((c) => c.source === 'exchange-list' || c.source === 'exchange-table'))
    kinds.add('exchange-certificate-list');
  const standalone = unexplainedThumbprints(evidence, evidence.events, certs).length > 0;
  if (standalone || (evidence.thumbprints.length > 0 && kinds.size === 0)) kinds.add('thumbprint');
  if (evidence.privateKeys > 0) kinds.add('private-key');
  if (evidence.symptoms.length > 0) kinds.add('symptom');
  if (kinds.size === 0) kinds.add('unknown');
  return [...kinds];
}

function notesFor(
  evidence: Evidence,
  certs: CertificateFacts[],
  /** The release the paste shows (2019, SE), or only its family (2013+) when that is all it shows. */
  version: string,
  t: (typeof diagnosisText)[Language],
): string[] {
  const parts: string[] = [];
  const events = evidence.events.length;
  const pasted = certs.filter((c) => c.source !== 'event');
  const listed = pasted.filter((c) => c.source === 'exchange-list' || c.source === 'exchange-table').length;
  if (events) parts.push(t.notes.kinds.event(events));
  if (pasted.length - listed) parts.push(t.notes.kinds.certificate(pasted.length - listed));
  if (listed) parts.push(t.notes.kinds.list(listed));
  if (evidence.symptoms.length) parts.push(t.notes.kinds.symptom(evidence.symptoms.length));
  // The certificate netsh or Get-WebBinding shows on 443/444: said, so the reader knows it was read.
  const bindings = (evidence.bindings ?? []).filter((b) => b.source !== 'http-event-15021').length;
  if (bindings) parts.push(t.notes.kinds.binding(bindings));
  const notes = parts.length ? [t.notes.understood({ what: parts.join(t.notes.separator) })] : [t.notes.pasteInstead];
  if (version !== 'unknown') notes.push(t.notes.version({ version }));
  if (certs.some((c) => c.lifetimeDays !== undefined)) notes.push(t.notes.lifetime);
  for (const cert of certs.filter((c) => c.estimated)) {
    const event = evidence.events.find((e) => e.thumbprint === cert.thumbprint && e.hoursRemaining !== undefined);
    if (event?.hoursRemaining !== undefined) {
      notes.push(
        t.notes.estimated({
          hours: event.hoursRemaining,
          base: event.loggedAt?.slice(0, 16).replace('T', ' ') ?? displayName(cert),
        }),
      );
    }
  }
  return notes;
}

/**
 * The paste shows Edge and Hub mutual TLS rests on this certificate: it is the internal transport
 * certificate (Get-TransportService, 12015/12017) of a server that is an Edge or whose site has an
 * Edge subscription. A certificate merely enabled for SMTP carries no such claim.
 */
function carriesDirectTrust(servers: readonly ServerFacts[], cert: CertificateFacts): boolean {
  if (!cert.thumbprint) return false;
  return servers.some(
    (s) =>
      (s.edgeSync === true || s.roles.some((r) => r.value === 'edge')) &&
      s.certificates.some((c) => c.thumbprint === cert.thumbprint && c.internalTransport === true),
  );
}

/** The host of the endpoint whose presented chain holds this certificate, when the paste shows one. */
/** The Exchange-side renewal of a certificate the load balancer presents: not the fix, and nothing to remove yet. */
function offloadReplaces(plan: Judgement['plans'][number], replaced: readonly string[]): boolean {
  return (
    replaced.length > 0 &&
    ['renewed-rollout', 'ca-renew', 'renew-unknown-issuer', 'starttls-renew'].includes(plan.plan) &&
    replaced.includes(plan.values.thumbprint ?? plan.values.fqdn ?? '')
  );
}

function presentedBy(
  evidence: Evidence,
  cert: CertificateFacts,
): { presentedBy?: string; presentedPort?: number; chainPort?: number } {
  const endpoint = (evidence.endpoints ?? []).find(
    (e) =>
      e.host && e.chain.some((c) => (c.thumbprint && c.thumbprint === cert.thumbprint) || c.subject === cert.subject),
  );
  if (!endpoint?.host) return {};
  // Only the certificate the endpoint presents first (its leaf) is what the port presents.
  const leaf = endpoint.chain[0];
  const isLeaf = leaf && ((leaf.thumbprint && leaf.thumbprint === cert.thumbprint) || leaf.subject === cert.subject);
  return {
    presentedBy: endpoint.host,
    ...(isLeaf && endpoint.port && { presentedPort: endpoint.port }),
    ...(endpoint.port && { chainPort: endpoint.port }),
  };
}
