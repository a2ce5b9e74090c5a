import { type Release, restartedServices, useProblems } from './cmdlet-data.js';
import { isModern } from './matrix.js';
import {
  changes,
  conditionOf,
  hasParam,
  lc,
  named,
  type Plan,
  type PlanStep,
  param,
  prose,
  SAMPLE_THUMBPRINT,
  servicesOf,
  thumbprintOf,
  usesOf,
  type Violation,
} from './plan.js';
import { caMayServeIis, type KnownCertificate, type Truth, validCaServingIis } from './truth.js';

/**
 * The eleven safety invariants, each a pure function of what the paste showed (Truth) and the plan the
 * diagnosis gave. Each returns what it found wrong; an empty list means the plan keeps the invariant.
 */

export type Invariant = (truth: Truth, plan: Plan) => Violation[];

const v = (invariant: string, step: PlanStep | undefined, message: string): Violation => ({
  invariant,
  ...(step && { step: step.index + 1 }),
  ...(step?.command && { command: step.command }),
  message,
});

const MODERN: Release[] = ['2013', '2016', '2019', 'SE'];

/** The releases a plan targets: what the paste proves, else what the diagnosis decided. */
export function targetReleases(truth: Truth, plan: Plan): Release[] {
  if (truth.versionShown) return [truth.versionShown];
  if (plan.version === '2007' || plan.version === '2010') return [plan.version];
  return MODERN;
}

const mayBeModern = (truth: Truth, plan: Plan) => targetReleases(truth, plan).some((r) => isModern(r));

function shownCert(truth: Truth, thumbprint: string | undefined): KnownCertificate | undefined {
  return thumbprint ? truth.shown.find((c) => c.thumbprint === thumbprint) : undefined;
}

const before = (plan: Plan, step: PlanStep) => plan.steps.slice(0, step.index);

function showsBinding443(step: PlanStep): boolean {
  return (
    /Get-WebBinding|netsh http show sslcert|httpcfg query ssl|IIS:\\SslBindings/i.test(step.command ?? '') ||
    /\b443\b|IIS Manager|IIS マネージャー/i.test(step.title)
  );
}

/** Shows what Default Web Site serves on 443: not a look at Exchange Back End's 444 alone. */
function showsDefaultWebSite443(step: PlanStep): boolean {
  const command = step.command ?? '';
  return (
    /Get-WebBinding[^\n]*Default Web Site|netsh http show sslcert(?![^\n]*:444)|httpcfg query ssl|IIS:\\SslBindings/i.test(
      command,
    ) || /\b443\b|Default Web Site/i.test(step.title)
  );
}

function imports(step: PlanStep): boolean {
  return usesOf(step).some((u) => named(u, 'Import-ExchangeCertificate'));
}

/** The step's placeholder says it is the imported certificate (`<imported thumbprint>`, `<インポートした…>`). */
function namesImported(step: PlanStep): boolean {
  return /<[^<>]*(?:imported|インポート)[^<>]*>/i.test(step.command ?? '');
}

function makesSelfSigned(step: PlanStep): boolean {
  return usesOf(step).some((u) => named(u, 'New-ExchangeCertificate') && !hasParam(u, 'GenerateRequest'));
}

