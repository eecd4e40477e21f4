import { describe, expect, test } from 'vitest';
import { formatMailDate } from './mail-date.ts';

describe('formatMailDate', () => {
  test.each([
    ['2026-11-28T19:05:00.000Z', '28 Nov 2026, 19:05 UTC'],
    ['2027-01-03T00:00:59.000Z', '3 Jan 2027, 00:00 UTC'],
  ])('%s → %s', (iso, expected) => {
    expect(formatMailDate(iso)).toBe(expected);
    expect(formatMailDate(new Date(iso))).toBe(expected);
  });
});
