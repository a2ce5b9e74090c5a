import type { Evidence, Recognizer, RoleEvidence, VersionHint } from './evidence.js';
import { hintFromBuild, hintFromMention, VERSION_MENTIONS } from './exchange-versions.js';
import { LIMITS } from './limits.js';
import { readListOutput } from './list-records.js';
import { matchesOf } from './matches.js';
import { readAdSite, readProseServerNames } from './prose-servers.js';
import { rolesFromServerRole } from './server-roles.js';

/**
 * What the paste says about the servers themselves: `Get-ExchangeServer | fl` and `| ft` (Name,
 * ServerRole, AdminDisplayVersion: strong), the version as the admin writes it ("Exchange 2010 SP3",
 * "2016 CU23", "Exchange 2007 SP1 です": strong with its SP/CU, weak as a bare year), and the connector
 * names Setup gives each role (`Default Frontend <server>` exists only on a 2013+ Mailbox server's
 * front end, `Default internal receive connector <server>` only on an Edge). The word "EdgeSync" says
 * nothing about this server: Hub and Mailbox servers of a subscribed site log it too.
 */
export const recognizeExchangeServers: Recognizer = (text, shared) => {
  const hints: VersionHint[] = [];
  const roles: RoleEvidence[] = [];
  const servers: string[] = [];
  const addServer = (name: string | undefined) => {
    if (name && !servers.includes(name)) servers.push(name);
  };
  if (/ServerRole|AdminDisplayVersion/.test(text)) {
    const lines = shared?.lines?.() ?? text.split('\n');
    readServerList(text, lines, hints, roles, addServer);
    readServerTable(lines, hints, roles, addServer);
  }
  readProse(text, hints);
  readConnectorNames(text, hints, roles);
  for (const name of readProseServerNames(text)) addServer(name);
  readSiblingNames(text, [...servers, ...roles.flatMap((r) => (r.server ? [r.server] : []))], addServer);
  const out: Partial<Evidence> = {};
  if (hints.length > 0) out.versionHints = hints;
  if (roles.length > 0) {
    out.roleEvidence = roles;
    const strong = roles.filter((r) => r.strength === 'strong' && r.role !== 'frontend').map((r) => r.role);
    if (strong.length > 0) out.roles = [...new Set(strong)] as Evidence['roles'];
  }
  if (servers.length > 0) out.servers = servers;
  const site = readAdSite(text);
  if (site) out.adSite = site;
  return out;
};

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/**
 * A server listed beside one the paste shows, with the same name but its number ("EX19-HYB1 /
 * EX19-HYB2", "OSKEX01 と OSKEX02"): the admin names the servers the change is about.
 */
function readSiblingNames(text: string, known: readonly string[], addServer: (name: string) => void): void {
  for (const name of [...new Set(known)].slice(0, 8)) {
    const stem = /^([A-Za-z][A-Za-z0-9-]{1,60}?)\d{1,3}$/.exec(name)?.[1];
    if (!stem) continue;
    const me = name.replace(ESCAPE, '\\$&');
    const sibling = `(${stem.replace(ESCAPE, '\\$&')}\\d{1,3})`;
    const and = '\\s*(?:/|,|、|&|\\+|\\band\\b|と|および)\\s*';
    const pattern = new RegExp(`\\b${me}${and}${sibling}\\b|\\b${sibling}${and}${me}\\b`, 'gi');
    let found = 0;
    for (const match of matchesOf(pattern, text)) {
      const other = match[1] ?? match[2];
      if (!other || other.toLowerCase() === name.toLowerCase()) continue;
      // The server already shown keeps its place before the sibling.
      addServer(name);
      addServer(other);
      if (++found >= 8) break;
    }
  }
}

function readServerList(
  text: string,
  lines: readonly string[],
  hints: VersionHint[],
  roles: RoleEvidence[],
  addServer: (name: string | undefined) => void,
): void {
  for (const { fields } of readListOutput(text, lines).records) {
    const role = fields.get('ServerRole');
    const version = fields.get('AdminDisplayVersion');
    if (role === undefined && version === undefined) continue;
    const name = serverName(fields.get('Name') ?? fields.get('Identity'));
    addServer(name);
    // Its Fqdn field names the same server: after its name, so the name stays as written.
    const fqdn = fields.get('Fqdn')?.trim();
    if (name && fqdn?.includes('.') && fqdn.split('.')[0]?.toLowerCase() === name.toLowerCase()) addServer(fqdn);
    const hint = version ? hintFromBuild(version, 'admin-display-version', name) : undefined;
    if (hint) hints.push(hint);
    for (const found of rolesFromServerRole(role ?? '')) {
      roles.push({
        role: found,
        strength: 'strong',
        reason: 'server-role-field',
        quote: `ServerRole : ${role}`,
        ...(name && { server: name }),
      });
    }
  }
}

