import { LIMITS } from './limits.js';

/**
 * PowerShell `Format-List` output as records of `Name : value` fields. A blank line, a prompt line or
 * a repeated name starts a new record; indented lines continue the value above them (AccessRules,
 * RawData and other long values wrap that way).
 */
export interface ListRecord {
  fields: Map<string, string>;
  /** The command typed at the prompt just before, when this is the first record it printed. */
  command?: string;
  /** The server the command before it asked (`Get-ExchangeCertificate -Server EX02 | fl`): every record it printed. */
  server?: string;
  /**
   * How surely: 'asked' by `-Server` or named by a `== EX02` heading outweighs the record's own
   * PSComputerName; a 'remote' one (an Enter-PSSession prompt, Invoke-Command -ComputerName) does not.
   */
  serverStrength?: CommandTarget['strength'] | 'heading';
  /** Records between the same two prompts, headings or echoed commands share a block: one command's output. */
  block: number;
}

export interface ListOutput {
  records: ListRecord[];
  /** More records followed than one paste examines (LIMITS.records). */
  more?: boolean;
  /** Prompt lines (`[PS] C:\Windows\system32>…`), which tell something about the server. */
  prompts: string[];
}

const FIELD = /^([A-Za-z][A-Za-z0-9]{0,60})[ \t]*:(?:[ \t](.*))?$/;
const PROMPT = /^\s*(?:\[PS\]\s*)?(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,260}>/;

/**
 * A line naming the server the output below it came from: `== EX16-A`, `==== EX16-A`,
 * `=== on EDGE19 ===` (what `foreach ($s in …) { "== $s"; Get-ExchangeCertificate -Server $s … }` prints).
 */
export const SERVER_HEADING = /^\s*={2,}\s*(?:on\s+)?([A-Za-z][A-Za-z0-9-]{0,62})\s*(?:={2,})?\s*$/;

/**
 * The server an echoed command asks, and how surely. `Get-ExchangeCertificate -Server EX02` ('asked')
 * decides whose output follows, over PSComputerName: over remote PowerShell that names the endpoint
 * connected to, not the server asked. An `Enter-PSSession` prompt (`[EX02]: PS C:\>`) and
 * `Invoke-Command -ComputerName EX02` ('remote') name it only where the rows do not.
 */
export interface CommandTarget {
  server: string;
  strength: 'asked' | 'remote';
}

const REMOTE_PROMPT = /^\s*\[([A-Za-z0-9][A-Za-z0-9.-]{0,252})\]:\s*PS\s+[A-Za-z]:\\[^>\n]{0,260}>/;
const COMMAND_START =
  /^\s*(?:\[PS\]\s*)?(?:PS\s+)?(?:[A-Za-z]:\\[^>\n]{0,260}>\s*)?(?=(?:Get-ExchangeCertificate|Invoke-Command|icm)\b)/i;
/** A server name, not a variable (`-Server $s`) or a list (`-ComputerName EX01,EX02`). */
const ONE_NAME = String.raw`["']?([A-Za-z0-9][A-Za-z0-9.-]{0,252})["']?(?=\s|\||;|\)|\}|$)`;
const ASKED = new RegExp(`^Get-ExchangeCertificate\\b[^|;{]*?\\s-Server\\s+${ONE_NAME}`, 'i');
const INVOKED = new RegExp(`^(?:Invoke-Command|icm)\\b[^|;{]*?\\s-(?:ComputerName|cn)\\s+${ONE_NAME}`, 'i');

/** The command line's target, or undefined when the line is no command or names no one server. */
export function commandTarget(line: string): CommandTarget | undefined {
  const remote = REMOTE_PROMPT.exec(line);
  const start = remote ? undefined : COMMAND_START.exec(line);
  if (!remote && !start) return undefined;
  const rest = line.slice((remote ?? start)?.[0].length ?? 0).trim();
  // The cmdlet may be inside the script block: `Invoke-Command -ComputerName EX02 { Get-ExchangeCertificate … }`.
  const asked = ASKED.exec(rest) ?? ASKED.exec(rest.replace(/^.*?\{\s*/, ''));
  if (asked?.[1]) return { server: asked[1], strength: 'asked' };
  const invoked = INVOKED.exec(rest)?.[1] ?? remote?.[1];
  return invoked ? { server: invoked, strength: 'remote' } : undefined;
}

/** A line that echoes a command (a prompt, or a cmdlet typed at the start of the line): whose output follows changes. */
export function isCommandEcho(line: string): boolean {
  return PROMPT.test(line) || REMOTE_PROMPT.test(line) || COMMAND_START.test(line);
}

export function readListOutput(text: string, lines?: readonly string[]): ListOutput {
  const records: ListRecord[] = [];
  const prompts: string[] = [];
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  let command: string | undefined;
  let server: string | undefined;
  let serverStrength: ListRecord['serverStrength'];
  let block = 0;
  const close = () => {
    if (current && current.size > 0) {
      records.push({
        fields: current,
        block,
        ...(command !== undefined && { command }),
        ...(server && { server }),
        ...(server && serverStrength && { serverStrength }),
      });
      command = undefined;
    }
    current = undefined;
    lastKey = undefined;
  };
  // What a line would be cleaned of, looked for once in the whole text: a normalised paste has none of it.
  const clean = text.includes('\r') || text.includes('：') || text.includes('\u3000');
  for (const raw of lines ?? text.split('\n')) {
    if (records.length >= LIMITS.records) return { records, prompts, more: true };
    const line = clean
      ? raw
          .replace(/\r$/, '')
          .replace(/：/g, ':')
          .replace(/\u3000/g, ' ')
      : raw;
    if (line.trim() === '') {
      close();
      continue;
    }
    const prompt = PROMPT.exec(line);
    if (prompt) {
      prompts.push(line.trim());
      close();
      command = line.slice(prompt[0].length).trim();
      block++;
      const target = commandTarget(line);
      server = target?.server;
      serverStrength = target?.strength;
      continue;
    }
    const heading = line.charCodeAt(line.search(/\S/)) === 61 ? SERVER_HEADING.exec(line)?.[1] : undefined;
    if (heading) {
      close();
      command = undefined;
      server = heading;
      serverStrength = 'heading';
      block++;
      continue;
    }
    const field = /^\s/.test(line) ? undefined : FIELD.exec(line);
    if (field) {
      const key = field[1]!;
      if (current?.has(key)) close();
      current ??= new Map();
      current.set(key, (field[2] ?? '').trim());
      lastKey = key;
    } else if (current && lastKey && /^\s/.test(line)) {
      current.set(lastKey, `${current.get(lastKey)} ${line.trim()}`.trim());
    } else {
      // Free text between records (a command's echo, an error) ends the current record; a command
      // echoed without a prompt (`[EX02]: PS C:\>…`, a bare `Get-ExchangeCertificate -Server EX02 | fl`)
      // says whose output follows.
      close();
      command = undefined;
      if (isCommandEcho(line)) {
        block++;
        const target = commandTarget(line);
        server = target?.server;
        serverStrength = target?.strength;
      }
    }
  }
  close();
  return { records, prompts };
}
