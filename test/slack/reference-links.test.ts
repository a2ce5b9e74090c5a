import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EVENT_CATALOGUE } from '../../src/core/knowledge/event-catalogue.js';
import { PLAN_TABLE } from '../../src/core/knowledge/plan-table.js';
import { addReferences } from '../../src/core/steps.js';
import { NOT_PAGES, referenceUrl } from '../../src/slack/view/reference-links.js';
import { commandReply, harnessPerSuite } from '../helpers/slack-app.js';

/** Every source the core can cite, split as the core splits them into a reply's references. */
function everyReference(): string[] {
  const out: string[] = [];
  for (const plan of PLAN_TABLE.values()) addReferences(out, plan.reference);
  for (const entry of EVENT_CATALOGUE) if (entry.reference) addReferences(out, entry.reference);
  return out;
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');

interface Block {
  type: string;
  elements?: { text?: string }[];
}
const referencesLine = (payload: Record<string, unknown>): string | undefined =>
  (payload.blocks as Block[])
    .filter((b) => b.type === 'context')
    .map((b) => b.elements?.map((e) => e.text ?? '').join(' ') ?? '')
    .find((text) => text.startsWith('📚'));

describe('references are links to Microsoft pages', () => {
  it('every reference the knowledge can cite has an address, unless it names code rather than a page', () => {
    const references = everyReference();
    assert.ok(references.length > 20, `only ${references.length} references collected`);
    const missing = references.filter((r) => !referenceUrl(r) && !NOT_PAGES.has(r));
    assert.deepEqual(missing, []);
    for (const reference of references) {
      const url = referenceUrl(reference);
      if (url) assert.match(url, /^https:\/\/[^\s<>|]+$/, reference);
    }
  });

  it('KB numbers, cmdlets (with the parameter a step uses) and event pages map to their pages', () => {
    assert.equal(referenceUrl('KB 953354'), 'https://support.microsoft.com/help/953354');
    assert.equal(
      referenceUrl('Microsoft Learn: New-ExchangeCertificate'),
      'https://learn.microsoft.com/powershell/module/exchangepowershell/new-exchangecertificate',
    );
    assert.equal(
      referenceUrl('Set-SendConnector -TlsCertificateName'),
      'https://learn.microsoft.com/powershell/module/exchangepowershell/set-sendconnector',
    );
    assert.match(referenceUrl('Microsoft Learn: MSExchangeTransport 12015 (Exchange 2010)') ?? '', /ff981561/);
    assert.equal(referenceUrl('Some page nobody listed'), undefined);
    assert.equal(referenceUrl('Microsoft Learn: New-ExchangeCertificateX'), undefined);
  });
});

describe('the reply cites its sources as Slack links', () => {
  const h = harnessPerSuite();

  it('an Exchange 2007 12015 paste: <https://support.microsoft.com/help/953354|KB 953354>', async () => {
    const { payload } = await commandReply(h(), { text: fixture('s01-e2007-hub-12015.txt') });
    const line = referencesLine(payload);
    assert.ok(line, 'no references line');
    assert.ok(line.includes('<https://support.microsoft.com/help/953354|KB 953354>'), line);
    // Every link is whole: no markup cut in half, no raw "<" outside a link.
    assert.equal(line.replace(/<https:\/\/[^\s<>|]+\|[^<>]+>/g, '').match(/[<>]/), null, line);
  });

  it('the Japanese reply links the same pages under its Japanese heading', async () => {
    const { payload } = await commandReply(h(), { text: fixture('s02-e2007-edge-12015-12014-ja.txt') });
    const line = referencesLine(payload);
    assert.ok(line?.startsWith('📚 参考資料: '), line);
    if (!line) return;
    assert.match(line, /<https:\/\/[^|>]+\|[^>]+>/);
  });
});
