import type { Clock } from '@eligo/server/plugins/clock';

/**
 * A clock a test moves by hand, injected with `createTestApp(…, { clock })`: deadlines, Filing
 * buckets and the digest's 08:00 are reached without waiting and without today's date.
 */
export interface TestClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
  advanceDays(days: number): void;
}

export function testClock(start: Date | string): TestClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new Error(`not an instant: ${String(start)}`);
  return {
    now: () => new Date(current),
    set(instant) {
      current = new Date(instant).getTime();
    },
    advance(ms) {
      current += ms;
    },
    advanceDays(days) {
      current += days * 86_400_000;
    },
  };
}
