import { CONDITIONS } from './facts/conditions.js';
import type { PlanScope } from './facts/plan-scope.js';
import type { ServerFacts } from './facts/server-facts.js';
import { keyOf } from './facts/server-keys.js';
import { hubWords } from './i18n/hub-words.js';
import { tidyJapanese } from './i18n/ja-spacing.js';
import type { PlanValues } from './knowledge/plan-model.js';
import { PLAN_TABLE } from './knowledge/plan-table.js';
import type { ExchangeVersion, Language, Step, StepRole } from './model.js';
import { type ChosenStep, choosePlanSteps } from './plan-engine.js';
import { scopeValues, type Values } from './plan-values.js';
import { type Given, repeatOf } from './step-repeats.js';
import { restartsFollowChanges } from './step-restarts.js';
import { localizeCommand, resolveRole, withVersionNote } from './step-wording.js';

/**
 * Root causes first: an expired internal certificate explains the 12014 that follows it (KB 953354),
 * and a clean thumbprint comes before anything that uses it.
 */
const PLAN_ORDER: readonly string[] = [
  'clean-thumbprint',
  // What clients reach first: a load balancer that terminates TLS presents its own copy.
  'offload-renewal',
  // A renewal already done: its roll-out replaces the request the old certificate would otherwise get.
  'renewed-rollout',
  // A newer certificate that lacks a name of the current one: held back before the request that replaces it.
  'renewal-lacks-name',
  // A CA renewal first: its enable step then cannot be mistaken for one about a self-signed certificate made later.
  'ca-renew',
  'renew-unknown-issuer',
  'pending-request',
  'internal-transport-renew',
  'internal-missing-local',
  'internal-missing-ad',
  'remote-peer-renew',
  'starttls-renew',
  'starttls-pinned',
  'starttls-missing',
  'send-connector-pin',
  'backend-444-rebind',
  'auth-check-thumbprint',
  'auth-renew',
  'auth-stage-next',
  'federation-expired',
  'federation-renew',
  'setup-cert-expired',
  'revocation-check',
  'chain-renew',
  'private-key-missing',
  'name-mismatch',
  'chain-not-sent',
  'self-signed-client-facing',
  'identify-thumbprint',
  'list-with-dates',
  // A queue held up by a certificate problem is retried once that problem is fixed.
  'smtp-queue-after-fix',
];
/** Each plan's place in PLAN_ORDER, looked up once when the module loads instead of scanned per comparison. */
const PLAN_RANK: ReadonlyMap<string, number> = new Map(PLAN_ORDER.map((plan, index) => [plan, index]));
const rankOf = (request: PlanRequest): number => PLAN_RANK.get(request.plan) ?? -1;

export interface PlanRequest {
  plan: string;
  values: PlanValues;
  /** The event that asked for the plan, and its source, when it came from one. */
  eventId?: number;
  source?: string;
}

export interface StepSettings {
  /** The facts of each server; without them (a tracked certificate) the summary settings stand in. */
  servers?: readonly ServerFacts[];
  version: ExchangeVersion;
  edge: 'yes' | 'no' | 'unknown';
  frontEnd: boolean;
  language: Language;
  /** A hybrid symptom was pasted (451 5.7.3 from Exchange Online, 454 4.7.5). */
  hybridSymptom?: boolean;
}

