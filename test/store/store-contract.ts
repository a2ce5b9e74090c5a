import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { stillDue } from '../../src/core/reminders.js';
import type {
  ClaimRequest,
  EndpointInput,
  EndpointProbe,
  Store,
  TrackedSummary,
  TrackInput,
} from '../../src/store/store.js';

/** Builds a tracked-endpoint input; override what the test cares about. */
export function anEndpoint(overrides: Partial<EndpointInput> = {}): EndpointInput {
  return {
    id: 'smtp://mail.contoso.com:25',
    target: 'smtp://mail.contoso.com',
    host: 'mail.contoso.com',
    port: 25,
    protocol: 'smtp',
    guarded: false,
    channel: 'C0OPS',
    owner: 'U0AIKO',
    addedBy: 'U0AIKO',
    addedAt: '2026-11-28T12:00:00.000Z',
    ...overrides,
  };
}

const aProbe = (at: string, thumbprint = '896777B6CA9D0066DB7463DB76DA36DD6241D5D5'): EndpointProbe => ({
  at,
  address: '192.0.2.25',
  tlsVersion: 'TLSv1.2',
  startTls: { offered: true },
  leaf: {
    thumbprint,
    subject: 'CN=mail.contoso.com',
    issuer: 'CN=Contoso Issuing CA',
    domains: ['mail.contoso.com'],
    notBefore: '2025-12-10T00:00:00.000Z',
    notAfter: '2026-12-10T00:00:00.000Z',
  },
  timeoutMs: 10000,
  maxBytes: 65536,
});

/** Builds a tracked-certificate input; override what the test cares about. */
export function aCertificate(overrides: Partial<TrackInput> = {}): TrackInput {
  return {
    thumbprint: '896777B6CA9D0066DB7463DB76DA36DD6241D5D5',
    subject: 'CN=owa.contoso.com',
    issuer: 'CN=Contoso Issuing CA',
    domains: ['owa.contoso.com'],
    notBefore: '2025-12-10T00:00:00.000Z',
    notAfter: '2026-12-10T00:00:00.000Z',
    services: ['IIS', 'SMTP'],
    servers: ['EX01'],
    source: 'pem',
    channel: 'C0OPS',
    owner: 'U0AIKO',
    addedBy: 'U0AIKO',
    addedAt: '2026-11-28T12:00:00.000Z',
    estimated: false,
    ...overrides,
  };
}

const claimOptions = (owner: string, at = '2026-11-30T09:00:00.000Z', leaseUntil = '2026-11-30T09:15:00.000Z') => ({
  owner,
  at,
  leaseUntil,
});

const request = (overrides: Partial<ClaimRequest> = {}): ClaimRequest => ({
  thumbprint: aCertificate().thumbprint,
  slot: 'threshold:14',
  threshold: 14,
  day: '2026-11-30',
  channel: 'C0OPS',
  ...overrides,
});

/**
 * The one behaviour every Store must have. `open` gives a fresh, empty store; each test file is
 * a few lines that run this suite (the SQLite one, the memory one).
 */
