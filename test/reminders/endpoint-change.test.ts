import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointChange, newerTrackedFor, RECENT_MAX, rememberSeen } from '../../src/core/endpoint-watch.js';
import { endpointText } from '../../src/core/i18n/endpoint-text.js';
import { createMetrics } from '../../src/metrics.js';
import { instrumentNotifier } from '../../src/reminders/instrumented-notifier.js';
import type { EndpointNotices, Notifier } from '../../src/reminders/notifier.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import { endpointNoticeMessage } from '../../src/slack/blocks/endpoint-blocks.js';
import { trackingHomeView } from '../../src/slack/blocks/tracking-home-view.js';
import type { TrackedEndpoint } from '../../src/store/store.js';
import type { EndpointNotice } from '../../src/tracking/describe-endpoint.js';
import { blockKitProblems } from '../helpers/block-kit-limits.js';
import { aCertificate } from '../store/store-contract.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const DAY = 86_400_000;
const leaf = (thumbprint: string, notAfter = '2027-06-01T00:00:00.000Z') => ({
  thumbprint,
  notAfter,
  domains: ['mail.contoso.com'],
});
const A = 'A'.repeat(40);
const B = 'B'.repeat(40);
const C = 'C'.repeat(40);
const seen = (thumbprint: string, daysAgo: number) => {
  const at = new Date(NOW.getTime() - daysAgo * DAY).toISOString();
  return { thumbprint, firstSeen: at, lastSeen: at };
};

describe('what a new look at an endpoint means', () => {
  it('the same leaf is no change; the first leaf ever is the first', () => {
    assert.deepEqual(endpointChange(leaf(A), [seen(A, 1)], [leaf(A)], NOW), { kind: 'same' });
    assert.deepEqual(endpointChange(undefined, [], [leaf(A)], NOW), { kind: 'first' });
    assert.deepEqual(endpointChange(leaf(A), [seen(A, 1)], [], NOW), { kind: 'same' }, 'nothing read: nothing decided');
  });

  it('a leaf never seen that expires no earlier is a renewal; one that expires earlier is an older certificate back', () => {
    assert.deepEqual(endpointChange(leaf(A), [seen(A, 1)], [leaf(B, '2027-12-01T00:00:00.000Z')], NOW), {
      kind: 'renewed',
      from: A,
      to: B,
    });
    assert.deepEqual(endpointChange(leaf(A), [seen(A, 1)], [leaf(B, '2027-01-01T00:00:00.000Z')], NOW), {
      kind: 'older',
      from: A,
      to: B,
    });
  });

  it('a leaf seen recently, or two leaves within one look, is alternation (a load balancer), never a renewal', () => {
    assert.deepEqual(endpointChange(leaf(A), [seen(A, 1), seen(B, 2)], [leaf(B, '2028-01-01T00:00:00.000Z')], NOW), {
      kind: 'alternating',
      thumbprints: [A, B],
    });
    assert.deepEqual(endpointChange(leaf(A), [seen(A, 1)], [leaf(B), leaf(A), leaf(B)], NOW), {
      kind: 'alternating',
      thumbprints: [B, A],
    });
    assert.deepEqual(endpointChange(leaf(A), [seen(A, 1)], [leaf(B), leaf(C)], NOW), {
      kind: 'alternating',
      thumbprints: [A, B, C],
    });
    // Seen long ago, then replaced: its return is not alternation but an older certificate or a renewal.
    assert.equal(
      endpointChange(leaf(A), [seen(A, 1), seen(B, 45)], [leaf(B, '2028-01-01T00:00:00.000Z')], NOW).kind,
      'renewed',
    );
  });

  it('remembers what was just seen first, forgets what was not seen for 30 days, keeps at most a few', () => {
    const recent = rememberSeen([seen(A, 3), seen(B, 40)], [leaf(C), leaf(A)], NOW);
    assert.deepEqual(
      recent.map((s) => s.thumbprint),
      [C, A],
    );
    assert.equal(recent[1]!.firstSeen, seen(A, 3).firstSeen, 'first seen is kept');
    assert.equal(recent[1]!.lastSeen, NOW.toISOString());
    const many = Array.from({ length: 20 }, (_, i) => seen(i.toString(16).toUpperCase().padStart(40, '0'), 1));
    assert.equal(rememberSeen(many, [leaf(A)], NOW).length, RECENT_MAX);
  });

  it('a newer tracked certificate for the same names (or one covering the host) is found; closed or other names are not', () => {
    const presented = leaf(A, '2026-12-20T00:00:00.000Z');
    const newer = {
      ...aCertificate({ thumbprint: B, notAfter: '2027-12-20T00:00:00.000Z', domains: ['mail.contoso.com'] }),
      status: 'active',
    };
    const wildcard = {
      ...aCertificate({ thumbprint: C, notAfter: '2028-01-01T00:00:00.000Z', domains: ['*.contoso.com'] }),
      status: 'active',
    };
    const other = {
      ...aCertificate({
        thumbprint: 'D'.repeat(40),
        notAfter: '2029-01-01T00:00:00.000Z',
        domains: ['www.fabrikam.com'],
      }),
      status: 'active',
    };
    assert.equal(newerTrackedFor(presented, undefined, [newer, other])?.thumbprint, B);
    assert.equal(newerTrackedFor(presented, 'mail.contoso.com', [newer, wildcard])?.thumbprint, C);
    assert.equal(newerTrackedFor(presented, undefined, [{ ...newer, status: 'renewed' }]), undefined);
    assert.equal(newerTrackedFor(leaf(B, '2027-12-20T00:00:00.000Z'), undefined, [newer]), undefined);
  });
});

