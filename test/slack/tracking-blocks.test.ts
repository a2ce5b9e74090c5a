import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countdownText } from '../../src/core/countdown.js';
import { diagnose } from '../../src/core/diagnose.js';
import { slackText } from '../../src/slack/i18n/slack-text.js';
import { diagnosisMessage } from '../../src/slack/blocks/diagnosis-message.js';
import type { Digest, DigestItem } from '../../src/reminders/notifier.js';
import { DIGEST_ITEMS_PER_MESSAGE, digestMessage } from '../../src/slack/blocks/digest-message.js';
import { SEVERITY_EMOJI } from '../../src/slack/blocks/severity.js';
import { describeTracked } from '../../src/slack/blocks/tracked-blocks.js';
import { HOME_MAX_CERTIFICATES, trackingHomeView } from '../../src/slack/blocks/tracking-home-view.js';
import { markRenewedModal, trackModal } from '../../src/slack/blocks/tracking-modals.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { TrackedCertificate } from '../../src/store/store.js';
import { describeTrackedText } from '../../src/tracking/describe-tracked.js';
import { blockKitProblems } from '../helpers/block-kit-limits.js';
import { at } from '../helpers/clock.js';
import { aCertificate } from '../store/store-contract.js';

const NOW = at('2026-11-30T09:00:00Z');
const longItem = (i: number): DigestItem => ({
  thumbprint: i.toString(16).toUpperCase().padStart(40, '0'),
  subject: `CN=${'very-long-host-name-'.repeat(20)}${i}.example, O=Contoso & <Partners>, C=US`,
  domains: Array.from({ length: 30 }, (_, d) => `${'alias'.repeat(10)}${d}.example`),
  services: ['IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation', 'UMCallRouter'],
  notAfter: new Date(NOW.getTime() + (i - 5) * 86_400_000).toISOString(),
  estimated: i % 2 === 0,
  threshold: i < 5 ? null : 7,
});
const digest = (items: DigestItem[], overrides: Partial<Digest> = {}): Digest => ({
  channel: 'C0OPS',
  items,
  part: 1,
  parts: 1,
  total: items.length,
  now: NOW.toISOString(),
  lang: 'en',
  timeZone: 'Asia/Tokyo',
  nextRun: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

describe('digestMessage', () => {
  test('the worst case that fits one message stays within every Block Kit limit', () => {
    for (const lang of ['en', 'ja'] as const) {
      const message = digestMessage(
        digest(
          Array.from({ length: DIGEST_ITEMS_PER_MESSAGE }, (_, i) => longItem(i)),
          { lang },
        ),
      );
      assert.deepEqual(blockKitProblems('message', message), [], lang);
    }
  });

  test('header, urgency emoji, countdown, short thumbprint, the five buttons, the next run in REMINDER_TZ', () => {
    const message = digestMessage(
      digest([
        {
          ...longItem(0),
          subject: 'CN=EXHUB01',
          domains: ['EXHUB01'],
          services: ['SMTP', 'IMAP', 'POP'],
          notAfter: '2026-10-01T08:12:00.000Z',
        },
      ]),
    );
    const json = JSON.stringify(message.blocks);
    assert.match(json, /Certificate reminders — 1 needs attention/);
    // The date is a Slack date token: each reader sees it in their own time zone, UTC where tokens are not shown.
    assert.match(
      json,
      /🔴 \*EXHUB01\* \(SMTP, IMAP, POP\) — expired 61 days ago \(<!date\^1790842320\^\{date_short_pretty\} \{time\}\|1 Oct 2026 08:12 UTC>\) · `0000…0000`/,
    );
    for (const label of ['Show steps', 'Mark renewed', 'Snooze 1 day', 'Snooze 1 week', 'Untrack'])
      assert.ok(json.includes(label), label);
    assert.match(json, /Next reminder for these: 1 Dec 2026 09:00 \(Asia\/Tokyo\)/);
    assert.match(
      message.text,
      /^Certificate reminders: 1 needs attention\. Most urgent: EXHUB01 — expired 61 days ago/,
    );
  });

  test('Japanese', () => {
    const message = digestMessage(digest([longItem(1)], { lang: 'ja', parts: 2, part: 2, total: 16 }));
    assert.match(JSON.stringify(message.blocks), /証明書リマインダー — 対応が必要な証明書 16 件 \(2\/2\)/);
    assert.match(JSON.stringify(message.blocks), /1 週間後に再通知/);
  });

  test('a finished note (renewed, untracked) replaces the buttons of that certificate only', () => {
    // A snoozed certificate keeps its buttons (see below): snoozing is not finishing.
    const message = digestMessage(digest([{ ...longItem(1), note: { kind: 'renewed', by: 'U0AIKO' } }, longItem(2)]));
    assert.equal(message.blocks.filter((b) => b.type === 'actions').length, 1);
    assert.match(JSON.stringify(message.blocks), /renewed by <@U0AIKO>/);
  });

  test('a snoozed line keeps Show steps, Mark renewed and Untrack, and is not struck through', () => {
    const snoozed = {
      ...longItem(1),
      note: { kind: 'snoozed' as const, until: '2026-12-05T12:00:00.000Z', by: 'U0AIKO' },
    };
    const untracked = { ...longItem(2), note: { kind: 'untracked' as const, by: 'U0AIKO' } };
    const message = digestMessage(digest([snoozed, untracked, longItem(3)], { total: 1 }));
    const actions = message.blocks.filter((b) => b.type === 'actions');
    assert.equal(actions.length, 2, 'the snoozed one and the one still needing attention');
    const snoozedButtons = JSON.stringify(
      actions.find((b) => 'block_id' in b && b.block_id === `cert:${snoozed.thumbprint}`),
    );
    for (const label of ['Show steps', 'Mark renewed', 'Untrack']) assert.ok(snoozedButtons.includes(label), label);
    assert.ok(!snoozedButtons.includes('Snooze'), 'no second snooze');
    const line = (thumbprint: string) =>
      String(
        (
          message.blocks.find((b) => 'block_id' in b && b.block_id === `digest:${thumbprint}`) as {
            text: { text: string };
          }
        ).text.text,
      );
    assert.ok(!line(snoozed.thumbprint).includes('~'), line(snoozed.thumbprint));
    assert.match(line(snoozed.thumbprint), /\n💤 snoozed until 5 Dec 2026 by <@U0AIKO>$/);
    assert.match(line(untracked.thumbprint), /^~.*~\n🚫 untracked by <@U0AIKO>$/s);
    assert.match(JSON.stringify(message.blocks), /Certificate reminders — 1 needs attention/);
    assert.match(message.text, /^Certificate reminders: 1 needs attention\. Most urgent: /);
    // The notification shows no date token: the instant in UTC.
    const countdown = countdownText(longItem(3).notAfter, NOW, 'en').replace(/\)$/, ' 09:00 UTC)');
    assert.ok(message.text.endsWith(countdown), message.text);
  });

  test('every certificate handled: "all handled" in the header and the fallback (en, ja)', () => {
    const items = [
      { ...longItem(1), note: { kind: 'snoozed' as const, until: '2026-12-05T12:00:00.000Z' } },
      { ...longItem(2), note: { kind: 'renewed' as const, by: 'U0AIKO' } },
    ];
    const en = digestMessage(digest(items, { total: 0 }));
    assert.equal((en.blocks[0] as { text: { text: string } }).text.text, 'Certificate reminders — all handled');
    assert.equal(en.text, 'Certificate reminders — all handled');
    const ja = digestMessage(digest(items, { total: 0, lang: 'ja' }));
    assert.equal((ja.blocks[0] as { text: { text: string } }).text.text, '証明書リマインダー — すべて対応済み');
    assert.deepEqual(blockKitProblems('message', en), []);
  });

  test('a note names a Slack user as a mention, and the CLI as itself', () => {
    const message = digestMessage(
      digest([
        { ...longItem(1), note: { kind: 'renewed', by: 'U0AIKO' } },
        { ...longItem(2), note: { kind: 'untracked', by: 'cli' } },
      ]),
    );
    const json = JSON.stringify(message.blocks);
    assert.match(json, /renewed by <@U0AIKO>/);
    assert.match(json, /untracked by cli/);
    assert.ok(!json.includes('<@cli>'));
  });
});

describe('urgency colours', () => {
  test('digest and Home colour a certificate as the diagnosis does: expired 🔴, within 30 days 🟠, later 🟢', () => {
    const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000 + 3_600_000).toISOString();
    const cases = [
      { days: -2, emoji: SEVERITY_EMOJI.critical },
      { days: 3, emoji: SEVERITY_EMOJI.warning },
      { days: 11, emoji: SEVERITY_EMOJI.warning },
      { days: 40, emoji: SEVERITY_EMOJI.ok },
    ];
    for (const { days, emoji } of cases) {
      const item = { ...longItem(1), subject: 'CN=owa.contoso.com', notAfter: inDays(days) };
      assert.match(
        JSON.stringify(digestMessage(digest([item])).blocks),
        new RegExp(`${emoji} \\*owa`),
        `digest ${days}`,
      );
      const cert: TrackedCertificate = { ...aCertificate({ notAfter: inDays(days) }), status: 'active' };
      const home = trackingHomeView([cert], [], { now: NOW, lang: 'en', timeZone: 'UTC' });
      assert.match(JSON.stringify(home.blocks), new RegExp(`${emoji} \\*owa`), `Home ${days}`);
    }
  });
});

