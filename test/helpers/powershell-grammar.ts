import { fileURLToPath } from 'node:url';
import { Language, type Node, Parser } from 'web-tree-sitter';

/**
 * A PowerShell checker for the commands certcheck shows: a real PowerShell grammar (tree-sitter-powershell)
 * after a sample value of the right shape replaces each visible placeholder, plus the checks for what the
 * grammar accepts but Windows PowerShell 5.1 rejects or runs differently (a bare `<`, `&&`/`||`, a quote
 * glued to a bare word).
 */

const WASM = fileURLToPath(new URL('../fixtures/grammar/tree-sitter-powershell.wasm', import.meta.url));

/** One cmdlet (or program) as a command line calls it. */
export interface CommandUse {
  name: string;
  parameters: { name: string; value?: string }[];
  /** Arguments that are not the value of a named parameter, quotes removed. */
  positional: string[];
}

export interface PowerShellCheck {
  /** The text that was parsed: the command with every placeholder replaced by a sample value. */
  filled: string;
  placeholders: string[];
  /** Empty when the command is valid Windows PowerShell 5.1. */
  problems: string[];
  uses: CommandUse[];
  /** Variables read (without `$`, lower case), automatic ones left out. */
  variablesRead: string[];
  /** Variables assigned or bound by foreach (without `$`, lower case). */
  variablesDefined: string[];
  comments: string[];
}

const AUTOMATIC = new Set([
  '_',
  'psitem',
  'true',
  'false',
  'null',
  'args',
  'input',
  'matches',
  'error',
  'host',
  'lastexitcode',
  'pwd',
  'pshome',
  'psversiontable',
  'home',
]);

/** `<I>` and `<S>` are the issuer and subject markers of a TlsCertificateName value, never placeholders. */
const PLACEHOLDER = /<(?!\/?[IS]>)([^<>\r\n]{1,80})>/g;

/** A sample value shaped like what the admin is asked to type in. */
export function sampleValueFor(placeholder: string): string {
  const p = placeholder.toLowerCase();
  if (/thumb|拇印|hash|ハッシュ|\btp\b|^new$|^old$/.test(p)) return '0123456789ABCDEF0123456789ABCDEF01234567';
  if (/path|file|\.cer|\.pfx|\.p7b|\.req|\.xml|パス|ファイル|folder|フォルダー/.test(p)) return 'C:\\temp\\x.cer';
  if (/fqdn|domain|ドメイン|host ?name|namespace|名前空間|url/.test(p)) return 'host.example.com';
  if (/guid/.test(p)) return '00000000-0000-0000-0000-000000000000';
  if (/site|サイト/.test(p)) return 'Default-First-Site-Name';
  if (/connector|コネクタ/.test(p)) return 'Connector01';
  if (/server|サーバー|computer|コンピューター/.test(p)) return 'EX01';
  if (/date|日付|日時/.test(p)) return '2026-12-01';
  if (/service|サービス/.test(p)) return 'SMTP';
  if (/mail|address|user|アドレス|ユーザー/.test(p)) return 'user@example.com';
  if (/queue|キュー/.test(p)) return 'EX01\\3';
  if (/number|hours|days|数/.test(p)) return '1';
  return 'Value01';
}

/** Replaces every visible placeholder (ASCII or Japanese text in `<…>`) with a sample value. */
export function fillPlaceholders(command: string): { filled: string; placeholders: string[] } {
  const placeholders: string[] = [];
  const filled = command.replace(PLACEHOLDER, (whole, inner: string) => {
    placeholders.push(whole);
    return sampleValueFor(inner);
  });
  return { filled, placeholders };
}

/**
 * Windows PowerShell reads `fl Name,Fqdn` and `Restart-Service A, B` as one array argument; the grammar
 * has no rule for a comma list of bare words in command mode. Quoting each word keeps the meaning and
 * lets the grammar read it. Quoted text and comments are left as they are.
 */