describe('endpoints in words and Block Kit', () => {
  const keys = (value: object): string[] =>
    Object.entries(value).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? keys(v).map((x) => `${k}.${x}`) : [k],
    );

  it('the catalogue has the same keys in English and Japanese', () => {
    assert.deepEqual(keys(endpointText.ja).sort(), keys(endpointText.en).sort());
  });

  const endpoint: TrackedEndpoint = {
    id: 'smtp://mail.contoso.com:25',
    target: 'mail.contoso.com:25',
    host: 'mail.contoso.com',
    port: 25,
    protocol: 'smtp',
    guarded: false,
    channel: 'C0OPS',
    addedBy: 'cli',
    addedAt: NOW.toISOString(),
    status: 'active',
    recent: [],
    lastProbe: {
      at: NOW.toISOString(),
      leaf: {
        thumbprint: A,
        subject: 'CN=<!channel> mail.contoso.com',
        issuer: 'CN=Contoso CA',
        domains: ['mail.contoso.com'],
        notAfter: '2026-12-20T00:00:00.000Z',
      },
      alternates: [A, B],
      newer: { thumbprint: C, subject: 'CN=mail.contoso.com', notAfter: '2027-12-20T00:00:00.000Z' },
      timeoutMs: 10_000,
      maxBytes: 65_536,
    },
  };

  it('the digest lists the channel’s endpoints under its certificates, escaped, within Block Kit’s limits', () => {
    for (const lang of ['en', 'ja'] as const) {
      const message = digestMessage({
        channel: 'C0OPS',
        items: [{ ...aCertificate(), threshold: 14 }],
        part: 1,
        parts: 1,
        total: 1,
        now: NOW.toISOString(),
        lang,
        timeZone: 'UTC',
        endpoints: [endpoint, { ...endpoint, id: 'imap://mail.contoso.com:143', lastProbe: undefined }],
      });
      assert.deepEqual(blockKitProblems('message', message), []);
      const text = JSON.stringify(message.blocks);
      assert.ok(text.includes('`smtp://mail.contoso.com:25`'));
      assert.ok(!text.includes('<!channel>'), 'a server-sent subject never pings');
      assert.match(text, lang === 'en' ? /presents 2 certificates in turn/ : /2 個の証明書を交互に提示/);
      assert.match(text, lang === 'en' ? /not probed yet/ : /まだ確認していません/);
    }
  });

  it('App Home shows the endpoints and still fits 100 blocks with the most certificates', () => {
    const certificates = Array.from({ length: 80 }, (_, i) => ({
      ...aCertificate({ thumbprint: i.toString(16).toUpperCase().padStart(40, '0') }),
      status: 'active' as const,
    }));
    const view = trackingHomeView(certificates, [], { now: NOW, lang: 'ja', timeZone: 'UTC', endpoints: [endpoint] });
    assert.deepEqual(blockKitProblems('view', view), []);
    assert.ok(JSON.stringify(view.blocks).includes('エンドポイント'));
  });

  it('what changed is said in both languages, in one message within the limits', () => {
    const notices: EndpointNotice[] = [
      { endpoint: endpoint.id, kind: 'renewed', from: A, to: endpoint.lastProbe!.leaf! },
      { endpoint: endpoint.id, kind: 'alternating', thumbprints: [A, B] },
      {
        endpoint: endpoint.id,
        kind: 'stale',
        presented: endpoint.lastProbe!.leaf!,
        newer: { thumbprint: C, notAfter: '2027-12-20T00:00:00.000Z' },
      },
      { endpoint: endpoint.id, kind: 'older', presented: endpoint.lastProbe!.leaf!, before: B },
      {
        endpoint: endpoint.id,
        kind: 'unreachable',
        where: endpoint,
        probe: {
          at: NOW.toISOString(),
          failure: { kind: 'refused', stage: 'connect' },
          timeoutMs: 10_000,
          maxBytes: 65_536,
        },
      },
      { endpoint: endpoint.id, kind: 'not-allowed' },
      { endpoint: endpoint.id, kind: 'recovered', presented: endpoint.lastProbe!.leaf! },
    ];
    for (const lang of ['en', 'ja'] as const) {
      const message = endpointNoticeMessage({
        channel: 'C0OPS',
        notices,
        now: NOW.toISOString(),
        lang,
        timeZone: 'UTC',
      });
      assert.deepEqual(blockKitProblems('message', message), []);
      const text = JSON.stringify(message.blocks);
      assert.ok(!text.includes('<!channel>'));
      assert.match(text, /block outbound port 25|ポート 25 をブロック/);
      assert.ok(text.includes('certcheck probe smtp://mail.contoso.com:25'), 'the check to run, copyable');
    }
  });

  it('the bot’s instrumented notifier passes what changed on to Slack, timed like every post', async () => {
    const said: EndpointNotices[] = [];
    const plain: Notifier = {
      maxItemsPerMessage: 15,
      postDigest: async () => ({ channel: 'C0OPS', ts: '1.1' }),
      updateDigest: async () => {},
      findDigest: async () => undefined,
      postNotices: async (notices) => {
        said.push(notices);
        return { channel: notices.channel, ts: '2.2' };
      },
    };
    const metrics = createMetrics({ now: () => NOW, defaultMetrics: false });
    const notifier = instrumentNotifier(plain, metrics, () => 0);
    const notices: EndpointNotices = {
      channel: 'C0OPS',
      notices: [{ endpoint: endpoint.id, kind: 'not-allowed' }],
      now: NOW.toISOString(),
      lang: 'en',
      timeZone: 'UTC',
    };
    assert.deepEqual(await notifier.postNotices?.(notices), { channel: 'C0OPS', ts: '2.2' });
    assert.deepEqual(said, [notices]);
    assert.match(
      await metrics.text(),
      /certcheck_slack_api_duration_seconds_count\{method="chat.postMessage",outcome="ok"\} 1/,
    );
  });
});
