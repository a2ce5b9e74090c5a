import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countdownText } from '../../src/core/countdown.js';
import { reportText } from '../../src/core/i18n/report-text.js';
import type { Diagnosis } from '../../src/core/model.js';
import { decodeReplyValue, decodeTrackValue } from '../../src/slack/blocks/button-values.js';
import { diagnosisMessage } from '../../src/slack/blocks/diagnosis-message.js';
import { errorMessage } from '../../src/slack/blocks/error-message.js';
import { helpMessage } from '../../src/slack/blocks/help-message.js';
import { trackingHomeView } from '../../src/slack/blocks/tracking-home-view.js';
import { pasteModal } from '../../src/slack/blocks/paste-modal.js';
import { privateKeyWarning } from '../../src/slack/blocks/private-key-warning.js';
import { ids } from '../../src/slack/ids.js';
import { blockKitProblems } from '../helpers/block-kit-limits.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { TRANSPORT_THUMBPRINT, transportDiagnosis, unrecognized } from '../helpers/diagnoses.js';

const json = (value: unknown) => JSON.stringify(value);
const now = REFERENCE_NOW;

/** A worst case: everything long, many of everything. */
function huge(lang: 'en' | 'ja'): Diagnosis {
  const base = transportDiagnosis(lang, now, 80);
  const long = (n: number) => 'x'.repeat(n);
  return {
    ...base,
    summary: `${long(400)} summary`,
    events: Array.from({ length: 30 }, (_, i) => ({ id: 12000 + i, source: long(200), level: 'error' as const })),
    certificates: Array.from({ length: 12 }, (_, i) => ({
      ...base.certificates[0]!,
      thumbprint: `${String(i).padStart(2, '0')}${TRANSPORT_THUMBPRINT.slice(2)}`,
      subject: `CN=${long(500)}`,
      domains: Array.from({ length: 40 }, (_, j) => `host${j}.${long(60)}.example`),
    })),
    findings: Array.from({ length: 60 }, () => ({
      code: 'CERT_EXPIRED' as const,
      severity: 'critical' as const,
      message: long(300),
    })),
    steps: base.steps.map((s) => ({ ...s, title: long(500), why: long(900), command: `${long(5000)}` })),
    references: Array.from({ length: 40 }, (_, i) => `KB ${i} ${long(200)}`),
    notes: [long(4000)],
  };
}

