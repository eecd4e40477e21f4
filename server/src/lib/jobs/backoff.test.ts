import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { backoffDelay, retryDelay } from './backoff.ts';

const settings = fc.record({
  baseDelayMs: fc.integer({ min: 1, max: 60_000 }),
  maxDelayMs: fc.integer({ min: 1, max: 24 * 3_600_000 }),
});
const attempt = fc.integer({ min: 1, max: 1_000 });
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoff with full jitter', () => {
  test('0 ≤ delay ≤ cap, for any attempt, settings and random draw', () => {
    fc.assert(
      fc.property(attempt, settings, unit, (n, s, r) => {
        const delay = backoffDelay(n, s, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(s.maxDelayMs);
        expect(delay).toBeLessThanOrEqual(s.baseDelayMs * 2 ** (n - 1));
      }),
    );
  });

  test('the ceiling doubles per attempt until the cap', () => {
    const s = { baseDelayMs: 100, maxDelayMs: 1_000 };
    const ceiling = (n: number) => backoffDelay(n, s, () => 0.999_999) + 1;
    expect([1, 2, 3, 4, 5, 6].map(ceiling)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  test('a Retry-After is a floor the jitter never undercuts', () => {
    fc.assert(
      fc.property(
        attempt,
        settings,
        unit,
        fc.integer({ min: 0, max: 3_600_000 }),
        (n, s, r, after) => {
          const delay = retryDelay(n, s, after, () => r);
          expect(delay).toBeGreaterThanOrEqual(after);
          expect(delay).toBe(
            Math.max(
              after,
              backoffDelay(n, s, () => r),
            ),
          );
        },
      ),
    );
  });
});
