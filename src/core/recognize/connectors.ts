import type { ConnectorEvidence, Evidence, Recognizer } from './evidence.js';
import { LIMITS } from './limits.js';
import { matchesOf } from './matches.js';
import { tableCells } from './table-columns.js';

/**
 * Connectors as the paste shows them: `Get-ReceiveConnector` / `Get-SendConnector` as lists (`| fl
 * Name,Fqdn,TlsCertificateName`) or tables (`| ft Name,TlsCertificateName`, the default Identity
 * view), and a queue (`Get-Queue | fl`) whose NextHopConnector (or, for a smart-host connector,
 * NextHopDomain) names the send connector its LastError is about. What a plan needs of each: its name, server, FQDN and the `<I>issuer<S>subject`
 * it pins.
 */

type Kind = ConnectorEvidence['kind'];

const RECEIVE_FIELDS = ['Bindings', 'RemoteIPRanges', 'PermissionGroups', 'AuthMechanism', 'TransportRole'];
const SEND_FIELDS = [
  'AddressSpaces',
  'SmartHosts',
  'SourceTransportServers',
  'DNSRoutingEnabled',
  'CloudServicesMailEnabled',
];
const CONNECTOR_FIELDS = ['Fqdn', 'TlsCertificateName', ...RECEIVE_FIELDS, ...SEND_FIELDS];
/** Get-ExchangeServer and Get-TransportService print Name and Fqdn too. */
const NOT_CONNECTOR_FIELDS = [
  'ServerRole',
  'AdminDisplayVersion',
  'Edition',
  'Thumbprint',
  'InternalTransportCertificateThumbprint',
  // Exchange Online's Get-InboundConnector / Get-OutboundConnector: not an on-premises connector to set.
  'ConnectorType',
  'TlsSenderCertificateName',
  'RestrictDomainsToCertificate',
  'TlsSettings',
  'UseMXRecord',
];
const COMMAND = /\b(Get|Set|New)-(Receive|Send)Connector\b/i;
/**
 * Two tests rather than one alternation: with the line-anchored fields in it, the regex could not
 * skip ahead to a likely word and tried every alternative at every character of the paste.
 */
const LISTING_WORDS = /TlsCertificateName|NextHopConnector|(?:Receive|Send)Connector|AddressSpaces|SmartHosts/i;
const LISTING_FIELDS = /^\s*(?:Fqdn\s+:|Bindings\b)/im;
const FIELD = /^([A-Za-z][A-Za-z0-9]{0,60})[ \t]*:(?:[ \t](.*))?$/;

export const recognizeConnectors: Recognizer = (text, shared) => {
  // The words of the listings themselves: an event's prose says "connector" too.
  if (!LISTING_WORDS.test(text) && !LISTING_FIELDS.test(text)) return {};
  const connectors: ConnectorEvidence[] = [];
  const queues: Map<string, string>[] = [];
  let kind: Kind = 'unknown';
  let asked: { server: string; name: string } | undefined;
  let record: Map<string, string> | undefined;
  let lastKey: string | undefined;
  const close = () => {
    if (record && connectors.length < LIMITS.certificateBlocks) {
      const connector = fromRecord(record, kind);
      if (connector && !connector.server && asked?.name.toLowerCase() === connector.name.toLowerCase())
        connector.server = asked.server;
      if (connector) connectors.push(connector);
      else if (record.has('NextHopConnector') || record.has('NextHopDomain')) queues.push(record);
    }
    record = undefined;
    lastKey = undefined;
  };
  const lines = shared?.lines?.() ?? text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const command = COMMAND.exec(line);
    if (command && /^(?:\[PS\]|PS\s|[A-Za-z]:\\|\s*(?:Get|Set|New)-)/i.test(line.trimStart())) {
      close();
      kind = command[2]!.toLowerCase() === 'receive' ? 'receive' : 'send';
      // `Get-ReceiveConnector "EX01\Default Frontend EX01" | fl Name,…`: the listing then omits the server.
      const identity = /Connector\s+["']?([A-Za-z0-9][A-Za-z0-9-]{0,62})\\([^"'|\n]{1,120}?)["']?\s*(?:\||$)/i.exec(
        line,
      );
      asked = identity ? { server: identity[1]!, name: identity[2]!.trim() } : undefined;
      continue;
    }
    if (line.trim() === '') {
      close();
      continue;
    }
    if (isTableHeader(line, lines[i + 1])) {
      close();
      const read = readTable(lines, i, kind);
      connectors.push(...read.connectors.slice(0, LIMITS.certificateBlocks - connectors.length));
      i = read.last;
      continue;
    }
    const field = /^\s/.test(line) ? undefined : FIELD.exec(line);
    if (field) {
      const key = field[1]!;
      if (record?.has(key)) close();
      record ??= new Map();
      record.set(key, (field[2] ?? '').trim());
      lastKey = key;
    } else if (record && lastKey && /^\s/.test(line)) {
      record.set(lastKey, `${record.get(lastKey)} ${line.trim()}`.trim());
    } else close();
  }
  close();
  for (const queue of queues) {
    const named = fromQueue(queue, connectors);
    if (named) connectors.push(named);
  }
  return connectors.length > 0 ? ({ connectors } satisfies Partial<Evidence>) : {};
};