/** 1. No IIS onto a self-signed certificate while a CA-issued one serves (or may serve) clients. */
export const noIisOnSelfSigned: Invariant = (truth, plan) => {
  const out: Violation[] = [];
  for (const step of plan.steps) {
    for (const use of usesOf(step)) {
      const enable = named(use, 'Enable-ExchangeCertificate');
      const create = named(use, 'New-ExchangeCertificate') && !hasParam(use, 'GenerateRequest');
      if ((!enable && !create) || !servicesOf(use).includes('IIS')) continue;
      const target = enable ? thumbprintOf(use) : undefined;
      const cert = shownCert(truth, target);
      if (cert?.kind === 'ca') continue;
      const earlier = before(plan, step);
      // A placeholder after an import names the imported (CA) certificate, when it says so or when no
      // self-signed one was made before it.
      if (enable && !cert && earlier.some(imports) && (namesImported(step) || !earlier.some(makesSelfSigned))) continue;
      const serving = validCaServingIis(truth);
      if (serving) {
        out.push(
          v(
            '1',
            step,
            `moves IIS onto a certificate that is not CA-issued while ${serving.thumbprint} (CA) serves IIS`,
          ),
        );
        continue;
      }
      const bound = truth.binding443 ? shownCert(truth, truth.binding443) : undefined;
      if (bound?.kind === 'setup' && bound.state !== 'valid') continue; // KB 953354's case, shown by the paste
      if (bound && bound.kind !== 'setup') {
        // The paste settles what serves 443: only a renewed copy of that same certificate may take it over.
        const clonesBound = earlier.some((s) => (s.command ?? '').includes(bound.thumbprint) && makesSelfSigned(s));
        if (!clonesBound)
          out.push(
            v(
              '1',
              step,
              `moves IIS off ${bound.thumbprint} (${bound.kind}), which the paste shows on 443, onto a new certificate`,
            ),
          );
        continue;
      }
      if (!caMayServeIis(truth)) continue;
      if (!conditionOf(step))
        out.push(v('1', step, 'enables IIS on a possibly self-signed certificate without a named condition'));
      else if (!earlier.some(showsBinding443))
        out.push(v('1', step, 'enables IIS under a condition no earlier step shows (the 443 binding)'));
    }
  }
  return out;
};

/**
 * A step that puts another certificate on Exchange Back End (444): a command that changes the 444
 * binding, or an instruction to rebind it in IIS Manager. Showing the binding is not rebinding it.
 */
function rebinds444(step: PlanStep): boolean {
  const command = step.command ?? '';
  if (
    /\b444\b|Exchange Back End/i.test(command) &&
    /AddSslCertificate|netsh\s+http\s+(?:add|update)\s+sslcert|New-WebBinding/i.test(command)
  )
    return true;
  return (
    !command.trim() &&
    /\b(?:re)?bind|バインド(?:し直|を変更|を選)/i.test(step.title) &&
    /\b444\b|Back End|バックエンド/i.test(step.title)
  );
}

function setsPin(step: PlanStep): boolean {
  return usesOf(step).some(
    (u) => (named(u, 'Set-SendConnector') || named(u, 'Set-ReceiveConnector')) && hasParam(u, 'TlsCertificateName'),
  );
}

function enablesSmtp(step: PlanStep): boolean {
  return usesOf(step).some(
    (u) =>
      (named(u, 'Enable-ExchangeCertificate') && servicesOf(u).includes('SMTP')) ||
      (named(u, 'New-ExchangeCertificate') &&
        !hasParam(u, 'GenerateRequest') &&
        !/Auth Certificate/i.test(param(u, 'SubjectName')?.value ?? '')),
  );
}

