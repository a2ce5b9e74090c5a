import type { Diagnosis, Step } from '../../../src/core/model.js';
import { type CommandUse, loadPowerShell, type PowerShellCheck } from '../../helpers/powershell-grammar.js';

/**
 * A diagnosis's steps as the invariants read them: each command parsed once by the PowerShell grammar,
 * and the named condition (`when`), the step id and the verification read whether or not the contract
 * has those fields yet.
 */

export interface PlanStep {
  index: number;
  title: string;
  why: string;
  command?: string;
  role: string;
  server?: string;
  id?: string;
  /** The named condition the step runs under; undefined for an unconditional step. */
  when?: string;
  /** How the step says to check it worked. */
  verify?: string;
  check?: PowerShellCheck;
}

export interface Plan {
  steps: PlanStep[];
  version: string;
  language: string;
}

export interface Violation {
  invariant: string;
  step?: number;
  command?: string;
  message: string;
}

const powershell = await loadPowerShell();

export function checkCommand(command: string): PowerShellCheck {
  return powershell.check(command);
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'object') {
    const named = Object.entries(value).find(([k]) => ['name', 'id', 'condition', 'command', 'title'].includes(k));
    if (named && typeof named[1] === 'string') return named[1];
    return JSON.stringify(value);
  }
  return String(value);
}

export function planStep(step: Step, index: number): PlanStep {
  const extra: Record<string, unknown> = { ...step };
  const out: PlanStep = { index, title: step.title, why: step.why ?? '', role: step.role };
  if (step.command?.trim()) {
    out.command = step.command;
    out.check = checkCommand(step.command);
  }
  if (step.server) out.server = step.server;
  const id = text(extra.id);
  if (id) out.id = id;
  const when = text(extra.when);
  if (when) out.when = when;
  const verify = text(extra.verify);
  if (verify) out.verify = verify;
  return out;
}

export function planOf(d: Diagnosis): Plan {
  return { steps: d.steps.map(planStep), version: d.exchangeVersion, language: d.language };
}

export function usesOf(step: PlanStep): CommandUse[] {
  return step.check?.uses ?? [];
}

export const lc = (s: string | undefined) => (s ?? '').toLowerCase();

export function named(use: CommandUse, cmdlet: string): boolean {
  return lc(use.name) === lc(cmdlet);
}

export function param(use: CommandUse, name: string): { name: string; value?: string } | undefined {
  return use.parameters.find((p) => lc(p.name) === lc(name));
}

export function hasParam(use: CommandUse, name: string): boolean {
  return param(use, name) !== undefined;
}

/** The thumbprint a certificate cmdlet acts on (named or positional), upper case. */
export function thumbprintOf(use: CommandUse): string | undefined {
  const value = param(use, 'Thumbprint')?.value ?? param(use, 'Identity')?.value ?? use.positional[0];
  return value?.replace(/^.*\\/, '').toUpperCase();
}

export function servicesOf(use: CommandUse): string[] {
  return (param(use, 'Services')?.value ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

const CHANGING = /^(new|enable|remove|import|set|restart|start|retry|install)-/;

/** A step that changes the server (anything an admin could not run twice without thinking). */
export function changes(step: PlanStep): boolean {
  return usesOf(step).some((use) => {
    const name = lc(use.name);
    if (name === 'start-sleep' || name === 'start-edgesynchronization') return false;
    if (CHANGING.test(name) || name === 'iisreset') return true;
    return name === 'netsh' && use.positional.some((p) => /^(add|update|delete)$/i.test(p));
  });
}

/** The sample value the checker put in each placeholder: what a step's thumbprint looks like when unknown. */
export const SAMPLE_THUMBPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';

/**
 * The condition a step runs under: its named condition, or a title that opens with one ("If the 443
 * binding shows the expired certificate: …", 「… の場合:」), which is a branch of its own all the same.
 */
export function conditionOf(step: PlanStep): string | undefined {
  if (step.when) return step.when;
  const en = /^(?:On [^:]+: )?((?:If|When|Only if|Unless)\b[^:]{3,160}):/.exec(step.title);
  const ja = /^([^:：]{2,120}(?:場合|とき)(?:は)?)[:：]/.exec(step.title);
  return en?.[1] ?? ja?.[1];
}

/** Everything a step says in prose, for rules about what the admin is told. */
export function prose(step: PlanStep): string {
  return `${step.title}\n${step.why}`;
}
