import { type SlackText, stepPlace } from '../../core/i18n/slack-text.js';
import type { Finding, Step } from '../../core/model.js';
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

/**
 * The parts of a renewal plan as every reply shows them (a diagnosis, a tracked certificate's
 * Show steps): what is wrong, the numbered steps each with its command in its own block, the sources.
 */

export interface StepOptions {
  allSteps?: boolean;
  /** Steps shown before "Show all steps" (default 4). */
  maxSteps?: number;
  /** Blocks kept free after the steps for what the reply adds below them. */
  tailBlocks: number;
}

/** Hiding one or two steps behind a button saves little and costs a click: show them. */
const MIN_HIDDEN_STEPS = 3;

export function findingsSection(findings: readonly Finding[], t: SlackText): SlackBlock | undefined {
  if (findings.length === 0) return undefined;
  const lines = findings.map((f) => `${SEVERITY_EMOJI[f.severity]} ${escapeMrkdwn(f.message)}`);
  return section(`*${t.whatIsWrong}*\n${fitLines(lines, LIMITS.section - t.whatIsWrong.length - 3)}`);
}

export function referencesContext(references: readonly string[], t: SlackText): SlackBlock | undefined {
  if (references.length === 0) return undefined;
  return context(`📚 ${t.references}: ${escapeMrkdwn(references.join(' · '))}`);
}

/** Adds as many steps as the options and Slack's limits allow; says so when some are left out. */
export function addSteps(
  blocks: SlackBlock[],
  steps: readonly Step[],
  t: SlackText,
  options: StepOptions,
): { shortened: boolean } {
  if (steps.length === 0) return { shortened: false };
  blocks.push(section(`*${t.fix}*`));
  const maxSteps = options.maxSteps ?? 4;
  const wanted = options.allSteps || steps.length < maxSteps + MIN_HIDDEN_STEPS ? steps.length : maxSteps;
  let shown = 0;
  // Counted once, then kept up to date: measuring the whole message for every step was quadratic.
  let textLength = blocksTextLength(blocks);
  for (const [index, step] of steps.slice(0, wanted).entries()) {
    const stepBlocks = [section(stepText(index + 1, step, t)), ...(step.command ? [codeBlock(step.command)] : [])];
    const stepLength = blocksTextLength(stepBlocks);
    const fits =
      blocks.length + stepBlocks.length <= LIMITS.blocks - options.tailBlocks &&
      textLength + stepLength <= LIMITS.messageText - 1500;
    if (!fits) break;
    blocks.push(...stepBlocks);
    textLength += stepLength;
    shown++;
  }
  if (shown === steps.length) return { shortened: false };
  const canShowMore = !options.allSteps && shown === wanted;
  blocks.push(context(canShowMore ? t.stepsShown(shown, steps.length) : t.stepsOmitted(steps.length - shown)));
  return { shortened: canShowMore };
}

function stepText(n: number, step: Step, t: SlackText): string {
  const where = stepPlace(step, t);
  const lines = [`*${n}. ${escapeMrkdwn(step.title)}*`];
  if (step.why) lines.push(`_${escapeMrkdwn(step.why)}_`);
  if (where) lines.push(`📍 ${escapeMrkdwn(where)}`);
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
