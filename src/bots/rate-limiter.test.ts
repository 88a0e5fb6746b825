import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the rate per minute, per user', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 2, now: () => now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now = 9_999; // 6 per minute = one every 10 s
    expect(limiter.take('a')).toBe(false);
    now = 10_000;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('never stores more than the burst, however long a user was away', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3, now: () => now });
    limiter.take('a');
    now = 3_600_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
  });
});
