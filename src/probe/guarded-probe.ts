import { lookup } from 'node:dns/promises';
import { checkProbeTarget, type ProbeAllowList, type ProbeRefusal, type Resolve } from '../core/probe/allow-list.js';
import { judgeProbe, type ProbeJudgeOptions, type ProbeVerdict } from '../core/probe/judge-probe.js';
import type { ProbeRateLimiter } from '../core/probe/rate-limit.js';
import { type ProbeTarget, parseTarget } from '../core/probe/target.js';
import type { Language } from '../core/model.js';
import { mapBounded } from './pool.js';
import { probeEndpoint } from './probe-endpoint.js';

export interface GuardedProbeDeps {
  allow: ProbeAllowList;
  limiter: ProbeRateLimiter;
  /** Every address of a name; the system resolver unless a test gives its own. */
  resolve?: Resolve;
  timeoutMs?: number;
  /** The core's buildSteps, for answers that show steps. */
  buildSteps?: ProbeJudgeOptions['buildSteps'];
}

/** Endpoints one request may name: a person asks about a server or two, not a network. */
export const MAX_GUARDED_TARGETS = 5;

export type GuardedResult = { target: ProbeTarget } & ({ verdict: ProbeVerdict } | { refusal: ProbeRefusal });

export type GuardedOutcome =
  | { kind: 'usage'; problem?: string }
  | { kind: 'too-many'; max: number }
  | { kind: 'rate-limited'; limit: number; retryAfterMs: number }
  | { kind: 'done'; results: GuardedResult[] };

/** All addresses, in the resolver's order, so the first one checked is the one connected to. */
export const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * A probe asked for by someone else (Slack): only what PROBE_ALLOW allows, each name resolved once
 * and the checked address connected to, within the per-user rate. Nothing is connected to, and
 * nothing resolved, when PROBE_ALLOW is empty.
 */
export async function guardedProbe(
  text: string,
  request: { user: string; now: Date; language: Language },
  deps: GuardedProbeDeps,
): Promise<GuardedOutcome> {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'usage' };
  const targets: ProbeTarget[] = [];
  for (const word of words) {
    const parsed = parseTarget(word);
    if (!parsed.ok) return { kind: 'usage', problem: parsed.problem };
    targets.push(...parsed.targets);
  }
  if (targets.length > MAX_GUARDED_TARGETS) return { kind: 'too-many', max: MAX_GUARDED_TARGETS };
  const disabled = deps.allow.names.length === 0 && deps.allow.networks.length === 0;
  if (disabled)
    return { kind: 'done', results: targets.map((target) => ({ target, refusal: { reason: 'disabled' } })) };
  const taken = deps.limiter.take(request.user, targets.length, request.now.getTime());
  if (!taken.allowed) return { kind: 'rate-limited', limit: deps.limiter.limit, retryAfterMs: taken.retryAfterMs };
  const resolve = deps.resolve ?? systemResolve;
  const results = await mapBounded(targets, MAX_GUARDED_TARGETS, async (target): Promise<GuardedResult> => {
    const decision = await checkProbeTarget(deps.allow, target, resolve);
    if (!decision.allowed) {
      const { allowed: _, ...refusal } = decision;
      return { target, refusal };
    }
    const observation = await probeEndpoint(target, { timeoutMs: deps.timeoutMs ?? 10_000, address: decision.address });
    const judge = {
      now: request.now,
      language: request.language,
      ...(deps.buildSteps && { buildSteps: deps.buildSteps }),
    };
    return { target, verdict: judgeProbe(observation, judge) };
  });
  return { kind: 'done', results };
}