function fromRecord(fields: Map<string, string>, context: Kind): ConnectorEvidence | undefined {
  const identity = fields.get('Identity') ?? '';
  const name = fields.get('Name') || identity.split('\\').at(-1)?.trim() || '';
  if (!name || !CONNECTOR_FIELDS.some((key) => fields.has(key))) return undefined;
  if (NOT_CONNECTOR_FIELDS.some((key) => fields.has(key))) return undefined;
  const kind: Kind = RECEIVE_FIELDS.some((key) => fields.has(key))
    ? 'receive'
    : SEND_FIELDS.some((key) => fields.has(key))
      ? 'send'
      : context;
  const connector: ConnectorEvidence = { name, kind, namedBy: 'listing' };
  const server = fields.get('Server') || (identity.includes('\\') ? identity.split('\\')[0]?.trim() : '');
  if (server) connector.server = server;
  const fqdn = fields.get('Fqdn');
  if (fqdn) connector.fqdn = fqdn;
  const pinned = fields.get('TlsCertificateName');
  if (pinned && /^<I>/i.test(pinned)) connector.tlsCertificateName = pinned;
  const spaces = listValue(fields.get('AddressSpaces'));
  if (spaces.length > 0) connector.addressSpaces = spaces;
  const hosts = listValue(fields.get('SmartHosts'));
  if (hosts.length > 0) connector.smartHosts = hosts;
  return connector;
}

/** `{SMTP:*;1, smtp:contoso.mail.onmicrosoft.com;1}`, `{[10.0.0.1]}`. */
function listValue(value: string | undefined): string[] {
  return (value ?? '')
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.endsWith('...') && !part.endsWith('…'));
}

function isTableHeader(line: string, next: string | undefined): boolean {
  if (!next || !/^[\s-]+$/.test(next) || !next.includes('-')) return false;
  const names = line.trim().split(/\s+/);
  return (
    (names.includes('Name') || names.includes('Identity')) &&
    names.some((name) => CONNECTOR_FIELDS.includes(name) || name === 'Enabled') &&
    !names.includes('Thumbprint') &&
    !names.includes('ServerRole') &&
    // Exchange Online's connectors print these; an on-premises connector never does.
    !names.some((name) => NOT_CONNECTOR_FIELDS.includes(name))
  );
}

/**
 * A connector table. Columns are where the header puts them, but a long name pushes the rest of its
 * row to the right (as Format-Table does without -AutoSize room), so a pinned value is found by its
 * `<I>` and the FQDN as the host-like word after the name.
 */