/** 2. No removal of a certificate that may still be bound, pinned, current or the only SMTP one. */
export const noRemovalOfBound: Invariant = (truth, plan) => {
  const out: Violation[] = [];
  for (const step of plan.steps) {
    for (const use of usesOf(step).filter((u) => named(u, 'Remove-ExchangeCertificate'))) {
      const target = thumbprintOf(use);
      const cert = shownCert(truth, target);
      const earlier = before(plan, step);
      if (cert?.kind === 'auth' && (!truth.authCurrent || truth.authCurrent === target)) {
        const published = earlier.some((s) =>
          usesOf(s).some((u) => named(u, 'Set-AuthConfig') && hasParam(u, 'PublishCertificate')),
        );
        if (!published) out.push(v('2', step, 'removes the current Auth certificate'));
      }
      const serving = validCaServingIis(truth);
      if (serving && serving.thumbprint === target)
        out.push(v('2', step, 'removes the valid CA certificate that serves IIS'));
      if (cert) {
        const pinned = truth.connectors.filter((c) => c.tlsCertificateName === `<I>${cert.issuer}<S>${cert.subject}`);
        if (pinned.length > 0 && !earlier.some(setsPin))
          out.push(
            v('2', step, `removes the certificate pinned by ${pinned.map((c) => c.name).join(', ')} before re-pinning`),
          );
      }
      if (truth.internalTransport && truth.internalTransport === target && !earlier.some(enablesSmtp))
        out.push(v('2', step, 'removes the internal transport certificate before a replacement exists'));
      if (cert?.services.includes('SMTP') && truth.listingShown) {
        const others = truth.shown.filter(
          (c) => c !== cert && c.services.includes('SMTP') && c.kind !== 'auth' && c.state !== 'expired',
        );
        if (others.length === 0 && !earlier.some(enablesSmtp))
          out.push(v('2', step, 'removes the only SMTP certificate'));
      }
      // Default Web Site (443) left on a deleted certificate stops every client protocol: the paste
      // settles where 443 is bound (shown on another certificate, a valid CA certificate serving IIS,
      // Services that never listed IIS), or an earlier step shows the binding.
      if (truth.role !== 'edge' && target) {
        if (truth.binding443 === target) out.push(v('2', step, 'removes the certificate the 443 binding shows'));
        const settled =
          truth.binding443 !== undefined ||
          (serving !== undefined && serving.thumbprint !== target) ||
          (truth.listingShown && cert !== undefined && !cert.services.includes('IIS'));
        if (!settled && !earlier.some(showsDefaultWebSite443))
          out.push(v('2', step, 'removes a certificate that may still serve 443 before the binding is shown'));
      }
      const selfSignedOrUnknown =
        !cert || cert.kind === 'setup' || cert.kind === 'unknown-issuer' || target === SAMPLE_THUMBPRINT;
      const backEndElsewhere = truth.binding444 !== undefined && truth.binding444 !== target;
      if (
        truth.role !== 'edge' &&
        mayBeModern(truth, plan) &&
        selfSignedOrUnknown &&
        !backEndElsewhere &&
        !earlier.some(rebinds444)
      )
        out.push(
          v('2', step, 'removes a self-signed certificate on 2013+ without rebinding Exchange Back End (444) first'),
        );
    }
  }
  return out;
};

/** 3. CA-issued certificates renew through a request: -GenerateRequest → CA → Import → Enable. */
export const caRenewsByRequest: Invariant = (truth, plan) => {
  const out: Violation[] = [];
  const caNames = new Set(
    truth.shown.filter((c) => c.kind === 'ca' || c.kind === 'unknown-issuer').flatMap((c) => c.domains.map(lc)),
  );
  caNames.add(lc(truth.publicName));
  const eventInternal = truth.event && [12015, 12017].includes(truth.event.id) ? truth.event.thumbprint : undefined;
  for (const step of plan.steps) {
    const uses = usesOf(step);
    uses.forEach((use, i) => {
      if (!named(use, 'New-ExchangeCertificate')) return;
      if (hasParam(use, 'GenerateRequest')) {
        const later = plan.steps.slice(step.index + 1);
        const importAt = later.findIndex(imports);
        if (importAt === -1) out.push(v('3', step, 'makes a request but no later step imports the issued certificate'));
        else if (!later.slice(importAt).some((s) => usesOf(s).some((u) => named(u, 'Enable-ExchangeCertificate'))))
          out.push(v('3', step, 'imports the issued certificate but never enables it'));
        return;
      }
      const source = uses.slice(0, i).find((u) => named(u, 'Get-ExchangeCertificate'));
      const cloned = source ? thumbprintOf(source) : undefined;
      if (source) {
        const cert = shownCert(truth, cloned);
        if (cert && (cert.kind === 'ca' || cert.kind === 'unknown-issuer'))
          out.push(
            v(
              '3',
              step,
              `pipes ${cert.kind === 'ca' ? 'a CA-issued' : 'an unknown-issuer'} certificate into New-ExchangeCertificate without -GenerateRequest (a self-signed copy)`,
            ),
          );
        else if (!cert && cloned !== eventInternal && cloned !== truth.internalTransport && !conditionOf(step))
          out.push(v('3', step, 'clones a certificate whose issuer the paste does not show into a self-signed one'));
      }
      const names = [param(use, 'DomainName')?.value ?? '', param(use, 'SubjectName')?.value ?? '']
        .join(',')
        .split(/[,\s]+/)
        .map((n) => lc(n.replace(/^CN=/i, '')));
      const publicName = names.find((n) => caNames.has(n) || /^mail\./.test(n));
      if (publicName && !conditionOf(step))
        out.push(
          v('3', step, `creates a self-signed certificate for the public name ${publicName} without -GenerateRequest`),
        );
    });
  }
  return out;
};

