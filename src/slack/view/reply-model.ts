import { countdownText, daysLeft, urgency, validFromText } from '../../core/countdown.js';
import type { CertificateFacts, Diagnosis, Language } from '../../core/model.js';
import { summaryRelease } from '../../core/facts/version-facts.js';
import { servicesPerServer } from '../../core/server-services.js';
import { normalizeThumbprint, type TrackableCertificate, trackableCertificates } from '../../core/tracking.js';
import { encodeReplyValue, encodeTrackValue } from '../blocks/button-values.js';
import { shortThumbprint } from '../blocks/certificate-line.js';
import type { SlackBlock } from '../blocks/kit.js';
import { SEVERITY_EMOJI, urgencyEmoji } from '../blocks/severity.js';
import { withUtcTime } from '../blocks/slack-date.js';
import type { TrackedSummary } from '../blocks/tracked-blocks.js';
import { ids } from '../ids.js';
import { type SlackText, slackText } from '../i18n/slack-text.js';
import { conditionText } from './condition-text.js';
import { type PlanView, planView } from './plan-view.js';

/** What tracking knows of the pasted thumbprints. */
export interface TrackedDescription {
  /** Shown under the findings. */
  blocks: SlackBlock[];
  /** The thumbprints tracked and active: no Track button for those. */
  active: readonly string[];
  /** Each described certificate in brief: a bare tracked thumbprint's verdict says it. */
  summaries?: readonly TrackedSummary[];
}

export interface ReplyOptions {
  now: Date;
  /** The stored paste behind the buttons; without it, only the Track button is rendered. */
  pasteId?: string;
  allSteps?: boolean;
  /** Steps shown before "Show all steps" (default 4). */
  maxSteps?: number;
  /** Offer **Share in channel** (ephemeral replies). */
  share?: boolean;
  /** Offer **Post to thread** (the shortcut's ephemeral answer). */
  postToThread?: { channel: string; threadTs: string };
  /** The user who shared it in the channel. */
  sharedBy?: string;
  /** The paste carried a private key: warn first, and never offer to make it public. */
  privateKey?: { postedInChannel: boolean };
  /** What tracking knows of the pasted thumbprints. */
  tracked?: TrackedDescription;
  /** A thread answer: the paste it is about (its first line is quoted). */
  about?: string;
}

/** A certificate's countdown: the instant it counts to, and the core's words for it. */
export interface CountdownView {
  kind: 'expires' | 'valid-from';
  at: Date;
  estimated: boolean;
  text: string;
  /**
   * The paste gave the date in the server's own time, with no zone: it stays the date as written (the
   * core's words, to the day), and no date token converts it into a reader's zone.
   */
  serverTime?: boolean;
}

export interface CertificateView {
  name: string;
  details: string[];
  thumbprint?: string;
  countdown?: CountdownView;
}

export interface ButtonView {
  label: string;
  actionId: string;
  value: string;
  style?: 'primary';
  /** Only worth offering when the steps were shortened. */
  onlyWhenShortened?: boolean;
}

/** A diagnosis reply, decided once: the renderer turns it into blocks top to bottom. */
export interface ReplyModel {
  lang: Language;
  severity: Diagnosis['severity'];
  /** The verdict with its colour, as written (plain text; escaped where it becomes mrkdwn). */
  verdict: string;
  privateKey?: { postedInChannel: boolean; verdictBelowWarning: boolean };
  sharedBy?: string;
  /** The first line of the paste a thread answer is about, as written. */
  about?: string;
  /** Events and version, as written. */
  facts: string;
  /** Worst first: expired, then expiring soonest, then what a finding names; at most three. */
  certificates: CertificateView[];
  /** Certificates that need attention but did not fit. */
  certificatesOmitted: number;
  /** Certificates nothing is wrong with, not shown one by one: their names, in the paste's order. */
  certificatesFine: string[];
  plan: PlanView;
  trackedBlocks: SlackBlock[];
  notes: string[];
  buttons: ButtonView[];
  /** The countdown the notification adds after the verdict, when the verdict does not say it already. */
  fallbackCountdown?: string;
}