function readTable(
  lines: readonly string[],
  at: number,
  kind: Kind,
): { connectors: ConnectorEvidence[]; last: number } {
  const header = lines[at]!;
  const columns = [...matchesOf(/\S+/g, header)].map((m) => ({ name: m[0], start: m.index }));
  const connectors: ConnectorEvidence[] = [];
  let last = at + 1;
  for (let j = at + 2; j < lines.length && j < at + 2 + LIMITS.records; j++) {
    const row = lines[j]!.trimEnd();
    if (row.trim() === '') break;
    last = j;
    const pinnedAt = row.indexOf('<I>');
    const cells = new Map<string, string>();
    const texts = tableCells(
      row,
      columns.map((column) => column.start),
    );
    columns.forEach((column, index) => {
      cells.set(column.name, texts[index] ?? '');
    });
    let name = cells.get('Name') ?? cells.get('Identity') ?? '';
    let pinned: string | undefined;
    if (pinnedAt >= 0) {
      pinned = row.slice(pinnedAt).trim();
      if (columns.findIndex((c) => c.name === 'TlsCertificateName') === 1) name = row.slice(0, pinnedAt).trim();
    }
    if (!name) continue;
    const connector: ConnectorEvidence = { name, kind, namedBy: 'listing' };
    if (cells.has('Identity') && name.includes('\\')) {
      const [server, ...rest] = name.split('\\');
      connector.server = server!.trim();
      connector.name = rest.join('\\').trim();
    }
    const fqdn = cells.get('Fqdn');
    if (fqdn && /^[A-Za-z0-9.-]+$/.test(fqdn)) connector.fqdn = fqdn;
    if (pinned) connector.tlsCertificateName = pinned;
    const bindings = cells.get('Bindings');
    if (bindings?.startsWith('{') && kind === 'unknown') connector.kind = 'receive';
    connectors.push(connector);
  }
  return { connectors, last };
}

/**
 * A queue names its send connector by GUID (NextHopConnector); a listed connector whose name carries
 * that GUID (HCW's "Outbound to Office 365 - <guid>") is the one its LastError is about.
 */
function fromQueue(queue: Map<string, string>, listed: readonly ConnectorEvidence[]): ConnectorEvidence | undefined {
  const guid = queue.get('NextHopConnector')?.toLowerCase();
  if (!guid || !/^[0-9a-f-]{36}$/.test(guid)) return byNextHopName(queue, listed);
  if (/^0{8}-/.test(guid)) return undefined;
  // HCW's name carries the organisation's GUID, not the connector's: a smart host queue's NextHopDomain
  // still names the listed connector.
  const match =
    listed.find((c) => c.name.toLowerCase().includes(guid)) ??
    (/^SmartHostConnectorDelivery$/i.test(queue.get('DeliveryType') ?? '') ? byNextHopName(queue, listed) : undefined);
  const server = (queue.get('Identity') ?? queue.get('QueueIdentity') ?? '').split('\\')[0]?.trim();
  const connector: ConnectorEvidence = {
    name: match && match.name !== queue.get('NextHopDomain')?.trim() ? match.name : guid,
    kind: 'send',
    namedBy: 'queue',
  };
  if (server) connector.server = server;
  if (match?.tlsCertificateName) connector.tlsCertificateName = match.tlsCertificateName;
  const domain = queue.get('NextHopDomain');
  if (domain) connector.addressSpaces = [domain];
  return connector;
}

/**
 * A queue toward a smart-host connector prints the connector's name, in lower case, as its
 * NextHopDomain (`fabrikam bank tls`): the listed send connector of that name, as the listing spells
 * it, else the name as the queue prints it (connector names are not case-sensitive). Any other
 * queue's NextHopDomain is a domain: only a listed connector of that name with a space in it, which
 * no domain has, is taken for it.
 */
function byNextHopName(
  queue: Map<string, string>,
  listed: readonly ConnectorEvidence[],
): ConnectorEvidence | undefined {
  const hop = queue.get('NextHopDomain')?.trim().replace(/\s+/g, ' ');
  if (!hop || hop.length > 64 || /['"<>{}]/.test(hop)) return undefined;
  const same = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase() === hop.toLowerCase();
  const match = listed.find((c) => c.kind !== 'receive' && same(c.name));
  const smartHost = /^SmartHostConnectorDelivery$/i.test(queue.get('DeliveryType') ?? '');
  if (!smartHost && !match?.name.includes(' ')) return undefined;
  const connector: ConnectorEvidence = { name: match?.name ?? hop, kind: 'send', namedBy: 'queue' };
  const server = (queue.get('Identity') ?? queue.get('QueueIdentity') ?? '').split('\\')[0]?.trim();
  if (server && /^[A-Za-z0-9-]{1,63}$/.test(server)) connector.server = server;
  if (match?.tlsCertificateName) connector.tlsCertificateName = match.tlsCertificateName;
  return connector;
}
