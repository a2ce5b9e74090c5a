import { certificateRole, certificateVersionHints } from '../certificate-role.js';
import { hostLikeCommonNames, uniqueNames, windowsDn } from '../distinguished-name.js';
import { isCut } from '../truncated.js';
import { readCultureDates } from './culture-dates.js';
import type { Evidence, ParsedCertificate, Recognizer, VersionHint } from './evidence.js';
import {
  decodeServiceLetters,
  parseServiceNames,
  servicesLengthHint,
  servicesShownBeforeCut,
} from './exchange-services.js';
import { LIMITS, restSkipped } from './limits.js';
import { type CommandTarget, commandTarget, isCommandEcho, SERVER_HEADING } from './list-records.js';
import { bindToOwnHost, type Placed } from './listing-host.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * `Get-ExchangeCertificate` as a table: the default view (`Thumbprint Services Subject`, services as
 * the letter string) and `ft` with other columns (`ft Thumbprint,Services,NotAfter,Subject -Auto`).
 * The default view shows no dates, so its certificates carry no notAfter.
 */
const COLUMNS = new Set([
  // Invoke-Command adds the server each row came from; Identity is SERVER\thumbprint. A listing over
  // every server (`select @{n='Server';e={$_.PSComputerName}},…`) names it Server.
  'PSComputerName',
  'Server',
  'Identity',
  'Thumbprint',
  'Services',
  'Subject',
  'NotAfter',
  'NotBefore',
  'FriendlyName',
  'Issuer',
  'Status',
  'IsSelfSigned',
  'RootCAType',
  'PublicKeySize',
  'SerialNumber',
]);
const DEFAULT_ROW = /^\s*([0-9A-Fa-f]{40})\s+([IPUWSFC.]{5,7}\.?)\s+(\S.{0,2000}?)\s*$/;

type Found = Pick<Evidence, 'certificates' | 'notes' | 'versionHints'>;

/** A line naming the server the table below it came from. */
const SECTION = SERVER_HEADING;

export const recognizeExchangeTable: Recognizer = (text) => {
  const out: Found = { certificates: [], notes: [], versionHints: [] };
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  let columns: { name: string; start: number }[] | undefined;
  // `foreach ($s in …) { "==== $s"; Get-ExchangeCertificate -Server $s | ft … }` heads each server's table.
  let section: string | undefined;
  // The echoed command before the table: `Get-ExchangeCertificate -Server EX02 | ft …`.
  let target: CommandTarget | undefined;
  const blocks: Placed[][] = [];
  let block: Placed[] = [];
  const nextBlock = () => {
    if (block.length > 0) blocks.push(block);
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = SECTION.exec(line)?.[1];
    if (heading) {
      section = heading;
      target = undefined;
      columns = undefined;
      nextBlock();
      continue;
    }
    if (isCommandEcho(line)) {
      target = commandTarget(line);
      columns = undefined;
      nextBlock();
      continue;
    }
    const header = headerColumns(line);
    if (header && /^[\s-]+$/.test(lines[i + 1] ?? '') && lines[i + 1]!.includes('-')) {
      columns = header;
      nextBlock();
      i++;
      continue;
    }
    if (line.trim() === '') {
      columns = undefined;
      continue;
    }
    const cells = columns ? sliceCells(line, columns) : undefined;
    const row = cells && (normalizeThumbprint(thumbprintCell(cells)) || cutThumbprint(cells)) ? cells : defaultRow(line);
    if (!row) continue;
    if (out.certificates.length >= LIMITS.certificateBlocks) {
      out.notes.push(restSkipped('certificates', out.certificates.length));
      break;
    }
    const placed = addRow(row, out, section, target);
    if (placed) block.push(placed);
  }
  nextBlock();
  for (const rows of blocks) bindToOwnHost(rows);
  return dedupeHints(out);
};

function headerColumns(line: string): { name: string; start: number }[] | undefined {
  if (line.length > 400 || !(line.includes('Thumbprint') || line.includes('Identity'))) return undefined;
  const columns = [...line.matchAll(/\S+/g)].map((m) => ({ name: m[0], start: m.index }));
  if (columns.length < 2 || !columns.every((c) => COLUMNS.has(c.name))) return undefined;
  return columns.some((c) => c.name === 'Thumbprint' || c.name === 'Identity') ? columns : undefined;
}

/** A Thumbprint cell the table cut short: hexadecimal digits, then the ellipsis. */
function cutThumbprint(cells: Map<string, string>): boolean {
  return /^[0-9A-Fa-f]{6,39}(?:\.{3}|…)$/.test(thumbprintCell(cells));
}

/** The Thumbprint cell, else the thumbprint half of an Identity cell (`EX01\8557D113…`). */
function thumbprintCell(cells: Map<string, string>): string {
  return cells.get('Thumbprint') || (cells.get('Identity')?.split('\\')[1]?.trim() ?? '');
}