const MAX_CERTIFICATES = 3;

export function replyModel(diagnosis: Diagnosis, options: ReplyOptions): ReplyModel {
  const lang = diagnosis.language;
  const t = slackText[lang];
  // A server's zoneless date stays as written: only true instants become tokens or UTC times.
  const expiries = diagnosis.certificates.flatMap((c) => (c.notAfter && !c.localTime ? [c.notAfter] : []));
  // The header and the notification are plain text, where no date token renders: their dates say
  // the instant in UTC, so a reader a day ahead does not take "14 Jun" for their own 14 June.
  const instant = (text: string) => expiries.reduce((out, iso) => withUtcTime(out, iso, lang), text);
  const verdict =
    trackedVerdict(diagnosis, t, options.tracked) ??
    instant(`${SEVERITY_EMOJI[diagnosis.severity]} ${diagnosis.summary}${verdictServers(diagnosis)}`);
  const certificates = diagnosis.certificates.map((cert) => certificateView(cert, options.now, diagnosis, t));
  const listed = firstScreen(certificates, diagnosis, options.now);
  const plan = planView(
    {
      findings: diagnosis.findings.filter((f) => f.code !== 'PRIVATE_KEY_IN_INPUT'),
      steps: diagnosis.steps,
      references: diagnosis.references,
    },
    lang,
    { ...options, when: conditionText(lang), expiries },
  );
  const told = verdictCountdown(diagnosis, certificates);
  const toldText = told && instant(`⏱ ${told.estimated ? '~' : ''}${told.text}`);
  // The verdict often says the countdown already ("… expires in 11 days (10 Dec 2026 00:00 UTC)").
  const repeated = told !== undefined && verdict.includes(instant(told.text));
  return {
    lang,
    severity: diagnosis.severity,
    verdict,
    ...(options.privateKey && {
      privateKey: {
        ...options.privateKey,
        // The core puts the key first, so its verdict is then the warning's title again.
        verdictBelowWarning: diagnosis.findings[0]?.code !== 'PRIVATE_KEY_IN_INPUT',
      },
    }),
    ...(options.sharedBy && { sharedBy: options.sharedBy }),
    ...(options.about !== undefined && firstLine(options.about) && { about: firstLine(options.about) }),
    facts: factsLine(diagnosis, t),
    ...listed,
    plan,
    // Bounded so the steps and the tail keep their room within Slack's 50 blocks.
    trackedBlocks: (options.tracked?.blocks ?? []).slice(0, 8),
    notes: diagnosis.notes.slice(0, 3),
    buttons: buttons(diagnosis, t, options),
    ...(toldText && !repeated && { fallbackCountdown: toldText }),
  };
}

/** How soon a certificate needs the admin: 0 is now. Fine ones (4) fold into one line. */
function attention(cert: CertificateView, flagged: ReadonlySet<string>, now: Date): number {
  const { countdown } = cert;
  if (countdown?.kind === 'valid-from' || (countdown && countdown.at.getTime() < now.getTime())) return 0;
  if (countdown && urgency(daysLeft(countdown.at, now)) !== 'fine') return 1;
  if (cert.thumbprint && flagged.has(thumbprintKey(cert.thumbprint))) return 2;
  // No date to go by: not known to be fine, so it is shown.
  return countdown ? 4 : 3;
}

/**
 * A `Get-ExchangeCertificate | fl` listing puts the expired certificate wherever the store has it:
 * the reply shows the ones that need attention first (soonest first), and folds the fine ones into
 * one line so the outage is on the first screen. With nothing to worry about, the paste's order.
 */