describe('trackModal', () => {
  test('speaks the language asked for, within limits', () => {
    const en = trackModal('en', ['CN=owa.contoso.com'], 'C0OPS', '{}');
    const ja = trackModal('ja', ['CN=owa.contoso.com'], 'C0OPS', '{}');
    assert.match(JSON.stringify(en), /"Track certificates".*"Track".*Send reminders to/);
    assert.match(JSON.stringify(ja), /"証明書を追跡".*"追跡".*リマインダーの通知先/);
    for (const view of [en, ja]) assert.deepEqual(blockKitProblems('view', view), []);
  });

  test('the track and mark-renewed modals close with a word, not ×', () => {
    for (const [lang, cancel] of [
      ['en', 'Cancel'],
      ['ja', 'キャンセル'],
    ] as const) {
      assert.equal(trackModal(lang, ['CN=owa.contoso.com'], undefined, '{}').close?.text, cancel);
      assert.equal(markRenewedModal(lang, 'owa.contoso.com', '{}').close?.text, cancel);
    }
  });
});

describe('trackingHomeView', () => {
  const cert = (i: number, notAfter: string): TrackedCertificate => ({
    ...aCertificate({ thumbprint: i.toString(16).toUpperCase().padStart(40, '0'), notAfter }),
    status: 'active',
  });

  test('badges by urgency, a summary, and never more than 100 blocks', () => {
    const certificates = Array.from({ length: 120 }, (_, i) =>
      cert(i, new Date(NOW.getTime() + (i - 3) * 86_400_000).toISOString()),
    );
    const view = trackingHomeView(certificates, [], { now: NOW, lang: 'en', timeZone: 'UTC' });
    assert.deepEqual(blockKitProblems('view', view), []);
    const json = JSON.stringify(view.blocks);
    assert.match(json, /3 expired · 8 within 7 days · 23 within 30 days · 86 fine/);
    assert.match(json, /\*expired\*/);
    assert.match(json, /\*≤ 7 days\*/);
    assert.match(json, new RegExp(`and ${120 - HOME_MAX_CERTIFICATES} more`));
    // In Slack the command is the slash command, not the CLI's `certcheck list`.
    assert.match(json, /`\/certcheck list` shows them all/);
    const ja = JSON.stringify(trackingHomeView(certificates, [], { now: NOW, lang: 'ja', timeZone: 'UTC' }).blocks);
    assert.match(ja, /`\/certcheck list` で表示/);
  });

  test('empty: says how to track', () => {
    const view = trackingHomeView([], [], { now: NOW, lang: 'ja', timeZone: 'UTC' });
    assert.match(JSON.stringify(view.blocks), /まだ何も追跡していません/);
  });

  test('empty: names the button as the diagnosis shows it', () => {
    for (const lang of ['en', 'ja'] as const) {
      const view = trackingHomeView([], [], { now: NOW, lang, timeZone: 'UTC' });
      assert.ok(JSON.stringify(view.blocks).includes(`*${slackText[lang].buttons.track}*`), lang);
    }
  });
});

