import { countdownText, validFromText } from '../../core/countdown.js';
import { type SlackText, slackText } from '../../core/i18n/slack-text.js';
import type { CertificateFacts, Diagnosis, Step } from '../../core/model.js';
import { ids } from '../ids.js';
import { encodeReplyValue, encodeTrackValue } from './button-values.js';
import {
  blocksTextLength,
  button,
  type ButtonElement,
  codeBlock,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  type SlackBlock,
  type SlackMessage,
  section,
  truncate,
} from './kit.js';
import { privateKeyWarningBlocks } from './private-key-warning.js';

export interface DiagnosisMessageOptions {
  now: Date;
  /** The cached paste behind the buttons; without it, only the Track button is rendered. */
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
  /** What tracking knows of the pasted thumbprints, shown under the findings. */
  tracked?: SlackBlock[];
}

const SEVERITY_EMOJI = { critical: '🔴', warning: '🟠', info: '🔵', ok: '🟢' } as const;
const MAX_CERTIFICATES = 3;
/** Blocks kept free after the steps: step note, references, notes, actions. */
const TAIL_BLOCKS = 4;

/** The verdict first, the countdown at a glance, then exactly what to run, within Slack's limits. */
export function diagnosisMessage(diagnosis: Diagnosis, options: DiagnosisMessageOptions): SlackMessage {
  const t = slackText[diagnosis.language];
  const now = options.now;
  const verdict = `${SEVERITY_EMOJI[diagnosis.severity]} ${diagnosis.summary}`;
  const blocks: SlackBlock[] = options.privateKey
    ? [
        ...privateKeyWarningBlocks(diagnosis.language, options.privateKey.postedInChannel),
        section(`*${escapeMrkdwn(verdict)}*`),
      ]
    : [header(verdict)];
  blocks.push(context(...metaLine(diagnosis, t, options.sharedBy)));

  const certificates = diagnosis.certificates;
  for (const cert of certificates.slice(0, MAX_CERTIFICATES)) {
    blocks.push(section(certificateLine(cert, t)));
    const when = countdown(cert, now, diagnosis);
    if (when) blocks.push(context(when));
  }
  if (certificates.length > MAX_CERTIFICATES) {
    blocks.push(context(t.certificatesOmitted(certificates.length - MAX_CERTIFICATES)));
  }

  const findings = diagnosis.findings.filter((f) => f.code !== 'PRIVATE_KEY_IN_INPUT');
  if (findings.length > 0) {
    const lines = findings.map((f) => `${SEVERITY_EMOJI[f.severity]} ${escapeMrkdwn(f.message)}`);
    blocks.push(section(`*${t.whatIsWrong}*\n${fitLines(lines, LIMITS.section - t.whatIsWrong.length - 3)}`));
  }

  // Bounded so the steps and the tail keep their room within Slack's 50 blocks.
  blocks.push(...(options.tracked ?? []).slice(0, 8));

  const plan = addSteps(blocks, diagnosis.steps, t, options);

  if (diagnosis.references.length > 0) {
    blocks.push(context(`📚 ${t.references}: ${escapeMrkdwn(diagnosis.references.join(' · '))}`));
  }
  if (diagnosis.notes.length > 0 && blocks.length < LIMITS.blocks - 1) {
    blocks.push(context(escapeMrkdwn(diagnosis.notes.slice(0, 3).join(' · '))));
  }
  const actions = actionButtons(diagnosis, t, options, plan.shortened);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: ids.blocks.actions, elements: actions });

  const firstCountdown = certificates.map((c) => countdown(c, now, diagnosis)).find(Boolean);
  const text = truncate([verdict, firstCountdown].filter(Boolean).join(' — '), LIMITS.fallback);
  return { text, blocks: blocks.slice(0, LIMITS.blocks) };
}