/** Turns the plans the findings asked for into ordered, filled-in steps; a repeated command is shown once. */
export function buildSteps(requests: PlanRequest[], settings: StepSettings): { steps: Step[]; references: string[] } {
  // Every step given so far, for the same action asked for by two plans (enable, probe).
  const given: Given[] = [];
  const phases: Record<'main' | 'verify' | 'cleanup' | 'final', Step[]> = {
    main: [],
    verify: [],
    cleanup: [],
    final: [],
  };
  const references: string[] = [];
  const seen = new Map<string, Shown[]>();
  // Where IIS was already moved to the new certificate (server and certificate → open questions).
  const iisMoved = new Map<string, string[]>();
  const ordered = [...requests].sort((a, b) => rankOf(a) - rankOf(b));
  for (const request of ordered) {
    const plan = PLAN_TABLE.get(request.plan);
    if (!plan) continue;
    const scope = scopeFor(request, settings);
    let used = false;
    const chosenSteps = choosePlanSteps(request.plan, scope);
    const origins = originsOf(chosenSteps);
    for (const chosen of chosenSteps) {
      const step = withImported(
        oneNameForNew(renderStep(chosen, chosen.scope ?? scope, request.plan, settings.language), chosen, origins),
        request.values.importedThumbprint,
      );
      // The same command for two certificates is two steps when it stands for a certificate still to be made.
      // Every placeholder is written `<…>`: a command without one needs no pattern run over it.
      const fresh = step.command?.includes('<') === true && FRESH_PLACEHOLDER.test(step.command);
      // A step on another server is that server's own, even with the same command (a restart on HUB01
      // does not restart HUB02).
      const where = step.server ?? '';
      const key = `${step.id}\n${where}\n${step.command ?? step.title}\n${fresh ? (request.values.thumbprint ?? '') : ''}`;
      // Shown once when an earlier copy applies wherever this one does (its conditions are a prefix of
      // these); the same step under the other outcome of an open question is that outcome's own.
      const chain = chainOf(chosen.undecided);
      const earlier = seen.get(key) ?? [];
      if (earlier.some((shown) => iisChain(chosen, chain).startsWith(iisChain(shown.chosen, shown.chain)))) continue;
      // The same step under both outcomes of one open question, right after one another, is needed
      // either way: one step, asked under the conditions they share, instead of two that differ only
      // in their "If …". Copies apart stay apart (each comes after its own outcome's steps), except a
      // step that only shows something: shown once, at the first place, it changes nothing later.
      const phase = phases[chosen.step.phase ?? 'main'];
      const twin = earlier.find(
        (shown) =>
          (phase.at(-1) === shown.step || chosen.step.id.startsWith('show-')) &&
          complementary(shown.chosen.undecided, chosen.undecided),
      );
      if (twin) {
        const shared = (chosen.undecided ?? []).slice(0, -1);
        const last = shared.at(-1);
        const merged: ChosenStep = {
          ...twin.chosen,
          undecided: shared,
          // A condition the paste decided, the same for both copies, still labels the step.
          ...(twin.chosen.when === chosen.when
            ? {}
            : last
              ? { when: last.outcome ? last.name : `!${last.name}` }
              : { when: undefined }),
        };
        const step = oneNameForNew(renderStep(merged, twin.scope, twin.plan, settings.language), merged, origins);
        const at = phase.indexOf(twin.step);
        if (at >= 0) phase[at] = step;
        Object.assign(twin, { chosen: merged, chain: chainOf(shared), step });
        continue;
      }
      // "If 443 shows the expired certificate, enable IIS on the new one" already moved the binding the
      // old certificate's removal would otherwise move: the same command is not given twice.
      const moved = `${where}\n${request.values.thumbprint ?? ''}`;
      const served = iisChain(chosen, chain).replaceAll('iisServedByExpiredSetupCert=', 'oldOnFrontEnd443=');
      if (
        (chosen.step.id === 'iis-to-new-before-remove' || chosen.step.id === 'iis-to-ca-before-remove') &&
        (iisMoved.get(moved) ?? []).some((done) => served.startsWith(done))
      )
        continue;
      if (chosen.step.id === 'enable-iis-new' || chosen.step.id === 'enable-iis-ca')
        iisMoved.set(moved, [...(iisMoved.get(moved) ?? []), served]);
      const repeat = repeatOf(step, chain, given);
      if (repeat === 'skip') continue;
      if (repeat) {
        // The same check asked under fewer conditions: it takes the earlier one's place.
        for (const list of Object.values(phases)) {
          const at = list.indexOf(repeat.step);
          if (at >= 0) list[at] = step;
        }
        Object.assign(repeat, { step, chain });
        continue;
      }
      given.push({ step, chain });
      seen.set(key, [...earlier, { chain, chosen, scope: chosen.scope ?? scope, plan: request.plan, step }]);
      phases[chosen.step.phase ?? 'main'].push(step);
      used = true;
    }
    if (used) addReferences(references, plan.reference);
  }
  // The old certificate goes only once the checks show the new one serves (events stopped, STARTTLS,
  // 443); the check of the new certificate itself stays last.
  const steps = [...phases.main, ...phases.verify, ...phases.cleanup, ...phases.final];
  return { steps: restartsFollowChanges(steps, settings.language, settings.version), references };
}

/** A step already in the answer, with what it was rendered from (so it can be rendered again, merged). */
interface Shown {
  chain: string;
  chosen: ChosenStep;
  scope: PlanScope;
  plan: string;
  step: Step;
}

