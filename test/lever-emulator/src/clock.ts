/**
 * The emulator's notion of "now". It runs in real time from an offset that tests can move forward,
 * so token expiries and `triggeredAt` can be exercised without waiting.
 */
export interface Clock {
  now(): number;
  advance(ms: number): number;
  set(epochMs: number): number;
  reset(): void;
}

export function createClock(startAt?: number): Clock {
  const initialOffset = startAt === undefined ? 0 : startAt - Date.now();
  let offset = initialOffset;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
      return Date.now() + offset;
    },
    set(epochMs) {
      offset = epochMs - Date.now();
      return epochMs;
    },
    reset() {
      offset = initialOffset;
    },
  };
}
