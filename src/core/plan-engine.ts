import { CONDITIONS } from './facts/conditions.js';
import type { PlanScope } from './facts/plan-scope.js';
import { keyOf } from './facts/server-keys.js';
import { commandVersionOf, type ServerFacts } from './facts/server-facts.js';
import type { LibraryStep, PlanEntry } from './knowledge/library-model.js';
import { FRAGMENTS, PLAN_TABLE } from './knowledge/plan-table.js';
import { STEP_LIBRARY } from './knowledge/step-library.js';

/** A library step chosen for a plan, with the condition it stands under. */
export interface ChosenStep {
  step: LibraryStep;
  /** The named condition ('caCertServesIis', '!isEdge') under which it applies, if any. */
  when?: string;
  /** Conditions the paste did not decide: the title says under which outcome the step applies. */
  undecided?: { name: string; outcome: boolean }[];
  /** Set for a step repeated on another server: that server's facts and values. */
  scope?: PlanScope;
}

/**
 * Walks a plan's entries against the server's facts: a decided condition keeps one outcome; an
 * undecided one first shows the fact that decides it, then gives each outcome with its own steps.
 */
export function choosePlanSteps(planId: string, scope: PlanScope): ChosenStep[] {
  const plan = PLAN_TABLE.get(planId);
  if (!plan) return [];
  const out: ChosenStep[] = [];
  walk(plan.entries, scope, out, {});
  return out.filter((chosen) => applies(chosen.step, chosen.scope ?? scope));
}

interface Frame {
  when?: string;
  undecided?: { name: string; outcome: boolean }[];
  /** Outcomes already taken on the way here: a fragment that asks again gets the same answer. */
  assumed?: Readonly<Record<string, boolean>>;
  /** Inside an `each` block: the other server's scope. */
  scope?: PlanScope;
}

function walk(entries: readonly PlanEntry[], scope: PlanScope, out: ChosenStep[], frame: Frame): void {
  for (const entry of entries) {
    if (typeof entry === 'string') {
      out.push({ step: stepById(entry), ...frame });
      continue;
    }
    if ('use' in entry) {
      walk(FRAGMENTS.get(entry.use) ?? [], scope, out, frame);
      continue;
    }
    if ('each' in entry) {
      // Each other server gets its own steps, decided from its own facts: one block per server.
      for (const name of listed(scope.values[entry.each])) {
        const other = scopeOnServer(scope, name);
        walk(entry.do, other, out, { ...frame, scope: other });
      }
      continue;
    }
    const condition = CONDITIONS[entry.if];
    if (!condition) throw new Error(`unknown condition ${entry.if}`);
    const decided = frame.assumed?.[entry.if] ?? condition.test(scope);
    const outcomeFrame = (outcome: boolean, undecided: boolean): Frame => {
      if (condition.version) return frame;
      const when = outcome ? entry.if : `!${entry.if}`;
      const chain = frame.undecided ?? [];
      return {
        ...(frame.scope && { scope: frame.scope }),
        when,
        ...(undecided
          ? { undecided: [...chain, { name: entry.if, outcome }] }
          : chain.length
            ? { undecided: chain }
            : {}),
      };
    };
    if (decided === true || (decided === undefined && condition.unknown === 'then')) {
      walk(entry.yes ?? [], scope, out, outcomeFrame(true, false));
    } else if (decided === false || (decided === undefined && condition.unknown === 'else')) {
      walk(entry.no ?? [], scope, out, outcomeFrame(false, false));
    } else {
      // Show the deciding fact first, then both outcomes: never one command with the condition in prose.
      for (const id of condition.shownBy ?? []) out.push({ step: stepById(id), ...frame });
      walk(entry.yes ?? [], scope, out, outcomeFrame(true, true));
      walk(entry.no ?? [], scope, out, outcomeFrame(false, true));
    }
  }
}

function listed(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * The same plan on another server: its own facts when the paste shows them (else only its name, with
 * the version of the server the plan is about), and the connector and certificate values of its own.
 */
function scopeOnServer(scope: PlanScope, name: string): PlanScope {
  const key = keyOf(name);
  const shown = scope.servers?.find((s) => s.name && keyOf(s.name) === key);
  const facts: ServerFacts = shown ?? {
    name,
    ...(scope.facts.version && { version: scope.facts.version }),
    roles: [],
    certificates: [],
    connectors: [],
  };
  // Values that belong to the server the plan is about (its FQDN, queue, connector, certificates) stay there.
  const {
    connector: _connector,
    sharedWith: _shared,
    hybridPeers: _peers,
    renewedElsewhere: _renewed,
    otherMailbox: _mailbox,
    serverFqdn: _fqdn,
    queue: _queue,
    backendCandidate: _backend,
    candidate: _candidate,
    ...values
  } = scope.values;
  const { cert: _cert, ...rest } = scope;
  const other: PlanScope = {
    ...rest,
    facts: shown?.version || !scope.facts.version ? facts : { ...facts, version: scope.facts.version },
    values: { ...values, server: facts.name ?? name, ...(scope.facts.name && { sourceServer: scope.facts.name }) },
  };
  const cert = values.thumbprint ? facts.certificates.find((c) => c.thumbprint === values.thumbprint) : undefined;
  return cert ? { ...other, cert } : other;
}

function stepById(id: string): LibraryStep {
  const step = STEP_LIBRARY.get(id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}

function applies(step: LibraryStep, scope: PlanScope): boolean {
  return !step.versions || step.versions.includes(commandVersionOf(scope.facts));
}