describe('diagnosisMessage', () => {
  for (const lang of ['en', 'ja'] as const) {
    for (const allSteps of [false, true]) {
      it(`stays within Slack's limits for a huge diagnosis (${lang}, allSteps=${allSteps})`, () => {
        const message = diagnosisMessage(huge(lang), { now, pasteId: 'p1', share: true, allSteps });
        assert.deepEqual(blockKitProblems('message', message), []);
        assert.ok(message.blocks.length <= 50);
        const last = message.blocks.at(-1);
        assert.equal(last?.type, 'actions', 'the buttons are never cut off');
        assert.match(json(message), /do not fit|収まりません/, 'says where the rest of the plan is');
      });
    }
  }

  it('reads: verdict header, context, countdown, findings, numbered steps with copyable commands, reference, buttons', () => {
    const message = diagnosisMessage(transportDiagnosis('en', now, 2), { now, pasteId: 'p1', share: true });
    assert.deepEqual(
      message.blocks.map((b) => b.type),
      [
        'header',
        'context',
        'section',
        'context',
        'section',
        'section',
        'section',
        'rich_text',
        'section',
        'rich_text',
        'context',
        'actions',
      ],
    );
    assert.match(message.text, /^🔴 Transport certificate expired on HUB01 — ⏱ expired/);
    assert.match(json(message.blocks[6]), /\*1\. Step 1/);
    assert.match(json(message.blocks[6]), /on HUB01 \(Hub Transport\)/);
  });

  it('escapes mrkdwn control characters from the paste', () => {
    const d = transportDiagnosis('en', now, 1);
    d.findings[0]!.message = 'TlsCertificateName <I>CN=CA<S>CN=mail & co';
    assert.match(json(diagnosisMessage(d, { now }).blocks), /&lt;I&gt;CN=CA&lt;S&gt;CN=mail &amp; co/);
  });

  it('carries ids, not pastes, in button values; the Track value decodes for the tracking listeners', () => {
    const message = diagnosisMessage(transportDiagnosis('en', now, 9), { now, pasteId: 'p1', share: true });
    const values = json(message.blocks.at(-1));
    for (const id of [
      ids.actions.shareInChannel,
      ids.actions.toggleLanguage,
      ids.actions.showAllSteps,
      ids.actions.trackCertificate,
    ]) {
      assert.match(values, new RegExp(id));
    }
    const actions = message.blocks.at(-1);
    assert.ok(actions?.type === 'actions');
    const track = actions.elements.flatMap((e) =>
      e.type === 'button' && e.action_id === ids.actions.trackCertificate ? [e] : [],
    )[0];
    assert.equal(decodeTrackValue(track?.value)?.certs[0]?.thumbprint, TRANSPORT_THUMBPRINT);
    const toggle = actions.elements.flatMap((e) =>
      e.type === 'button' && e.action_id === ids.actions.toggleLanguage ? [e] : [],
    )[0];
    assert.deepEqual(decodeReplyValue(toggle?.value), { p: 'p1', l: 'ja' });
  });

  it('a private key: warning first, no Share or Post to thread', () => {
    const message = diagnosisMessage(transportDiagnosis('ja', now), {
      now,
      pasteId: 'p1',
      share: true,
      postToThread: { channel: 'C1', threadTs: '1.2' },
      privateKey: { postedInChannel: true },
    });
    assert.equal(message.blocks[0]?.type, 'header');
    assert.match(json(message.blocks[0]), /秘密キー/);
    assert.match(json(message.blocks[1]), /削除/);
    assert.doesNotMatch(json(message), new RegExp(`${ids.actions.shareInChannel}|${ids.actions.postToThread}`));
  });
});

