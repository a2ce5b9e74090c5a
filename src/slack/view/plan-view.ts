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
  /** The expiries whose dates the findings and steps write (in UTC): shown as Slack's date token. */
  expiries: string[];
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
  options: {
    allSteps?: boolean;
    maxSteps?: number;
    when?: (condition: string) => string | undefined;
    expiries?: readonly string[];
  } = {},
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
  // However many facts the plan shows first, the first screen reaches the step that changes something.
  const firstChange = plan.steps.findIndex((step) => !showsFactsOnly(step));
  const wanted = Math.max(maxSteps, firstChange + 1);
  const shorten = !options.allSteps && steps.length >= wanted + MIN_HIDDEN_STEPS;
  return {
    lang,
    findings: plan.findings.map((f) => ({ severity: f.severity, message: f.message })),
    steps,
    wanted: shorten ? wanted : steps.length,
    references: plan.references.map((label) => {
      const url = referenceUrl(label);
      return url ? { label, url } : { label };
    }),
    expiries: [...(options.expiries ?? [])],
  };
}

/** PowerShell verbs that only read: a step made of these shows a fact and changes nothing. */
const READING_VERBS = new Set(['Get', 'Test', 'Format', 'Select', 'Where', 'Sort', 'Measure', 'Group']);
/** Loads the cmdlets a reading step uses (Get-WebBinding): changes nothing on the server. */
const READING_CMDLETS = new Set(['Import-Module']);

/** A step whose command only reads (Get-…, Test-…, `| fl`, `netsh http show`): it shows facts. */
export function showsFactsOnly(step: Pick<Step, 'command'>): boolean {
  const command = step.command?.replace(/#[^\n]*/g, '').trim();
  if (!command) return false;
  if (/^netsh\s+http\s+show\b/i.test(command)) return true;
  // Aliases such as fl and ft only format: the Verb-Noun words decide.
  const cmdlets = command.split(/[\s|;(){}]+/).filter((word) => /^[A-Za-z]+-[A-Za-z]+$/.test(word));
  if (cmdlets.length === 0) return false;
  // Assignments and .NET calls ([IO.File]::WriteAllBytes) may write: only plain pipelines count.
  if (/::|(^|\s)\$\w+\s*=|(^|\s)>>?\s/.test(command)) return false;
  return cmdlets.every((cmdlet) => READING_CMDLETS.has(cmdlet) || READING_VERBS.has(cmdlet.split('-')[0] ?? ''));
}
