import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator } from './helpers/emulator.ts';

let env: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  env = await startEmulator();
});
afterAll(() => env.close());

test('a burst of 30 calls on one token gets some 429s; another token is unaffected', async () => {
  const token = await env.token('postings:read:admin');
  const other = await env.token('postings:read:admin');
  const statuses = await Promise.all(
    Array.from({ length: 30 }, () => env.call('GET', '/v1/postings', token).then((r) => r.status)),
  );
  const limited = statuses.filter((s) => s === 429).length;
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
  expect(limited).toBeGreaterThan(0);
  expect(limited).toBeLessThanOrEqual(10);
  expect((await env.call('GET', '/v1/postings', other)).status).toBe(200);

  const limitedResponse = await env.call('GET', '/v1/postings', token);
  if (limitedResponse.status === 429) {
    expect(limitedResponse.body).toEqual({ code: 'TooManyRequests', message: expect.any(String) });
    expect(limitedResponse.headers.get('retry-after')).toBeNull();
  }

  const counters = await env.call('GET', '/_emulator/counters');
  const mine = counters.body.data.find((c: { calls: number }) => c.calls >= 30);
  expect(mine).toMatchObject({
    kind: 'oauth',
    rateLimited: expect.any(Number),
    peakPerSecond: expect.any(Number),
  });
  expect(mine.rateLimited).toBeGreaterThanOrEqual(limited);
  expect(mine.byStatus['429']).toBe(mine.rateLimited);
  expect(mine.peakPerSecond).toBeGreaterThanOrEqual(30);
});
