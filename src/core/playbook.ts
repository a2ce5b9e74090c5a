import { CONDITIONS, SERVER_LISTS } from './facts/conditions.js';
import type { PlanScope } from './facts/plan-scope.js';
import type { ServerFacts } from './facts/server-facts.js';
import type { LibraryStep, PlanEntry } from './knowledge/library-model.js';
import { FRAGMENTS, PLAN_TABLE } from './knowledge/plan-table.js';
import { STEP_LIBRARY } from './knowledge/step-library.js';
import { tidyJapanese } from './i18n/ja-spacing.js';
import type { Language } from './model.js';
import { renderStep } from './steps.js';

/**
 * The playbook: every plan of the plan table, per Exchange version and language, as an admin reads it
 * (docs/playbook.md, rebuilt by scripts/playbook.ts). Conditions the paste may or may not decide are
 * shown with both outcomes; the version conditions are resolved by the section's version.
 */

type Family = '2007' | '2010' | '2013+';
const FAMILIES: readonly Family[] = ['2007', '2010', '2013+'];

type Words = Record<'title' | 'intro' | 'version' | 'reference' | 'runsOn' | 'check' | 'language', string>;
const WORDS: Record<Language, Words> = {
  en: {
    title: '# certcheck playbook',
    intro:
      'Generated from the plan table and the step library by `node --import tsx scripts/playbook.ts`; do not edit by hand. Each plan lists its steps for one Exchange version. A step under "If …" applies only when the fact the step before it shows says so; values from the paste appear as `<placeholders>`.',
    version: 'Exchange',
    reference: 'Reference',
    runsOn: 'Runs on',
    check: 'Check',
    language: '## English',
  },
  ja: {
    title: '',
    intro:
      '計画表と手順ライブラリから `node --import tsx scripts/playbook.ts` で生成しています。手で編集しないでください。各計画の手順を Exchange のバージョンごとに示します。「… 場合」の下の手順は、その前の手順で表示される事実が当てはまるときだけ実行します。貼り付けから取る値は `<プレースホルダー>` で示します。',
    version: 'Exchange',
    reference: '参考資料',
    runsOn: '実行場所',
    check: '確認',
    language: '## 日本語',
  },
};

function factsFor(family: Family): ServerFacts {
  return {
    version: { value: family, evidence: ['playbook'], strength: 'strong' },
    roles: [],
    certificates: [],
    connectors: [],
  };
}

function stepLines(step: LibraryStep, scope: PlanScope, planId: string, language: Language, depth: number): string[] {
  const family = scope.facts.version?.value as Family;
  if (step.versions && !step.versions.includes(family)) return [];
  const rendered = renderStep({ step }, scope, planId, language);
  const pad = '  '.repeat(depth);
  const lines = [`${pad}- **${rendered.title}** (${WORDS[language].runsOn}: ${rendered.role}) \`${step.id}\``];
  if (rendered.command) {
    lines.push(
      '',
      `${pad}  \`\`\`powershell`,
      ...rendered.command.split('\n').map((l) => `${pad}  ${l}`),
      `${pad}  \`\`\``,
      '',
    );
  }
  if (rendered.verify) lines.push(`${pad}  ${WORDS[language].check}: ${rendered.verify}`);
  return lines;
}

/** A condition's words as the playbook says them: no server or certificate is known, so it says which. */
const LABEL_WORDS: Record<Language, Record<string, string>> = {
  en: { server: 'the server', thumbprintWords: "this certificate's thumbprint" },
  ja: { server: 'サーバー', thumbprintWords: 'この証明書の拇印' },
};

function label(text: string, language: Language): string {
  const filled = text.replace(/\{(\w+)\}/g, (whole, name: string) => LABEL_WORDS[language][name] ?? whole);
  return language === 'ja' ? tidyJapanese(filled) : filled;
}

function entryLines(
  entries: readonly PlanEntry[],
  scope: PlanScope,
  planId: string,
  language: Language,
  depth: number,
): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      const step = STEP_LIBRARY.get(entry);
      if (step) out.push(...stepLines(step, scope, planId, language, depth));
      continue;
    }
    if ('use' in entry) {
      out.push(...entryLines(FRAGMENTS.get(entry.use) ?? [], scope, planId, language, depth));
      continue;
    }
    if ('each' in entry) {
      const steps = entryLines(entry.do, scope, planId, language, depth + 1);
      const label = SERVER_LISTS[entry.each][language];
      if (steps.length > 0) out.push(`${'  '.repeat(depth)}- ${label} (\`each ${entry.each}\`):`, ...steps);
      continue;
    }
    const condition = CONDITIONS[entry.if];
    if (!condition) continue;
    if (condition.version) {
      const decided = condition.test(scope);
      out.push(...entryLines(decided === false ? (entry.no ?? []) : (entry.yes ?? []), scope, planId, language, depth));
      continue;
    }
    for (const id of condition.shownBy ?? []) {
      const step = STEP_LIBRARY.get(id);
      if (step) out.push(...stepLines(step, scope, planId, language, depth));
    }
    const pad = '  '.repeat(depth);
    const yes = entryLines(entry.yes ?? [], scope, planId, language, depth + 1);
    const no = entryLines(entry.no ?? [], scope, planId, language, depth + 1);
    if (yes.length > 0) out.push(`${pad}- ${label(condition.ifTrue[language], language)} (\`${entry.if}\`):`, ...yes);
    if (no.length > 0) out.push(`${pad}- ${label(condition.ifFalse[language], language)} (\`!${entry.if}\`):`, ...no);
  }
  return out;
}

export function playbookMarkdown(): string {
  const lines: string[] = [WORDS.en.title, '', WORDS.en.intro, '', WORDS.ja.intro, ''];
  for (const language of ['en', 'ja'] as const) {
    lines.push(WORDS[language].language, '');
    for (const plan of PLAN_TABLE.values()) {
      lines.push(
        `### ${plan.summary[language]} (\`${plan.id}\`)`,
        '',
        `${WORDS[language].reference}: ${plan.reference}`,
        '',
      );
      for (const family of FAMILIES) {
        const scope: PlanScope = { facts: factsFor(family), values: {} };
        const body = entryLines(plan.entries, scope, plan.id, language, 0);
        lines.push(`#### ${WORDS[language].version} ${family}`, '', ...body, '');
      }
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
