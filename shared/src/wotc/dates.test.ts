import { describe, expect, test } from 'vitest';
import {
  addDays,
  addYears,
  ageOn,
  compareIsoDates,
  daysBetween,
  endOfMonth,
  isIsoDate,
  parseIsoMonth,
} from './dates.ts';

describe('isIsoDate', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-10', false],
    ['2026-01-10T00:00:00Z', false],
    [20260110, false],
    [undefined, false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('parseIsoMonth', () => {
  test.each([
    ['2026-03', { year: 2026, month: 3 }],
    ['2026-13', null],
    ['2026-3', null],
    ['2026-03-01', null],
  ])('%s → %o', (value, expected) => {
    expect(parseIsoMonth(value)).toEqual(expected);
  });
});

describe('ageOn', () => {
  test.each([
    ['2000-06-15', '2018-06-14', 17],
    ['2000-06-15', '2018-06-15', 18],
    ['2000-06-15', '2040-06-14', 39],
    ['2000-06-15', '2040-06-15', 40],
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['2000-02-29', '2020-02-29', 20],
    ['2000-06-15', '2000-06-15', 0],
    ['2000-06-15', '2000-06-14', null],
  ])('born %s, on %s → %s', (dob, on, expected) => {
    expect(ageOn(dob, on)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-05-30', -60, '2026-03-31'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('addDays(%s, %i) → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test.each([
    ['2025-06-02', 1, '2026-06-02'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
  ])('addYears(%s, %i) → %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  test.each([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-04', '2026-04-30'],
  ])('endOfMonth(%s) → %s', (month, expected) => {
    expect(endOfMonth(month)).toBe(expected);
  });

  test('compare and difference', () => {
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysBetween('2026-03-31', '2026-05-30')).toBe(60);
  });

  test('an invalid date is an error, not a silent NaN', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
    expect(() => ageOn('not a date', '2026-01-01')).toThrow(RangeError);
  });
});