function sliceCells(line: string, columns: { name: string; start: number }[]): Map<string, string> {
  const cells = new Map<string, string>();
  // A row copied or typed a character off its header still splits at the space before its value.
  const starts = columns.map((column, i) => {
    const start = column.start;
    const floor = (columns[i - 1]?.start ?? 0) + 1;
    if (i === 0) return start;
    if (start >= line.length || line[start - 1] === ' ' || line[start] === ' ') return start;
    let back = start;
    while (back > floor && line[back - 1] !== ' ') back--;
    // A cell the table cut short (`Auth Certif...`) may run a character or two past its column: when
    // the word across the boundary ends in the ellipsis nearer than it began, the next cell starts after it.
    const rest = /^\S*/.exec(line.slice(start))?.[0] ?? '';
    return isCut(line.slice(back, start + rest.length)) && rest.length < start - back ? start + rest.length : back;
  });
  columns.forEach((column, i) => {
    const end = starts[i + 1] ?? line.length;
    cells.set(column.name, line.slice(starts[i], end).trim());
  });
  return cells;
}

function defaultRow(line: string): Map<string, string> | undefined {
  const match = DEFAULT_ROW.exec(line);
  if (!match) return undefined;
  return new Map([
    ['Thumbprint', match[1]!],
    ['Services', match[2]!],
    ['Subject', match[3]!],
  ]);
}

function addRow(
  cells: Map<string, string>,
  out: Found,
  section: string | undefined,
  target: CommandTarget | undefined,
): Placed | undefined {
  const thumbprint = normalizeThumbprint(thumbprintCell(cells))?.value;
  // A thumbprint the table cut (`75A23CB13D01FF64...`) is no thumbprint: the row's dates and names
  // still tell about the certificate, which is kept without one.
  const cutShort = !thumbprint && cutThumbprint(cells);
  if (!thumbprint && !cutShort) return undefined;
  const servicesCell = cells.get('Services') ?? '';
  const letters = decodeServiceLetters(servicesCell);
  const subject = windowsDn(cells.get('Subject') ?? '');
  const facts: ParsedCertificate = {
    ...(thumbprint && { thumbprint }),
    subject,
    issuer: windowsDn(cells.get('Issuer') ?? ''),
    // A host name the table cut (`CN=mail.contoso.c...`) is not a name the certificate holds.
    domains: uniqueNames(hostLikeCommonNames(subject).filter((name) => !isCut(name))),
    source: 'exchange-table',
  };
  // `IMAP, POP...` says only that there are more: the services stay unknown, never just IMAP and POP.
  // `.......` is the letter form of no service, not a cut cell.
  if (cells.has('Services') && !letters && isCut(servicesCell)) {
    const shown = servicesShownBeforeCut(servicesCell);
    if (shown.length > 0) facts.servicesAtLeast = shown;
  } else if (cells.has('Services')) facts.services = letters ?? parseServiceNames(servicesCell);
  if (cells.has('NotAfter') || cells.has('NotBefore')) {
    const dates = readCultureDates([cells.get('NotBefore') || undefined, cells.get('NotAfter') || undefined]);
    if (dates.values[0]) facts.notBefore = dates.values[0];
    if (dates.values[1]) facts.notAfter = dates.values[1];
    if (dates.ambiguous) {
      facts.dateAmbiguous = true;
      out.notes.push({ code: 'date-ambiguous', detail: dates.detail, ...(thumbprint && { thumbprint }) });
    }
  }
  if (cutShort) {
    facts.cut = true;
    // Said once: a narrow console cuts every row's thumbprint alike.
    if (!out.notes.some((note) => note.detail?.startsWith('table: ')))
      out.notes.push({ code: 'damaged-thumbprint', detail: `table: ${subject}` });
  }
  const selfSigned = cells.get('IsSelfSigned');
  if (selfSigned && /^(true|false)$/i.test(selfSigned)) facts.selfSigned = /^true$/i.test(selfSigned);
  for (const key of ['Status', 'FriendlyName', 'RootCAType'] as const) {
    const value = cells.get(key);
    const field = key === 'Status' ? 'status' : key === 'FriendlyName' ? 'friendlyName' : 'rootCAType';
    if (value) facts[field] = value;
  }
  const identity = cells.get('Identity') ?? '';
  // The server `-Server` asked first: over remote PowerShell, PSComputerName names the endpoint connected to.
  const strong =
    (target?.strength === 'asked' ? target.server : '') ||
    (identity.includes('\\') ? identity.split('\\')[0]?.trim() : '') ||
    section;
  const server = strong || cells.get('PSComputerName') || cells.get('Server') || target?.server;
  if (server && /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/.test(server)) facts.servers = [server];
  const role = certificateRole(facts);
  if (role) facts.role = role;
  out.certificates.push(facts);
  const hint: VersionHint | undefined = letters ? servicesLengthHint(servicesCell) : undefined;
  out.versionHints.push(...(hint ? [hint] : []), ...certificateVersionHints(facts));
  return { cert: facts, weak: !strong };
}

function dedupeHints(out: Found): Found {
  const seen = new Set<string>();
  const versionHints = out.versionHints.filter((hint) => {
    const key = `${hint.version}:${hint.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...out, versionHints };
}
