import { countdownText, validFromText } from '../../core/countdown.js';
import { type SlackText, slackText } from '../../core/i18n/slack-text.js';
import type { CertificateFacts, Diagnosis } from '../../core/model.js';
import { normalizeThumbprint } from '../../core/tracking.js';
import { ids } from '../ids.js';
import { encodeReplyValue, encodeTrackValue } from './button-values.js';
import { shortThumbprint } from './certificate-line.js';
import {
  type ButtonElement,
  button,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  type SlackBlock,
  type SlackMessage,
  section,
  truncate,
} from './kit.js';
import { addSteps, findingsSection, referencesContext } from './plan-blocks.js';
import { userRef } from './mentions.js';
import { privateKeyWarningBlocks } from './private-key-warning.js';
import { SEVERITY_EMOJI, urgencyEmoji } from './severity.js';
import type { TrackedSummary } from './tracked-blocks.js';

/** What tracking knows of the pasted thumbprints. */
export interface TrackedDescription {
  /** Shown under the findings. */
  blocks: SlackBlock[];
  /** The thumbprints tracked and active: no Track button for those. */
  active: readonly string[];
  /** Each described certificate in brief: a bare tracked thumbprint's verdict says it. */
  summaries?: readonly TrackedSummary[];
}

export interface DiagnosisMessageOptions {
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
}

const MAX_CERTIFICATES = 3;
/** Blocks kept free after the steps: step note, references, notes, actions. */
const TAIL_BLOCKS = 4;

/** The verdict first, the countdown at a glance, then exactly what to run, within Slack's limits. */
export function diagnosisMessage(diagnosis: Diagnosis, options: DiagnosisMessageOptions): SlackMessage {
  const t = slackText[diagnosis.language];
  const now = options.now;
  const verdict =
    trackedVerdict(diagnosis, t, options.tracked) ?? `${SEVERITY_EMOJI[diagnosis.severity]} ${diagnosis.summary}`;
  const blocks: SlackBlock[] = options.privateKey
    ? privateKeyWarningBlocks(diagnosis.language, options.privateKey.postedInChannel)
    : [header(verdict)];
  // The core puts the key first, so its verdict is then the warning's title again.
  if (options.privateKey && diagnosis.findings[0]?.code !== 'PRIVATE_KEY_IN_INPUT') {
    blocks.push(section(`*${escapeMrkdwn(verdict)}*`));
  }
  const meta = metaLine(diagnosis, t, options.sharedBy);
  if (meta.length > 0) blocks.push(context(...meta));

  const certificates = diagnosis.certificates;
  for (const cert of certificates.slice(0, MAX_CERTIFICATES)) {
    blocks.push(section(certificateLine(cert, t)));
    const when = countdown(cert, now, diagnosis);
    if (when) blocks.push(context(when));
  }
  if (certificates.length > MAX_CERTIFICATES) {
    blocks.push(context(t.certificatesOmitted(certificates.length - MAX_CERTIFICATES)));
  }

  const findings = findingsSection(
    diagnosis.findings.filter((f) => f.code !== 'PRIVATE_KEY_IN_INPUT'),
    t,
  );
  if (findings) blocks.push(findings);

  // Bounded so the steps and the tail keep their room within Slack's 50 blocks.
  blocks.push(...(options.tracked?.blocks ?? []).slice(0, 8));

  const plan = addSteps(blocks, diagnosis.steps, t, { ...options, tailBlocks: TAIL_BLOCKS });

  const references = referencesContext(diagnosis.references, t);
  if (references) blocks.push(references);
  if (diagnosis.notes.length > 0 && blocks.length < LIMITS.blocks - 1) {
    blocks.push(context(escapeMrkdwn(diagnosis.notes.slice(0, 3).join(' · '))));
  }
  const actions = actionButtons(diagnosis, t, options, plan.shortened);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: ids.blocks.actions, elements: actions });

  const firstCountdown = certificates.map((c) => countdown(c, now, diagnosis)).find(Boolean);
  // The verdict often says the countdown already ("… expires in 11 days (10 Dec 2026)").
  const repeated = firstCountdown !== undefined && verdict.includes(firstCountdown.replace(/^⏱ ~?/, ''));
  const fallback = [escapeMrkdwn(verdict), repeated ? undefined : firstCountdown].filter(Boolean).join(' — ');
  const text = truncate(fallback, LIMITS.fallback);
  return { text, blocks: blocks.slice(0, LIMITS.blocks) };
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

function metaLine(diagnosis: Diagnosis, t: SlackText, sharedBy?: string): string[] {
  const events = diagnosis.events.map((e) =>
    [e.source, e.id, e.level && `(${t.eventLevel[e.level]})`].filter((part) => part !== undefined).join(' '),
  );
  const line = [...new Set(events)].slice(0, 6).join(' · ');
  const version = diagnosis.exchangeVersion === 'unknown' ? '' : t.exchange(diagnosis.exchangeVersion);
  const facts = escapeMrkdwn([line, version].filter(Boolean).join(' · '));
  return [...(sharedBy ? [t.sharedBy(userRef(sharedBy))] : []), ...(facts ? [facts] : [])];
}

