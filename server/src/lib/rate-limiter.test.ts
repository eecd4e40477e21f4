import { describe, expect, test } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  test('allows max hits per window, then asks to wait until the window ends', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('k')).toBe(0);
      limiter.hit('k');
    }
    expect(limiter.retryAfter('k')).toBe(60);
    now += 30_500;
    expect(limiter.retryAfter('k')).toBe(30);
    now += 30_000;
    expect(limiter.retryAfter('k')).toBe(0);
  });

  test('keys are independent and reset clears one', () => {
    const limiter = new RateLimiter(1, 60_000);
    limiter.hit('a');
    expect(limiter.retryAfter('a')).toBeGreaterThan(0);
    expect(limiter.retryAfter('b')).toBe(0);
    limiter.reset('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });
});
