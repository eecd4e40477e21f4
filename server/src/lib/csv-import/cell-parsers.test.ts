import { describe, expect, test } from 'vitest';
import { csvDate, csvHours, csvMoney, csvOneOf, csvText, optional } from './cell-parsers.ts';

const value = (v: unknown) => ({ ok: true, value: v });
const error = (pattern: RegExp) => ({ ok: false, message: expect.stringMatching(pattern) });

describe('csvDate', () => {
  test.each([
    ['2026-03-31', value('2026-03-31')],
    [' 2024-02-29 ', value('2024-02-29')],
    ['2026-02-30', error(/^2026-02-30 is not a real date$/)],
    ['2025-02-29', error(/not a real date/)],
    ['2026-13-01', error(/not a real date/)],
    ['03/31/2026', error(/^"03\/31\/2026" is not a date written YYYY-MM-DD/)],
    ['2026-3-31', error(/YYYY-MM-DD/)],
    ['2026-03-31T00:00:00Z', error(/YYYY-MM-DD/)],
    ['', error(/^A value is required$/)],
  ])('%j', (cell, expected) => {
    expect(csvDate()(cell)).toEqual(expected);
  });
});

describe('csvMoney: dollars and cents, thousands separators only as "1,234.50"', () => {
  test.each([
    ['1234.50', value(1234.5)],
    ['0', value(0)],
    ['12', value(12)],
    ['0.07', value(0.07)],
    // Reaches the parser only from a quoted cell: unquoted, the comma splits the line.
    ['1,234.50', value(1234.5)],
    ['1,234,567', value(1234567)],
    [' 99.9 ', value(99.9)],
    ['$1,234.50', error(/^"\$1,234.50": write the amount without a currency symbol/)],
    ['1234.50 USD', error(/without a currency symbol/)],
    ['€12', error(/without a currency symbol/)],
    ['-5', error(/^"-5" is negative; it must be 0 or more$/)],
    ['(5.00)', error(/negative/)],
    ['12.345', error(/^"12.345" has more than 2 decimals$/)],
    ['1234,50', error(/^"1234,50" is not a valid amount: use a dot for decimals/)],
    ['12,34.5', error(/comma every three digits/)],
    ['1,2345', error(/comma every three digits/)],
    ['1e3', error(/^"1e3" is not a number/)],
    ['+5', error(/is not a number/)],
    ['12.', error(/is not a number/)],
    ['abc', error(/is not a number/)],
    ['', error(/required/)],
    ['200000000', error(/is more than 100,000,000/)],
  ])('%j', (cell, expected) => {
    expect(csvMoney()(cell)).toEqual(expected);
  });
});

describe('csvHours', () => {
  test.each([
    ['40', value(40)],
    ['37.5', value(37.5)],
    ['0', value(0)],
    ['-1', error(/negative/)],
    ['8.125', error(/more than 2 decimals/)],
    ['forty', error(/is not a number \(e.g. 37.5\)/)],
    ['10001', error(/is more than 10,000/)],
  ])('%j', (cell, expected) => {
    expect(csvHours()(cell)).toEqual(expected);
  });
});

describe('csvText', () => {
  const text = csvText({ maxLength: 10 });
  test.each([
    ['  Jane Doe ', value('Jane Doe')],
    ['Doe, "JD"', value('Doe, "JD"')],
    ['Compañía', value('Compañía')],
    ['', error(/required/)],
    ['   ', error(/required/)],
    ['Jane\nDoe', error(/line break, a tab or another control character/)],
    ['Jane\tDoe', error(/control character/)],
    ['a\u0085b', error(/control character/)],
    ['Caf\uFFFD', error(/not UTF-8: save the file as "CSV UTF-8"/)],
    ['x'.repeat(11), error(/^Is longer than 10 characters$/)],
  ])('%j', (cell, expected) => {
    expect(text(cell)).toEqual(expected);
  });
});

describe('csvOneOf and optional', () => {
  test('a listed value, whatever its case, comes back as listed', () => {
    const status = csvOneOf(['certified', 'denied'] as const);
    expect(status(' Certified ')).toEqual(value('certified'));
    expect(status('approved')).toEqual(
      error(/"approved" is not an accepted value: one of certified, denied/),
    );
  });

  test('an optional cell left empty is null; anything else must be valid', () => {
    const date = optional(csvDate());
    expect(date('  ')).toEqual(value(null));
    expect(date('2026-01-05')).toEqual(value('2026-01-05'));
    expect(date('2026-02-30')).toEqual(error(/not a real date/));
  });
});