function firstScreen(
  certificates: CertificateView[],
  diagnosis: Diagnosis,
  now: Date,
): Pick<ReplyModel, 'certificates' | 'certificatesOmitted' | 'certificatesFine'> {
  // A chain (PEM, a probe) reads leaf first, as presented: only a store's listing is reordered.
  if (!diagnosis.certificates.some((cert) => LISTINGS.has(cert.source))) {
    const shown = certificates.slice(0, MAX_CERTIFICATES);
    return { certificates: shown, certificatesOmitted: certificates.length - shown.length, certificatesFine: [] };
  }
  const flagged = new Set(
    diagnosis.findings.filter((f) => f.severity !== 'info' && f.thumbprint).map((f) => thumbprintKey(f.thumbprint)),
  );
  const ranked = certificates.map((cert, index) => {
    const rank = attention(cert, flagged, now);
    // A date read in an unsettled day/month order, or estimated, is not known to be fine: it is shown.
    const unsure = diagnosis.certificates[index]?.dateAmbiguous === true || cert.countdown?.estimated === true;
    return { cert, index, rank: rank === 4 && unsure ? 3 : rank };
  });
  const urgent = ranked
    .filter((r) => r.rank < 4)
    .sort((a, b) => a.rank - b.rank || dateOf(a.cert) - dateOf(b.cert) || a.index - b.index)
    .map((r) => r.cert);
  const fine = ranked.filter((r) => r.rank === 4).map((r) => r.cert);
  const shown = urgent.length > 0 ? urgent.slice(0, MAX_CERTIFICATES) : fine.slice(0, MAX_CERTIFICATES);
  return {
    certificates: shown,
    certificatesOmitted: Math.max(0, urgent.length - MAX_CERTIFICATES),
    certificatesFine: fine.filter((cert) => !shown.includes(cert)).map((cert) => cert.name),
  };
}

/** Pastes that list a server's certificate store, in whatever order the store keeps them. */
const LISTINGS: ReadonlySet<CertificateFacts['source']> = new Set([
  'exchange-list',
  'exchange-table',
  'healthchecker',
  'certutil',
]);

const dateOf = (cert: CertificateView): number => cert.countdown?.at.getTime() ?? Number.MAX_SAFE_INTEGER;
const thumbprintKey = (thumbprint: string | undefined): string =>
  thumbprint ? (normalizeThumbprint(thumbprint) ?? thumbprint) : '';

/**
 * The countdown of the certificate the verdict is about, for the notification: the one the worst
 * finding names, else the only one there is. Never another certificate's, so the lock screen never
 * says "expired 7 days ago" of one and "expires in 189 days" of another.
 */
function verdictCountdown(diagnosis: Diagnosis, certificates: CertificateView[]): CountdownView | undefined {
  const key = (thumbprint: string | undefined) => (thumbprint ? (normalizeThumbprint(thumbprint) ?? thumbprint) : '');
  const named = diagnosis.findings.find((f) => f.thumbprint)?.thumbprint;
  if (named) return certificates.find((c) => c.thumbprint && key(c.thumbprint) === key(named))?.countdown;
  const counted = certificates.filter((c) => c.countdown);
  return counted.length === 1 ? counted[0]?.countdown : undefined;
}

/**
 * " · 📍 EX01" after a verdict about one of several certificates of the same name (each server's
 * Auth certificate): the header alone then says which one is urgent. Nothing when the name is unique
 * or the verdict names the server already.
 */
function verdictServers(diagnosis: Diagnosis): string {
  const named = thumbprintKey(diagnosis.findings.find((f) => f.thumbprint)?.thumbprint);
  const cert = named ? diagnosis.certificates.find((c) => thumbprintKey(c.thumbprint) === named) : undefined;
  const servers = cert?.servers ?? [];
  if (!cert || servers.length === 0 || servers.some((s) => diagnosis.summary.includes(s))) return '';
  const sameName = diagnosis.certificates.filter(
    (c) => c.subject === cert.subject && thumbprintKey(c.thumbprint) !== named,
  );
  return sameName.length > 0 ? ` · 📍 ${servers.slice(0, 2).join(', ')}` : '';
}

