import type { PlanContext, PlanId, PlanValues, RoleClass, StepTemplate } from './knowledge/plan-model.js';
import { certificatePlans } from './knowledge/plans-certificates.js';
import { transportPlans } from './knowledge/plans-transport.js';
import type { ExchangeVersion, Language, Step, StepRole } from './model.js';

const plans = new Map([...transportPlans, ...certificatePlans].map((plan) => [plan.id, plan]));

/**
 * Root causes first: an expired internal certificate explains the 12014 that follows it (KB 953354),
 * and a clean thumbprint comes before anything that uses it.
 */
const PLAN_ORDER: readonly PlanId[] = [
  'clean-thumbprint',
  'internal-transport-renew',
  'internal-missing-local',
  'internal-missing-ad',
  'remote-peer-renew',
  'starttls-renew',
  'starttls-pinned',
  'starttls-missing',
  'send-connector-pin',
  'auth-check-thumbprint',
  'auth-renew',
  'auth-stage-next',
  'federation-expired',
  'federation-renew',
  'setup-cert-expired',
  'ca-renew',
  'pending-request',
  'revocation-check',
  'self-signed-client-facing',
  'identify-thumbprint',
  'list-with-dates',
];

export interface PlanRequest {
  plan: PlanId;
  values: PlanValues;
}

export interface StepSettings {
  version: ExchangeVersion;
  edge: 'yes' | 'no' | 'unknown';
  frontEnd: boolean;
  language: Language;
}

