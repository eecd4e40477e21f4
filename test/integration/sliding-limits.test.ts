import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attemptLimiter } from '@eligo/server/lib/limits/attempt-limiter';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * The sliding-window reservations behind the mail limits (`reserveSliding`), on the run's real
 * database: at most N in any window, exactly under concurrency, shared by two API instances, and
 * free again as each reservation's own window passes (an injected clock: no waiting, no dates).
 */
let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  first = await createTestApp(import.meta.filename);
  second = await createTestApp(import.meta.filename, { databaseOf: first });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

const HOUR = 3_600_000;
const limit = { max: 3, windowMs: 24 * HOUR };

/**
 * A clock from `start` hours after a fixed moment in the future: the slots' `expiresAt` must lie
 * ahead of the real time, or the TTL index (on the real clock) would delete them mid-test.
 */
function clock(start: number) {
  const state = { now: Date.UTC(2100, 0, 1) + start };
  return { state, now: () => state.now };
}

describe('sliding-window reservations', () => {
  test('three in any 24 hours; each frees 24 hours after it was taken, not at midnight', async () => {
    const time = clock(23 * HOUR); // 23:00 on 1 January 2100
    const limiter = attemptLimiter(first.app.mongo, time.now);
    const key = `sliding-${Math.random()}`;
    const taken: number[] = [];
    for (const at of [0, 1, 2]) {
      time.state.now += at === 0 ? 0 : HOUR / 2;
      expect((await limiter.reserveSliding(key, limit)).ok).toBe(true);
      taken.push(time.state.now);
    }
    // After midnight: still three in the last 24 hours.
    time.state.now = taken[0]! + 2 * HOUR;
    const refused = await limiter.reserveSliding(key, limit);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 22 * 3600 });
    // 24 hours after the first: one is free again, the others not yet.
    time.state.now = taken[0]! + limit.windowMs;
    expect((await limiter.reserveSliding(key, limit)).ok).toBe(true);
    const next = await limiter.reserveSliding(key, limit);
    expect(next).toEqual({ ok: false, retryAfterSeconds: 1800 });
  });

  test('a released reservation is free at once', async () => {
    const limiter = attemptLimiter(first.app.mongo, clock(5_000 * HOUR).now);
    const key = `release-${Math.random()}`;
    const reservations = [];
    for (let i = 0; i < 3; i++) reservations.push(await limiter.reserveSliding(key, limit));
    expect((await limiter.reserveSliding(key, limit)).ok).toBe(false);
    const one = reservations[1]!;
    if (!one.ok) throw new Error('expected a reservation');
    await one.release();
    expect((await limiter.reserveSliding(key, limit)).ok).toBe(true);
  });

  test('30 concurrent reservations over two instances: exactly 3 succeed', async () => {
    const time = clock(9_000 * HOUR);
    const limiters = [first, second].map((t) => attemptLimiter(t.app.mongo, time.now));
    const key = `race-${Math.random()}`;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => limiters[i % 2]!.reserveSliding(key, limit)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    // Again once the window passed: the expired slots are reused, exactly once each.
    time.state.now += limit.windowMs;
    const again = await Promise.all(
      Array.from({ length: 30 }, (_, i) => limiters[i % 2]!.reserveSliding(key, limit)),
    );
    expect(again.filter((r) => r.ok)).toHaveLength(3);
  });
});
