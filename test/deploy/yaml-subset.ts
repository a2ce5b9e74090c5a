/**
 * Reads the YAML the deployment files are written in: block mappings and sequences, plain and
 * quoted scalars, `{}` / `[]`, comments, several documents split by `---`. Anything else (anchors,
 * block scalars, flow collections with content) is refused, so the files stay in this subset and
 * the checks never read them wrongly.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  number: number;
}

export function parseYamlDocuments(source: string): YamlValue[] {
  const docs: Line[][] = [[]];
  for (const [i, raw] of source.split('\n').entries()) {
    if (/^---\s*$/.test(raw)) {
      docs.push([]);
      continue;
    }
    const text = stripComment(raw).trimEnd();
    if (text.trim() === '') continue;
    if (/\t/.test(raw.slice(0, raw.length - raw.trimStart().length))) throw new Error(`line ${i + 1}: tab indentation`);
    docs.at(-1)!.push({ indent: text.length - text.trimStart().length, text: text.trim(), number: i + 1 });
  }
  return docs
    .filter((d) => d.length > 0)
    .map((lines) => {
      const [value, next] = parseBlock(lines, 0, lines[0]!.indent);
      if (next !== lines.length) throw new Error(`line ${lines[next]!.number}: unexpected indentation`);
      return value;
    });
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

function parseBlock(lines: Line[], start: number, indent: number): [YamlValue, number] {
  const first = lines[start]!;
  return first.text === '-' || first.text.startsWith('- ')
    ? parseSequence(lines, start, indent)
    : parseMapping(lines, start, indent);
}

function parseSequence(lines: Line[], start: number, indent: number): [YamlValue[], number] {
  const items: YamlValue[] = [];
  let i = start;
  while (
    i < lines.length &&
    lines[i]!.indent === indent &&
    (lines[i]!.text === '-' || lines[i]!.text.startsWith('- '))
  ) {
    const line = lines[i]!;
    const rest = line.text.slice(1).trimStart();
    if (rest === '') {
      const [value, next] = parseBlock(lines, i + 1, lines[i + 1]!.indent);
      items.push(value);
      i = next;
      continue;
    }
    if (isMappingEntry(rest)) {
      // `- key: value` opens a mapping whose other keys sit under `key`.
      const inner = indent + (line.text.length - rest.length);
      const rewritten: Line[] = [{ indent: inner, text: rest, number: line.number }];
      let j = i + 1;
      while (j < lines.length && lines[j]!.indent > indent) rewritten.push(lines[j++]!);
      const [value, used] = parseMapping(rewritten, 0, inner);
      if (used !== rewritten.length) throw new Error(`line ${rewritten[used]!.number}: unexpected indentation`);
      items.push(value);
      i = j;
      continue;
    }
    items.push(scalar(rest, line.number));
    i++;
  }
  return [items, i];
}

function isMappingEntry(text: string): boolean {
  return /^("[^"]*"|'[^']*'|[^\s"'{[][^:]*?):(\s|$)/.test(text);
}

function parseMapping(lines: Line[], start: number, indent: number): [{ [key: string]: YamlValue }, number] {
  const map: { [key: string]: YamlValue } = {};
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent) {
    const line = lines[i]!;
    const match = /^("[^"]*"|'[^']*'|[^\s"'{[][^:]*?):(?:\s+(.*))?$/.exec(line.text);
    if (!match) throw new Error(`line ${line.number}: expected "key: value", got "${line.text}"`);
    const key = unquote(match[1]!);
    if (key in map) throw new Error(`line ${line.number}: duplicate key ${key}`);
    const rest = match[2]?.trim() ?? '';
    i++;
    if (rest !== '') {
      map[key] = scalar(rest, line.number);
      continue;
    }
    const next = lines[i];
    if (
      next &&
      (next.indent > indent || (next.indent === indent && (next.text === '-' || next.text.startsWith('- '))))
    ) {
      const [value, after] = parseBlock(lines, i, next.indent);
      map[key] = value;
      i = after;
    } else map[key] = null;
  }
  return [map, i];
}

function unquote(text: string): string {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  return text;
}

function scalar(text: string, number: number): YamlValue {
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (/^["']/.test(text)) {
    const quote = text[0]!;
    if (!text.endsWith(quote) || text.length < 2) throw new Error(`line ${number}: unterminated string`);
    return unquote(text);
  }
  if (/^[[{&*!|>%@`]/.test(text)) throw new Error(`line ${number}: outside the YAML subset: ${text}`);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  return text;
}
