import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ttlCache } from './ttl-cache.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('ttlCache', () => {
  test('gives an entry back until its time is up, then forgets it', () => {
    const cache = ttlCache<string>(5_000);
    cache.set('a', 'first');
    vi.advanceTimersByTime(4_999);
    expect(cache.get('a')).toBe('first');
    vi.advanceTimersByTime(1);
    expect(cache.get('a')).toBeUndefined();
  });

  test('keeps a cached null apart from a miss, and forgets a deleted entry at once', () => {
    const cache = ttlCache<string | null>(5_000);
    cache.set('none', null);
    expect(cache.get('none')).toBeNull();
    expect(cache.get('other')).toBeUndefined();
    cache.delete('none');
    expect(cache.get('none')).toBeUndefined();
  });

  test('past maxEntries it starts over instead of growing', () => {
    const cache = ttlCache<number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, undefined, 3]);
  });
});