/** `Get-ExchangeServer` as a table: the name first, the roles as words, the version as printed. */
function readServerTable(
  lines: readonly string[],
  hints: VersionHint[],
  roles: RoleEvidence[],
  addServer: (name: string | undefined) => void,
): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i]!;
    if (!/^\s*Name\s/.test(header) || !/ServerRole|AdminDisplayVersion/.test(header)) continue;
    if (!/^[\s-]+$/.test(lines[i + 1] ?? '') || !lines[i + 1]!.includes('-')) continue;
    for (let j = i + 2; j < lines.length && j < i + 2 + LIMITS.records; j++) {
      const row = lines[j]!;
      if (row.trim() === '') break;
      const name = serverName(row.trim().split(/\s+/)[0]);
      if (!name) continue;
      addServer(name);
      const hint = hintFromBuild(row, 'admin-display-version', name);
      if (hint) hints.push(hint);
      const roleWords =
        /\b((?:Mailbox|ClientAccess|HubTransport|Edge|UnifiedMessaging|MultiRole)(?:,\s*(?:Mailbox|ClientAccess|HubTransport|Edge|UnifiedMessaging))*)\b/.exec(
          row.slice(name.length),
        )?.[1];
      for (const found of rolesFromServerRole(roleWords ?? '')) {
        roles.push({ role: found, strength: 'strong', reason: 'server-role-field', quote: row.trim(), server: name });
      }
    }
  }
}

/** A server's short name as Exchange prints it (EX01, EX16-02), not a sentence. */
function serverName(value: string | undefined): string | undefined {
  const name = value?.trim().split('\\')[0]?.trim();
  return name && /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name) ? name : undefined;
}

/**
 * The admin's own words. With a service pack or CU the release is meant ("Exchange 2010 SP3"); a
 * bare year ("we moved from Exchange 2010") may be another server, so it is weak, and so is every
 * mention when the prose names several releases.
 */
const PROSE_BUILD = /(?<![\d.])15\.0?[0-2]\.\d{3,4}\.\d{1,3}(?![\d.])/g;

function readProse(text: string, hints: VersionHint[]): void {
  const found: VersionHint[] = [];
  let count = 0;
  for (const match of matchesOf(VERSION_MENTIONS, text)) {
    if (++count > 50) break;
    const hint = hintFromMention(match, 'prose');
    if (hint) found.push(hint);
  }
  // A full Exchange 2013-or-later build written out ("build 15.2.2562.17", ExSetup's 15.02.2562.017)
  // is as exact as AdminDisplayVersion; no other product on an Exchange server numbers itself so.
  for (const match of matchesOf(PROSE_BUILD, text)) {
    if (++count > 50) break;
    const hint = hintFromBuild(match[0], 'prose-build');
    if (hint) found.push(hint);
  }
  const releases = new Set(found.map((h) => h.release));
  for (const hint of found) {
    if (releases.size > 1) hint.strength = 'weak';
    if (!hints.some((h) => h.reason === hint.reason && h.release === hint.release && h.strength === hint.strength))
      hints.push(hint);
  }
}

const CONNECTOR_ROLES: readonly {
  pattern: RegExp;
  role: RoleEvidence['role'];
  strength: RoleEvidence['strength'];
  reason: string;
  since2013?: boolean;
}[] = [
  {
    pattern: /\bDefault Frontend ([A-Za-z0-9][A-Za-z0-9-]{0,62})\b/g,
    role: 'frontend',
    strength: 'strong',
    reason: 'connector-default-frontend',
    since2013: true,
  },
  {
    pattern: /\bDefault internal receive connector ([A-Za-z0-9][A-Za-z0-9-]{0,62})\b/gi,
    role: 'edge',
    strength: 'strong',
    reason: 'connector-default-internal-receive',
  },
];
// Not here: "Intra-Organization SMTP Send Connector" is the implicit connector of every transport
// server, Edge included (KB 953354's own 12014 names it on EDGE01), so it says nothing of the role.

/**
 * The word after a connector's name is its server only when it is written as servers are (a digit,
 * or capitals only: EX01, EXCH) or the paste prints it as a server elsewhere (`EXCH\Default Frontend
 * EXCH`, `Name : mail`): "the Default Frontend connector" names no server called "connector".
 */
function looksLikeServer(name: string, text: string, search = true): boolean {
  if (/^(?:connectors?|receive|send|and|or|on|for|is|was|has|the|to|in|of|with|which|that)$/i.test(name)) return false;
  if (/\d/.test(name) || /^[A-Z][A-Z-]+$/.test(name)) return true;
  if (!search) return false;
  const me = name.replace(ESCAPE, '\\$&');
  return new RegExp(`(?:^|[\\s'"])${me}\\\\|^\\s*(?:Name|Computer|Server|Identity)\\s*:\\s*${me}\\s*$`, 'im').test(text);
}

/**
 * Whether a connector's trailing word is a server, asked once per word and for at most a few words
 * that need the whole paste searched: a paste that repeats 'Default Frontend <word>' thousands of
 * times would otherwise search the whole paste once per repetition.
 */
function serverOfConnector(): (name: string | undefined, text: string) => string | undefined {
  const known = new Map<string, boolean>();
  let searches = 0;
  return (name, text) => {
    if (!name) return undefined;
    const key = name.toLowerCase();
    let server = known.get(key);
    if (server === undefined) {
      server = looksLikeServer(name, text, searches < 20);
      searches++;
      known.set(key, server);
    }
    return server ? name : undefined;
  };
}

function readConnectorNames(text: string, hints: VersionHint[], roles: RoleEvidence[]): void {
  const serverOf = serverOfConnector();
  for (const { pattern, role, strength, reason, since2013 } of CONNECTOR_ROLES) {
    const seen = new Set<string>();
    for (const match of matchesOf(pattern, text)) {
      const server = serverOf(match[1], text);
      const key = server?.toLowerCase() ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > 20) break;
      roles.push({ role, strength, reason, quote: match[0], ...(server && { server }) });
      if (since2013) {
        hints.push({
          version: '2013+',
          reason,
          strength: 'strong',
          quote: match[0],
          ...(server && { server }),
        });
      }
    }
  }
}