describe('describeTracked', () => {
  test('a tracked thumbprint, however pasted, is answered with what certcheck knows; unknown ones add nothing', async () => {
    const store = createMemoryStore();
    await store.track(aCertificate({ servers: ['EX01.contoso.local'] }));
    const blocks = await describeTracked(
      ['89:67:77:b6:ca:9d:00:66:db:74:63:db:76:da:36:dd:62:41:d5:d5', 'A'.repeat(40)],
      store,
      NOW,
      'en',
    );
    const json = JSON.stringify(blocks);
    assert.match(json, /Tracked by certcheck/);
    assert.match(json, /owa\.contoso\.com\* \(IIS, SMTP\) — expires in 9 days/);
    assert.match(json, /Server: EX01\.contoso\.local · Reminders: <#C0OPS> · Owner: <@U0AIKO>/);
    assert.equal(blocks.filter((b) => b.type === 'actions').length, 1);
    assert.match(json, /\*Tracked by certcheck\*\\n/, 'an active one has no redundant status word');
    assert.doesNotMatch(json, /\(tracked\)/);
    assert.deepEqual(await describeTracked(['B'.repeat(40)], store, NOW, 'en'), []);
    const lines = await describeTrackedText([aCertificate().thumbprint], store, NOW, 'ja');
    assert.match(lines.join('\n'), /certcheck で追跡中 \(追跡中\)/);
  });

  test('only a certificate that is no longer tracked says its state', async () => {
    const store = createMemoryStore();
    await store.track(aCertificate());
    await store.untrack(aCertificate().thumbprint, 'U0AIKO', NOW.toISOString());
    const en = JSON.stringify(await describeTracked([aCertificate().thumbprint], store, NOW, 'en'));
    // A record, not "Tracked by certcheck (no longer tracked)"; who untracked it and when; no reminder line.
    assert.match(en, /\*certcheck tracking record\* \(no longer tracked\)/);
    assert.match(en, /_Untracked by <@U0AIKO> on 30 Nov 2026_/);
    assert.doesNotMatch(en, /Reminders:|<#C0OPS>/);
    const ja = JSON.stringify(await describeTracked([aCertificate().thumbprint], store, NOW, 'ja'));
    assert.match(ja, /\*certcheck の追跡情報\* \(追跡解除済み\)/);
    assert.doesNotMatch(ja, /certcheck で追跡中|通知先/);
    const text = (await describeTrackedText([aCertificate().thumbprint], store, NOW, 'en')).join('\n');
    assert.match(text, /certcheck tracking record \(no longer tracked\)/);
    assert.match(text, /Untracked by U0AIKO on 30 Nov 2026/);
    assert.doesNotMatch(text, /Reminders:/);
  });
});

describe('a bare tracked thumbprint in a diagnosis', () => {
  const THUMBPRINT = `4108${'A'.repeat(32)}0B05`;
  const bare = (lang: 'en' | 'ja') => diagnose(THUMBPRINT, { now: NOW, lang });
  const summary = (lang: 'en' | 'ja', notAfter: string, status: 'active' | 'renewed' = 'active') => ({
    name: 'EX2007',
    countdown: countdownText(notAfter, NOW, lang),
    urgency: notAfter < NOW.toISOString() ? ('expired' as const) : ('soon' as const),
    status,
  });
  const headerOf = (message: { blocks: unknown[] }) => (message.blocks[0] as { text: { text: string } }).text.text;

  test('the verdict is what tracking knows, in the shared palette (en, ja)', () => {
    assert.ok(bare('en').findings.every((f) => f.code === 'THUMBPRINT_ONLY'));
    const expired = diagnosisMessage(bare('en'), {
      now: NOW,
      tracked: { blocks: [], active: [THUMBPRINT], summaries: [summary('en', '2026-06-10T00:00:00.000Z')] },
    });
    assert.equal(
      headerOf(expired),
      `${SEVERITY_EMOJI.critical} EX2007 expired 174 days ago (10 Jun 2026) — tracked by certcheck`,
    );
    assert.equal(expired.text, headerOf(expired));
    const soon = diagnosisMessage(bare('en'), {
      now: NOW,
      tracked: { blocks: [], active: [], summaries: [summary('en', '2026-12-20T00:00:00.000Z', 'renewed')] },
    });
    assert.match(headerOf(soon), /^🟠 EX2007 expires in 19 days \(20 Dec 2026\) — marked renewed in certcheck$/);
    const ja = diagnosisMessage(bare('ja'), {
      now: NOW,
      tracked: { blocks: [], active: [THUMBPRINT], summaries: [summary('ja', '2026-06-10T00:00:00.000Z')] },
    });
    assert.match(headerOf(ja), /^🔴 EX2007: .*期限切れ \(174 日経過\) — certcheck で追跡中$/);
  });

  test('no tracked summary: the core verdict stays', () => {
    const untracked = diagnosisMessage(bare('en'), { now: NOW });
    assert.match(headerOf(untracked), /paste more to diagnose it/);
  });
});

describe('rows of the same name are told apart by their servers', () => {
  test('digest and Home rows say the server', () => {
    const auth = (thumbprint: string, server: string): TrackedCertificate => ({
      ...aCertificate({
        thumbprint,
        subject: 'CN=Microsoft Exchange Server Auth Certificate',
        domains: [],
        servers: [server],
        notAfter: '2026-12-05T00:00:00.000Z',
      }),
      status: 'active',
    });
    const certs = [auth('A'.repeat(40), 'EX01'), auth('B'.repeat(40), 'EX02')];
    const home = JSON.stringify(trackingHomeView(certs, [], { now: NOW, lang: 'en', timeZone: 'UTC' }).blocks);
    assert.match(home, /Auth Certificate\* .*📍 EX01/);
    assert.match(home, /Auth Certificate\* .*📍 EX02/);
  });
});
