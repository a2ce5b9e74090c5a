import { stepPlace } from '../../core/i18n/report-text.js';
import type { Finding, Language, Severity, Step } from '../../core/model.js';
import { referenceUrl } from './reference-links.js';

/** What is wrong and what to run, as a reply shows it: decided once, rendered once. */
export interface PlanView {
  lang: Language;
  findings: { severity: Severity; message: string }[];
  steps: StepView[];
  /** Steps the reply shows before "Show all steps" (all of them unless shortened). */
  wanted: number;
  references: ReferenceView[];
}

/** A cited source: its words as the core wrote them, and Microsoft's page when certcheck knows it. */
export interface ReferenceView {
  label: string;
  url?: string;
}

export interface StepView {
  title: string;
  why?: string;
  /** "on HUB01 (Hub Transport)", in the reply's language. */
  where?: string;
  /** The condition under which this step applies, as the core worded it. */
  when?: string;
  /** How to check that the step worked. */
  verify?: string;
  command?: string;
}

/** Hiding one or two steps behind a button saves little and costs a click: show them. */
const MIN_HIDDEN_STEPS = 3;

export function planView(
  plan: { findings: readonly Finding[]; steps: readonly Step[]; references: readonly string[] },
  lang: Language,
  options: { allSteps?: boolean; maxSteps?: number; when?: (condition: string) => string | undefined } = {},
): PlanView {
  const maxSteps = options.maxSteps ?? 4;
  const steps = plan.steps.map((step): StepView => {
    const where = stepPlace(step, lang);
    const worded = step.when && options.when ? options.when(step.when) : undefined;
    // An undecided condition is already the title's first words ("If …: …").
    const when = worded && !step.title.includes(worded) ? worded : undefined;
    return {
      title: step.title,
      ...(step.why && { why: step.why }),
      ...(where && { where }),
      ...(when && { when }),
      ...(step.verify && { verify: step.verify }),
      ...(step.command && { command: step.command }),
    };
  });
  const shorten = !options.allSteps && steps.length >= maxSteps + MIN_HIDDEN_STEPS;
  return {
    lang,
    findings: plan.findings.map((f) => ({ severity: f.severity, message: f.message })),
    steps,
    wanted: shorten ? maxSteps : steps.length,
    references: plan.references.map((label) => {
      const url = referenceUrl(label);
      return url ? { label, url } : { label };
    }),
  };
}
