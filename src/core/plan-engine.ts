import { CONDITIONS, type Condition, type ReleaseGroup } from './facts/conditions.js';
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
  /** With the release unknown: the release family whose command this copy of the step gives. */
  release?: '2007' | '2010' | '2013+';
}

/**
 * Walks a plan's entries against the server's facts: a decided condition keeps one outcome; an
 * undecided one first shows the fact that decides it, then gives each outcome with its own steps.
 */
export function choosePlanSteps(planId: string, scope: PlanScope): ChosenStep[] {
  const plan = PLAN_TABLE.get(planId);
  if (!plan) return [];
  const out: ChosenStep[] = [];
  walk(plan.entries, scope, out, {}, new Map());
  return byRelease(out.filter((chosen) => applies(chosen.step, chosen.scope ?? scope)), scope);
}

const FAMILIES = ['2013+', '2010', '2007'] as const;
type Family = (typeof FAMILIES)[number];

/**
 * With the server's release unknown, a step whose command differs by release, or that exists only on
 * some releases, is given once per group of releases with the same command, each under the release it
 * is for; the plan opens with the command that shows the release. Never one command with the other
 * releases in prose.
 */
function byRelease(chosen: readonly ChosenStep[], scope: PlanScope): ChosenStep[] {
  const split = chosen.map((c) =>
    commandVersionOf((c.scope ?? scope).facts) === 'unknown' ? releaseGroups(c.step) : undefined,
  );
  if (split.every((groups) => groups === undefined)) return [...chosen];
  // The release is shown first, on each server whose steps differ by it; it shows the roles too.
  const asked = new Set(chosen.filter((_, i) => split[i]).map((c) => c.scope ?? scope));
  const out: ChosenStep[] = [];
  if (asked.has(scope)) out.push({ step: stepById('show-exchange-version') });
  const shown = new Set<PlanScope>([scope]);
  chosen.forEach((c, i) => {
    const own = c.scope ?? scope;
    if (asked.has(own) && c.step.id === 'show-server-role') return;
    if (asked.has(own) && !shown.has(own)) {
      shown.add(own);
      out.push({ step: stepById('show-exchange-version'), scope: own });
    }
    const groups = split[i];
    if (!groups) {
      out.push(c);
      return;
    }
    for (const [name, family] of groups) {
      const variant: ChosenStep = { ...c, release: family, undecided: [{ name, outcome: true }, ...(c.undecided ?? [])] };
      out.push(variant);
    }
  });
  return out;
}

/** The groups of releases a step is given for (each with the family whose command it shows), or none when one command fits all. */
function releaseGroups(step: LibraryStep): [ReleaseGroup, Family][] | undefined {
  const on = FAMILIES.filter((f) => !step.versions || step.versions.includes(f));
  // The command each release is shown, as a step renders it: its own form, else the default.
  const of = (f: Family) => step.command?.[f] ?? step.command?.default;
  const has = (f: Family) => on.includes(f);
  if (has('2013+') && has('2010') && has('2007') && of('2013+') === of('2010') && of('2010') === of('2007'))
    return undefined;
  const groups: [ReleaseGroup, Family][] = [];
  if (has('2013+') && has('2010') && of('2013+') === of('2010')) {
    groups.push(['release2010plus', '2013+']);
    if (has('2007')) groups.push(['release2007', '2007']);
    return groups;
  }
  if (has('2013+')) groups.push(['release2013plus', '2013+']);
  if (has('2010') && has('2007') && of('2010') === of('2007')) groups.push(['release2007or2010', '2010']);
  else {
    if (has('2010')) groups.push(['release2010', '2010']);
    if (has('2007')) groups.push(['release2007', '2007']);
  }
  return groups;
}

/**
 * Each named condition's answer for one scope, asked once per walk: fragments and nested branches ask
 * the same condition of the same server again, and a condition is a pure function of its scope.
 */
type Answers = Map<PlanScope, Map<string, boolean | undefined>>;

function answer(name: string, condition: Condition, scope: PlanScope, answers: Answers): boolean | undefined {
  let known = answers.get(scope);
  if (!known) {
    known = new Map();
    answers.set(scope, known);
  }
  if (known.has(name)) return known.get(name);
  const result = condition.test(scope);
  known.set(name, result);
  return result;
}

/** A chosen step under the frame's condition, without copying the frame: a walk pushes many. */
function chosenStep(id: string, frame: Frame): ChosenStep {
  const chosen: ChosenStep = { step: stepById(id) };
  if (frame.when !== undefined) chosen.when = frame.when;
  if (frame.undecided !== undefined) chosen.undecided = frame.undecided;
  if (frame.scope !== undefined) chosen.scope = frame.scope;
  return chosen;
}

/** The frame a branch's steps stand under: a version condition only picks commands and records nothing. */
function outcomeFrame(name: string, condition: Condition, frame: Frame, outcome: boolean, undecided: boolean): Frame {
  if (condition.version) return frame;
  const next: Frame = { when: outcome ? name : `!${name}` };
  if (frame.scope) next.scope = frame.scope;
  const chain = frame.undecided ?? [];
  if (undecided) next.undecided = [...chain, { name, outcome }];
  else if (chain.length) next.undecided = chain;
  return next;
}

interface Frame {
  when?: string;
  undecided?: { name: string; outcome: boolean }[];
  /** Outcomes already taken on the way here: a fragment that asks again gets the same answer. */
  assumed?: Readonly<Record<string, boolean>>;
  /** Inside an `each` block: the other server's scope. */
  scope?: PlanScope;
}

function walk(
  entries: readonly PlanEntry[],
  scope: PlanScope,
  out: ChosenStep[],
  frame: Frame,
  answers: Answers,
): void {
  for (const entry of entries) {
    if (typeof entry === 'string') {
      out.push(chosenStep(entry, frame));
      continue;
    }
    if ('use' in entry) {
      walk(FRAGMENTS.get(entry.use) ?? [], scope, out, frame, answers);
      continue;
    }
    if ('each' in entry) {
      // Each other server gets its own steps, decided from its own facts: one block per server.
      for (const name of listed(scope.values[entry.each])) {
        const other = scopeOnServer(scope, name);
        walk(entry.do, other, out, { ...frame, scope: other }, answers);
      }
      continue;
    }
    const name = entry.if;
    const condition = CONDITIONS[name];
    if (!condition) throw new Error(`unknown condition ${name}`);
    const decided = frame.assumed?.[name] ?? answer(name, condition, scope, answers);
    if (decided === true || (decided === undefined && condition.unknown === 'then')) {
      walk(entry.yes ?? [], scope, out, outcomeFrame(name, condition, frame, true, false), answers);
    } else if (decided === false || (decided === undefined && condition.unknown === 'else')) {
      walk(entry.no ?? [], scope, out, outcomeFrame(name, condition, frame, false, false), answers);
    } else {
      // Show the deciding fact first, then both outcomes: never one command with the condition in prose.
      for (const id of condition.shownBy ?? []) out.push(chosenStep(id, frame));
      walk(entry.yes ?? [], scope, out, outcomeFrame(name, condition, frame, true, true), answers);
      walk(entry.no ?? [], scope, out, outcomeFrame(name, condition, frame, false, true), answers);
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
