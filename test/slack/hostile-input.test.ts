import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnosis } from '../../src/core/model.js';
import { runReminders } from '../../src/reminders/runner.js';
import { diagnosisMessage } from '../../src/slack/blocks/diagnosis-message.js';
import { ids } from '../../src/slack/ids.js';
import { createSlackNotifier } from '../../src/slack/slack-notifier.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { aCertificate } from '../store/store-contract.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { PASTE_12015, TRANSPORT_THUMBPRINT, transportDiagnosis } from '../helpers/diagnoses.js';
import { FAKE_BOT } from '../helpers/fake-slack.js';
import { commandReply, type Harness, startHarness } from '../helpers/slack-app.js';
import {
  appMentionEvent,
  blockActionPayload,
  sendCommand,
  sendEvent,
  sendInteraction,
} from '../helpers/slack-request.js';

/**
 * Nothing a user pasted reaches Slack as a live mention, channel ping or link. Every value the
 * paste (or a tracked record, or a file name) contributes is replaced by a hostile one carrying a
 * unique marker inside Slack markup; every message and view the app then sends is searched for
 * that marker inside a live `<!…>`, `<@…>`, `<#…>` or `<http…>`.
 */

const HOSTILE: ((m: string) => string)[] = [
  (m) => `<!channel|${m}>`,
  (m) => `<!here|${m}>`,
  (m) => `<!everyone|${m}>`,
  (m) => `<!subteam^S${m}>`,
  (m) => `<@U${m}>`,
  (m) => `<@W${m}|boss>`,
  (m) => `<#C${m}|general>`,
  (m) => `<https://evil.example/${m}|click here>`,
  (m) => `<http://${m}.example>`,
];

const hostile = (marker: string) =>
  fc
    .tuple(
      fc.constantFrom(...HOSTILE),
      fc.constantFrom('', 'CN=', 'EX01 ', '*', '`', '&amp; ', '> '),
      fc.constantFrom('', ' ok', '\n', '_', '*'),
    )
    .map(([template, before, after]) => `${before}${template(marker)}${after}`);

/** Keys Slack never renders: identifiers, routing and hidden state. */
const NOT_RENDERED = new Set([
  'value',
  'private_metadata',
  'block_id',
  'action_id',
  'callback_id',
  'trigger_id',
  'channel',
  'user',
  'user_id',
  'thread_ts',
  'ts',
  'team_id',
  'metadata',
  'initial_conversation',
  'response_type',
  'type',
  'style',
]);

const LIVE = /<(?:[!@#]|https?:)[^<>]*>/g;

/** Every rendered string outside plain_text (and rich_text's literal text) that holds the marker in live markup. */
function liveMarkup(payload: unknown, marker: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const token of value.match(LIVE) ?? []) if (token.includes(marker)) found.push(`${path}: ${token}`);
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const type = 'type' in value ? value.type : undefined;
    for (const [key, v] of Object.entries(value)) {
      if (NOT_RENDERED.has(key)) continue;
      // plain_text is never parsed for mentions or links; rich_text's text elements are literal.
      if (key === 'text' && (type === 'plain_text' || type === 'text')) continue;
      visit(v, `${path}.${key}`);
    }
  };
  visit(payload, '');
  return found;
}

/** mrkdwn objects carrying the marker at all must be verbatim, so Slack adds no links of its own. */
function notVerbatim(payload: unknown, marker: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    if ('type' in value && value.type === 'mrkdwn' && 'text' in value && String(value.text).includes(marker)) {
      if (!('verbatim' in value) || value.verbatim !== true) found.push(String(value.text).slice(0, 80));
    }
    for (const v of Object.values(value)) visit(v);
  };
  visit(payload);
  return found;
}

function poisoned(base: Diagnosis, h: () => string): Diagnosis {
  const cert = base.certificates[0];
  const event = base.events[0];
  return {
    ...base,
    summary: `Transport certificate expired on ${h()}`,
    findings: base.findings.map((f) => ({ ...f, message: `${h()} expired` })),
    certificates: cert
      ? [
          {
            ...cert,
            subject: `CN=${h()}`,
            issuer: `CN=${h()}`,
            domains: [h(), h()],
            friendlyName: h(),
            keyAlgorithm: h(),
            signatureHash: h(),
            servers: [h()],
            selfSigned: false,
          },
        ]
      : [],
    events: event ? [{ ...event, source: h(), computer: h(), fqdn: h(), connector: h(), subject: h() }] : [],
    steps: base.steps.map((s) => ({ ...s, title: h(), why: h(), server: h(), command: h(), when: h(), verify: h() })),
    references: [h(), h()],
    notes: [h()],
  };
}

