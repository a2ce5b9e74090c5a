/**
 * At most `limit` probe targets per user within any `windowMs`, the clock given on every call.
 * Per process: each replica counts its own, which bounds what one person can make the bot do.
 */
export class ProbeRateLimiter {
  private readonly taken = new Map<string, number[]>();

  constructor(
    readonly limit = 10,
    readonly windowMs = 60_000,
  ) {}

  /** Takes `count` targets for `user` at `nowMs`, or says how long to wait; a refusal takes nothing. */
  take(user: string, count: number, nowMs: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const since = nowMs - this.windowMs;
    const recent = (this.taken.get(user) ?? []).filter((at) => at > since);
    if (count > this.limit) return { allowed: false, retryAfterMs: this.windowMs };
    const over = recent.length + count - this.limit;
    if (over > 0) {
      this.taken.set(user, recent);
      // The oldest `over` entries must leave the window first.
      return { allowed: false, retryAfterMs: recent[over - 1]! + this.windowMs - nowMs };
    }
    for (let i = 0; i < count; i++) recent.push(nowMs);
    this.taken.set(user, recent);
    if (this.taken.size > 10_000) this.sweep(since);
    return { allowed: true };
  }

  private sweep(since: number): void {
    for (const [user, times] of this.taken) if (!times.some((at) => at > since)) this.taken.delete(user);
  }
}