export function storeContract(name: string, open: () => Promise<Store>, options: { skip?: string | false } = {}): void {
  describe(`Store contract: ${name}`, { skip: options.skip ?? false }, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
    });

    test('answers a ping', async () => {
      await store.ping();
    });

    test('tracks a certificate and reads it back with every field', async () => {
      const { certificate, created } = await store.track(aCertificate());
      assert.equal(created, true);
      assert.deepEqual(certificate, { ...aCertificate(), status: 'active' });
      assert.deepEqual(await store.get(aCertificate().thumbprint), certificate);
      assert.equal(await store.get('0000000000000000000000000000000000000000'), undefined);
    });

    test('tracking again refreshes the facts, keeps who added it and the channel unless a new one is given', async () => {
      const { certificate, created } = await store.track(
        aCertificate({
          addedBy: 'U0OTHER',
          addedAt: '2026-11-29T00:00:00.000Z',
          channel: undefined,
          owner: undefined,
          services: [],
        }),
      );
      assert.equal(created, false);
      assert.equal(certificate.addedBy, 'U0AIKO');
      assert.equal(certificate.channel, 'C0OPS');
      assert.deepEqual(certificate.services, ['IIS', 'SMTP']);
      const moved = await store.track(aCertificate({ channel: 'C0NEW' }));
      assert.equal(moved.certificate.channel, 'C0NEW');
    });

    test('lists active certificates by expiry, soonest first', async () => {
      await store.track(
        aCertificate({ thumbprint: 'A'.repeat(40), notAfter: '2026-08-06T06:56:14.000Z', channel: undefined }),
      );
      await store.track(aCertificate({ thumbprint: 'B'.repeat(40), notAfter: '2027-01-01T00:00:00.000Z' }));
      const listed = await store.list();
      assert.deepEqual(
        listed.map((c) => c.thumbprint),
        ['A'.repeat(40), aCertificate().thumbprint, 'B'.repeat(40)],
      );
      assert.equal(listed[0]!.channel, undefined);
    });

    test('untrack closes it once, and tracking it again reopens it', async () => {
      assert.equal(await store.untrack('B'.repeat(40), 'U0AIKO', '2026-11-28T13:00:00.000Z'), true);
      assert.equal(await store.untrack('B'.repeat(40), 'U0AIKO', '2026-11-28T13:00:00.000Z'), false);
      assert.equal(await store.untrack('C'.repeat(40), 'U0AIKO', '2026-11-28T13:00:00.000Z'), false);
      const closed = await store.get('B'.repeat(40));
      assert.equal(closed?.status, 'untracked');
      assert.equal(closed?.statusBy, 'U0AIKO');
      assert.ok(!(await store.list()).some((c) => c.thumbprint === 'B'.repeat(40)));
      assert.ok((await store.list({ all: true })).some((c) => c.thumbprint === 'B'.repeat(40)));
      await store.track(aCertificate({ thumbprint: 'B'.repeat(40), notAfter: '2027-01-01T00:00:00.000Z' }));
      assert.equal((await store.get('B'.repeat(40)))?.status, 'active');
    });

    test('mark renewed closes the old certificate and remembers the new thumbprint', async () => {
      const renewal = {
        oldThumbprint: 'A'.repeat(40),
        newThumbprint: 'D'.repeat(40),
        by: 'U0AIKO',
        at: '2026-11-28T14:00:00.000Z',
      };
      assert.equal(await store.markRenewed(renewal), true);
      assert.equal(await store.markRenewed(renewal), false);
      assert.equal((await store.get('A'.repeat(40)))?.status, 'renewed');
      assert.deepEqual(await store.renewalOf('A'.repeat(40)), renewal);
      assert.equal(await store.renewalOf('B'.repeat(40)), undefined);
    });

    test('snoozes: one per certificate, active until their time', async () => {
      await store.snooze({
        thumbprint: 'B'.repeat(40),
        until: '2026-11-29T12:00:00.000Z',
        by: 'U0AIKO',
        at: '2026-11-28T12:00:00.000Z',
      });
      await store.snooze({
        thumbprint: 'B'.repeat(40),
        until: '2026-12-05T12:00:00.000Z',
        by: 'U0KEN',
        at: '2026-11-28T12:30:00.000Z',
      });
      assert.deepEqual(await store.activeSnoozes('2026-11-30T00:00:00.000Z'), [
        { thumbprint: 'B'.repeat(40), until: '2026-12-05T12:00:00.000Z', by: 'U0KEN', at: '2026-11-28T12:30:00.000Z' },
      ]);
      assert.deepEqual(await store.activeSnoozes('2026-12-05T12:00:00.000Z'), []);
    });

    test('a claim is won once: the same slot, or a threshold above one already claimed, is refused', async () => {
      const first = await store.claim([request()], claimOptions('run-1'), stillDue);
      assert.equal(first.length, 1);
      assert.equal(first[0]!.claimOwner, 'run-1');
      assert.equal(first[0]!.sentAt, undefined);
      assert.deepEqual(await store.claim([request()], claimOptions('run-2'), stillDue), []);
      assert.deepEqual(
        await store.claim([request({ slot: 'threshold:30', threshold: 30 })], claimOptions('run-2'), stillDue),
        [],
      );
      assert.deepEqual(
        await store.claim([request({ thumbprint: 'E'.repeat(40) })], claimOptions('run-2'), stillDue),
        [],
        'untracked thumbprint',
      );
      assert.deepEqual(
        await store.reminderHistory(),
        new Map([[aCertificate().thumbprint, { lowestThreshold: 14, lastDay: '2026-11-30' }]]),
      );
    });

    test('batch, confirm and message lookup record what was sent', async () => {
      const [entry] = await store.ledger(aCertificate().thumbprint);
      await store.assignBatch([entry!.id], 'batch-x', 'someone-else');
      assert.equal((await store.ledger(aCertificate().thumbprint))[0]!.batch, undefined, 'only the owner stamps');
      await store.assignBatch([entry!.id], 'batch-x', 'run-1');
      await store.confirm([entry!.id], {
        messageTs: '1764493200.000100',
        sentAt: '2026-11-30T09:00:01.000Z',
        confirmedAt: '2026-11-30T09:00:02.000Z',
      });
      const [sent] = await store.entriesForMessage('C0OPS', '1764493200.000100');
      assert.equal(sent?.batch, 'batch-x');
      assert.equal(sent?.sentAt, '2026-11-30T09:00:01.000Z');
      assert.equal(sent?.confirmedAt, '2026-11-30T09:00:02.000Z');
      await store.release([entry!.id]);
      assert.equal((await store.ledger(aCertificate().thumbprint)).length, 1, 'a sent reminder is never released');
    });

    test('released claims are due again; stale claims are found and taken over by one process only', async () => {
      const b = 'B'.repeat(40);
      const [claimed] = await store.claim(
        [request({ thumbprint: b, slot: 'threshold:60', threshold: 60 })],
        claimOptions('run-1'),
        stillDue,
      );
      await store.release([claimed!.id]);
      assert.deepEqual(await store.ledger(b), []);
      const [again] = await store.claim(
        [request({ thumbprint: b, slot: 'threshold:60', threshold: 60 })],
        claimOptions('run-1'),
        stillDue,
      );
      assert.deepEqual(await store.staleClaims('2026-11-30T09:10:00.000Z'), [], 'lease still running');
      const stale = await store.staleClaims('2026-11-30T09:20:00.000Z');
      assert.deepEqual(
        stale.map((e) => e.id),
        [again!.id],
      );
      const later = claimOptions('run-3', '2026-11-30T09:20:00.000Z', '2026-11-30T09:35:00.000Z');
      const taken = await store.takeOver([again!.id], later);
      assert.equal(taken[0]?.claimOwner, 'run-3');
      assert.deepEqual(await store.takeOver([again!.id], { ...later, owner: 'run-4' }), [], 'its lease is fresh again');
    });

    test('the daily reminder after expiry is one per day', async () => {
      const overdue = request({
        thumbprint: 'B'.repeat(40),
        slot: 'overdue:2026-12-01',
        threshold: null,
        day: '2026-12-01',
      });
      assert.equal((await store.claim([overdue], claimOptions('run-1'), stillDue)).length, 1);
      assert.equal(
        (await store.claim([{ ...overdue, slot: 'overdue:2026-12-01b' }], claimOptions('run-2'), stillDue)).length,
        0,
      );
      const next = { ...overdue, slot: 'overdue:2026-12-02', day: '2026-12-02' };
      assert.equal((await store.claim([next], claimOptions('run-2'), stillDue)).length, 1);
    });

    test('a live run renews the leases it still holds, and only those', async () => {
      const b = 'B'.repeat(40);
      const [mine] = await store.claim(
        [request({ thumbprint: b, slot: 'threshold:3', threshold: 3, day: '2026-12-03' })],
        claimOptions('run-5', '2026-12-03T09:00:00.000Z', '2026-12-03T09:15:00.000Z'),
        stillDue,
      );
      assert.ok(mine);
      assert.deepEqual(await store.renew([mine.id], 'run-6', '2026-12-03T09:30:00.000Z'), [], 'not its claim');
      assert.deepEqual(await store.renew([mine.id], 'run-5', '2026-12-03T09:20:00.000Z'), [mine.id]);
      assert.ok(
        !(await store.staleClaims('2026-12-03T09:16:00.000Z')).some((e) => e.id === mine.id),
        'the heartbeat kept it live',
      );
      const taken = await store.takeOver(
        [mine.id],
        claimOptions('run-6', '2026-12-03T09:21:00.000Z', '2026-12-03T09:36:00.000Z'),
      );
      assert.equal(taken.length, 1);
      assert.deepEqual(await store.renew([mine.id], 'run-5', '2026-12-03T09:40:00.000Z'), [], 'taken over: lost');
      await store.confirm([mine.id], {
        messageTs: '1764738000.000100',
        sentAt: '2026-12-03T09:21:01.000Z',
        confirmedAt: '2026-12-03T09:21:02.000Z',
      });
      assert.deepEqual(await store.renew([mine.id], 'run-6', '2026-12-03T09:40:00.000Z'), [], 'sent: nothing to hold');
    });

    test('streams each active certificate with its reminder history; with a bound, only those expiring before it', async () => {
      const late = 'C'.repeat(40);
      await store.track(
        aCertificate({
          thumbprint: late,
          subject: 'CN=late.contoso.com',
          notAfter: '2030-01-01T00:00:00.000Z',
          channel: undefined,
        }),
      );
      const seen: TrackedSummary[] = [];
      await store.eachTracked((summary) => seen.push(summary));
      const history = await store.reminderHistory();
      const expected = (await store.list()).map((c) => ({
        thumbprint: c.thumbprint,
        subject: c.subject,
        notAfter: c.notAfter,
        channel: c.channel ?? null,
        ...(history.get(c.thumbprint) ?? { lowestThreshold: null, lastDay: null }),
      }));
      const byThumbprint = (a: { thumbprint: string }, b: { thumbprint: string }) =>
        a.thumbprint < b.thumbprint ? -1 : 1;
      assert.deepEqual(seen.sort(byThumbprint), expected.sort(byThumbprint));
      assert.ok(
        seen.some((s) => s.lowestThreshold !== null && s.lastDay !== null),
        'the claims of the tests above come with their certificates',
      );
      assert.deepEqual(
        seen.find((s) => s.thumbprint === late),
        {
          thumbprint: late,
          subject: 'CN=late.contoso.com',
          notAfter: '2030-01-01T00:00:00.000Z',
          channel: null,
          lowestThreshold: null,
          lastDay: null,
        },
      );
      const bounded: string[] = [];
      await store.eachTracked((summary) => bounded.push(summary.thumbprint), {
        expiringBefore: '2030-01-01T00:00:00.000Z',
      });
      assert.ok(!bounded.includes(late), 'expiring at the bound: left out');
      assert.deepEqual(
        bounded.sort(),
        expected
          .filter((e) => e.thumbprint !== late)
          .map((e) => e.thumbprint)
          .sort(),
      );
      assert.equal(await store.untrack(late, 'U0AIKO', '2026-12-03T10:00:00.000Z'), true);
      const after: string[] = [];
      await store.eachTracked((summary) => after.push(summary.thumbprint));
      assert.ok(!after.includes(late), 'untracked: not streamed');
    });

    test('tracks an endpoint; tracking it again keeps who added it, its channel unless given, and its guard', async () => {
      const { endpoint, created } = await store.trackEndpoint(anEndpoint({ guarded: true }));
      assert.equal(created, true);
      assert.deepEqual(endpoint, { ...anEndpoint({ guarded: true }), status: 'active', recent: [] });
      assert.deepEqual(await store.getEndpoint(anEndpoint().id), endpoint);
      assert.equal(await store.getEndpoint('smtp://other.contoso.com:25'), undefined);
      const again = await store.trackEndpoint(
        anEndpoint({ addedBy: 'cli', addedAt: '2026-11-29T00:00:00.000Z', channel: undefined, owner: undefined }),
      );
      assert.equal(again.created, false);
      assert.equal(again.endpoint.addedBy, 'U0AIKO');
      assert.equal(again.endpoint.channel, 'C0OPS');
      assert.equal(again.endpoint.owner, 'U0AIKO');
      assert.equal(again.endpoint.guarded, true, 'once tracked from Slack, PROBE_ALLOW keeps applying');
      const moved = await store.trackEndpoint(anEndpoint({ channel: 'C0NEW' }));
      assert.equal(moved.endpoint.channel, 'C0NEW');
    });

    test('a look is recorded only after the look it follows: of two runs, one records', async () => {
      const id = anEndpoint().id;
      const first = aProbe('2026-11-30T09:00:00.000Z');
      const seen = [{ thumbprint: first.leaf!.thumbprint, firstSeen: first.at, lastSeen: first.at }];
      assert.equal(await store.recordProbe(id, { probe: first, recent: seen, after: null }), true);
      assert.equal(
        await store.recordProbe(id, { probe: first, recent: seen, after: null }),
        false,
        'another run recorded meanwhile',
      );
      const second = { ...aProbe('2026-12-01T09:00:00.000Z', 'F'.repeat(40)), alternates: ['F'.repeat(40)] };
      assert.equal(await store.recordProbe(id, { probe: second, recent: seen, after: first.at }), true);
      assert.equal(
        await store.recordProbe('smtp://nowhere.contoso.com:25', { probe: first, recent: [], after: null }),
        false,
      );
      const read = await store.getEndpoint(id);
      assert.deepEqual(read?.lastProbe, second);
      assert.deepEqual(read?.recent, seen);
      const unreachable: EndpointProbe = {
        at: '2026-12-02T09:00:00.000Z',
        failure: { kind: 'refused', stage: 'connect', detail: 'ECONNREFUSED' },
        timeoutMs: 10000,
        maxBytes: 65536,
      };
      assert.equal(await store.recordProbe(id, { probe: unreachable, recent: seen, after: second.at }), true);
      assert.deepEqual((await store.getEndpoint(id))?.lastProbe, unreachable);
    });

    test('endpoints list by id; untrack closes one once, and tracking it again reopens it with its last look', async () => {
      await store.trackEndpoint(anEndpoint({ id: 'imap://mail.contoso.com:143', protocol: 'imap', port: 143 }));
      assert.deepEqual(
        (await store.listEndpoints()).map((e) => e.id),
        ['imap://mail.contoso.com:143', 'smtp://mail.contoso.com:25'],
      );
      assert.equal(
        await store.untrackEndpoint('imap://mail.contoso.com:143', 'U0KEN', '2026-12-02T10:00:00.000Z'),
        true,
      );
      assert.equal(
        await store.untrackEndpoint('imap://mail.contoso.com:143', 'U0KEN', '2026-12-02T10:00:00.000Z'),
        false,
      );
      assert.deepEqual(
        (await store.listEndpoints()).map((e) => e.id),
        ['smtp://mail.contoso.com:25'],
      );
      const closed = (await store.listEndpoints({ all: true })).find((e) => e.id === 'imap://mail.contoso.com:143');
      assert.equal(closed?.status, 'untracked');
      assert.equal(closed?.statusBy, 'U0KEN');
      await store.untrackEndpoint(anEndpoint().id, 'cli', '2026-12-02T10:00:00.000Z');
      const reopened = await store.trackEndpoint(anEndpoint());
      assert.equal(reopened.endpoint.status, 'active');
      assert.equal(reopened.endpoint.statusBy, undefined);
      assert.equal(reopened.endpoint.lastProbe?.at, '2026-12-02T09:00:00.000Z');
    });

    test('everything it holds copies into another store, and copying twice adds nothing', async () => {
      const snapshot = await store.exportAll();
      assert.ok(snapshot.certificates.length >= 3);
      assert.ok(snapshot.ledger.length >= 3);
      assert.ok(snapshot.snoozes.length >= 1);
      assert.ok(snapshot.renewals.length >= 1);
      assert.ok((snapshot.endpoints ?? []).length >= 2);
      const target = await open();
      try {
        assert.deepEqual(await target.importAll(snapshot), {
          certificates: snapshot.certificates.length,
          ledger: snapshot.ledger.length,
          snoozes: snapshot.snoozes.length,
          renewals: snapshot.renewals.length,
        });
        assert.deepEqual(await target.importAll(snapshot), { certificates: 0, ledger: 0, snoozes: 0, renewals: 0 });
        assert.deepEqual(await target.exportAll(), snapshot);
        assert.deepEqual(await target.list({ all: true }), await store.list({ all: true }));
        assert.deepEqual(await target.listEndpoints({ all: true }), await store.listEndpoints({ all: true }));
        assert.deepEqual(await target.reminderHistory(), await store.reminderHistory());
      } finally {
        await target.close();
      }
    });
  });
}