describe('diagnosisMessage: what a new user noticed', () => {
  const actionIds = (message: { blocks: unknown[] }) => json(message.blocks.at(-1));

  it('never hides just one or two steps behind Show all steps', () => {
    for (const count of [5, 6]) {
      const message = diagnosisMessage(transportDiagnosis('en', now, count), { now, pasteId: 'p1' });
      assert.match(json(message), new RegExp(`# ${count}"`), `${count} steps all shown`);
      assert.doesNotMatch(json(message), /Showing \d+ of/);
      assert.doesNotMatch(actionIds(message), new RegExp(ids.actions.showAllSteps));
    }
    const seven = diagnosisMessage(transportDiagnosis('en', now, 7), { now, pasteId: 'p1' });
    assert.match(json(seven), /Showing 4 of 7 steps/);
    assert.match(actionIds(seven), new RegExp(ids.actions.showAllSteps));
  });

  it('the fallback text does not repeat a countdown the verdict already gives', () => {
    const d = transportDiagnosis('en', now);
    d.summary = `HUB01 ${countdownText(d.certificates[0]!.notAfter!, now, 'en')}`;
    // Plain text shows no date token: the date is the instant in UTC.
    assert.equal(diagnosisMessage(d, { now }).text, `🔴 ${d.summary.replace('(1 Oct 2026)', '(1 Oct 2026 08:12 UTC)')}`);
  });

  it('a private key is announced once, with the rest of the verdict below', () => {
    const d = transportDiagnosis('en', now);
    d.summary = 'Your paste contains a private key';
    d.findings.unshift({ code: 'PRIVATE_KEY_IN_INPUT', severity: 'critical', message: 'A private key was pasted.' });
    const message = diagnosisMessage(d, { now, pasteId: 'p1', privateKey: { postedInChannel: false } });
    assert.equal(json(message.blocks).split('contains a private key').length - 1, 1);
    assert.match(json(message.blocks), /The internal transport certificate expired/);
    assert.doesNotMatch(actionIds(message), new RegExp(ids.actions.trackCertificate), 'renew it, do not track it');
  });

  it('names the Exchange version only when the diagnosis knows it', () => {
    const d = transportDiagnosis('en', now);
    assert.match(json(diagnosisMessage(d, { now }).blocks[1]), /MSExchangeTransport 12015 \(warning\) · Exchange 2007/);
    d.exchangeVersion = 'unknown';
    assert.doesNotMatch(json(diagnosisMessage(d, { now })), /Exchange version|Exchange unknown/);
    const bare = { ...d, events: [] };
    const message = diagnosisMessage(bare, { now });
    assert.notEqual(message.blocks[1]?.type, 'context', 'no empty context line');
    assert.deepEqual(blockKitProblems('message', message), []);
    assert.doesNotMatch(json(diagnosisMessage(unrecognized('ja', now), { now })), /バージョンは不明/);
  });

  it('offers neither Share nor Track on "Nothing recognised"', () => {
    const message = diagnosisMessage(unrecognized('en', now), { now, pasteId: 'p1', share: true });
    assert.doesNotMatch(json(message), new RegExp(`${ids.actions.shareInChannel}|${ids.actions.trackCertificate}`));
  });

  it('offers Track only for the certificates not tracked yet', () => {
    const d = transportDiagnosis('en', now);
    const other = { ...d.certificates[0]!, thumbprint: 'B'.repeat(40), subject: 'CN=mail.contoso.com' };
    d.certificates.push(other);
    const tracked = { blocks: [], active: [TRANSPORT_THUMBPRINT.toLowerCase()] };
    const actions = diagnosisMessage(d, { now, pasteId: 'p1', tracked }).blocks.at(-1);
    assert.ok(actions?.type === 'actions');
    const track = actions.elements.flatMap((e) =>
      e.type === 'button' && e.action_id === ids.actions.trackCertificate ? [e] : [],
    )[0];
    assert.deepEqual(
      decodeTrackValue(track?.value)?.certs.map((c) => c.thumbprint),
      ['B'.repeat(40)],
    );
    const all = { blocks: [], active: [TRANSPORT_THUMBPRINT, 'B'.repeat(40)] };
    assert.doesNotMatch(
      json(diagnosisMessage(d, { now, pasteId: 'p1', tracked: all })),
      new RegExp(ids.actions.trackCertificate),
    );
  });
});

