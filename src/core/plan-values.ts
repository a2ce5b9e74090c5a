import { CONDITIONS, isOwnName } from './facts/conditions.js';
import { shownPinCommands, shownPinNames } from './facts/hybrid-pins.js';
import { iisCaCandidate } from './facts/iis-ca-candidate.js';
import { caCertForImapPop, internalRenewedAlready } from './facts/internal-renewal.js';
import type { PlanScope } from './facts/plan-scope.js';
import { requestForPublicCa } from './facts/public-names.js';
import { renewedMissing } from './facts/renewed-rollout.js';
import { commandVersionOf } from './facts/server-facts.js';
import type { Language } from './model.js';
import { cleanIdentity } from './recognize/table-columns.js';

/**
 * The values a step's command and title are filled with. A command shows a visible `<placeholder>`
 * for what the paste did not give; a title never does: it says in words where the value comes from.
 */
export type Values = Record<string, string | undefined>;

/** A single-quoted PowerShell string doubles any single quote inside. */
function sq(value: string): string {
  return value.replaceAll("'", "''");
}

function serverFqdn(scope: PlanScope, server: string | undefined): string | undefined {
  const { facts, values } = scope;
  if (facts.fqdn) return facts.fqdn;
  if (values.serverFqdn) return values.serverFqdn;
  if (values.fqdn && isOwnName(values.fqdn, server)) return values.fqdn;
  if (!server) return undefined;
  const prefix = `${server.toLowerCase()}.`;
  return (values.domains ?? '').split(',').find((d) => d.toLowerCase().startsWith(prefix));
}

/** Exchange service names Enable-ExchangeCertificate takes again; Federation has its own cmdlets. */
function enableable(scope: PlanScope): string | undefined {
  const history = scope.values.services?.split(/[\s,]+/) ?? [];
  const presented = (scope.cert?.presentedOn ?? []).map((port) => (port === 443 ? 'IIS' : 'SMTP'));
  const kept = [...new Set([...history, ...presented])].filter((s) => s !== '' && s !== 'None' && s !== 'Federation');
  return kept.length > 0 ? kept.join(',') : undefined;
}

/**
 * The Autodiscover service connection point of the release the paste shows: Get-ClientAccessServer up
 * to 2013, Get-ClientAccessService from 2016. With the release unknown neither exists on every
 * release, so the command shows the URLs only and the title names the SCP.
 */
function scpShow(scope: PlanScope, server: string): string {
  const release = scope.facts.version?.value;
  if (release === '2007' || release === '2010' || release === '2013')
    return `\nGet-ClientAccessServer -Identity ${server} | fl Name,AutoDiscoverServiceInternalUri`;
  if (release === '2016' || release === '2019' || release === 'SE')
    return `\nGet-ClientAccessService -Identity ${server} | fl Name,AutoDiscoverServiceInternalUri`;
  return '';
}

const PIN_PLANS = new Set(['starttls-pinned', 'send-connector-pin']);

/**
 * The cmdlet that sets AutoDiscoverServiceInternalUri on the release the paste shows: Set-ClientAccessServer
 * up to 2013, Set-ClientAccessService from 2016; both named when the release is not known.
 */
function scpCmdlet(scope: PlanScope): string {
  const release = scope.facts.version?.value;
  if (release === '2007' || release === '2010' || release === '2013') return 'Set-ClientAccessServer';
  if (release === '2016' || release === '2019' || release === 'SE') return 'Set-ClientAccessService';
  return 'Set-ClientAccessService (Set-ClientAccessServer on 2013 and earlier)';
}

/**
 * The port a STARTTLS check tests: the one of the connector the fix is about. Client Frontend is the
 * client submission connector (587); any other, or none named, is the SMTP port partners use (25).
 */
function smtpPort(connector: string | undefined): string {
  return /(?:^|\\)\s*Client Frontend\b/i.test(connector ?? '') ? '587' : '25';
}

/**
 * A host name a probe can reach: never a wildcard (`*.contoso.com` names no host). A name the
 * wildcard covers that the paste shows (a listed name, a server's FQDN, a connector's FQDN), else a
 * visible placeholder the admin fills with the published name.
 */
function probeHost(scope: PlanScope, name: string): string {
  if (!name.startsWith('*.')) return name;
  const suffix = name.slice(2).toLowerCase();
  const under = (host: string | undefined): host is string => {
    const h = host?.toLowerCase() ?? '';
    return h.endsWith(`.${suffix}`) && !h.slice(0, -suffix.length - 1).includes('.') && !h.startsWith('*');
  };
  const shown = [
    ...(scope.values.domains ?? '').split(','),
    scope.facts.fqdn,
    ...(scope.servers ?? []).map((s) => s.fqdn),
    ...[scope.facts, ...(scope.servers ?? [])].flatMap((s) => s.connectors.map((c) => c.fqdn)),
  ].map((h) => h?.trim());
  return shown.find(under) ?? `<host name under ${name.slice(2)}>`;
}

