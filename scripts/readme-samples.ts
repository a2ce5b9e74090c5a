// The README's sample outputs, made by real runs: `node --import tsx scripts/readme-samples.ts`
// rewrites every <!-- sample:NAME --> block of README.md; `--check` only says whether one is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/run-cli.js';
import { diagnose } from '../src/core/diagnose.js';
import { diagnosisMessage } from '../src/slack/blocks/diagnosis-message.js';

/** Every sample is computed against this instant, so the README does not change with the day. */
const NOW = new Date('2026-11-28T12:00:00Z');
const README = fileURLToPath(new URL('../README.md', import.meta.url));

/** `certcheck diagnose FILE --now …` as a terminal without colours shows it, the first lines of it. */
async function cliSample(file: string, lines: number): Promise<string> {
  const out: string[] = [];
  await runCli(['diagnose', file, '--now', NOW.toISOString()], {
    stdout: (text) => out.push(text),
    stderr: (text) => out.push(text),
    readStdin: async () => '',
    readFile: async (path) => new Uint8Array(await readFile(path)),
    env: { NO_COLOR: '1', TZ: 'UTC' },
    now: () => NOW,
    isTTY: false,
  });
  const all = out.join('').trimEnd().split('\n');
  const shown = all.slice(0, lines);
  if (all.length > lines) shown.push(`  … (${all.length - lines} more lines)`);
  return [`$ npx certcheck diagnose ${file}`, ...shown].join('\n');
}

type Block = { type: string; [key: string]: unknown };

/** A Slack reply written out block by block, as the README shows it. */
async function slackSample(file: string, lang: 'en' | 'ja'): Promise<string> {
  const text = await readFile(file, 'utf8');
  const message = diagnosisMessage(diagnose(text, { now: NOW, lang }), { now: NOW, pasteId: 'sample', share: true });
  const lines: string[] = [];
  const put = (kind: string, body: string) => {
    const [first = '', ...rest] = body.split('\n');
    lines.push(`${`[${kind}]`.padEnd(11)}${first}`);
    for (const line of rest) lines.push(`${' '.repeat(11)}${line}`);
  };
  for (const block of (message.blocks ?? []) as Block[]) put(block.type, outline(block));
  lines.push(`${'[text]'.padEnd(11)}${message.text ?? ''}  ← the notification`);
  return lines.join('\n');
}

function outline(block: Block): string {
  const textOf = (value: unknown): string =>
    typeof value === 'object' && value !== null && 'text' in value ? String((value as { text: unknown }).text) : '';
  switch (block.type) {
    case 'header':
    case 'section':
      return textOf(block.text);
    case 'context':
      return ((block.elements as unknown[]) ?? []).map(textOf).join(' · ');
    case 'rich_text':
      return JSON.stringify(block.elements)
        .match(/"text":"((?:[^"\\]|\\.)*)"/g)
        ?.map((m) => JSON.parse(m.slice(7)) as string)
        .join('')
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n') ?? '';
    case 'actions':
      return ((block.elements as unknown[]) ?? []).map((e) => `[${labelOf(e)}]`).join(' ');
    default:
      return '';
  }
}

function labelOf(element: unknown): string {
  if (typeof element !== 'object' || element === null || !('text' in element)) return '';
  const text = (element as { text: unknown }).text;
  return typeof text === 'object' && text !== null && 'text' in text ? String((text as { text: unknown }).text) : '';
}

/** Each named sample, made now. */
export async function readmeSamples(): Promise<Record<string, string>> {
  return {
    'cli-diagnose': await cliSample('examples/event-12014-hybrid-tlscertificatename.txt', 40),
    'slack-reply': await slackSample('examples/event-12015-exchange2007-hub.txt', 'en'),
  };
}

/** README.md with every sample block replaced by a fresh run's output. */
export async function refreshedReadme(readme: string): Promise<string> {
  const samples = await readmeSamples();
  return readme.replace(
    /(<!-- sample:([\w-]+) -->\n```[^\n]*\n)[\s\S]*?(\n```\n<!-- \/sample -->)/g,
    (whole, open: string, name: string, close: string) =>
      samples[name] === undefined ? whole : `${open}${samples[name]}${close}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = await readFile(README, 'utf8');
  const fresh = await refreshedReadme(readme);
  if (process.argv.includes('--check')) {
    if (fresh !== readme) {
      process.stderr.write('README.md samples are stale: run node --import tsx scripts/readme-samples.ts\n');
      process.exit(1);
    }
  } else if (fresh !== readme) {
    await writeFile(README, fresh);
    process.stdout.write('README.md samples rewritten from real runs\n');
  }
}