describe('hostile paste values never become live mentions or links', () => {
  let harness: Harness;
  const store = createMemoryStore();
  let current: Diagnosis = transportDiagnosis('en', REFERENCE_NOW, 6);
  before(async () => {
    harness = await startHarness({
      diagnose: (_text, options) => ({ ...current, language: options.lang ?? current.language }),
      tracking: { store, timeZone: 'UTC' },
    });
  });
  after(() => harness.close());

  it('in every message and view: diagnosis, share, all steps, thread answer, file notice, digest, App Home, modals, tracking replies', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.infiniteStream(hostile('PLACEHOLDER')), async (stream) => {
        const marker = `MRK${++run}X`;
        const iterator = stream[Symbol.iterator]();
        const h = () => String(iterator.next().value).replaceAll('PLACEHOLDER', marker);
        const { fake } = harness;
        fake.reset();
        current = poisoned(transportDiagnosis('en', REFERENCE_NOW, 6), h);
        await store.track(
          aCertificate({
            thumbprint: TRANSPORT_THUMBPRINT,
            subject: `CN=${h()}`,
            domains: [h()],
            servers: [h()],
            services: ['SMTP'],
            owner: h(),
            notAfter: '2026-12-01T00:00:00.000Z',
          }),
        );
        const sent: unknown[] = [];
        const reply = (await commandReply(harness, { text: PASTE_12015 })).payload;
        sent.push(reply);
        const click = async (actionId: string, value: string) => {
          const payload = blockActionPayload({ actionId, value, responseUrl: fake.responseUrl(actionId) });
          await sendInteraction(harness.url, payload);
        };
        const value = (actionId: string) => {
          const match = JSON.stringify(reply).match(
            new RegExp(`"action_id":"${actionId}","value":"((?:[^"\\\\]|\\\\.)*)"`),
          );
          return match?.[1] ? (JSON.parse(`"${match[1]}"`) as string) : undefined;
        };
        for (const actionId of [ids.actions.shareInChannel, ids.actions.toggleLanguage, ids.actions.trackCertificate]) {
          const v = value(actionId);
          if (v) await click(actionId, v);
        }
        const tracked = JSON.stringify({ t: TRANSPORT_THUMBPRINT, l: 'en' });
        await click(ids.actions.showSteps, tracked);
        await click(ids.actions.markRenewed, tracked);
        await sendEvent(harness.url, appMentionEvent({ text: `<@${FAKE_BOT.botUserId}> ${PASTE_12015}` }));
        await sendEvent(
          harness.url,
          appMentionEvent({
            text: `<@${FAKE_BOT.botUserId}>`,
            files: [{ name: `${h()}.cer`, url: `${fake.origin}/files/missing/x.cer` }],
          }),
        );
        await sendEvent(harness.url, { type: 'app_home_opened', user: 'U0ADMIN', tab: 'home', event_ts: '1.2' });
        await sendCommand(harness.url, { text: 'list', response_url: fake.responseUrl('list') });
        await sendCommand(harness.url, {
          text: `untrack ${TRANSPORT_THUMBPRINT}`,
          response_url: fake.responseUrl('untrack'),
        });
        const digestStore = createMemoryStore();
        await digestStore.track(
          aCertificate({ subject: `CN=${h()}`, domains: [h(), h()], owner: h(), notAfter: '2026-12-01T00:00:00.000Z' }),
        );
        await runReminders({
          store: digestStore,
          notifier: createSlackNotifier({ token: FAKE_BOT.token, apiUrl: fake.apiUrl }),
          now: REFERENCE_NOW,
          thresholds: [7],
          timeZone: 'UTC',
          lang: 'en',
          dryRun: false,
          owner: 'test',
          sleep: async () => {},
        });
        sent.push(...fake.calls.filter((c) => c.method !== 'file').map((c) => ({ [c.method]: c.params })));

        const methods = new Set(fake.calls.map((c) => c.method));
        for (const expected of ['response', 'chat.postMessage', 'chat.postEphemeral', 'views.open', 'views.publish']) {
          assert.ok(methods.has(expected), `no ${expected} was sent`);
        }
        assert.deepEqual(liveMarkup(sent, marker), []);
        assert.deepEqual(notVerbatim(sent, marker), []);
        assert.deepEqual(fake.violations, []);
      }),
      { numRuns: 12 },
    );
  });
});

describe('control: the check catches what the escaping prevents', () => {
  const marker = 'MRKCONTROL';
  const diagnosis = poisoned(transportDiagnosis('en', REFERENCE_NOW), () => `<!channel|${marker}>`);

  it('an unescaped fallback text is caught', () => {
    const message = diagnosisMessage(diagnosis, { now: REFERENCE_NOW });
    assert.deepEqual(liveMarkup(message, marker), [], 'the real message is clean');
    const unescaped = { ...message, text: diagnosis.summary };
    assert.notDeepEqual(liveMarkup(unescaped, marker), []);
  });

  it('an unescaped mrkdwn section is caught, the same text as plain_text is not', () => {
    const text = `*${diagnosis.summary}*`;
    assert.notDeepEqual(liveMarkup({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }, marker), []);
    assert.deepEqual(liveMarkup({ blocks: [{ type: 'header', text: { type: 'plain_text', text } }] }, marker), []);
  });
});
