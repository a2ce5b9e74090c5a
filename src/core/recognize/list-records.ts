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

export function readListOutput(text: string, lines?: readonly string[]): ListOutput {
  const records: ListRecord[] = [];
  const prompts: string[] = [];
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  let command: string | undefined;
  let server: string | undefined;
  const close = () => {
    if (current && current.size > 0) {
      records.push({ fields: current, ...(command !== undefined && { command }), ...(server && { server }) });
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
      server = /^Get-ExchangeCertificate\b[^|]*?\s-Server\s+["']?([A-Za-z0-9][A-Za-z0-9.-]{0,252})/i.exec(command)?.[1];
      continue;
    }
    const heading = line.charCodeAt(line.search(/\S/)) === 61 ? SERVER_HEADING.exec(line)?.[1] : undefined;
    if (heading) {
      close();
      command = undefined;
      server = heading;
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
      // Free text between records (a command's echo, an error) ends the current record.
      close();
      command = undefined;
    }
  }
  close();
  return { records, prompts };
}