function certificateLine(cert: CertificateFacts, t: SlackText): string {
  const name = certificateName(cert, t);
  const issuerName = cn(cert.issuer) || cert.issuer.trim();
  const issuer = cert.selfSigned || !issuerName ? undefined : `${t.issuedBy} ${issuerName}`;
  const key = [cert.keyAlgorithm, cert.keySize].filter(Boolean).join(' ');
  const details = [issuer, key, cert.signatureHash, cert.services?.join(', ')].filter(Boolean);
  const first = `*${escapeMrkdwn(name)}*${details.length ? ` · ${escapeMrkdwn(details.join(' · '))}` : ''}`;
  return cert.thumbprint ? `${first}\n${t.thumbprint} \`${escapeMrkdwn(cert.thumbprint)}\`` : first;
}

function countdown(cert: CertificateFacts, now: Date, diagnosis: Diagnosis): string | undefined {
  const lang = diagnosis.language;
  // A pending request has dates but is no certificate yet: nothing to count down.
  if (cert.status === 'PendingRequest') return undefined;
  if (cert.notBefore && Date.parse(cert.notBefore) > now.getTime())
    return `⏱ ${validFromText(cert.notBefore, now, lang)}`;
  if (!cert.notAfter || Number.isNaN(Date.parse(cert.notAfter))) return undefined;
  return `⏱ ${cert.estimated ? '~' : ''}${countdownText(cert.notAfter, now, lang)}`;
}

const cn = (dn: string): string | undefined => /CN=([^,]+)/i.exec(dn)?.[1]?.trim();

/** Never blank: an event's certificate (12017) has a thumbprint and nothing else to go by. */
function certificateName(cert: CertificateFacts, t: SlackText): string {
  const named = cert.domains[0] || cn(cert.subject) || cert.subject.trim();
  if (named) return named;
  const short = cert.thumbprint && shortThumbprint(cert.thumbprint);
  if (cert.source !== 'event') return short || '?';
  return short ? `${t.internalTransportCertificate} ${short}` : t.internalTransportCertificate;
}

function actionButtons(
  diagnosis: Diagnosis,
  t: SlackText,
  options: DiagnosisMessageOptions,
  shortened: boolean,
): ButtonElement[] {
  const buttons: ButtonElement[] = [];
  const { pasteId } = options;
  const lang = diagnosis.language;
  const other = lang === 'en' ? 'ja' : 'en';
  const recognised = !isNothing(diagnosis);
  const mayGoPublic = !options.privateKey && recognised;
  if (pasteId) {
    if (options.share && mayGoPublic) {
      buttons.push(
        button(t.buttons.share, ids.actions.shareInChannel, encodeReplyValue({ p: pasteId, l: lang }), 'primary'),
      );
    }
    if (options.postToThread && mayGoPublic) {
      const { channel, threadTs } = options.postToThread;
      const value = encodeReplyValue({ p: pasteId, l: lang, c: channel, t: threadTs });
      buttons.push(button(t.buttons.postToThread, ids.actions.postToThread, value, 'primary'));
    }
  }
  // A pasted key means a compromised certificate: renew it, do not track it.
  const trackable = options.privateKey || !recognised ? [] : untracked(diagnosis.certificates, options.tracked);
  if (trackable.length > 0) {
    const certs = trackable.map((c) => ({
      thumbprint: c.thumbprint,
      subject: c.subject,
      domains: c.domains,
      ...(c.notAfter && { notAfter: c.notAfter }),
    }));
    buttons.push(
      button(
        t.buttons.track,
        ids.actions.trackCertificate,
        encodeTrackValue({ ...(pasteId && { p: pasteId }), l: lang, certs }),
      ),
    );
  }
  if (pasteId) {
    // Re-renders keep the Post to thread target, which only the shortcut's answer knows.
    const thread = options.postToThread && { c: options.postToThread.channel, t: options.postToThread.threadTs };
    const keep = { p: pasteId, ...thread, ...(options.allSteps && { a: true }) };
    buttons.push(button(t.buttons.otherLanguage, ids.actions.toggleLanguage, encodeReplyValue({ ...keep, l: other })));
    if (shortened) {
      const value = encodeReplyValue({ ...keep, l: lang, a: true });
      buttons.push(button(t.buttons.showAllSteps, ids.actions.showAllSteps, value));
    }
  }
  return buttons;
}

type WithThumbprint = CertificateFacts & { thumbprint: string };

function untracked(certificates: readonly CertificateFacts[], tracked?: TrackedDescription): WithThumbprint[] {
  const key = (thumbprint: string) => normalizeThumbprint(thumbprint) ?? thumbprint;
  const active = new Set((tracked?.active ?? []).map(key));
  return certificates.filter((c): c is WithThumbprint => !!c.thumbprint && !active.has(key(c.thumbprint)));
}

/** Nothing the core could use: only UNRECOGNIZED_INPUT, or no input at all. */
export function isNothing(diagnosis: Diagnosis): boolean {
  return diagnosis.inputKinds.every((k) => k === 'unknown');
}
