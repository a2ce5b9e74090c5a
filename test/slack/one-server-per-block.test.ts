import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { diagnosisMessage } from '../../src/slack/blocks/diagnosis-message.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { commandReply, harnessPerSuite } from '../helpers/slack-app.js';

/**
 * Every command block of a reply runs on one server, as its step's 📍 line says, and uses no
 * variable that another block defines: a block pasted alone at 3 a.m. does what it says.
 */

interface Block {
  type: string;
  text?: { text: string };
  elements?: { elements?: { text?: string }[] }[];
}

/** PowerShell's own variables, defined by no block. */
const AUTOMATIC = new Set(['true', 'false', 'null', '_', 'env', 'PSItem', 'args', 'input']);

const serverNames = (diagnosis: Diagnosis): string[] => {
  const names = [
    ...(diagnosis.servers ?? []).map((s) => s.name),
    ...diagnosis.certificates.flatMap((c) => c.servers ?? []),
  ].filter((name): name is string => !!name);
  return [...new Set(names.map((name) => (name.split('.')[0] ?? name).toLowerCase()))];
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** What is wrong with one reply's command blocks, as sentences; empty when nothing is. */
function problems(blocks: Block[], servers: string[]): string[] {
  const found: string[] = [];
  let step = '';
  for (const block of blocks) {
    if (block.type === 'section' && /^\*\d+\. /.test(block.text?.text ?? '')) {
      step = block.text?.text ?? '';
      const places = step.split('\n').filter((line) => line.startsWith('📍'));
      if (places.length > 1) found.push(`${step}: ${places.length} 📍 lines`);
      continue;
    }
    if (block.type !== 'rich_text') continue;
    const code = block.elements?.[0]?.elements?.[0]?.text ?? '';
    const places = [...code.matchAll(/#\s*(?:on|run on)\s+(?:the\s+)?(\S+)/gi)].map((m) => m[1]?.toLowerCase());
    if (new Set(places).size > 1) found.push(`${step}: one block says it runs on ${places.join(' and ')}`);
    const named = servers.filter((name) => new RegExp(`(^|[^\\w-])${escapeRegExp(name)}([^\\w-]|$)`, 'i').test(code));
    // certcheck probe runs from any machine, not on a server: one block may probe each server by name.
    const probesOnly = code.split('\n').every((line) => line.trim() === '' || /^certcheck probe\s/.test(line.trim()));
    if (named.length > 1 && !probesOnly) found.push(`${step}: one block names the servers ${named.join(' and ')}`);
    const defined = new Set(
      [...code.matchAll(/\$(\w+)\s*=(?!=)|foreach\s*\(\s*\$(\w+)/gi)].map((m) => m[1] ?? m[2] ?? ''),
    );
    const foreign = [...code.matchAll(/\$(\w+)/g)]
      .map((m) => m[1] ?? '')
      .filter((name) => !AUTOMATIC.has(name) && !defined.has(name));
    if (foreign.length > 0) found.push(`${step}: uses $${foreign[0]}, defined in no line of this block`);
  }
  return found;
}

const corpus = ['corpus', 'corpus-extra'].flatMap((folder) => {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name: `${folder}/${name}`, text: readFileSync(new URL(name, dir), 'utf8') }));
});
const MULTI_SERVER = readFileSync(new URL('../fixtures/multi-server-fl.txt', import.meta.url), 'utf8');

describe('one server per command block', () => {
  it('the checker catches a block on two servers and a variable from another block', () => {
    const block = (text: string): Block => ({ type: 'rich_text', elements: [{ elements: [{ text }] }] });
    const step: Block = { type: 'section', text: { text: '*1. Re-subscribe*\n📍 on HUB01 (Hub Transport)' } };
    assert.equal(
      problems(
        [step, block('New-EdgeSubscription -FileName C:\\e.xml # on the Edge\nStart-EdgeSynchronization # on the Hub')],
        [],
      ).length,
      1,
    );
    assert.equal(
      problems([step, block('Test-EdgeSynchronization -Server EDGE01; Get-Queue -Server HUB01')], ['edge01', 'hub01'])
        .length,
      1,
    );
    assert.equal(problems([step, block('Enable-ExchangeCertificate -Thumbprint $thumb -Services SMTP')], []).length, 1);
    assert.deepEqual(
      problems([step, block("$b = Get-Item C:\\a\nGet-ExchangeCertificate | ? { $_.Services -match 'SMTP' }; $b")], []),
      [],
    );
  });

  it(`every step of every corpus paste (${corpus.length}), English and Japanese, all steps shown`, () => {
    const found: string[] = [];
    for (const { name, text } of corpus) {
      for (const lang of ['en', 'ja'] as const) {
        const diagnosis = diagnose(text, { now: REFERENCE_NOW, lang });
        const message = diagnosisMessage(diagnosis, { now: REFERENCE_NOW, pasteId: 'p', allSteps: true });
        for (const problem of problems(message.blocks as Block[], serverNames(diagnosis)))
          found.push(`${name} (${lang}): ${problem}`);
      }
    }
    assert.deepEqual(found, []);
  });

  describe('through the app', () => {
    const h = harnessPerSuite();

    it('a listing from two servers (EX01, EX02): each block runs on one of them', async () => {
      const { payload } = await commandReply(h(), { text: MULTI_SERVER });
      const blocks = payload.blocks as Block[];
      assert.ok(
        blocks.some((b) => b.type === 'rich_text'),
        'the reply has commands to check',
      );
      assert.deepEqual(problems(blocks, ['ex01', 'ex02']), []);
    });

    it('a Hub logging 12019 for its Edge (EX2013, EDGE01): the Edge and Hub steps are separate blocks', async () => {
      const text = readFileSync(
        new URL('../fixtures/corpus/s10-e2013-12019-remote-expired.txt', import.meta.url),
        'utf8',
      );
      const { payload } = await commandReply(h(), { text });
      const blocks = payload.blocks as Block[];
      assert.deepEqual(problems(blocks, ['ex2013', 'edge01']), []);
      const places = blocks
        .filter((b) => b.type === 'section' && /^\*\d+\. /.test(b.text?.text ?? ''))
        .map((b) => b.text?.text.split('\n').find((line) => line.startsWith('📍')) ?? '');
      assert.ok(
        places.some((p) => /EDGE01/i.test(p)),
        places.join('\n'),
      );
    });
  });
});