export function commandValues(scope: PlanScope, planId: string): Values {
  const { values, facts } = scope;
  const server = facts.name ?? values.server;
  const fqdn = serverFqdn(scope, server);
  // The FQDN first: New-ExchangeCertificate takes the first name as the subject (KB 953354 gives the FQDN).
  const ownNames = [fqdn ?? (server ? `<FQDN of ${server}>` : '<server FQDN>'), server ?? '<server name>'];
  // A name that still carries table debris would make the command name a connector that does not exist.
  const connector = cleanIdentity(values.connector);
  const receiveName =
    connector && values.connectorIsSend !== 'yes' && !/send|送信|outbound/i.test(connector)
      ? connector
      : `Default Frontend ${server ?? '<server>'}`;
  const o365 = facts.connectors
    .map((c) => cleanIdentity(c.name))
    .find((name) => name && /^Outbound to Office 365/i.test(name));
  const connectorFqdn = values.fqdn ?? '<connector FQDN>';
  const fqdnFirst = values.fqdn ?? fqdn ?? (server ? `<FQDN of ${server}>` : '<server FQDN>');
  // A request about a pasted certificate renews its own names; one from an event, the connector's FQDN.
  const aboutCertificate = values.subject !== undefined;
  const publicCa = requestForPublicCa(scope);
  return {
    server,
    serverOrPlaceholder: server ?? '<server>',
    thumbprint: values.thumbprint,
    candidate: values.candidate,
    fqdn: values.fqdn,
    popFqdn: values.popFqdn,
    fqdnFirst,
    probeHost: probeHost(scope, fqdnFirst),
    smtpPort: smtpPort(values.connector),
    fqdnOrConnectorFqdnCommand: connectorFqdn,
    ownNames: [...new Set(ownNames)].join(','),
    // A 12014 fixed by enabling a certificate the paste shows for the name: that certificate is the
    // renewed one a pinned connector is pointed at.
    newThumbprint:
      values.newThumbprint ?? (planId === 'starttls-missing' ? values.candidate : undefined) ?? '<new thumbprint>',
    missingServices: renewedMissing(scope).join(',') || '<services>',
    missingNames: values.missingNames?.replaceAll(',', ', '),
    // The certificate copied to the other servers: the renewed one a pin plan names, else the one just imported.
    copyThumbprint: values.newThumbprint ?? (PIN_PLANS.has(planId) ? '<new thumbprint>' : '<imported thumbprint>'),
    presentedPort: values.presentedPort ?? '25',
    // Each other server by its own name when the paste names them, else one line to fill in per server.
    otherProbes: (values.sharedWith
      ? values.sharedWith
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
      : ['<other server>']
    )
      .map((name) => `certcheck probe ${name}:${values.presentedPort ?? '25'}`)
      .join('\n'),
    sourceServer: values.sourceServer ?? server,
    requestServer: values.requestServer,
    issuedFileQuoted: sq(values.issuedFile ?? '<path to the issued .cer or .p7b>'),
    issuedCerQuoted: sq(values.issuedFile ?? '<path to the issued .cer>'),
    coveredName: values.coveredName,
    expectedName: values.expectedName ?? '<expected name>',
    coveredNameOrPlaceholder: values.coveredName ?? '<name on the certificate>',
    frontendThumbprint: values.frontendCandidate ?? '<thumbprint from the list>',
    iisCaThumbprint: iisCaCandidate(scope)?.thumbprint ?? '<thumbprint of the CA-issued certificate>',
    inboundConnectorQuoted: sq(values.inboundConnector ?? '<inbound connector name>'),
    outboundConnectorQuoted: sq(values.outboundConnector ?? '<outbound connector name>'),
    scpCmdlet: scpCmdlet(scope),
    scpSetCmdlet: scope.facts.version?.value === '2013' ? 'Set-ClientAccessServer' : 'Set-ClientAccessService',
    backendThumbprint:
      values.backendCandidate ??
      (planId === 'backend-444-rebind' || planId === 'ems-restore' ? '<thumbprint from the list>' : '<new thumbprint>'),
    receiveConnectorQuoted: sq(receiveName.includes('\\') ? receiveName : `${server ?? '<server>'}\\${receiveName}`),
    sendConnectorQuoted: sq(connector ?? '<connector name>'),
    imapPopServices: imapPop(scope),
    caImapPop: caCertForImapPop(scope)?.thumbprint,
    internalRenewed: internalRenewedAlready(scope)?.thumbprint,
    copyOf: values.copyOf,
    o365ConnectorQuoted: o365 ? sq(o365) : undefined,
    pinCommands: shownPinCommands(scope),
    queueOrPlaceholder: values.queue ?? '<queue identity>',
    proxy: values.proxy,
    // Local names and the servers' own domain stay direct; the domain is left to fill in when no FQDN shows it.
    proxyBypass: `<local>;*.${fqdn?.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : '<internal domain>'}`,
    // No queue identity in the paste: the server's queues waiting to retry, by a filter both 2010 and later accept.
    retryQueueCommand: values.queue
      ? `Retry-Queue -Identity ${values.queue}`
      : `Retry-Queue -Server ${server ?? '<server>'} -Filter {Status -eq 'Retry'}`,
    queueCheckCommand: values.queue
      ? `Get-Queue -Identity ${values.queue} | fl Status,MessageCount,LastError`
      : `Get-Queue -Server ${server ?? '<server>'} | fl Identity,NextHopDomain,Status,MessageCount,LastError`,
    mailboxOrPlaceholder: values.testMailbox ?? '<on-premises mailbox>',
    subjectQuoted: sq(
      aboutCertificate ? (publicCa?.subject ?? values.subject ?? `CN=${connectorFqdn}`) : `CN=${connectorFqdn}`,
    ),
    requestDomains: aboutCertificate && values.domains ? (publicCa?.kept.join(',') ?? values.domains) : connectorFqdn,
    droppedNames: publicCa?.dropped.join(', '),
    internalUrlsScp: scpShow(scope, server ?? '<server>'),
    cn:
      (aboutCertificate ? values.cn : undefined) ??
      (values.fqdn ? values.fqdn.replace(/[^\w.-]/g, '_') : 'certificate'),
    servicesOrDefault: enableable(scope) ?? '<services>',
    eventIds: values.eventIds ?? '12014,12015,12016',
    site: values.site,
    peer: values.peer,
    peerHost: values.peerHost ?? values.peer?.split('.')[0],
    peerHostOrPlaceholder: values.peerHost ?? values.peer?.split('.')[0] ?? '<peer server name>',
    // The partner's mail server a queue names (LastError, {FQDN=…}); Schannel's events never name it.
    nextHopFqdn: values.peer?.includes('.') ? values.peer : '<partner mail server FQDN>',
    // A peer the event names only by its host name (Certificate subject: EDGE16) has no FQDN in the paste.
    peerFqdn: values.peer?.includes('.')
      ? values.peer
      : values.peer
        ? `<FQDN of ${values.peer}>`
        : '<peer server FQDN>',
  };
}

