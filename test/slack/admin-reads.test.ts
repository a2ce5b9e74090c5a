import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ids } from '../../src/slack/ids.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { PASTE_12015 } from '../helpers/diagnoses.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { runThroughSlack } from '../helpers/reminder-run.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import {
  appMentionEvent,
  blockActionPayload,
  messageShortcutPayload,
  sendCommand,
  sendEvent,
  sendInteraction,
  viewSubmissionPayload,
} from '../helpers/slack-request.js';

/**
 * Replies read as an admin reads them at 3 a.m., through the real app (signed requests, fake
 * Slack), in English and Japanese: a listing from two servers whose "Microsoft Exchange Server
 * Auth Certificate"s expire in 4 and 10 days beside a WMSvc certificate; a thread with two pastes.
 */

const LISTING = readFileSync(new URL('../fixtures/two-servers-auth-fl.txt', import.meta.url), 'utf8');
const EX01_AUTH = 'A1A2A3A4A5A6A7A8A9A0B1B2B3B4B5B6B7B8B9B0';
const EX02_AUTH = 'C1C2C3C4C5C6C7C8C9C0D1D2D3D4D5D6D7D8D9D0';
const WMSVC = 'E1E2E3E4E5E6E7E8E9E0F1F2F3F4F5F6F7F8F9F0';
const EX01 = 'EX01.corp.tailspintoys.com';
const EX02 = 'EX02.corp.tailspintoys.com';
const mention = `<@${FAKE_BOT.botUserId}>`;

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text?: string | { text: string }; action_id?: string; value?: string }[];
}

/** Each block as the line Slack shows first. */
function shown(blocks: unknown): string[] {
  return (blocks as Block[]).map((b) => {
    if (b.type === 'context')
      return (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : '')).join(' ');
    if (b.type === 'actions') return `[${(b.elements ?? []).map((e) => e.action_id).join(' ')}]`;
    return b.text?.text ?? '';
  });
}

function buttonValue(payload: Record<string, unknown> | undefined, actionId: string): string {
  for (const block of (payload?.blocks ?? []) as Block[]) {
    const button = block.elements?.find((e) => e.action_id === actionId);
    if (button?.value) return button.value;
  }
  throw new Error(`no ${actionId} button`);
}

const words = {
  en: {
    paste: LISTING,
    // The listing prints the server's own time with no zone: its date as written, never called UTC.
    header:
      /^🟠 Microsoft Exchange Server Auth Certificate expires in 4 days \(3 Dec 2026\) · 📍 EX01\.corp\.tailspintoys\.com$/,
    wmsvc: /WMSvc certificate/,
    tracked: /^Tracking 2 certificates\. Reminders go to <#C0OPS>/,
    about: '💬 About:',
  },
  ja: {
    paste: `2 台のサーバーの証明書です。\n${LISTING}`,
    header:
      /^🟠 Microsoft Exchange Server Auth Certificate: 2026\/12\/03 に期限切れになります \(残り 4 日\) · 📍 EX01\.corp\.tailspintoys\.com$/,
    wmsvc: /WMSvc/,
    tracked: /^2 件の証明書を追跡します。.*<#C0OPS>/,
    about: '💬 対象:',
  },
} as const;