/** Turns the plans the findings asked for into ordered, filled-in steps; a repeated command is shown once. */
export function buildSteps(requests: PlanRequest[], settings: StepSettings): { steps: Step[]; references: string[] } {
  const steps: Step[] = [];
  const references: string[] = [];
  const seen = new Set<string>();
  const ordered = [...requests].sort((a, b) => PLAN_ORDER.indexOf(a.plan) - PLAN_ORDER.indexOf(b.plan));
  const cleanUp: Step[] = [];
  for (const request of ordered) {
    const plan = plans.get(request.plan);
    if (!plan) continue;
    const context: PlanContext = { ...settings, values: request.values };
    let used = false;
    for (const template of plan.steps) {
      if (template.versions && !template.versions.includes(settings.version)) continue;
      if (template.when && !template.when(context)) continue;
      const step = fillStep(template, context, settings.language);
      const key = step.command ?? `${step.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Removing the old certificate comes after everything that moves services off it, in every plan.
      (template.last ? cleanUp : steps).push(step);
      used = true;
    }
    if (used) addReferences(references, plan.reference);
  }
  return { steps: [...steps, ...cleanUp], references };
}

/** References are kept as atomic parts ("KB 953354"), each once. */
export function addReferences(into: string[], reference: string): void {
  for (const part of reference.split(/;\s*/)) if (part && !into.includes(part)) into.push(part);
}

function fillStep(template: StepTemplate, context: PlanContext, language: Language): Step {
  const values = derivedValues(context);
  // An Edge step runs on the Edge: the server in the paste only when the paste says it is one.
  const server =
    template.runsOn === 'peer'
      ? context.values.peer
      : template.role === 'edge' && context.edge !== 'yes'
        ? undefined
        : context.values.server;
  const rawCommand = pickCommand(template, context.version);
  const step: Step = {
    title: fillProse(withVersionNote(template, context.version, language), values, language),
    role: resolveRole(template.role, context),
  };
  if (rawCommand !== undefined) step.command = localizeCommand(fillCommand(rawCommand, values), language);
  if (template.why) step.why = fillProse(template.why[language], values, language);
  if (server) step.server = server;
  return step;
}

const SINCE: Record<Language, Record<'2010' | '2013', string>> = {
  en: { '2010': 'Exchange 2010 and later', '2013': 'Exchange 2013 and later' },
  ja: { '2010': 'Exchange 2010 以降', '2013': 'Exchange 2013 以降' },
};

/**
 * With the version unknown the 2013+ command is shown, so the title says where it does not apply:
 * the template's own note, or the oldest version its `versions` allow (unless the title names one).
 */
function withVersionNote(template: StepTemplate, version: ExchangeVersion, language: Language): string {
  const title = template.title[language];
  if (version !== 'unknown') return title;
  if (template.unknownNote) return `${title} (${template.unknownNote[language]})`;
  const versions = template.versions;
  if (!versions || versions.includes('2007') || /20(07|10|13)/.test(title)) return title;
  return `${title} (${SINCE[language][versions.includes('2010') ? '2010' : '2013']})`;
}

function pickCommand(template: StepTemplate, version: ExchangeVersion): string | undefined {
  const command = template.command;
  if (command === undefined || typeof command === 'string') return command;
  return (version !== 'unknown' ? command[version] : undefined) ?? command.default;
}

function resolveRole(role: RoleClass, context: PlanContext): StepRole {
  if (role === 'transport') {
    if (context.edge === 'yes') return 'edge';
    // Hub or Edge: on 2007/2010 the paste must say which, or the step names no role.
    if (context.version === '2007' || context.version === '2010') return context.edge === 'no' ? 'hub' : 'any';
    return context.version === '2013+' ? 'mailbox' : 'any';
  }
  if (role === 'mailbox' && context.edge === 'yes') return 'edge';
  if (role === 'client-access') {
    if (context.version === '2007' || context.version === '2010') return 'cas';
    return context.version === '2013+' ? 'mailbox' : 'any';
  }
  return role;
}

/** Every placeholder a template may use, with the visible stand-in for a value the paste did not give. */
function derivedValues(context: PlanContext): Record<string, string | undefined> {
  const v = context.values;
  const serverLabel = v.server ?? 'server';
  const domains = v.domains ?? (v.server ? `${v.server},<FQDN of ${v.server}>` : '<server name>,<server FQDN>');
  return {
    thumbprint: v.thumbprint,
    candidate: v.candidate,
    fqdn: v.fqdn,
    domains,
    fqdnFirst: v.fqdn ?? v.serverFqdn ?? `<FQDN of ${serverLabel}>`,
    server: v.server,
    connector: v.connector,
    pinned: v.pinned,
    pinnedShort: v.pinned ? shorten(v.pinned, 90) : undefined,
    subject: v.subject ?? (v.fqdn ? `CN=${v.fqdn}` : 'CN=<name>'),
    cn: v.cn ?? 'certificate',
    services: v.services,
    servicesOrDefault: enableableServices(v.services),
    peer: v.peer,
    peerHost: v.peerHost ?? (v.peer ? v.peer.split('.')[0] : undefined),
    queue: v.queue,
    site: v.site,
    transportService: context.frontEnd ? 'MSExchangeFrontEndTransport' : 'MSExchangeTransport',
  };
}

const STAND_IN: Record<string, string> = {
  thumbprint: '<thumbprint>',
  candidate: '<thumbprint from the list>',
  fqdn: '<FQDN>',
  server: '<server>',
  connector: '<connector name>',
  pinned: '<TlsCertificateName>',
  pinnedShort: '<TlsCertificateName>',
  services: '<services>',
  peer: '<peer server>',
  peerHost: '<peer server name>',
  queue: '<queue identity>',
  site: '<AD site>',
};

/**
 * Placeholders and comments inside commands are prose too: a Japanese reply says them in Japanese.
 * The cmdlets, parameters and values stay as PowerShell takes them.
 */
const COMMAND_WORDS_JA: readonly [RegExp, string][] = [
  [/<new thumbprint>/g, '<新しい証明書の拇印>'],
  [/<thumbprint from the list>/g, '<一覧に表示された拇印>'],
  [/<expired thumbprint>/g, '<期限切れの証明書の拇印>'],
  [/<thumbprint>/g, '<拇印>'],
  [/<FQDN of ([^<>]+)>/g, '<$1 の FQDN>'],
  [/<server name>/g, '<サーバー名>'],
  [/<server FQDN>/g, '<サーバーの FQDN>'],
  [/<server>/g, '<サーバー名>'],
  [/<connector name>/g, '<コネクタ名>'],
  [/<peer server name>/g, '<相手のサーバー名>'],
  [/<peer server>/g, '<相手のサーバー>'],
  [/<queue identity>/g, '<キューの ID>'],
  [/<AD site>/g, '<AD サイト>'],
  [/<services>/g, '<サービス>'],
  [/<path to the issued \.cer or \.p7b>/g, '<発行された .cer または .p7b のパス>'],
  [/<path to the issued \.cer>/g, '<発行された .cer のパス>'],
  [/<federated domain>/g, '<フェデレーション ドメイン>'],
  [/<name>/g, '<名前>'],
  [/# on a Hub Transport server, after copying the file/g, '# ファイルをコピーした後、ハブ トランスポート サーバーで'],
  [/# on a Hub Transport server/g, '# ハブ トランスポート サーバーで'],
  [/# on a Mailbox\/Hub server/g, '# メールボックス/ハブ サーバーで'],
  [/# on (?:a|the) Mailbox server/g, '# メールボックス サーバーで'],
  [/# on the Edge/g, '# エッジで'],
  [/# on the Hub/g, '# ハブで'],
  [/# on ([\w.-]+)$/gm, '# $1 で'],
];

function localizeCommand(command: string, language: Language): string {
  if (language !== 'ja') return command;
  return COMMAND_WORDS_JA.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), command);
}

function fillCommand(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? STAND_IN[name] ?? whole);
}

/** Prose drops "On {server}:" when the server is unknown instead of showing a placeholder. */
function fillProse(template: string, values: Record<string, string | undefined>, language: Language): string {
  // A [[ … ]] aside is said only when the paste gave every value it needs.
  let text = template.replace(/\[\[(.*?)\]\]/g, (_, aside: string) =>
    [...aside.matchAll(/\{(\w+)\}/g)].every((m) => values[m[1] ?? ''] !== undefined) ? aside : '',
  );
  if (!values.server) {
    text = text.replace(/^On \{server\}: /, '').replace(/^\{server\} で: /, '');
    if (language === 'en') text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  return fillCommand(text, values);
}

/**
 * The services to enable again on a renewed certificate: None means nothing, and federation
 * certificates are managed by Set-FederationTrust, never by Enable-ExchangeCertificate (knowledge §4.2).
 */
function enableableServices(services: string | undefined): string {
  const kept = (services ?? '').split(/[\s,]+/).filter((s) => s !== '' && s !== 'None' && s !== 'Federation');
  return kept.length > 0 ? kept.join(',') : '<services>';
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