export function quoteBareWordLists(text: string): string {
  let out = '';
  let i = 0;
  const word = /^[A-Za-z_][\w.*:\\@-]*/;
  const list = /^[A-Za-z_][\w.*:\\@-]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.*:\\@-]*)+/;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < text.length && !(text[j] === ch && text[j + 1] !== ch)) {
        // '' and "" double a quote; a backtick escapes the next character inside double quotes.
        j += text[j] === ch || (ch === '"' && text[j] === '`') ? 2 : 1;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    const before = i === 0 ? ' ' : (text[i - 1] as string);
    if (/[\s|;(]/.test(before)) {
      const m = list.exec(text.slice(i));
      if (m) {
        out += m[0].replace(/[A-Za-z_][\w.*:\\@-]*/g, (w) => `'${w}'`);
        i += m[0].length;
        continue;
      }
      const w = word.exec(text.slice(i));
      if (w) {
        out += w[0];
        i += w[0].length;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

export class PowerShellChecker {
  private readonly cache = new Map<string, PowerShellCheck>();
  constructor(private readonly parser: Parser) {}

  check(command: string): PowerShellCheck {
    const cached = this.cache.get(command);
    if (cached) return cached;
    const result = this.run(command);
    this.cache.set(command, result);
    return result;
  }

  private run(command: string): PowerShellCheck {
    const { filled, placeholders } = fillPlaceholders(command);
    const parsed = quoteBareWordLists(filled);
    const tree = this.parser.parse(parsed);
    if (!tree) return emptyCheck(filled, placeholders, ['the grammar returned no tree']);
    const root = tree.rootNode;
    const problems: string[] = [];
    const quiet: [number, number][] = [];
    const comments: string[] = [];
    const uses: CommandUse[] = [];
    const read = new Set<string>();
    const defined = new Set<string>();
    walk(root, (node) => {
      if (node.type === 'ERROR') problems.push(`does not parse near «${snippet(node.text)}»`);
      else if (node.isMissing) problems.push(`does not parse: a ${node.type} is missing`);
      if (node.type === 'string_literal' || node.type === 'comment') quiet.push([node.startIndex, node.endIndex]);
      if (node.type === 'comment') comments.push(node.text);
      if (node.type === 'pipeline_chain_tail')
        problems.push(`uses ${node.text.trim()}, which Windows PowerShell 5.1 does not have`);
      if (node.type === 'command') {
        const use = commandUse(node);
        if (use) uses.push(use);
        problems.push(...gluedQuotes(node));
      }
      if (node.type === 'variable') {
        const name = variableName(node.text);
        if (name && !AUTOMATIC.has(name)) read.add(name);
      }
      if (node.type === 'left_assignment_expression') {
        for (const v of descendants(node, 'variable')) {
          const name = variableName(v.text);
          if (name) defined.add(name);
        }
      }
      if (node.type === 'foreach_statement') {
        const bound = node.children.find((c) => c?.type === 'variable');
        const name = bound ? variableName(bound.text) : undefined;
        if (name) defined.add(name);
      }
      return true;
    });
    const outside = (index: number) => !quiet.some(([s, e]) => index >= s && index < e);
    for (let i = 0; i < parsed.length; i++) {
      if (parsed[i] === '<' && outside(i) && !problems.some((p) => p.startsWith('has a bare <')))
        problems.push(`has a bare < near «${snippet(parsed.slice(Math.max(0, i - 20), i + 20))}»`);
      const pair = parsed.slice(i, i + 2);
      if ((pair === '&&' || pair === '||') && outside(i) && !problems.some((p) => p.includes(pair)))
        problems.push(`uses ${pair}, which Windows PowerShell 5.1 does not have`);
    }
    tree.delete();
    return {
      filled,
      placeholders,
      problems: [...new Set(problems)],
      uses,
      variablesRead: [...read],
      variablesDefined: [...defined],
      comments,
    };
  }
}

function emptyCheck(filled: string, placeholders: string[], problems: string[]): PowerShellCheck {
  return { filled, placeholders, problems, uses: [], variablesRead: [], variablesDefined: [], comments: [] };
}

let loaded: Promise<PowerShellChecker> | undefined;

/** The grammar is loaded once per process: the wasm takes a moment to compile. */
export function loadPowerShell(): Promise<PowerShellChecker> {
  loaded ??= (async () => {
    await Parser.init();
    const language = await Language.load(WASM);
    const parser = new Parser();
    parser.setLanguage(language);
    return new PowerShellChecker(parser);
  })();
  return loaded;
}

function walk(node: Node, visit: (node: Node) => boolean): void {
  if (!visit(node)) return;
  for (const child of node.children) if (child) walk(child, visit);
}

function descendants(node: Node, type: string): Node[] {
  const found: Node[] = [];
  walk(node, (n) => {
    if (n.type === type) found.push(n);
    return true;
  });
  return found;
}

function variableName(text: string): string | undefined {
  const m = /^\$(?:\{([^}]+)\}|(?:global:|script:|local:)?([\w?]+))/i.exec(text);
  if (!m) return undefined;
  if (/^\$env:/i.test(text)) return undefined;
  return (m[1] ?? m[2] ?? '').toLowerCase();
}

function snippet(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** An argument that is a single quoted string (its commas belong to the string). */
function isOneString(node: Node): boolean {
  let n: Node | null = node;
  while (n && n.childCount === 1 && n.type !== 'string_literal') n = n.firstChild;
  return n?.type === 'string_literal';
}

function unquote(text: string): string {
  const t = text.trim();
  if ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"'))) return t.slice(1, -1);
  return t;
}

/** The cmdlet name, its named parameters with their values, and its positional arguments. */
function commandUse(node: Node): CommandUse | undefined {
  const nameNode = node.childForFieldName('command_name') ?? node.children.find((c) => c?.type === 'command_name');
  if (!nameNode) return undefined;
  const use: CommandUse = { name: nameNode.text, parameters: [], positional: [] };
  const elements = node.children.find((c) => c?.type === 'command_elements');
  let pending: { name: string; value?: string } | undefined;
  for (const element of elements?.children ?? []) {
    if (!element || element.type === 'command_argument_sep') continue;
    if (element.type === 'redirection' || element.type === 'comment') continue;
    if (element.type === 'command_parameter') {
      const m = /^-([^:]+)(?::(.*))?$/s.exec(element.text);
      const parameter: { name: string; value?: string } = { name: m?.[1] ?? element.text.slice(1) };
      if (m?.[2]) parameter.value = m[2];
      use.parameters.push(parameter);
      pending = m?.[2] || isSwitchLike(parameter.name) ? undefined : parameter;
      continue;
    }
    const value = isOneString(element)
      ? unquote(element.text)
      : element.text
          .split(/\s*,\s*/)
          .map(unquote)
          .join(',');
    if (pending && pending.value === undefined) {
      pending.value = value;
      pending = undefined;
    } else use.positional.push(value);
  }
  return use;
}

/** Parameters that take no value: what follows them is positional. */
const SWITCHES = new Set(
  [
    'GenerateRequest',
    'BinaryEncoded',
    'Force',
    'PublishCertificate',
    'ClearPreviousCertificate',
    'ExcludeRecipientTest',
    'AutoSize',
    'Wrap',
    'IncludeAcceptedDomains',
    'IncludeAutoDiscover',
    'IncludeServerFQDN',
    'IncludeServerNetBIOSName',
    'DoNotRequireSsl',
    'NetworkServiceAllowed',
    'RefreshMetadata',
    'PublishFederationCertificate',
    'ForceFullSync',
    'Confirm',
    'WhatIf',
    'Verbose',
    'Debug',
    'Recurse',
    'ListAvailable',
  ].map((s) => s.toLowerCase()),
);
function isSwitchLike(name: string): boolean {
  return SWITCHES.has(name.toLowerCase());
}

/**
 * `"CN=x, O="Tokyo"` and `"abc"def`: PowerShell ends the string at the inner quote and passes the rest as
 * another argument (or fails). Two argument parts with nothing between them, one of them quoted, is that.
 */
function gluedQuotes(node: Node): string[] {
  const elements = node.children.find((c) => c?.type === 'command_elements');
  const parts = (elements?.children ?? []).filter((c): c is Node => c !== null);
  const problems: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const a = parts[i - 1] as Node;
    const b = parts[i] as Node;
    if (a.type === 'command_argument_sep' || b.type === 'command_argument_sep') continue;
    if (a.endIndex !== b.startIndex) continue;
    if (/["'\u201c\u201d]$/.test(a.text) || /^["'\u201c\u201d]/.test(b.text))
      problems.push(`has a quote glued to a bare word near «${snippet(a.text + b.text)}»`);
  }
  for (const part of parts) {
    // A bare word with a quote inside (`O="Tokyo`) is one argument to the grammar, not what was meant.
    if (part.type === 'generic_token' && /^[^"']+["']/.test(part.text))
      problems.push(`has a quote glued to a bare word near «${snippet(part.text)}»`);
  }
  return problems;
}
