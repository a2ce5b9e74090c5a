import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrackedCertificate } from '../../src/store/store.js';
import { decideChange, decideTrackInto, type UserStanding, visibleTo } from '../../src/tracking/permissions.js';

function user(userId: string, isAdmin: boolean | undefined, channels: Record<string, boolean | undefined>): UserStanding {
  return { userId, isAdmin, memberOf: (channel) => channels[channel] };
}

function tracked(thumbprint: string, extra: Partial<TrackedCertificate>): TrackedCertificate {
  return {
    thumbprint,
    subject: `CN=${thumbprint}`,
    issuer: 'CN=CA',
    domains: [],
    addedBy: 'U0',
    addedAt: '2026-11-01T00:00:00.000Z',
    status: 'active',
    ...extra,
  } as TrackedCertificate;
}

describe('decideChange', () => {
  const inOps = { channel: 'COPS', owner: 'UOWNER' };
  const rows: { name: string; cert: Pick<TrackedCertificate, 'channel' | 'owner'>; who: UserStanding; fallback?: string; want: string }[] = [
    { name: 'a member of the reminder channel', cert: inOps, who: user('UM', false, { COPS: true }), want: 'member' },
    { name: 'the owner, not in the channel', cert: inOps, who: user('UOWNER', false, { COPS: false }), want: 'owner' },
    { name: 'a workspace admin, not in the channel', cert: inOps, who: user('UA', true, { COPS: false }), want: 'admin' },
    { name: 'a stranger', cert: inOps, who: user('US', false, { COPS: false }), want: 'not-allowed' },
    { name: 'a stranger whose membership lookup failed', cert: inOps, who: user('US', false, { COPS: undefined }), want: 'lookup-failed' },
    { name: 'a stranger whose admin lookup failed', cert: inOps, who: user('US', undefined, { COPS: false }), want: 'lookup-failed' },
    { name: 'DM-tracked: the owner', cert: { owner: 'UOWNER' }, who: user('UOWNER', false, {}), want: 'owner' },
    { name: 'DM-tracked: a member of REMINDER_CHANNEL is not enough', cert: { owner: 'UOWNER' }, who: user('UM', false, { CFALL: true }), fallback: 'CFALL', want: 'not-allowed' },
    { name: 'CLI-tracked, no owner: a member of REMINDER_CHANNEL', cert: {}, who: user('UM', false, { CFALL: true }), fallback: 'CFALL', want: 'member' },
    { name: 'CLI-tracked, no owner, no fallback: an admin', cert: {}, who: user('UA', true, {}), want: 'admin' },
    { name: 'CLI-tracked, no owner, no fallback: anyone else', cert: {}, who: user('US', false, {}), want: 'not-allowed' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const decision = decideChange(row.cert, row.who, row.fallback);
      assert.equal(decision.allowed ? decision.as : decision.reason, row.want);
    });
  }

  it('says who can when it refuses', () => {
    const decision = decideChange(inOps, user('US', false, { COPS: false }));
    assert.deepEqual(decision, { allowed: false, reason: 'not-allowed', channel: 'COPS', owner: 'UOWNER' });
  });
});

describe('decideTrackInto', () => {
  it('needs the user in the channel and the bot able to post', () => {
    assert.deepEqual(decideTrackInto('C1', user('U', false, { C1: true }), true), { allowed: true });
    assert.equal(decideTrackInto('C1', user('U', false, { C1: false }), true).allowed, false);
    assert.deepEqual(decideTrackInto('C1', user('U', false, { C1: true }), false), {
      allowed: false,
      reason: 'bot-cannot-post',
      channel: 'C1',
    });
    assert.deepEqual(decideTrackInto('C1', user('U', false, { C1: undefined }), true), {
      allowed: false,
      reason: 'lookup-failed',
      channel: 'C1',
    });
  });
});

describe('visibleTo', () => {
  const all = [
    tracked('A', { channel: 'COPS' }),
    tracked('B', { channel: 'CSECRET' }),
    tracked('C', { owner: 'UME' }),
    tracked('D', {}),
  ];
  it('shows a user the certificates of their channels and their own', () => {
    const listing = visibleTo(all, user('UME', false, { COPS: true, CSECRET: false }));
    assert.deepEqual(
      listing.certificates.map((c) => c.thumbprint),
      ['A', 'C'],
    );
    assert.equal(listing.hidden, 2);
    assert.equal(listing.asAdmin, false);
  });
  it('shows an admin everything, marked as such', () => {
    const listing = visibleTo(all, user('UA', true, {}));
    assert.equal(listing.certificates.length, 4);
    assert.equal(listing.asAdmin, true);
  });
  it('shows only what the user owns when lookups failed', () => {
    const listing = visibleTo(all, user('UME', undefined, { COPS: undefined, CSECRET: undefined }));
    assert.deepEqual(
      listing.certificates.map((c) => c.thumbprint),
      ['C'],
    );
  });
  it('counts CLI-tracked certificates under REMINDER_CHANNEL for its members', () => {
    const listing = visibleTo(all, user('UM', false, { CFALL: true }), 'CFALL');
    assert.deepEqual(
      listing.certificates.map((c) => c.thumbprint),
      ['D'],
    );
  });
});