const PROSE: Record<Language, Values> = {
  en: {
    server: 'the server',
    fqdn: "the connector's FQDN",
    fqdnOrConnectorFqdn: "the connector's FQDN (the step above shows it)",
    fqdnOrName: "the connector's FQDN",
    sendConnector: 'that the queue or event names',
    o365Connector: 'Outbound to Office 365',
    servicesOrDefault: 'as Get-ExchangeCertificate lists them for the old certificate',
    peer: 'the peer server the event names',
    nextHop: "the partner's mail server (the queue's LastError names it)",
    sourceServer: 'the server that has it',
    requestServer: 'the server that made the request',
    coveredName: '<a name the certificate carries>',
    sharedWith: 'the other servers',
    newThumbprint: 'the renewed certificate',
    thumbprintWords: "this certificate's thumbprint",
    caImapPop: 'that lists them',
    internalRenewed: 'the newer certificate InternalTransportCertificateThumbprint names',
    copyOf: 'with the same subject',
    issuer: 'the issuing CA the certificate names',
    droppedNames: "such as .local names and the server's bare name",
    requestDomains: 'the public names',
    missingNames: 'a name such as autodiscover',
  },
  ja: {
    server: 'サーバー',
    fqdn: 'コネクタの FQDN',
    fqdnOrConnectorFqdn: 'コネクタの FQDN (前の手順で表示されます)',
    fqdnOrName: 'コネクタの FQDN',
    sendConnector: '(キューまたはイベントが示すもの)',
    o365Connector: 'Outbound to Office 365',
    servicesOrDefault: 'Get-ExchangeCertificate で古い証明書の Services に表示されるもの',
    peer: 'イベントが示す相手のサーバー',
    nextHop: '取引先のメール サーバー (キューの LastError に表示されます)',
    sourceServer: '証明書があるサーバー',
    requestServer: '要求を作成したサーバー',
    coveredName: '<証明書にある名前>',
    sharedWith: '他のサーバー',
    newThumbprint: '更新後の証明書',
    thumbprintWords: 'この証明書の拇印',
    caImapPop: '(Services に IMAP または POP があるもの)',
    internalRenewed: 'InternalTransportCertificateThumbprint が示す新しい証明書',
    copyOf: '(サブジェクトが同じもの)',
    issuer: '証明書が示す発行元 CA',
    droppedNames: '.local の名前やサーバーのホスト名など',
    requestDomains: '公開名',
    missingNames: 'autodiscover などの名前',
  },
};