/**
 * A bare thumbprint (THUMBPRINT_ONLY, nothing else pasted) that certcheck tracks: "paste more to
 * diagnose it" would contradict the tracked facts below, so the verdict is those facts.
 */
function trackedVerdict(diagnosis: Diagnosis, t: SlackText, tracked?: TrackedDescription): string | undefined {
  const only = tracked?.summaries?.length === 1 ? tracked.summaries[0] : undefined;
  const bare =
    diagnosis.events.length === 0 &&
    diagnosis.certificates.length === 0 &&
    diagnosis.findings.length > 0 &&
    diagnosis.findings.every((f) => f.code === 'THUMBPRINT_ONLY');
  if (!only || !bare) return undefined;
  return `${urgencyEmoji(only.urgency)} ${t.trackedVerdict(only.name, only.countdown, only.status)}`;
}

function factsLine(diagnosis: Diagnosis, t: SlackText): string {
  const events = diagnosis.events.map((e) =>
    [e.source, e.id, e.level && `(${t.eventLevel[e.level]})`].filter((part) => part !== undefined).join(' '),
  );
  const line = [...new Set(events)].slice(0, 6).join(' · ');
  // The release the paste shows (2019, SE), not only its family, when the servers agree on one.
  const shown = diagnosis.servers?.length ? summaryRelease(diagnosis.servers) : diagnosis.exchangeVersion;
  const version =
    diagnosis.exchangeVersion === 'unknown' ? '' : t.exchange(shown === 'unknown' ? diagnosis.exchangeVersion : shown);
  return [line, version].filter(Boolean).join(' · ');
}

function certificateView(cert: CertificateFacts, now: Date, diagnosis: Diagnosis, t: SlackText): CertificateView {
  const issuerName = cn(cert.issuer) || cert.issuer.trim();
  const issuer = cert.selfSigned || !issuerName ? undefined : `${t.issuedBy} ${issuerName}`;
  const key = [cert.keyAlgorithm, cert.keySize].filter(Boolean).join(' ');
  // The servers first: two servers' "Microsoft Exchange Server Auth Certificate" are told apart by them.
  // One certificate on several servers, enabled for different services on each: said per server.
  const perServer = servicesPerServer(diagnosis, cert);
  const servers = cert.servers?.length ? `📍 ${perServer ?? cert.servers.slice(0, 3).join(', ')}` : undefined;
  const services = perServer ? undefined : cert.services?.join(', ');
  const details = [servers, issuer, key, cert.signatureHash, services].filter((d): d is string => !!d);
  const countdown = countdownView(cert, now, diagnosis.language);
  return {
    name: certificateName(cert, t),
    details,
    ...(cert.thumbprint && { thumbprint: cert.thumbprint }),
    ...(countdown && { countdown }),
  };
}

/** The dates are read here, once, as instants. */
function countdownView(cert: CertificateFacts, now: Date, lang: Language): CountdownView | undefined {
  // A pending request has dates but is no certificate yet: nothing to count down.
  if (cert.status === 'PendingRequest') return undefined;
  const notBefore = cert.notBefore ? new Date(cert.notBefore) : undefined;
  if (cert.notBefore && notBefore && notBefore.getTime() > now.getTime()) {
    return { kind: 'valid-from', at: notBefore, estimated: false, text: validFromText(cert.notBefore, now, lang) };
  }
  const notAfter = cert.notAfter ? new Date(cert.notAfter) : undefined;
  if (!cert.notAfter || !notAfter || Number.isNaN(notAfter.getTime())) return undefined;
  return {
    kind: 'expires',
    at: notAfter,
    estimated: cert.estimated === true,
    text: countdownText(cert.notAfter, now, lang),
    ...(cert.localTime && { serverTime: true }),
  };
}

