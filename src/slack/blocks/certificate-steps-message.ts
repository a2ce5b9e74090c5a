import type { CertificatePlan } from '../../core/certificate-plan.js';
import { countdownText } from '../../core/countdown.js';
import { trackingText } from '../../core/i18n/tracking-text.js';
import type { Finding, Language } from '../../core/model.js';
import type { TrackedCertificate } from '../../store/store.js';
import { displayName } from './certificate-line.js';
import { context, escapeMrkdwn, header, LIMITS, type SlackBlock, type SlackMessage, truncate } from './kit.js';
import { addSteps, findingsSection, referencesContext } from './plan-blocks.js';
import { withUtcTime } from './slack-date.js';
import { trackedBlocks } from './tracked-blocks.js';
import { conditionText } from '../view/condition-text.js';
import { planView } from '../view/plan-view.js';

/** The tracked line already gives the countdown: these findings would only say it again. */
const SAID_BY_THE_COUNTDOWN = new Set<Finding['code']>(['CERT_EXPIRED', 'CERT_EXPIRING']);
/** Blocks kept free after the steps: step note, references, the Mark renewed hint. */
const TAIL_BLOCKS = 3;

/**
 * **Show steps** on a tracked certificate: what certcheck knows of it, then its renewal plan laid
 * out like a diagnosis's (numbered steps, each command in its own block, the sources).
 */
export function certificateStepsMessage(
  cert: TrackedCertificate,
  plan: CertificatePlan,
  options: { now: Date; lang: Language; timeZone: string },
): SlackMessage {
  const { now, lang } = options;
  const title = trackingText[lang].steps.title(displayName(cert, lang));
  const blocks: SlackBlock[] = [
    header(title),
    ...trackedBlocks([{ certificate: cert }], now, lang, options.timeZone).filter((b) => b.type === 'section'),
  ];
  const view = planView({ ...plan, findings: plan.findings.filter((f) => !SAID_BY_THE_COUNTDOWN.has(f.code)) }, lang, {
    allSteps: true,
    when: conditionText(lang),
    expiries: [cert.notAfter],
  });
  const findings = findingsSection(view);
  if (findings) blocks.push(findings);
  addSteps(blocks, view, TAIL_BLOCKS);
  const references = referencesContext(view);
  if (references) blocks.push(references);
  blocks.push(context(trackingText[lang].steps.verify));
  const countdown = countdownText(cert.notAfter, now, lang, options.timeZone);
  const text = `${escapeMrkdwn(title)} — ${withUtcTime(countdown, cert.notAfter, lang, options.timeZone)}`;
  return { text: truncate(text, LIMITS.fallback), blocks: blocks.slice(0, LIMITS.blocks) };
}
