// Per-user token bucket: `burst` questions at once, refilled at `perMinute`. In memory, per
// replica: a user spread over several replicas gets a little more, which is acceptable here.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly opts: { perMinute: number; burst: number; now?: () => number }) {}

  take(key: string): boolean {
    const now = (this.opts.now ?? Date.now)();
    const b = this.buckets.get(key) ?? { tokens: this.opts.burst, at: now };
    b.tokens = Math.min(this.opts.burst, b.tokens + ((now - b.at) / 60_000) * this.opts.perMinute);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.buckets.delete(this.buckets.keys().next().value!);
    return ok;
  }
}
