import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Step } from '../../src/core/model.js';
import { ids } from '../../src/slack/ids.js';
import { planView, showsFactsOnly } from '../../src/slack/view/plan-view.js';
import { replyModel } from '../../src/slack/view/reply-model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { commandReply, harnessPerSuite } from '../helpers/slack-app.js';
import { blockActionPayload, sendInteraction } from '../helpers/slack-request.js';

/**
 * The first screen of a reply to a `Get-ExchangeCertificate | fl` listing whose store lists three
 * healthy certificates before the expired one and the one expiring in a week: read top to bottom as
 * an admin reads it.
 */
const LISTING = readFileSync(new URL('../fixtures/first-screen-fl.txt', import.meta.url), 'utf8');

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text?: string; elements?: { text?: string }[] }[];
}

/** Each block as one line of what Slack shows, in order. */
function lines(payload: Record<string, unknown>): string[] {
  return (payload.blocks as Block[]).map((b) => {
    if (b.type === 'rich_text') return `$ ${b.elements?.[0]?.elements?.[0]?.text ?? ''}`;
    if (b.type === 'context') return (b.elements ?? []).map((e) => e.text ?? '').join(' ');
    if (b.type === 'actions') return `[${(b.elements ?? []).map((e) => JSON.stringify(e)).join(' ')}]`;
    return b.text?.text ?? '';
  });
}

const indexOf = (all: string[], pattern: RegExp): number => all.findIndex((line) => pattern.test(line));

const words = {
  en: {
    paste: LISTING,
    fine: /^🟢 3 more are fine: EX19-02, .*Auth Certificate.*legacy\.tailspintoys\.com/,
    wrong: /^\*What is wrong\*/,
  },
  ja: {
    paste: `この一覧で期限の問題を確認してください。\n${LISTING}`,
    fine: /^🟢 ほかの 3 件は問題ありません: EX19-02、?.*Auth Certificate.*legacy\.tailspintoys\.com/,
    wrong: /^\*何が起きているか\*/,
  },
} as const;

