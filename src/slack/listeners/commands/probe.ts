import type { ProbeAllowList, ProbeRefusal } from '../../../core/probe/allow-list.js';
import { ProbeRateLimiter } from '../../../core/probe/rate-limit.js';
import { buildSteps } from '../../../core/steps.js';
import { type RefusalText, refusalText } from '../../../core/probe/refusal-text.js';
import { endpointLabel, type ProbeTarget } from '../../../core/probe/target.js';
import { guardedProbe, type GuardedProbeDeps } from '../../../probe/guarded-probe.js';
import { diagnosisMessage } from '../../blocks/diagnosis-message.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import type { ListenerDeps, Subcommand } from '../../deps.js';

/**
 * `/certcheck probe TARGET…`: what a server presents right now, answered with the same blocks as
 * a diagnosis. Opt-in: only what PROBE_ALLOW lists is connected to; anything else is refused with
 * a reply naming PROBE_ALLOW, before any lookup or connection.
 */
export function createProbeSubcommand(
  deps: ListenerDeps,
  allow: ProbeAllowList,
  options: Pick<GuardedProbeDeps, 'resolve' | 'timeoutMs'> = {},
): Record<string, Subcommand> {
  // Per process: each replica counts its own requests.
  const limiter = new ProbeRateLimiter();
  return {
    async probe({ command, rest, respond, client }) {
      const language = await deps.language.forUser(client, command.user_id);
      const t = refusalText[language];
      const now = deps.now();
      const outcome = await guardedProbe(
        rest,
        { user: command.user_id, now, language },
        { allow, limiter, buildSteps, ...options },
      );
      const say = (text: string) => respond({ response_type: 'ephemeral', text });
      switch (outcome.kind) {
        case 'usage':
          return void (await say(t.usage(outcome.problem ? { problem: escapeMrkdwn(outcome.problem) } : {})));
        case 'too-many':
          return void (await say(t.tooMany({ max: outcome.max })));
        case 'rate-limited':
          return void (await say(
            t.rateLimited({ limit: outcome.limit, seconds: Math.ceil(outcome.retryAfterMs / 1000) }),
          ));
      }
      const refusals = outcome.results.flatMap((r) => ('refusal' in r ? [refusalLine(r.target, r.refusal, t)] : []));
      if (refusals.length > 0) await say([...new Set(refusals)].join('\n'));
      for (const result of outcome.results) {
        if ('verdict' in result)
          await respond({ response_type: 'ephemeral', ...diagnosisMessage(result.verdict.diagnosis, { now }) });
      }
    },
  };
}

export function refusalLine(target: ProbeTarget, refusal: ProbeRefusal, t: RefusalText): string {
  const endpoint = endpointLabel(target);
  // What the person typed goes back inside code quotes, escaped: never a live link or mention.
  const typed = escapeMrkdwn(target.target.replace(/`/g, "'"));
  switch (refusal.reason) {
    case 'disabled':
      return t.disabled({ endpoint, target: typed });
    case 'not-listed':
      return t.notListed({ endpoint, target: typed });
    case 'resolves-outside':
      return t.resolvesOutside({ host: target.host, address: refusal.address });
    case 'unresolved':
      return t.unresolved({ host: target.host, detail: escapeMrkdwn(refusal.detail) });
  }
}
