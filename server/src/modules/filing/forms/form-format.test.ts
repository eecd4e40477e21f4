import { describe, expect, test } from 'vitest';
import {
  dateIn,
  dollars,
  localTimestamp,
  nameLastFirst,
  ssnDashed,
  usDate,
  usPhone,
} from './form-format.ts';

describe('form values', () => {
  test.each([
    ['2026-03-02', '03/02/2026'],
    ['2024-02-29', '02/29/2024'],
    ['2023-02-29', ''],
    [null, ''],
  ])('usDate(%s) = "%s"', (input, expected) => {
    expect(usDate(input)).toBe(expected);
  });

  test.each([
    // Late evening in Los Angeles is already the next day in UTC: the form shows the local day.
    ['2026-03-02T03:30:00.000Z', 'America/Los_Angeles', '2026-03-01'],
    ['2026-03-02T03:30:00.000Z', 'America/New_York', '2026-03-01'],
    ['2026-03-02T05:30:00.000Z', 'America/New_York', '2026-03-02'],
    ['2026-07-01T12:00:00.000Z', 'Pacific/Honolulu', '2026-07-01'],
  ])('dateIn(%s, %s) = %s', (instant, zone, expected) => {
    expect(dateIn(instant, zone)).toBe(expected);
  });

  test('a local timestamp names its zone, standard or daylight time', () => {
    expect(localTimestamp('2026-03-02T15:04:05.000Z', 'America/Chicago')).toBe(
      '03/02/2026 09:04:05 CST',
    );
    expect(localTimestamp('2026-07-02T15:04:05.000Z', 'America/Chicago')).toBe(
      '07/02/2026 10:04:05 CDT',
    );
  });

  test('an instant that is not one is refused, not printed as a wrong date', () => {
    expect(() => dateIn('yesterday', 'America/Chicago')).toThrow(RangeError);
  });

  test.each([
    ['123456789', '123-45-6789'],
    ['123-45-6789', '123-45-6789'],
    [null, ''],
  ])('ssnDashed(%s) = "%s"', (input, expected) => {
    expect(ssnDashed(input)).toBe(expected);
  });

  test.each([
    ['512-555-0100', '(512) 555-0100'],
    ['+1 (512) 555 0100', '(512) 555-0100'],
    ['555-0100', '555-0100'],
    [null, ''],
  ])('usPhone(%s) = "%s"', (input, expected) => {
    expect(usPhone(input)).toBe(expected);
  });

  test.each([
    [17.25, '$17.25'],
    [15, '$15.00'],
    [52000, '$52,000.00'],
    [null, ''],
  ])('dollars(%s) = "%s"', (input, expected) => {
    expect(dollars(input)).toBe(expected);
  });

  test('the 9061 name is Last, First, MI', () => {
    const address = { street: '', city: '', state: 'TX', zip: '' };
    const base = { ssn: null, address, county: null, phone: null, dob: null };
    expect(
      nameLastFirst({ ...base, firstName: 'Ada', middleInitial: 'B', lastName: 'Lovelace' }),
    ).toBe('Lovelace, Ada, B');
    expect(
      nameLastFirst({ ...base, firstName: 'Ada', middleInitial: null, lastName: 'Lovelace' }),
    ).toBe('Lovelace, Ada');
  });
});