/** Values for titles: the paste's value, else words that say where to find it. */
export function proseValues(scope: PlanScope, command: Values, language: Language): Values {
  const fallback = PROSE[language];
  const pick = (value: string | undefined, key: string) => value ?? fallback[key];
  const receive = command.receiveConnectorQuoted?.replaceAll("''", "'");
  return {
    server: command.server,
    fqdn: pick(command.fqdn, 'fqdn'),
    fqdnOrConnectorFqdn: pick(command.fqdn, 'fqdnOrConnectorFqdn'),
    fqdnOrName: pick(command.fqdn, 'fqdnOrName'),
    receiveConnector: receive?.includes('<') ? 'Default Frontend' : receive,
    sendConnector: pick(cleanIdentity(scope.values.connector), 'sendConnector'),
    o365Connector: pick(command.o365ConnectorQuoted?.replaceAll("''", "'"), 'o365Connector'),
    pinnedConnectors: shownPinNames(scope),
    servicesOrDefault: command.servicesOrDefault?.startsWith('<')
      ? fallback.servicesOrDefault
      : command.servicesOrDefault,
    eventIds: command.eventIds,
    smtpPort: command.smtpPort,
    presentedPort: command.presentedPort,
    newThumbprint: pick(scope.values.newThumbprint, 'newThumbprint'),
    missingServices: pick(renewedMissing(scope).join(',') || undefined, 'servicesOrDefault'),
    missingNames: pick(command.missingNames, 'missingNames'),
    imapPopServices: command.imapPopServices,
    caImapPop: pick(command.caImapPop, 'caImapPop'),
    internalRenewed: pick(command.internalRenewed, 'internalRenewed'),
    copyOf: pick(command.copyOf, 'copyOf'),
    peer: pick(scope.values.peer, 'peer'),
    nextHop: pick(scope.values.peer, 'nextHop'),
    proxy: scope.values.proxy,
    queuedTo: scope.values.peer
      ? language === 'ja'
        ? ` ${scope.values.peer} 宛ての`
        : ` to ${scope.values.peer}`
      : '',
    thumbprintWords: pick(scope.values.thumbprint, 'thumbprintWords'),
    sourceServer: pick(command.sourceServer, 'sourceServer'),
    requestServer: pick(command.requestServer, 'requestServer'),
    coveredName: pick(command.coveredName, 'coveredName'),
    scpCmdlet: command.scpCmdlet,
    // A list in a Japanese sentence is separated by 「、」.
    droppedNames: pick(command.droppedNames?.replaceAll(', ', language === 'ja' ? '、' : ', '), 'droppedNames'),
    requestDomains: pick(
      command.droppedNames && command.requestDomains?.replaceAll(',', language === 'ja' ? '、' : ', '),
      'requestDomains',
    ),
    cn: command.cn,
    sharedWith: pick(scope.values.sharedWith?.replaceAll(',', ', '), 'sharedWith'),
    // The issuing CA by its CN: the name the CA's administrators and its AIA file go by.
    issuer: pick(/(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(scope.values.issuer ?? '')?.[1]?.trim(), 'issuer'),
  };
}

interface ScopeValues {
  version: ReturnType<typeof commandVersionOf>;
  command: Values;
  prose: Values;
  edge: 'yes' | 'no' | 'unknown';
}

/**
 * What a step's wording takes from its scope, worked out once per scope, plan and language rather
 * than once per step: a plan renders many steps from one scope. Keyed by the scope object itself,
 * so it lives exactly as long as the scope of this one diagnosis.
 */
const SCOPE_VALUES = new WeakMap<PlanScope, Map<string, ScopeValues>>();

export function scopeValues(scope: PlanScope, planId: string, language: Language): ScopeValues {
  let byPlan = SCOPE_VALUES.get(scope);
  if (!byPlan) {
    byPlan = new Map();
    SCOPE_VALUES.set(scope, byPlan);
  }
  const key = `${planId}\n${language}`;
  let values = byPlan.get(key);
  if (!values) {
    const command = commandValues(scope, planId);
    const isEdge = CONDITIONS.isEdge?.test(scope);
    values = {
      version: commandVersionOf(scope.facts),
      command,
      prose: proseValues(scope, command, language),
      edge: isEdge === true ? 'yes' : isEdge === false ? 'no' : 'unknown',
    };
    byPlan.set(key, values);
  }
  return values;
}

/** The client services the old certificate lists that its self-signed replacement takes over. */
function imapPop(scope: PlanScope): string {
  const listed = (scope.cert?.servicesHistory ?? []).filter((x) => x === 'IMAP' || x === 'POP');
  return listed.length > 0 ? listed.join(',') : 'IMAP,POP';
}
