import type { UserStanding } from '../tracking/permissions.js';

/**
 * Who a user is, from Slack itself — never from the channel a click says it came from. Answers are
 * cached briefly (membership changes rarely within a minute, and a digest with five buttons should not
 * cost ten API calls). Only successes are cached: a failed lookup is asked again next time, and the
 * decision it feeds refuses meanwhile.
 */

/** The Web API methods the directory uses; Bolt's WebClient has them. */
export interface DirectoryClient {
  users: {
    info(args: { user: string }): Promise<{
      user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean };
    }>;
  };
  conversations: {
    members(args: { channel: string; cursor?: string; limit?: number }): Promise<{
      members?: string[];
      response_metadata?: { next_cursor?: string };
    }>;
    info(args: { channel: string }): Promise<{
      channel?: { is_member?: boolean; is_private?: boolean; is_archived?: boolean; is_im?: boolean; is_mpim?: boolean };
    }>;
  };
}

export interface Directory {
  /** The user's standing for the channels a decision needs (looked up together). */
  standing(client: DirectoryClient, userId: string, channels: readonly string[]): Promise<UserStanding>;
  /** Can the bot post in this channel (member, or a public channel with chat:write.public)? */
  botCanPost(client: DirectoryClient, channel: string): Promise<boolean | undefined>;
}

export interface DirectoryOptions {
  now(): Date;
  /** How long an answer is trusted. */
  ttlMs?: number;
  /** Pages of conversations.members read at most (1,000 members each). */
  maxPages?: number;
}

interface Cached<T> {
  value: T;
  until: number;
}

export function createDirectory(options: DirectoryOptions): Directory {
  const ttl = options.ttlMs ?? 60_000;
  const maxPages = options.maxPages ?? 20;
  const admins = new Map<string, Cached<boolean>>();
  const members = new Map<string, Cached<ReadonlySet<string>>>();

  const fresh = <T>(cache: Map<string, Cached<T>>, key: string): T | undefined => {
    const hit = cache.get(key);
    if (hit && hit.until > options.now().getTime()) return hit.value;
    cache.delete(key);
    return undefined;
  };
  const keep = <T>(cache: Map<string, Cached<T>>, key: string, value: T): T => {
    // Bounded: a busy workspace must not grow this without end.
    if (cache.size > 5_000) cache.clear();
    cache.set(key, { value, until: options.now().getTime() + ttl });
    return value;
  };

  async function isAdmin(client: DirectoryClient, userId: string): Promise<boolean | undefined> {
    const cached = fresh(admins, userId);
    if (cached !== undefined) return cached;
    try {
      const { user } = await client.users.info({ user: userId });
      if (!user) return undefined;
      return keep(admins, userId, Boolean(user.is_admin || user.is_owner || user.is_primary_owner));
    } catch {
      return undefined;
    }
  }

  async function membersOf(client: DirectoryClient, channel: string): Promise<ReadonlySet<string> | undefined> {
    const cached = fresh(members, channel);
    if (cached) return cached;
    try {
      const all = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        const answer = await client.conversations.members({ channel, limit: 1000, ...(cursor && { cursor }) });
        for (const member of answer.members ?? []) all.add(member);
        cursor = answer.response_metadata?.next_cursor || undefined;
        if (!cursor) return keep(members, channel, all);
      }
      // More members than we read: an incomplete list cannot say "not a member".
      return undefined;
    } catch {
      return undefined;
    }
  }

  return {
    async standing(client, userId, channels) {
      const unique = [...new Set(channels)];
      const [admin, ...lists] = await Promise.all([
        isAdmin(client, userId),
        ...unique.map((channel) => membersOf(client, channel)),
      ]);
      const membership = new Map(unique.map((channel, i) => [channel, lists[i]]));
      return {
        userId,
        isAdmin: admin,
        memberOf: (channel) => {
          if (!membership.has(channel)) return undefined;
          return membership.get(channel)?.has(userId);
        },
      };
    },
    async botCanPost(client, channel) {
      try {
        const { channel: info } = await client.conversations.info({ channel });
        if (!info) return undefined;
        if (info.is_archived) return false;
        if (info.is_member) return true;
        // A public channel takes posts from a bot with chat:write.public; private ones need the bot inside.
        return !info.is_private && !info.is_im && !info.is_mpim;
      } catch (error) {
        // A private channel the bot is not in looks like no channel at all.
        if (slackErrorCode(error) === 'channel_not_found') return false;
        return undefined;
      }
    },
  };
}

function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
