import type { CloudConnectorEvidence, Evidence, MailProtocolSetting, Recognizer } from './evidence.js';
import { readListOutput } from './list-records.js';
import { tableCells } from './table-columns.js';

/**
 * Settings that decide which certificate a protocol or a hybrid connector expects, read from their
 * Format-List output: Get-ImapSettings / Get-PopSettings (X509CertificateName and the names clients
 * connect to) and Exchange Online's Get-InboundConnector / Get-OutboundConnector (the name the
 * on-premises certificate must carry). Which cmdlet printed a record is told by its echoed command,
 * else by its own fields (the ports in the connection settings, TlsSenderCertificateName, TlsDomain).
 */

const HOST = /^\*?[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

export const recognizeMailSettings: Recognizer = (text, shared) => {
  const { records } = readListOutput(text, shared?.lines?.());
  const settings: MailProtocolSetting[] = [];
  const connectors: CloudConnectorEvidence[] = [];
  let command = '';
  for (const record of records) {
    if (record.command !== undefined) command = record.command;
    const get = (key: string) => record.fields.get(key)?.trim() ?? '';
    if (record.fields.has('X509CertificateName')) {
      const external = namesOf(get('ExternalConnectionSettings'));
      const internal = namesOf(get('InternalConnectionSettings'));
      const protocol = protocolOf(command, [...external.ports, ...internal.ports]);
      if (!protocol) continue;
      const server = /-(?:Server|Identity)\s+["']?([A-Za-z][A-Za-z0-9-]{0,62})\b/i.exec(command)?.[1];
      settings.push({
        protocol,
        ...(get('X509CertificateName') && { x509Name: get('X509CertificateName') }),
        externalNames: external.names,
        internalNames: internal.names,
        ...(server && { server }),
      });
      continue;
    }
    const connector = cloudConnector(record.fields, command);
    if (connector) connectors.push(connector);
  }
  for (const table of readTables(shared?.lines?.() ?? text.split('\n'))) {
    for (const fields of table.rows) {
      if (fields.has('X509CertificateName')) continue;
      const connector = cloudConnector(fields, table.command);
      if (connector) connectors.push(connector);
    }
  }
  const out: Partial<Evidence> = {};
  if (settings.length > 0) out.mailProtocolSettings = settings.slice(0, 16);
  if (connectors.length > 0) out.cloudConnectors = connectors.slice(0, 16);
  return out;
};

/** `{pop.contoso.com:995:SSL, EX01.contoso.local:995:SSL}`: the host names and the ports. */
function namesOf(value: string): { names: string[]; ports: number[] } {
  const names: string[] = [];
  const ports: number[] = [];
  for (const item of value.replace(/^\{|\}$/g, '').split(',')) {
    const [host = '', port = ''] = item.trim().split(':');
    if (HOST.test(host) && host.includes('.') && !names.includes(host.toLowerCase())) names.push(host.toLowerCase());
    if (/^\d{2,5}$/.test(port)) ports.push(Number(port));
  }
  return { names, ports };
}

function protocolOf(command: string, ports: readonly number[]): MailProtocolSetting['protocol'] | undefined {
  if (/\bGet-PopSettings\b/i.test(command)) return 'POP';
  if (/\bGet-ImapSettings\b/i.test(command)) return 'IMAP';
  if (ports.some((p) => p === 995 || p === 110)) return 'POP';
  if (ports.some((p) => p === 993 || p === 143)) return 'IMAP';
  return undefined;
}

/**
 * An Exchange Online connector: its command says so, or its fields do (ConnectorType with
 * TlsSenderCertificateName or with TlsDomain/SmartHosts and TlsSettings). The on-premises send
 * connector has TlsCertificateName and TlsAuthLevel instead and is not one.
 */
function cloudConnector(fields: Map<string, string>, command: string): CloudConnectorEvidence | undefined {
  const get = (key: string) => fields.get(key)?.trim() ?? '';
  const byCommand = /\bGet-(Inbound|Outbound)Connector\b/i.exec(command)?.[1]?.toLowerCase();
  const inboundFields = fields.has('TlsSenderCertificateName') || fields.has('RestrictDomainsToCertificate');
  const outboundFields =
    fields.has('ConnectorType') &&
    (fields.has('TlsSettings') || fields.has('UseMXRecord') || fields.has('RecipientDomains'));
  const direction =
    byCommand === 'inbound' || byCommand === 'outbound'
      ? byCommand
      : inboundFields
        ? 'inbound'
        : outboundFields
          ? 'outbound'
          : undefined;
  if (!direction || fields.has('TlsCertificateName') || fields.has('TlsAuthLevel')) return undefined;
  const name = get('Name') || get('Identity');
  if (!name) return undefined;
  const connector: CloudConnectorEvidence = {
    name,
    direction,
    onPremises: /^OnPremises$/i.test(get('ConnectorType')),
    smartHosts: get('SmartHosts')
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => HOST.test(h)),
  };
  const sender = get('TlsSenderCertificateName');
  if (sender && HOST.test(sender)) connector.tlsSenderCertificateName = sender.toLowerCase();
  const domain = get('TlsDomain');
  if (domain && HOST.test(domain)) connector.tlsDomain = domain.toLowerCase();
  if (get('TlsSettings')) connector.tlsSettings = get('TlsSettings');
  if (/^(?:True|False)$/i.test(get('RequireTls'))) connector.requireTls = /^True$/i.test(get('RequireTls'));
  return connector;
}

const TABLE_HEADER = /\b(?:TlsSenderCertificateName|TlsDomain|ConnectorType)\b/;
const PROMPT_LINE = /^\s*(?:\[PS\]\s*)?(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,260}>\s*(.*)$/;

/**
 * `Get-InboundConnector | ft Name,ConnectorType,TlsSenderCertificateName`: a header naming a
 * connector's TLS fields over its dash line, each row cut where the dashes put the columns.
 */
function readTables(lines: readonly string[]): { command: string; rows: Map<string, string>[] }[] {
  const tables: { command: string; rows: Map<string, string>[] }[] = [];
  let command = '';
  for (let i = 0; i < lines.length && tables.length < 8; i++) {
    const line = lines[i] ?? '';
    const prompt = PROMPT_LINE.exec(line);
    if (prompt) {
      command = prompt[1] ?? '';
      continue;
    }
    const dashes = lines[i + 1] ?? '';
    if (!TABLE_HEADER.test(line) || !/^[\s-]+$/.test(dashes) || !dashes.includes('--')) continue;
    const starts = [...dashes.matchAll(/-+/g)].map((m) => m.index ?? 0);
    const names = tableCells(line, starts);
    const rows: Map<string, string>[] = [];
    let j = i + 2;
    for (; j < lines.length && (lines[j] ?? '').trim() !== '' && rows.length < 16; j++) {
      const cells = tableCells(lines[j] ?? '', starts);
      rows.push(new Map(names.map((name, k) => [name.trim(), (cells[k] ?? '').trim()])));
    }
    tables.push({ command, rows });
    i = j;
  }
  return tables;
}