const firstLine = (text: string): string =>
  (text.split('\n').find((line) => line.trim() !== '') ?? '').trim().slice(0, 150);

const cn = (dn: string): string | undefined => /CN=([^,]+)/i.exec(dn)?.[1]?.trim();

/** Never blank: an event's certificate (12017) has a thumbprint and nothing else to go by. */
function certificateName(cert: CertificateFacts, t: SlackText): string {
  const named = cert.domains[0] || cn(cert.subject) || cert.subject.trim() || cert.friendlyName;
  if (named) return named;
  const short = cert.thumbprint && shortThumbprint(cert.thumbprint);
  if (cert.source !== 'event') return short || '?';
  return short ? `${t.internalTransportCertificate} ${short}` : t.internalTransportCertificate;
}

function buttons(diagnosis: Diagnosis, t: SlackText, options: ReplyOptions): ButtonView[] {
  const out: ButtonView[] = [];
  const { pasteId } = options;
  const lang = diagnosis.language;
  const other = lang === 'en' ? 'ja' : 'en';
  const recognised = !isNothing(diagnosis);
  const mayGoPublic = !options.privateKey && recognised;
  if (pasteId && options.share && mayGoPublic) {
    out.push({
      label: t.buttons.share,
      actionId: ids.actions.shareInChannel,
      value: encodeReplyValue({ p: pasteId, l: lang }),
      style: 'primary',
    });
  }
  if (pasteId && options.postToThread && mayGoPublic) {
    const { channel, threadTs } = options.postToThread;
    const value = encodeReplyValue({ p: pasteId, l: lang, c: channel, t: threadTs });
    out.push({ label: t.buttons.postToThread, actionId: ids.actions.postToThread, value, style: 'primary' });
  }
  // A pasted key means a compromised certificate: renew it, do not track it.
  const trackable = options.privateKey || !recognised ? [] : untracked(diagnosis, options.tracked);
  if (trackable.length > 0) {
    const certs = trackable.map((c) => ({
      thumbprint: c.thumbprint,
      subject: c.subject,
      domains: c.domains,
      notAfter: c.notAfter,
      ...(c.servers.length > 0 && { servers: c.servers }),
    }));
    const value = encodeTrackValue({ ...(pasteId && { p: pasteId }), l: lang, certs });
    out.push({ label: t.buttons.track, actionId: ids.actions.trackCertificate, value });
  }
  if (pasteId) {
    // Re-renders keep the Post to thread target, which only the shortcut's answer knows.
    const thread = options.postToThread && { c: options.postToThread.channel, t: options.postToThread.threadTs };
    const keep = { p: pasteId, ...thread, ...(options.allSteps && { a: true }) };
    out.push({
      label: t.buttons.otherLanguage,
      actionId: ids.actions.toggleLanguage,
      value: encodeReplyValue({ ...keep, l: other }),
    });
    out.push({
      label: t.buttons.showAllSteps,
      actionId: ids.actions.showAllSteps,
      value: encodeReplyValue({ ...keep, l: lang, a: true }),
      onlyWhenShortened: true,
    });
  }
  return out;
}

/**
 * What Track offers: what `/certcheck track` of the same paste would track (a WMSvc certificate or
 * one without an expiry left out alike), less what is tracked already.
 */
function untracked(diagnosis: Diagnosis, tracked?: TrackedDescription): TrackableCertificate[] {
  const key = (thumbprint: string) => normalizeThumbprint(thumbprint) ?? thumbprint;
  const active = new Set((tracked?.active ?? []).map(key));
  return trackableCertificates(diagnosis).certificates.filter((c) => !active.has(key(c.thumbprint)));
}

/** Nothing the core could use: only UNRECOGNIZED_INPUT, or no input at all. */
export function isNothing(diagnosis: Diagnosis): boolean {
  return diagnosis.inputKinds.every((k) => k === 'unknown');
}