describe('diagnosisMessage: what a bilingual Exchange admin noticed', () => {
  it("Japanese uses Microsoft's terms: 秘密キー, 発行者, 参考資料, Exchange 2013 以降", () => {
    const d = transportDiagnosis('ja', now, 1);
    d.certificates[0] = { ...d.certificates[0]!, selfSigned: false, issuer: 'CN=Contoso Issuing CA, O=Contoso' };
    d.exchangeVersion = '2013+';
    const text = json(diagnosisMessage(d, { now, privateKey: { postedInChannel: false } }));
    assert.match(text, /秘密キー/);
    assert.match(text, /発行者 Contoso Issuing CA/);
    assert.match(text, /📚 参考資料: <https:\/\/support\.microsoft\.com\/help\/953354\|KB 953354>/);
    assert.match(text, /Exchange 2013 以降/);
    assert.doesNotMatch(text, /秘密鍵|発行元|参考:|2013\+/);
    assert.match(json(diagnosisMessage({ ...d, language: 'en' }, { now })), /Exchange 2013\+/);
  });

  it('a step for any server names only the server; one for neither says nothing of where', () => {
    for (const [lang, onServer, any] of [
      ['en', 'on HUB2010', 'any server'],
      ['ja', 'HUB2010 で実行', '任意のサーバー'],
    ] as const) {
      const d = transportDiagnosis(lang, now, 0);
      d.steps = [
        { title: 'A', role: 'any', server: 'HUB2010' },
        { title: 'B', role: 'any' },
        { title: 'C', role: 'edge', server: 'EDGE01' },
        { title: 'D', role: 'edge' },
      ];
      const sections = diagnosisMessage(d, { now }).blocks.map(json);
      const step = (title: string) => sections.find((b) => b.includes(`. ${title}*`)) ?? '';
      assert.match(step('A'), new RegExp(`📍 ${onServer}"`), lang);
      assert.doesNotMatch(step('A'), new RegExp(`\\(|${any}`), lang);
      assert.doesNotMatch(step('B'), /📍/, lang);
      assert.match(step('C'), new RegExp(`📍 .*EDGE01.*${reportText[lang].role.edge}`), lang);
      assert.match(step('D'), new RegExp(`📍 ${reportText[lang].role.edge}`), lang);
    }
  });

  it('a certificate known only from event 12017 is named, never an empty name or "issued by"', () => {
    for (const [lang, label] of [
      ['en', 'Internal transport certificate'],
      ['ja', '内部トランスポート証明書'],
    ] as const) {
      const d = transportDiagnosis(lang, now, 1);
      const unnamed = {
        thumbprint: '4B7670E292365AC9BB92935281E6A52675C82B02',
        subject: '',
        issuer: '',
        domains: [],
        notAfter: '2027-01-16T00:00:00.000Z',
        services: ['SMTP' as const],
        source: 'event' as const,
        estimated: true,
      };
      d.certificates = [unnamed, { ...unnamed, thumbprint: 'C'.repeat(40), domains: ['smtp.contoso.com'] }];
      const line = (i: number) => json(diagnosisMessage(d, { now }).blocks.filter((b) => b.type === 'section')[i]);
      assert.match(line(0), new RegExp(`\\*${label} 4B76…2B02\\* · SMTP`), lang);
      assert.match(line(1), /\*smtp\.contoso\.com\* · SMTP/, lang);
      for (const i of [0, 1]) {
        assert.doesNotMatch(line(i), /\*\*|· {2}|issued by|発行者 ·/, lang);
      }
    }
  });

  it('a button pressed after 30 minutes speaks of the time to act, not of something expired', () => {
    assert.match(json(errorMessage('ja', 'expired')), /この回答は操作できる時間 \(30 分\) を過ぎました。/);
    assert.doesNotMatch(json(errorMessage('ja', 'expired')), /有効期限/);
    assert.match(json(errorMessage('en', 'expired')), /30 minutes/);
    assert.doesNotMatch(json(errorMessage('en', 'expired')), /expired/);
  });
});

describe('the other builders', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`help, modal, home, errors and the key warning are within limits (${lang})`, () => {
      assert.deepEqual(blockKitProblems('message', helpMessage(lang, ['track', 'list'])), []);
      assert.deepEqual(
        blockKitProblems('view', pasteModal(lang, json({ channel: 'C1', responseUrl: 'x'.repeat(5000) }))),
        [],
      );
      assert.deepEqual(
        blockKitProblems('view', trackingHomeView([], [], { now: REFERENCE_NOW, lang, timeZone: 'UTC' })),
        [],
      );
      assert.deepEqual(blockKitProblems('message', privateKeyWarning(lang, true)), []);
      for (const kind of ['generic', 'rateLimited', 'notInChannel', 'expired', 'nothingFound'] as const) {
        assert.deepEqual(blockKitProblems('message', errorMessage(lang, kind)), []);
      }
    });
  }

  it('help says slash commands do not work in threads, in both languages', () => {
    assert.match(json(helpMessage('en')), /do not work in threads.*mention @certcheck/);
    assert.match(json(helpMessage('ja')), /スレッド内では使えません.*@certcheck/);
  });
});