for (const lang of ['en', 'ja'] as const) {
  const w = words[lang];
  const user = lang === 'ja' ? 'U0JA' : 'U0ADMIN';

  describe(`two servers' Auth certificates and a WMSvc certificate (${lang})`, () => {
    let harness: Harness;
    let store: Store;
    before(async () => {
      store = createMemoryStore();
      harness = await startHarness({ tracking: { store, timeZone: 'UTC' } }, { CERTCHECK_LANG: lang });
      if (lang === 'ja') harness.fake.setLocale(user, 'ja-JP');
    });
    after(() => harness.close());

    it('the header is the verdict on the soonest, with its server; the notification says the same; each certificate names its server', async () => {
      const { payload } = await commandReply(harness, { text: w.paste, user_id: user, channel_id: 'C0OPS' });
      const lines = shown(payload.blocks);
      assert.match(lines[0] ?? '', w.header);
      // The listing's dates are the servers' own zoneless times: no date token converts them.
      assert.doesNotMatch(JSON.stringify(payload.blocks), /<!date\^/);
      // The lock screen: the same certificate and countdown as the header, and no other's.
      assert.equal(payload.text, lines[0]);
      // Worst first, each with its server: EX01's (4 days), the WMSvc certificate (6), EX02's (10).
      const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
      const ex01 = at(new RegExp(`^\\*Microsoft Exchange Server Auth Certificate\\* · 📍 ${EX01}`));
      const wmsvc = at(new RegExp(`^\\*WMSvc-SHA2-EX01\\* · 📍 ${EX01}`));
      const ex02 = at(new RegExp(`^\\*Microsoft Exchange Server Auth Certificate\\* · 📍 ${EX02}`));
      assert.ok(ex01 > 0 && ex01 < wmsvc && wmsvc < ex02, lines.join('\n'));
      assert.match(lines[ex01 + 1] ?? '', lang === 'en' ? /^⏱ expires in 4 days/ : /残り 4 日/);
      // One server per step: at most one 📍 line, and no command block names both servers.
      for (const step of lines.filter((line) => /^\*\d+\. /.test(line))) {
        assert.ok(step.split('\n').filter((line) => line.startsWith('📍')).length <= 1, step);
      }
      const commands = (payload.blocks as Block[]).filter((b) => b.type === 'rich_text').map((b) => JSON.stringify(b));
      assert.ok(commands.length > 0);
      for (const code of commands) assert.ok(!(/EX01/i.test(code) && /EX02/i.test(code)), code);
      assert.deepEqual(harness.fake.violations, []);
    });

    it('Track tracks what /certcheck track tracks (the WMSvc certificate left out alike) and says what it tracked', async () => {
      harness.fake.reset();
      const { payload } = await commandReply(harness, { text: w.paste, user_id: user, channel_id: 'C0OPS' });
      await sendInteraction(
        harness.url,
        blockActionPayload({
          actionId: ids.actions.trackCertificate,
          value: buttonValue(payload, ids.actions.trackCertificate),
          responseUrl: harness.fake.responseUrl('reply'),
          userId: user,
        }),
      );
      const modal = harness.fake.callsTo('views.open')[0]?.params.view as { private_metadata: string; blocks: unknown };
      // The dialog offers what will be tracked: the two Auth certificates, each with its server, not the WMSvc one.
      const offered = shown(modal.blocks).join('\n');
      assert.doesNotMatch(offered, /WMSvc-SHA2-EX01/);
      assert.match(offered, new RegExp(`• CN=Microsoft Exchange Server Auth Certificate \\(📍 ${EX01}\\)`));
      assert.match(offered, new RegExp(`• CN=Microsoft Exchange Server Auth Certificate \\(📍 ${EX02}\\)`));
      await sendInteraction(
        harness.url,
        viewSubmissionPayload({
          callbackId: ids.views.track,
          privateMetadata: modal.private_metadata,
          values: {},
          userId: user,
        }),
      );
      const byButton = (await store.list()).map((c) => c.thumbprint).sort();
      assert.deepEqual(byButton, [EX01_AUTH, EX02_AUTH]);
      assert.equal(await store.get(WMSVC), undefined, 'the WMSvc certificate is left out');
      const said = harness.fake.callsTo('chat.postEphemeral')[0]?.params;
      const text = (said?.blocks as Block[] | undefined)?.[0]?.text?.text ?? '';
      assert.match(String(said?.text), w.tracked);
      // What it tracked, each told apart by its server, and the certificate it left out.
      assert.match(text, new RegExp(`• \\*Microsoft Exchange Server Auth Certificate\\* — .* · 📍 ${EX01}`));
      assert.match(text, new RegExp(`• \\*Microsoft Exchange Server Auth Certificate\\* — .* · 📍 ${EX02}`));
      assert.match(text, w.wmsvc);

      // `/certcheck track` of the same paste, into a store of its own: the same certificates, the same lines.
      const other = await startHarness(
        { tracking: { store: createMemoryStore(), timeZone: 'UTC' } },
        { CERTCHECK_LANG: lang },
      );
      try {
        if (lang === 'ja') other.fake.setLocale(user, 'ja-JP');
        await sendCommand(other.url, {
          text: `track ${w.paste}`,
          channel_id: 'C0OPS',
          user_id: user,
          response_url: other.fake.responseUrl('track'),
        });
        const typed = other.fake.callsTo('response')[0]?.params;
        const typedText = (typed?.blocks as Block[] | undefined)?.[0]?.text?.text ?? '';
        const bullets = (s: string) => s.split('\n').filter((line) => line.startsWith('•') || line.startsWith('_'));
        assert.deepEqual(bullets(typedText), bullets(text));
      } finally {
        await other.close();
      }
    });

    it('App Home, /certcheck list and the reminder digest name the server of each row', async () => {
      harness.fake.reset();
      await sendCommand(harness.url, { text: 'list', user_id: user, response_url: harness.fake.responseUrl('list') });
      const list = shown(harness.fake.callsTo('response')[0]?.params.blocks ?? [])
        .join('\n')
        .split('\n');
      for (const server of [EX01, EX02]) {
        assert.ok(
          list.some(
            (line) => line.includes('*Microsoft Exchange Server Auth Certificate*') && line.includes(`📍 ${server}`),
          ),
          list.join('\n'),
        );
      }
      await sendEvent(harness.url, { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.2' });
      const view = harness.fake.callsTo('views.publish').at(-1)?.params.view as { blocks: unknown } | undefined;
      const home = shown(view?.blocks ?? []);
      for (const server of [EX01, EX02]) {
        assert.ok(
          home.some(
            (line) => line.includes('*Microsoft Exchange Server Auth Certificate*') && line.includes(`📍 ${server}`),
          ),
          home.join('\n'),
        );
      }
      const report = await runThroughSlack(store, harness.fake.apiUrl, REFERENCE_NOW, {
        lang,
      });
      assert.equal(report.sent.length, 1);
      const digest = shown(harness.fake.callsTo('chat.postMessage')[0]?.params.blocks);
      const rows = digest.filter((line) => line.includes('*Microsoft Exchange Server Auth Certificate*'));
      assert.equal(rows.length, 2, digest.join('\n'));
      // Soonest first, each with its server.
      assert.match(rows[0] ?? '', new RegExp(`📍 ${EX01}`));
      assert.match(rows[1] ?? '', new RegExp(`📍 ${EX02}`));
      assert.deepEqual(harness.fake.violations, []);
    });
  });

  describe(`a thread with two pastes: each answer quotes the first line of its own (${lang})`, () => {
    let harness: Harness;
    before(async () => {
      harness = await startHarness({}, { CERTCHECK_LANG: lang });
      if (lang === 'ja') harness.fake.setLocale(user, 'ja-JP');
    });
    after(() => harness.close());

    const THREAD = '1700000100.000100';
    const firstLineOf = (paste: string) => (paste.split('\n').find((line) => line.trim() !== '') ?? '').trim();
    const about = (payload: unknown) =>
      shown((payload as { blocks: unknown }).blocks).find((line) => line.startsWith('💬'));
    // Quoted as mrkdwn, escaped: a pasted '>' cannot start a quote block or a link.
    const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const quote = (paste: string, label: string = w.about) => `${label} ${escaped(firstLineOf(paste).slice(0, 150))}`;

    it('two mentions in one thread: the event paste and the listing, each answer says which', async () => {
      await sendEvent(
        harness.url,
        appMentionEvent({ text: `${mention} ${PASTE_12015}`, ts: '1700000200.000200', threadTs: THREAD, user }),
      );
      await sendEvent(
        harness.url,
        appMentionEvent({ text: `${mention} ${w.paste}`, ts: '1700000300.000300', threadTs: THREAD, user }),
      );
      const [first, second] = harness.fake.callsTo('chat.postMessage');
      assert.equal(first?.params.thread_ts, THREAD);
      assert.equal(second?.params.thread_ts, THREAD);
      assert.equal(about(first?.params), quote(PASTE_12015));
      assert.equal(about(second?.params), quote(w.paste));
      assert.notEqual(about(first?.params), about(second?.params));
      assert.deepEqual(harness.fake.violations, []);
    });

    it('redrawn in the other language in the thread, the answer still says which paste it is about', async () => {
      harness.fake.reset();
      await sendEvent(
        harness.url,
        appMentionEvent({ text: `${mention} ${w.paste}`, ts: '1700000400.000400', threadTs: THREAD, user }),
      );
      const answer = harness.fake.callsTo('chat.postMessage')[0]?.params;
      await sendInteraction(
        harness.url,
        blockActionPayload({
          actionId: ids.actions.toggleLanguage,
          value: buttonValue(answer, ids.actions.toggleLanguage),
          responseUrl: harness.fake.responseUrl('thread-answer'),
          userId: user,
          threadTs: THREAD,
        }),
      );
      const redrawn = harness.fake.callsTo('response').at(-1)?.params;
      const other = lang === 'en' ? words.ja.about : words.en.about;
      assert.equal(about(redrawn), quote(w.paste, other));
    });

    it('the message shortcut on one paste of the thread, then Post to thread: the posted answer quotes that paste', async () => {
      harness.fake.reset();
      await sendInteraction(
        harness.url,
        messageShortcutPayload({
          callbackId: ids.shortcuts.diagnoseMessage,
          responseUrl: harness.fake.responseUrl('shortcut'),
          message: { ts: '1700000500.000500', text: PASTE_12015, thread_ts: THREAD },
          userId: user,
        }),
      );
      const ephemeral = harness.fake.callsTo('response').at(-1)?.params;
      await sendInteraction(
        harness.url,
        blockActionPayload({
          actionId: ids.actions.postToThread,
          value: buttonValue(ephemeral, ids.actions.postToThread),
          responseUrl: harness.fake.responseUrl('shortcut'),
          userId: user,
        }),
      );
      const posted = harness.fake.callsTo('chat.postMessage').at(-1)?.params;
      assert.equal(posted?.thread_ts, THREAD);
      assert.equal(about(posted), quote(PASTE_12015));
      assert.deepEqual(harness.fake.violations, []);
    });
  });
}