/** The Y/N answers a step gives to the overwrite-default-SMTP prompt. */
function answers(step: PlanStep): Set<'Y' | 'N'> {
  const said = new Set<'Y' | 'N'>();
  const text = prose(step);
  for (const m of text.matchAll(/\banswer(?:ing)?\s+(?:with\s+)?["“]?([YN])\b/gi))
    said.add(m[1]?.toUpperCase() as 'Y' | 'N');
  for (const m of text.matchAll(/otherwise\s+["“]?([YN])\b/g)) said.add(m[1] as 'Y' | 'N');
  for (const m of text.matchAll(/([YN])\s*(?:と|を)?\s*(?:答え|回答|選)/g)) said.add(m[1] as 'Y' | 'N');
  for (const m of text.matchAll(/それ以外(?:は|なら)\s*([YN])/g)) said.add(m[1] as 'Y' | 'N');
  if (
    usesOf(step).some(
      (u) => (named(u, 'New-ExchangeCertificate') || named(u, 'Enable-ExchangeCertificate')) && hasParam(u, 'Force'),
    )
  )
    said.add('Y');
  return said;
}

/** Which new certificate a step's answer is about. */
function answerKey(step: PlanStep, plan: Plan): string {
  for (const use of usesOf(step)) {
    if (named(use, 'New-ExchangeCertificate'))
      return /Auth Certificate/i.test(param(use, 'SubjectName')?.value ?? '') ? 'new-auth' : 'new-self-signed';
    if (named(use, 'Enable-ExchangeCertificate')) {
      const target = thumbprintOf(use);
      if (target && target !== SAMPLE_THUMBPRINT) return target;
      const imported = before(plan, step).some(imports);
      return imported && (namesImported(step) || !before(plan, step).some(makesSelfSigned))
        ? 'imported'
        : 'new-self-signed';
    }
    if (named(use, 'Import-ExchangeCertificate')) return 'imported';
  }
  return 'new-self-signed';
}

function showsDecidingFact(step: PlanStep): boolean {
  return /InternalTransportCertificateThumbprint|Get-AuthConfig/i.test(step.command ?? '');
}

/** 4. One answer per question, decided from facts shown before the prompt. */
export const oneAnswerPerPrompt: Invariant = (truth, plan) => {
  const out: Violation[] = [];
  const given = new Map<string, { answer: 'Y' | 'N'; when: string; step: PlanStep }[]>();
  const internalInPaste =
    truth.internalTransport !== undefined ||
    (truth.event !== undefined && [12015, 12017, 12023].includes(truth.event.id));
  for (const step of plan.steps) {
    const said = answers(step);
    if (said.size === 0) continue;
    const key = answerKey(step, plan);
    const when = conditionOf(step) ?? '';
    const shownBefore = before(plan, step).some(showsDecidingFact);
    if (said.size > 1) {
      if (internalInPaste)
        out.push(
          v(
            '4',
            step,
            'offers both Y and N although the paste shows which certificate is the internal transport certificate',
          ),
        );
      else if (!shownBefore) out.push(v('4', step, 'leaves Y or N to a fact the plan shows only after the prompt'));
      continue;
    }
    const answer = [...said][0] as 'Y' | 'N';
    if (answer === 'Y' && (key === 'imported' || key === 'new-auth' || shownCert(truth, key)?.kind === 'ca'))
      out.push(
        v('4', step, `answers Y for ${key === 'new-auth' ? 'the Auth certificate' : 'a CA-issued certificate'}`),
      );
    if (answer === 'Y' && key === 'new-self-signed' && !internalInPaste && !shownBefore && !when)
      out.push(
        v(
          '4',
          step,
          'answers Y without showing first that the replaced certificate is the internal transport certificate',
        ),
      );
    const list = given.get(key) ?? [];
    const clash = list.find((g) => g.answer !== answer && g.when === when);
    if (clash)
      out.push(
        v(
          '4',
          step,
          `answers ${answer} where step ${clash.step.index + 1} answers ${clash.answer} for the same certificate`,
        ),
      );
    list.push({ answer, when, step });
    given.set(key, list);
  }
  out.push(...checksMatchTheAnswer(plan));
  return out;
};

/** A check that the internal transport certificate became the new one: true only after a Y. */
const SAYS_INTERNAL_IS_NEW =
  /internal transport certificate (?:is now|now shows|has become|became) the new|内部トランスポート証明書が新しい(?:拇印|証明書)に(?:なった|なって|変わった)/i;

/** The "If …" a step runs under, as its title shows it (the text before "On <server>:"). */
function visibleBranch(step: PlanStep): string {
  const at = step.server
    ? Math.max(step.title.indexOf(`On ${step.server}:`), step.title.indexOf(`${step.server} で`))
    : -1;
  return at > 0 ? step.title.slice(0, at) : (conditionOf(step) ?? '');
}

/**
 * A verification must not contradict its own branch's answer: after N the internal transport certificate
 * stays what it was, so "it is now the new thumbprint" can never come true there.
 */
export function checksMatchTheAnswer(plan: Plan): Violation[] {
  const out: Violation[] = [];
  plan.steps.forEach((step, i) => {
    if (!SAYS_INTERNAL_IS_NEW.test(prose(step))) return;
    const branch = visibleBranch(step);
    const answered = plan.steps
      .slice(0, i)
      .filter((p) => p.server === step.server && branch.startsWith(visibleBranch(p)))
      .filter((p) => answers(p).size === 1 && answerKey(p, plan) === 'new-self-signed')
      .at(-1);
    if (answered && answers(answered).has('N'))
      out.push(
        v(
          '4',
          step,
          `checks that the internal transport certificate is now the new one although step ${answered.index + 1} answers N`,
        ),
      );
  });
  return out;
}

/** 5. The right services restarted: the event's source; both on 2013+ when unknown; Service Host and pools for Auth. */
export const rightServices: Invariant = (truth, plan) => {
  const out: Violation[] = [];
  const restarted = new Set(plan.steps.flatMap((s) => restartedServices(usesOf(s))));
  const iisReset = plan.steps.some((s) => usesOf(s).some((u) => lc(u.name) === 'iisreset'));
  const event = truth.event;
  const smtpChange = plan.steps.some((s) => enablesSmtp(s) || setsPin(s) || imports(s));
  if (event && [12014, 12015, 12016, 12017, 12018, 12023].includes(event.id) && smtpChange) {
    // Both transport services only where the paste (or the diagnosis) puts the server on 2013 or later.
    const modern = truth.versionShown ? isModern(truth.versionShown) : plan.version === '2013+';
    const modernHost = modern && truth.role !== 'edge';
    const needed =
      event.source === 'MSExchangeFrontEndTransport'
        ? ['msexchangefrontendtransport']
        : event.source === 'MSExchangeTransport' || !modernHost
          ? ['msexchangetransport']
          : ['msexchangetransport', 'msexchangefrontendtransport'];
    const missing = needed.filter((s) => !restarted.has(s));
    if (missing.length > 0)
      out.push(
        v(
          '5',
          undefined,
          `changes the SMTP certificate for event ${event.id} (source ${event.source ?? 'unknown'}) but does not restart ${missing.join(' and ')}`,
        ),
      );
  }
  const authChange = plan.steps.find((s) => usesOf(s).some((u) => named(u, 'Set-AuthConfig')));
  if (authChange) {
    if (!restarted.has('msexchangeservicehost'))
      out.push(v('5', authChange, 'changes the Auth certificate but does not restart MSExchangeServiceHost'));
    const pools = plan.steps.some(
      (s) => /MSExchangeOWAAppPool/i.test(s.command ?? '') && /MSExchangeECPAppPool/i.test(s.command ?? ''),
    );
    if (!pools && !iisReset)
      out.push(
        v('5', authChange, 'changes the Auth certificate but does not recycle the OWA and ECP pools (or iisreset)'),
      );
  }
  return out;
};

/** 6. Only cmdlets and parameters the targeted release and its Windows have; the version the paste shows. */
export const versionCorrect: Invariant = (truth, plan) => {
  const out: Violation[] = [];
  const releases = targetReleases(truth, plan);
  if (truth.versionShown) {
    const family = isModern(truth.versionShown) ? '2013+' : truth.versionShown;
    if (plan.version !== family)
      out.push(
        v('6', undefined, `reads the version as ${plan.version}; the paste shows Exchange ${truth.versionShown}`),
      );
  }
  for (const step of plan.steps) {
    const problems = new Set<string>();
    // A step the plan gives for one release it asks about first ("If AdminDisplayVersion shows Version
    // 14.x") is judged for that release, when the paste does not show which one the server runs.
    const said = truth.versionShown ? undefined : releasesSaid(step);
    for (const use of usesOf(step))
      for (const release of said ?? releases) for (const p of useProblems(use, release)) problems.add(p);
    for (const p of roleProblems(truth, step)) problems.add(p);
    for (const p of problems) out.push(v('6', step, p));
  }
  return out;
};

/** The releases a step's own condition names by AdminDisplayVersion (8.x 2007, 14.x 2010, 15.x 2013 and later). */
function releasesSaid(step: PlanStep): Release[] | undefined {
  const m = /AdminDisplayVersion\s*(?:shows|が)\s*Version\s+(\d+)\.x(?:\s*(?:or|または)\s*(\d+)\.x)?/.exec(step.title);
  if (!m) return undefined;
  const majors = [m[1], m[2]].filter((x): x is string => x !== undefined);
  return majors.flatMap((major): Release[] => (major === '15' ? MODERN : major === '14' ? ['2010'] : major === '8' ? ['2007'] : []));
}

/** The role the paste shows decides too: no Edge re-subscription on a Hub, no IIS or Auth on an Edge. */
function roleProblems(truth: Truth, step: PlanStep): string[] {
  if (!truth.roleShown || truth.roleShown === 'unknown' || conditionOf(step)) return [];
  const command = step.command ?? '';
  const uses = usesOf(step);
  if (truth.roleShown === 'edge') {
    const iis =
      uses.some((u) => lc(u.name) === 'iisreset' || /webbinding|webapppool/i.test(u.name)) ||
      uses.some((u) => named(u, 'Enable-ExchangeCertificate') && servicesOf(u).includes('IIS'));
    const auth = uses.some((u) => /^(get|set)-authconfig$/i.test(u.name));
    const frontEnd = /MSExchangeFrontEndTransport/i.test(command);
    return iis || auth || frontEnd ? ['an IIS, Auth or front end step on a server the paste shows is an Edge'] : [];
  }
  const edgeExport = uses.some((u) => named(u, 'New-EdgeSubscription') && !hasParam(u, 'Site'));
  const adam = /ADAM_MSExchange|Microsoft Exchange ADAM/i.test(command);
  return edgeExport || adam ? ['an Edge-only step on a server the paste shows is not an Edge'] : [];
}

function places(step: PlanStep): Set<string> {
  const found = new Set<string>();
  for (const comment of step.check?.comments ?? []) {
    const en = /#\s*on\s+(?:the\s+|a\s+|an\s+)?(.+?)(?:,.*)?\s*$/i.exec(comment);
    const ja = /#\s*(?:.*、)?\s*(.+?)\s*で\s*$/.exec(comment);
    const place = en?.[1] ?? ja?.[1];
    if (place)
      found.add(
        lc(place)
          .replace(/ server$/, '')
          .replace(/ サーバー$/, ''),
      );
  }
  return found;
}

/** 7. Commands parse as Windows PowerShell, each block stands alone and runs on one server. */
export const parsesAndStandsAlone: Invariant = (_truth, plan) => {
  const out: Violation[] = [];
  for (const step of plan.steps) {
    const check = step.check;
    if (!check) continue;
    for (const problem of check.problems) out.push(v('7', step, problem));
    const defined = new Set(check.variablesDefined);
    for (const name of check.variablesRead.filter((n) => !defined.has(n)))
      out.push(v('7', step, `uses $${name}, which this block does not define`));
    const where = places(step);
    if (where.size > 1) out.push(v('7', step, `runs on more than one server (${[...where].join(', ')}) in one block`));
  }
  return out;
};

const HYBRID = [/Outbound to Office 365/i, /Default Frontend/i];

/** Records which of the two hybrid connectors a change names. */
function touchHybrid(touched: Set<number>, text: string): void {
  HYBRID.forEach((h, k) => {
    if (h.test(text)) touched.add(k);
  });
}

/** 8. Connector changes only on the connectors the paste names (or the hybrid ones), SMTP enabled first, both hybrid ends. */
export const scopedConnectorChanges: Invariant = (truth, plan) => {
  const out: Violation[] = [];
  const known = [...truth.connectors.map((c) => lc(c.name)), lc(truth.event?.connector)].filter(Boolean);
  const hybridTouched = new Set<number>();
  for (const step of plan.steps) {
    const uses = usesOf(step);
    uses.forEach((use, i) => {
      if (!named(use, 'Set-SendConnector') && !named(use, 'Set-ReceiveConnector')) return;
      const identity = param(use, 'Identity')?.value ?? use.positional[0];
      if (!identity) {
        const filter = uses.slice(0, i).find((u) => ['?', 'where', 'where-object'].includes(lc(u.name)));
        const scoped = filter && /Name\s+-(?:c?like|c?eq)\s/i.test(filter.positional.join(' '));
        if (!scoped)
          out.push(v('8', step, `${use.name} on every connector a pipeline passes, not on the one the paste names`));
        else touchHybrid(hybridTouched, filter.positional.join(' '));
      } else {
        const name = lc(identity.replace(/^.*\\/, ''));
        const ok =
          known.includes(name) ||
          HYBRID.some((h) => h.test(identity)) ||
          identity.includes('Value01') ||
          identity.includes('Connector01');
        if (!ok) out.push(v('8', step, `${use.name} on "${identity}", a connector the paste does not name`));
        touchHybrid(hybridTouched, identity);
      }
      if (hasParam(use, 'TlsCertificateName')) {
        const earlier = before(plan, step);
        const fresh = earlier.findLastIndex((s) => imports(s) || makesSelfSigned(s));
        if (
          fresh !== -1 &&
          !earlier.slice(fresh).some(enablesSmtp) &&
          !uses.slice(0, i).some((u) => named(u, 'Enable-ExchangeCertificate'))
        )
          out.push(v('8', step, 'pins a new certificate on a connector before enabling it for SMTP'));
      }
    });
  }
  const hybrid = truth.connectors.filter((c) => c.hybrid && c.tlsCertificateName);
  const hcw = plan.steps.some((s) => /Hybrid Configuration Wizard|\bHCW\b|ハイブリッド構成ウィザード/i.test(prose(s)));
  if (hybrid.length > 0 && hybridTouched.size === 1 && !hcw)
    out.push(
      v(
        '8',
        undefined,
        'sets TlsCertificateName on one hybrid connector but not the other (Default Frontend and Outbound to Office 365)',
      ),
    );
  return out;
};

function verifies(step: PlanStep): boolean {
  if (/^verify/i.test(step.id ?? '')) return true;
  const command = step.command ?? '';
  if (
    /Get-WinEvent|Get-EventLog|Test-EdgeSynchronization|certcheck probe|openssl s_client|Test-OAuthConnectivity/i.test(
      command,
    )
  )
    return true;
  return /(OWA|ECP).*(sign[- ]?in|log ?on)|(OWA|ECP).*サインイン/i.test(step.title);
}

/** 9. Every plan that changes something ends with a verification a person can run. */
export const endsWithVerification: Invariant = (_truth, plan) => {
  const last = plan.steps.findLastIndex(changes);
  if (last === -1) return [];
  const lastChange = plan.steps[last] as PlanStep;
  if (lastChange.verify || plan.steps.slice(last + 1).some(verifies)) return [];
  return [
    v(
      '9',
      lastChange,
      'nothing after the last change checks that it worked (events stop, STARTTLS, Test-EdgeSynchronization, OWA sign-in)',
    ),
  ];
};

const PROSE_PLACEHOLDER =
  /<(?!\/?[IS]>)[^<>\r\n]{1,80}>|\(not in the paste\)|not in the paste|（?貼り付けにありません）?|貼り付けに含まれていません/;

/** 10. No placeholder or "(not in the paste)" in a sentence: prose says what to paste instead. */
export const noProsePlaceholders: Invariant = (_truth, plan) =>
  plan.steps.flatMap((step) => {
    const hit = PROSE_PLACEHOLDER.exec(prose(step));
    return hit ? [v('10', step, `says «${hit[0]}» in prose: "${step.title.slice(0, 100)}"`)] : [];
  });

/**
 * The certificate a step puts to use: what Enable-ExchangeCertificate names (or is piped from
 * Get-ExchangeCertificate -Thumbprint in the same step), and what an IIS or HTTP.sys binding is given.
 */
function certificatesPutToUse(step: PlanStep): string[] {
  const out: string[] = [];
  let piped: string | undefined;
  for (const use of usesOf(step)) {
    if (named(use, 'Get-ExchangeCertificate')) piped = param(use, 'Thumbprint')?.value?.toUpperCase();
    if (named(use, 'Enable-ExchangeCertificate')) {
      const target = thumbprintOf(use) ?? piped;
      if (target) out.push(target);
    }
  }
  const command = step.command ?? '';
  for (const m of command.matchAll(/AddSslCertificate\(\s*['"]([0-9A-Fa-f]{40})['"]/g)) out.push((m[1] ?? '').toUpperCase());
  for (const m of command.matchAll(/certhash=([0-9A-Fa-f]{40})/gi)) out.push((m[1] ?? '').toUpperCase());
  return out;
}

/**
 * 11. No service is given a certificate the paste shows expired: enabling it for SMTP, IIS, IMAP or
 * POP, or binding it to a site, names the renewal the paste shows, else the new certificate after the
 * steps that make or import it.
 */
export const noServiceOnExpired: Invariant = (truth, plan) =>
  plan.steps.flatMap((step) =>
    certificatesPutToUse(step).flatMap((thumbprint) => {
      const cert = shownCert(truth, thumbprint);
      return cert?.state === 'expired'
        ? [v('11', step, `puts ${thumbprint} (${cert.kind}), which the paste shows expired, to use for a service`)]
        : [];
    }),
  );

export const INVARIANTS: readonly { id: string; name: string; check: Invariant }[] = [
  { id: '1', name: 'no IIS onto a self-signed certificate', check: noIisOnSelfSigned },
  { id: '2', name: 'no removal of a certificate that may still be bound', check: noRemovalOfBound },
  { id: '3', name: 'CA-issued certificates renew through a request', check: caRenewsByRequest },
  { id: '4', name: 'one answer per overwrite prompt, decided before it', check: oneAnswerPerPrompt },
  { id: '5', name: 'the right services restarted', check: rightServices },
  { id: '6', name: 'version- and OS-correct commands', check: versionCorrect },
  { id: '7', name: 'commands parse, stand alone and run on one server', check: parsesAndStandsAlone },
  { id: '8', name: 'connector changes scoped, SMTP first, both hybrid ends', check: scopedConnectorChanges },
  { id: '9', name: 'every plan ends with a verification', check: endsWithVerification },
  { id: '10', name: 'no placeholders in prose', check: noProsePlaceholders },
  { id: '11', name: 'no service given an expired certificate', check: noServiceOnExpired },
];