describe('the first screen of a certificate listing', () => {
  const h = harnessPerSuite();

  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: the expired certificate, then the one expiring soonest; the fine ones folded into one line`, async () => {
      const { payload } = await commandReply(h(), { text: words[lang].paste });
      const shown = lines(payload);
      // The verdict and the notification are about the expired certificate.
      assert.match(shown[0] ?? '', /^🔴 mail\.tailspintoys\.com/);
      assert.match(String(payload.text), /^🔴 mail\.tailspintoys\.com/);
      const expired = indexOf(shown, /^\*mail\.tailspintoys\.com\*/);
      const expiring = indexOf(shown, /^\*smtp\.tailspintoys\.com\*/);
      const fine = indexOf(shown, words[lang].fine);
      assert.ok(expired > 0 && expired < expiring && expiring < fine, shown.join('\n'));
      // Listed before them in the paste, the healthy ones have no section of their own.
      assert.equal(indexOf(shown, /^\*Microsoft Exchange Server Auth Certificate\*/), -1);
      assert.equal(indexOf(shown, /^\*legacy\.tailspintoys\.com\*/), -1);
      // What is wrong comes right after the certificates, worst first.
      const wrong = indexOf(shown, words[lang].wrong);
      assert.ok(wrong > fine, shown.join('\n'));
      assert.match(shown[wrong]?.split('\n')[1] ?? '', /^🔴 mail\.tailspintoys\.com/);
      // Then the fix, on the first screen: the first step renews the expired certificate's names.
      const firstCommand = shown.find((line) => line.startsWith('$ ')) ?? '';
      assert.match(firstCommand, /New-ExchangeCertificate -GenerateRequest .*-DomainName mail\.tailspintoys\.com/);
      assert.ok(shown.indexOf(firstCommand) > wrong);
    });
  }

  it('Show all steps keeps the same first steps and the same certificates first', async () => {
    const { payload } = await commandReply(h(), { text: LISTING });
    const value = (payload.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
      .find((e) => e.action_id === ids.actions.showAllSteps)?.value;
    assert.ok(value, 'a shortened plan offers Show all steps');
    const first = lines(payload);
    await sendInteraction(
      h().url,
      blockActionPayload({ actionId: ids.actions.showAllSteps, value, responseUrl: h().fake.responseUrl('all') }),
    );
    const all = lines(h().fake.callsTo('response').at(-1)?.params ?? {});
    const steps = (shown: string[]) => shown.filter((line) => /^\*\d+\. /.test(line));
    assert.ok(steps(all).length > steps(first).length);
    assert.deepEqual(steps(all).slice(0, steps(first).length), steps(first));
    assert.deepEqual(all.slice(0, 8), first.slice(0, 8));
  });
});

describe('what counts as fine', () => {
  it('a certificate whose date could be read day-first or month-first is shown, not folded', () => {
    const diagnosis = diagnose(LISTING, { now: REFERENCE_NOW, lang: 'en' });
    const folded = replyModel(diagnosis, { now: REFERENCE_NOW });
    // EX19-02 is the server's own self-signed certificate, valid for years: fine, whatever its
    // Services column has gathered.
    assert.deepEqual(folded.certificatesFine, [
      'EX19-02',
      'Microsoft Exchange Server Auth Certificate',
      'legacy.tailspintoys.com',
    ]);
    const unsettled = {
      ...diagnosis,
      certificates: diagnosis.certificates.map((cert) =>
        cert.subject.includes('legacy') ? { ...cert, dateAmbiguous: true } : cert,
      ),
    };
    const model = replyModel(unsettled, { now: REFERENCE_NOW });
    assert.deepEqual(model.certificatesFine, ['EX19-02', 'Microsoft Exchange Server Auth Certificate']);
    assert.equal(model.certificates.length + model.certificatesOmitted, 3);
  });
});

describe('Show all steps never hides the fix behind steps that only show facts', () => {
  const read = (n: number): Step => ({
    title: `Show fact ${n}`,
    role: 'any',
    command: `Get-ExchangeCertificate | fl Thumbprint${n}`,
  });
  const change: Step = { title: 'Renew', role: 'any', command: 'New-ExchangeCertificate -DomainName mail.contoso.com' };
  const later = (n: number): Step => ({
    title: `Then ${n}`,
    role: 'any',
    command: `Restart-Service MSExchangeTransport # ${n}`,
  });

  it('reading and changing commands are told apart', () => {
    assert.equal(showsFactsOnly(read(1)), true);
    assert.equal(
      showsFactsOnly({ command: "Import-Module WebAdministration\nGet-WebBinding -Name 'Default Web Site' | fl" }),
      true,
    );
    assert.equal(showsFactsOnly({ command: 'netsh http show sslcert ipport=0.0.0.0:443' }), true);
    assert.equal(
      showsFactsOnly({ command: 'Get-ExchangeCertificate -Thumbprint <new thumbprint> | fl Subject' }),
      true,
    );
    assert.equal(showsFactsOnly(change), false);
    assert.equal(showsFactsOnly({ command: '$txt = Get-Content C:\\a.txt' }), false);
    assert.equal(showsFactsOnly({ command: 'Get-ExchangeCertificate | Remove-ExchangeCertificate' }), false);
    assert.equal(showsFactsOnly({}), false, 'a step without a command is something to do');
  });

  it('five fact-showing steps first: the first screen still reaches the renewal', () => {
    const steps = [read(1), read(2), read(3), read(4), read(5), change, ...[1, 2, 3, 4].map(later)];
    const view = planView({ findings: [], steps, references: [] }, 'en');
    assert.equal(view.wanted, 6);
    assert.equal(view.steps[view.wanted - 1]?.title, 'Renew');
  });

  it('the fact first, then the fix: four steps as before, the rest behind the button', () => {
    const steps = [read(1), change, ...[1, 2, 3, 4, 5].map(later)];
    const view = planView({ findings: [], steps, references: [] }, 'en');
    assert.equal(view.wanted, 4);
    assert.deepEqual(
      view.steps.slice(0, 2).map((s) => s.title),
      ['Show fact 1', 'Renew'],
    );
  });
});
