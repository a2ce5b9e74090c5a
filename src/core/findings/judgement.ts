import type { Finding } from '../model.js';
import type { PlanRequest } from '../steps.js';

/** A finding before ordering, and the plans that fix it. */
export type FindingDraft = Finding;

export interface Judgement {
  findings: FindingDraft[];
  plans: PlanRequest[];
}

export function emptyJudgement(): Judgement {
  return { findings: [], plans: [] };
}

export function addJudgement(into: Judgement, part: Judgement): void {
  into.findings.push(...part.findings);
  into.plans.push(...part.plans);
}
