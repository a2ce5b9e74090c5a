import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDirectory, type DirectoryClient } from '../../src/slack/directory.js';

/** A plain fake of the three Web API methods, counting calls and able to fail. */
function fakeClient(world: {
  admins?: string[];
  members: Record<string, string[]>;
  channels?: Record<string, { is_member?: boolean; is_private?: boolean; is_archived?: boolean }>;
  failUsers?: boolean;
  failMembers?: boolean;
}) {
  const calls = { users: 0, members: 0, info: 0 };
  const client: DirectoryClient = {
    users: {
      async info({ user }) {
        calls.users++;
        if (world.failUsers) throw Object.assign(new Error('ratelimited'), { data: { error: 'ratelimited' } });
        return { user: { is_admin: world.admins?.includes(user) ?? false } };
      },
    },
    conversations: {
      async members({ channel, cursor }) {
        calls.members++;
        if (world.failMembers) throw Object.assign(new Error('ratelimited'), { data: { error: 'ratelimited' } });
        const all = world.members[channel] ?? [];
        // Two members a page, to exercise the cursor.
        const start = Number(cursor ?? 0);
        const next = start + 2 < all.length ? String(start + 2) : '';
        return { members: all.slice(start, start + 2), response_metadata: { next_cursor: next } };
      },
      async info({ channel }) {
        calls.info++;
        const found = world.channels?.[channel];
        if (!found) throw Object.assign(new Error('channel_not_found'), { data: { error: 'channel_not_found' } });
        return { channel: found };
      },
    },
  };
  return { client, calls };
}

describe('createDirectory', () => {
  it('reads membership across pages and admin status', async () => {
    const { client } = fakeClient({ admins: ['UA'], members: { C1: ['U1', 'U2', 'U3', 'U4', 'U5'] } });
    let now = new Date('2026-12-01T00:00:00Z');
    const directory = createDirectory({ now: () => now });
    const five = await directory.standing(client, 'U5', ['C1']);
    assert.equal(five.memberOf('C1'), true);
    assert.equal(five.isAdmin, false);
    const admin = await directory.standing(client, 'UA', ['C1']);
    assert.equal(admin.memberOf('C1'), false);
    assert.equal(admin.isAdmin, true);
    // A channel not asked about is unknown, not "no".
    assert.equal(five.memberOf('C2'), undefined);
    now = new Date(now.getTime() + 1);
  });

  it('caches answers for a while, then asks again', async () => {
    const { client, calls } = fakeClient({ members: { C1: ['U1'] } });
    let now = new Date('2026-12-01T00:00:00Z');
    const directory = createDirectory({ now: () => now, ttlMs: 60_000 });
    await directory.standing(client, 'U1', ['C1']);
    await directory.standing(client, 'U1', ['C1']);
    assert.deepEqual([calls.users, calls.members], [1, 1]);
    now = new Date(now.getTime() + 61_000);
    await directory.standing(client, 'U1', ['C1']);
    assert.deepEqual([calls.users, calls.members], [2, 2]);
  });

  it('never falls open: failed lookups are unknown and are not cached', async () => {
    const world = { members: { C1: ['U1'] }, failUsers: true, failMembers: true };
    const { client, calls } = fakeClient(world);
    const directory = createDirectory({ now: () => new Date('2026-12-01T00:00:00Z') });
    const standing = await directory.standing(client, 'U1', ['C1']);
    assert.equal(standing.isAdmin, undefined);
    assert.equal(standing.memberOf('C1'), undefined);
    world.failUsers = false;
    world.failMembers = false;
    const again = await directory.standing(client, 'U1', ['C1']);
    assert.equal(again.memberOf('C1'), true);
    assert.equal(calls.members, 2);
  });

  it('tells whether the bot can post', async () => {
    const { client } = fakeClient({
      members: {},
      channels: {
        CPUB: { is_member: false, is_private: false },
        CIN: { is_member: true, is_private: true },
        COLD: { is_member: true, is_archived: true },
      },
    });
    const directory = createDirectory({ now: () => new Date('2026-12-01T00:00:00Z') });
    assert.equal(await directory.botCanPost(client, 'CPUB'), true);
    assert.equal(await directory.botCanPost(client, 'CIN'), true);
    assert.equal(await directory.botCanPost(client, 'COLD'), false);
    assert.equal(await directory.botCanPost(client, 'CPRIVATE'), false);
  });
});