/** Steps about the Default Web Site's 443 binding. */
const IIS_BINDING_STEPS = new Set([
  'show-iis-binding',
  'show-iis-binding-2007',
  'enable-iis-new',
  'enable-iis-ca',
  'iis-to-new-before-remove',
  'iis-to-ca-before-remove',
]);

/**
 * The open questions a step about the 443 binding really depends on: "if ServerRole shows a Hub
 * Transport or Mailbox server" adds nothing to it, since an Edge Transport server has no IIS.
 */
function iisChain(chosen: ChosenStep, chain: string): string {
  return IIS_BINDING_STEPS.has(chosen.step.id) ? chain.replaceAll('isEdge=false\n', '') : chain;
}

function chainOf(undecided: ChosenStep['undecided']): string {
  return (undecided ?? []).map((u) => `${u.name}=${u.outcome}\n`).join('');
}

/** Two chains of open questions that agree on all but the last, answered the other way. */
function complementary(a: ChosenStep['undecided'], b: ChosenStep['undecided']): boolean {
  if (!a?.length || !b?.length || a.length !== b.length) return false;
  const n = a.length - 1;
  for (let i = 0; i < n; i++) if (a[i]?.name !== b[i]?.name || a[i]?.outcome !== b[i]?.outcome) return false;
  return a[n]?.name === b[n]?.name && a[n]?.outcome !== b[n]?.outcome;
}

const FRESH_PLACEHOLDER = /<(?:new|imported) thumbprint>|<新しい証明書の拇印>|<インポートした証明書の拇印>/;

/** Where a plan's new certificate comes from, per chain of open questions: imported, or made here. */
interface Origins {
  imported: string[];
  made: string[];
}

function originsOf(chosen: readonly ChosenStep[]): Origins {
  const origins: Origins = { imported: [], made: [] };
  for (const c of chosen) {
    const command = c.step.command?.default ?? '';
    if (/\bImport-ExchangeCertificate\b/.test(command)) origins.imported.push(chainOf(c.undecided));
    else if (/\bNew-ExchangeCertificate\b/.test(command) && !/-GenerateRequest\b/.test(command))
      origins.made.push(chainOf(c.undecided));
  }
  return origins;
}

/**
 * One name per value: where the new certificate a step can mean is the one imported, the step calls
 * it what the enable step calls it.
 */
function oneNameForNew(step: Step, chosen: ChosenStep, origins: Origins): Step {
  if (!step.command || origins.imported.length === 0) return step;
  const chain = chainOf(chosen.undecided);
  const onPath = (other: string) => other.startsWith(chain) || chain.startsWith(other);
  const imported = origins.imported.filter(onPath);
  // A certificate made wherever the import happens too (a new internal transport certificate beside a
  // CA renewal) is not the one such a step names; one made on another outcome's path may be.
  const made = origins.made.filter(onPath);
  if (imported.length === 0 || !made.every((m) => imported.some((i) => m.startsWith(i)))) return step;
  const command = step.command
    .replaceAll('<new thumbprint>', '<imported thumbprint>')
    .replaceAll('<新しい証明書の拇印>', '<インポートした証明書の拇印>');
  return command === step.command ? step : { ...step, command };
}

/** The issued certificate the paste holds is the one imported: its thumbprint replaces the placeholder. */
function withImported(step: Step, thumbprint: string | undefined): Step {
  if (!thumbprint || !step.command?.includes('<')) return step;
  const command = step.command.replace(
    /<imported thumbprint>|<インポートした証明書の拇印>|<new thumbprint>|<新しい証明書の拇印>/g,
    thumbprint,
  );
  return command === step.command ? step : { ...step, command };
}

/** References are kept as atomic parts ("KB 953354"), each once. */
export function addReferences(into: string[], reference: string): void {
  for (const part of reference.split(/;\s*/)) if (part && !into.includes(part)) into.push(part);
}