function metaLine(diagnosis: Diagnosis, t: SlackText, sharedBy?: string): string[] {
  const events = diagnosis.events.map((e) =>
    [e.source, e.id, e.level && `(${t.eventLevel[e.level]})`].filter((part) => part !== undefined).join(' '),
  );
  const line = [...new Set(events)].slice(0, 6).join(' · ');
  return [
    ...(sharedBy ? [t.sharedBy(`<@${sharedBy}>`)] : []),
    escapeMrkdwn([line, t.exchange(diagnosis.exchangeVersion)].filter(Boolean).join(' · ')),
  ];
}

function certificateLine(cert: CertificateFacts, t: SlackText): string {
  const name = cert.domains[0] ?? cn(cert.subject) ?? cert.subject;
  const issuer = cert.selfSigned ? undefined : `${t.issuedBy} ${cn(cert.issuer) ?? cert.issuer}`;
  const key = [cert.keyAlgorithm, cert.keySize].filter(Boolean).join(' ');
  const details = [issuer, key, cert.signatureHash, cert.services?.join(', ')].filter(Boolean);
  const first = `*${escapeMrkdwn(name)}*${details.length ? ` · ${escapeMrkdwn(details.join(' · '))}` : ''}`;
  return cert.thumbprint ? `${first}\n${t.thumbprint} \`${cert.thumbprint}\`` : first;
}

function countdown(cert: CertificateFacts, now: Date, diagnosis: Diagnosis): string | undefined {
  const lang = diagnosis.language;
  if (cert.notBefore && Date.parse(cert.notBefore) > now.getTime())
    return `⏱ ${validFromText(cert.notBefore, now, lang)}`;
  if (!cert.notAfter || Number.isNaN(Date.parse(cert.notAfter))) return undefined;
  return `⏱ ${cert.estimated ? '~' : ''}${countdownText(cert.notAfter, now, lang)}`;
}

const cn = (dn: string): string | undefined => /CN=([^,]+)/i.exec(dn)?.[1]?.trim();

function fitLines(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) return out ? `${out}\n…` : truncate(line, max);
    out = next;
  }
  return out;
}

/** Adds as many steps as the options and Slack's limits allow; says so when some are left out. */
function addSteps(blocks: SlackBlock[], steps: Step[], t: SlackText, options: DiagnosisMessageOptions) {
  if (steps.length === 0) return { shortened: false };
  blocks.push(section(`*${t.fix}*`));
  const wanted = options.allSteps ? steps.length : Math.min(steps.length, options.maxSteps ?? 4);
  let shown = 0;
  for (const [index, step] of steps.slice(0, wanted).entries()) {
    const stepBlocks = [section(stepText(index + 1, step, t)), ...(step.command ? [codeBlock(step.command)] : [])];
    const fits =
      blocks.length + stepBlocks.length <= LIMITS.blocks - TAIL_BLOCKS &&
      blocksTextLength(blocks) + blocksTextLength(stepBlocks) <= LIMITS.messageText - 1500;
    if (!fits) break;
    blocks.push(...stepBlocks);
    shown++;
  }
  if (shown === steps.length) return { shortened: false };
  const canShowMore = !options.allSteps && shown === wanted;
  blocks.push(context(canShowMore ? t.stepsShown(shown, steps.length) : t.stepsOmitted(steps.length - shown)));
  return { shortened: canShowMore };
}

function stepText(n: number, step: Step, t: SlackText): string {
  const where = step.server ? t.runOn(step.server, t.role[step.role]) : step.role !== 'any' ? t.role[step.role] : '';
  const lines = [`*${n}. ${escapeMrkdwn(step.title)}*`];
  if (step.why) lines.push(`_${escapeMrkdwn(step.why)}_`);
  if (where) lines.push(`📍 ${escapeMrkdwn(where)}`);
  return lines.join('\n');
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
  const mayGoPublic = !options.privateKey;
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
  const tracked = diagnosis.certificates.filter((c): c is CertificateFacts & { thumbprint: string } => !!c.thumbprint);
  if (tracked.length > 0) {
    const certs = tracked.map((c) => ({
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
