import { describe, expect, test } from 'vitest';
import { LeverApiError, parseRetryAfter } from './lever.errors.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  test.each([
    ['30', 30_000],
    [' 0 ', 0],
    ['Tue, 01 Jan 2030 00:00:10 GMT', 10_000],
    ['Mon, 31 Dec 2029 23:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
  ])('%j → %j', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  test('no header → null', () => {
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('LeverApiError.retryable', () => {
  test.each([
    [null, true],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
  ])('HTTP %s → retryable %s', (status, retryable) => {
    expect(new LeverApiError(status, null, null).retryable).toBe(retryable);
  });
});