function scopeFor(request: PlanRequest, settings: StepSettings): PlanScope {
  const servers = settings.servers ?? [];
  const wanted = request.values.server ? keyOf(request.values.server) : undefined;
  const facts =
    (wanted ? servers.find((s) => s.name && keyOf(s.name) === wanted) : undefined) ??
    servers[0] ??
    syntheticFacts(request.values, settings);
  // A certificate whose thumbprint the paste does not give (cut off, openssl -text) is known by its subject.
  const { thumbprint, subject } = request.values;
  const cert = thumbprint
    ? facts.certificates.find((c) => c.thumbprint === thumbprint)
    : subject
      ? facts.certificates.find((c) => !c.thumbprint && c.subject === subject)
      : undefined;
  return {
    facts,
    values: request.values,
    ...(cert && { cert }),
    ...(request.eventId !== undefined && { eventId: request.eventId }),
    ...((request.source ?? (settings.frontEnd ? 'MSExchangeFrontEndTransport' : undefined)) && {
      source: request.source ?? 'MSExchangeFrontEndTransport',
    }),
    ...(settings.hybridSymptom && { hybridSymptom: true }),
    ...(servers.length > 0 && { servers }),
  };
}

/** Facts for a caller that has none (a tracked certificate's "Show steps"): only what the settings say. */
function syntheticFacts(values: PlanValues, settings: StepSettings): ServerFacts {
  const version = settings.version === 'unknown' ? undefined : settings.version;
  const roles: ServerFacts['roles'] =
    settings.edge === 'yes'
      ? [{ value: 'edge', evidence: ['settings'], strength: 'strong' }]
      : settings.edge === 'no'
        ? [{ value: 'hub', evidence: ['settings'], strength: 'weak' }]
        : [];
  return {
    ...(values.server && { name: values.server }),
    ...(version && { version: { value: version, evidence: ['settings'], strength: 'weak' } }),
    roles,
    certificates: [],
    connectors: [],
  };
}

/**
 * A Client Access (or Hub Transport) step on a server the paste shows holding other roles only names
 * the server: "HUB01 (Client Access)" would say the server is one the admin said it is not.
 */
function roleShown(role: StepRole, scope: PlanScope, server: string | undefined): StepRole {
  // Exchange 2013 split roles: a step on a server the paste shows as Client Access only (Get-ExchangeServer
  // ServerRole ClientAccess) runs on a Client Access server, not a Mailbox one.
  if (role === 'mailbox' && server) {
    const shown = [scope.facts, ...(scope.servers ?? [])].find((s) => s.name && keyOf(s.name) === keyOf(server));
    const held = shown?.roles.map((r) => r.value) ?? [];
    if (held.includes('cas') && !held.includes('mailbox') && !held.includes('edge')) return 'cas';
  }
  if (role !== 'cas' && role !== 'hub') return role;
  const held = scope.facts.roles.map((r) => r.value);
  if (held.length === 0 || held.includes(role) || !server || !scope.facts.name) return role;
  return keyOf(server) === keyOf(scope.facts.name) ? 'any' : role;
}

/** One chosen step, filled from the scope's values and worded in `language`. */
export function renderStep(chosen: ChosenStep, scope: PlanScope, planId: string, language: Language): Step {
  const { step } = chosen;
  const shown = scopeValues(scope, planId, language);
  const { command, prose, edge } = shown;
  // With the release unknown, a copy of the step for one release gives that release's command.
  const version = chosen.release ?? shown.version;
  // For a peer's expired certificate (12019), the Edge is the peer, and the server that logged the
  // event received the Edge's certificate: it is the Hub/Mailbox side of the subscription.
  const server =
    planId === 'remote-peer-renew' && step.runsOn === 'edge'
      ? scope.values.peer
      : planId === 'remote-peer-renew' && step.runsOn === 'hub'
        ? edge === 'yes'
          ? scope.values.peer
          : command.server
        : serverFor(step.runsOn, scope, edge, command.server);
  // The subscription's Hub/Mailbox side by name when the paste shows it, else in words.
  // Only a Hub step's title names it: the scope's prose values are copied for that step alone.
  const hub = hubWords(version, language);
  const proseHub = { ...prose, hubRole: hub.hubRole, hubSide: hub.hubSide };
  const titleValues = step.runsOn === 'hub' ? { ...proseHub, hubServer: server ?? hub.hubServer } : proseHub;
  let title = fillProse(withVersionNote(step, version, language), titleValues, language);
  const prefixes: string[] = [];
  for (const undecided of chosen.undecided ?? []) {
    const condition = CONDITIONS[undecided.name];
    if (condition) prefixes.push(fill((undecided.outcome ? condition.ifTrue : condition.ifFalse)[language], prose, {}));
  }
  // Outer condition first: "If IsSelfSigned is True, and if InternalTransportCertificateThumbprint shows it: …".
  if (prefixes.length > 0) {
    const joined =
      language === 'en'
        ? prefixes.map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join(', and ')
        : prefixes.join('、');
    title = `${joined}: ${title}`;
  }
  // A step under "If ServerRole shows Edge" (or its other outcome) is labelled for that role.
  const asked = chosen.undecided?.find((u) => u.name === 'isEdge');
  const roleEdge = asked ? (asked.outcome ? 'yes' : 'no') : edge;
  const out: Step = {
    id: step.id,
    title: tidy(title, language),
    role: roleShown(resolveRole(step.role, version, roleEdge), scope, server),
  };
  const raw = step.command
    ? ((version !== 'unknown' ? step.command[version] : undefined) ?? step.command.default)
    : undefined;
  if (raw !== undefined) out.command = localizeCommand(fill(raw, command, STAND_IN), language);
  out.why = tidy(fillProse(step.why[language], proseHub, language), language);
  if (step.verify) out.verify = tidy(step.verify[language], language);
  if (server) out.server = server;
  if (chosen.when) out.when = chosen.when;
  return out;
}

