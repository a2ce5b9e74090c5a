import { reportText } from '../../core/i18n/report-text.js';
import { slackText } from '../i18n/slack-text.js';
import type { PlanView, ReferenceView, StepView } from '../view/plan-view.js';
import {
  blocksTextLength,
  codeBlock,
  context,
  escapeMrkdwn,
  LIMITS,
  type SlackBlock,
  section,
  truncate,
} from './kit.js';
import { SEVERITY_EMOJI } from './severity.js';
import { withSlackDates } from './slack-date.js';

/**
 * A plan as every reply shows it (a diagnosis, a tracked certificate's Show steps): what is wrong,
 * the numbered steps each with its command in its own block, the sources.
 */

/** Characters kept after the steps for the references, notes and buttons that follow them. */
const TAIL_TEXT = 2000;

export function findingsSection(plan: PlanView): SlackBlock | undefined {
  if (plan.findings.length === 0) return undefined;
  const heading = reportText[plan.lang].whatIsWrong;
  // Each reader sees an expiry the core dated in UTC in their own zone, as in the countdown above.
  const dated = (text: string) => withSlackDates(escapeMrkdwn(text), plan.expiries, plan.lang);
  const lines = plan.findings.map((f) => `${SEVERITY_EMOJI[f.severity]} ${dated(f.message)}`);
  return section(`*${heading}*\n${fitLines(lines, LIMITS.section - heading.length - 3)}`);
}

/**
 * The sources as links (`<url|KB 953354>`), as many whole ones as fit in `maxText` characters: a link
 * cut in half would show its markup.
 */
export function referencesContext(plan: PlanView, maxText: number = LIMITS.section): SlackBlock | undefined {
  const heading = `📚 ${slackText[plan.lang].references}: `;
  let text = '';
  for (const reference of plan.references) {
    const next = `${text ? `${text} · ` : heading}${referenceLink(reference)}`;
    if (next.length > maxText) break;
    text = next;
  }
  return text ? context(text) : undefined;
}

/** The label is escaped so it can neither end the link nor start another. */
function referenceLink(reference: ReferenceView): string {
  const label = escapeMrkdwn(reference.label);
  return reference.url ? `<${reference.url}|${label.replace(/\|/g, '¦')}>` : label;
}

/**
 * Adds the steps the plan wants shown, as many as Slack's limits allow (`tailBlocks` kept free for
 * what follows), and says so when some are left out. `shortened`: "Show all steps" can show more.
 * `textLength`: the text all the blocks now carry, so that what follows need not measure it again.
 */
export function addSteps(
  blocks: SlackBlock[],
  plan: PlanView,
  tailBlocks: number,
): { shortened: boolean; textLength: number } {
  const { steps, lang } = plan;
  if (steps.length === 0) return { shortened: false, textLength: blocksTextLength(blocks) };
  const t = slackText[lang];
  blocks.push(section(`*${reportText[lang].fix}*`));
  let shown = 0;
  // Counted once, then kept up to date: measuring the whole message for every step was quadratic.
  let textLength = blocksTextLength(blocks);
  for (const [index, step] of steps.slice(0, plan.wanted).entries()) {
    const text = withSlackDates(stepText(index + 1, step, t), plan.expiries, plan.lang);
    const stepBlocks = [section(text), ...(step.command ? [codeBlock(step.command)] : [])];
    const stepLength = blocksTextLength(stepBlocks);
    const fits =
      blocks.length + stepBlocks.length <= LIMITS.blocks - tailBlocks &&
      textLength + stepLength <= LIMITS.messageText - TAIL_TEXT;
    if (!fits) break;
    blocks.push(...stepBlocks);
    textLength += stepLength;
    shown++;
  }
  if (shown === steps.length) return { shortened: false, textLength };
  const canShowMore = shown === plan.wanted;
  const note = context(canShowMore ? t.stepsShown(shown, steps.length) : t.stepsOmitted(steps.length - shown));
  blocks.push(note);
  return { shortened: canShowMore, textLength: textLength + blocksTextLength([note]) };
}

function stepText(n: number, step: StepView, t: (typeof slackText)['en']): string {
  const lines = [`*${n}. ${escapeMrkdwn(step.title)}*`];
  if (step.when) lines.push(`↳ ${escapeMrkdwn(step.when)}`);
  if (step.why) lines.push(`_${escapeMrkdwn(step.why)}_`);
  if (step.where) lines.push(`📍 ${escapeMrkdwn(step.where)}`);
  if (step.verify) lines.push(`✅ ${t.verify}: ${escapeMrkdwn(step.verify)}`);
  return lines.join('\n');
}

function fitLines(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) return out ? `${out}\n…` : truncate(line, max);
    out = next;
  }
  return out;
}