function serverFor(
  runsOn: string | undefined,
  scope: PlanScope,
  edge: 'yes' | 'no' | 'unknown',
  server: string | undefined,
): string | undefined {
  if (runsOn === 'anywhere') return undefined;
  if (runsOn === 'peer') return scope.values.peer;
  if (runsOn === 'source') return scope.values.sourceServer ?? server;
  // The server that made the request, only when the paste names it: never the one that refused the key.
  if (runsOn === 'requester') return scope.values.requestServer;
  // A step for the Edge (or for the Hub) names this server only when the paste says it is one.
  if (runsOn === 'edge') return edge === 'yes' ? server : undefined;
  if (runsOn === 'hub') return edge === 'no' ? server : edge === 'yes' ? mailboxSide(scope) : undefined;
  if (runsOn === 'mailbox-side') return edge === 'yes' ? mailboxSide(scope) : server;
  return server;
}

/**
 * The Hub/Mailbox side of an Edge's subscription: the one other server the paste shows as a Mailbox
 * or Hub Transport server (the admin's "Mailbox server EXSE-MB01"), else none.
 */
function mailboxSide(scope: PlanScope): string | undefined {
  const self = scope.facts.name ? keyOf(scope.facts.name) : '';
  const sides = (scope.servers ?? []).filter(
    (s) =>
      s.name &&
      keyOf(s.name) !== self &&
      s.roles.some((r) => r.value === 'mailbox' || r.value === 'hub') &&
      !s.roles.some((r) => r.value === 'edge'),
  );
  return sides.length === 1 ? sides[0]?.name : undefined;
}

const STAND_IN: Values = {
  thumbprint: '<thumbprint>',
  candidate: '<thumbprint from the list>',
  fqdn: '<FQDN>',
  popFqdn: '<POP FQDN>',
  server: '<server>',
  site: '<AD site>',
  peer: '<peer server>',
  peerHost: '<peer server name>',
  o365ConnectorQuoted: 'Outbound to Office 365',
};

function fill(template: string, values: Values, standIn: Values): string {
  if (!template.includes('{')) return template;
  const parts = templateParts(template);
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    text += (values[name] ?? standIn[name] ?? `{${name}}`) + (parts[i + 1] ?? '');
  }
  return text;
}

/**
 * A template split once into its text and `{name}` parts (text, name, text, …). The templates are the
 * step library's and the conditions' own wording, a fixed set: each is split the first time a step
 * uses it, instead of running a pattern with a callback over it for every step of every paste.
 */
const TEMPLATE_PARTS = new Map<string, readonly string[]>();
function templateParts(template: string): readonly string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

/** Prose drops "On {server}: " when the server is unknown instead of showing a placeholder. */
function fillProse(template: string, values: Values, language: Language): string {
  let text = template;
  if (!values.server) {
    // Only a template that names the server can begin with it.
    if (text.includes('{server}'))
      text = text
        .replace(/^On \{server\}(?:, [^:]*)?: /, '')
        .replace(/^\{server\} で: /, '')
        .replace(/^要求を作成した \{server\} で: /, '要求を作成したサーバーで: ');
    if (language === 'en') text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  return fill(text, values, SERVER_WORDS[language]);
}

const SERVER_WORDS: Record<Language, Values> = { en: { server: 'the server' }, ja: { server: 'サーバー' } };

function tidy(text: string, language: Language): string {
  return language === 'ja' ? tidyJapanese(text) : text;
}
