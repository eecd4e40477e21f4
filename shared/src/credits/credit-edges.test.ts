import { describe, expect, test } from 'vitest';
import { creditFor } from './credit-for.ts';
import { monthly, period } from './credit-fixtures.ts';
import { creditWindows, taxYearOf, taxYearWindow } from './credit-periods.ts';
import type { CreditInput } from './credit-schemas.ts';
import { CURRENT_RULE_SET } from '../wotc/program-rules.ts';

// Hires that stop, rehires, lapses and the edges of the arithmetic (docs/credits.md §3–§5).

const fullYear = monthly('2025-03', 12, 160, 2400);

describe('termination, rehire and the authorization end', () => {
  test('terminated under 120 hours: no credit, and periods after the end are not counted', () => {
    const result = creditFor({
      targetGroup: 'C',
      startedOn: '2025-04-07',
      terminatedOn: '2025-05-02',
      periods: [
        period('2025-04-07', '2025-04-13', 32, 480),
        period('2025-04-14', '2025-04-20', 32, 480),
        period('2025-04-21', '2025-04-27', 32, 480),
        period('2025-04-28', '2025-05-04', 16, 240), // the last paycheck ends after the last day
        period('2025-05-05', '2025-05-11', 40, 600), // after termination: a data error
      ],
    });
    expect(result.status).toBe('below_minimum_hours');
    expect(result.firstYear).toMatchObject({ hours: 112, wages: 1680, rate: 0, credit: 0 });
    expect(result.excludedPeriods).toBe(1);
    expect(result.total).toBe(0);
  });

  test('terminated after 400 hours: the credit earned stays', () => {
    const result = creditFor({
      targetGroup: 'C',
      startedOn: '2025-03-01',
      terminatedOn: '2025-05-31',
      periods: fullYear,
    });
    expect(result.firstYear).toMatchObject({ hours: 480, wages: 7200, credit: 2400 });
    expect(result.excludedPeriods).toBe(9);
  });

  test('a rehire (IRC §51(i)(2)) gets nothing, whatever the hours', () => {
    const result = creditFor({
      targetGroup: 'B-c',
      startedOn: '2025-03-01',
      rehire: true,
      periods: fullYear,
    });
    expect(result.status).toBe('rehire');
    expect(result.firstYear).toMatchObject({ hours: 1920, wages: 28800, rate: 0, credit: 0 });
    expect(result.byTaxYear['2025']).toMatchObject({ firstYearWages: 24000, credit: 0 });
    expect(result.total).toBe(0);
  });

  test('a start after the authorization end is zero until the setting moves, both ways', () => {
    const input: CreditInput = {
      targetGroup: 'A',
      startedOn: '2026-01-05',
      periods: monthly('2026-01', 3, 160, 2400),
    };
    expect(creditFor(input)).toMatchObject({ status: 'program_not_authorized', total: 0 });
    const extended = creditFor({ ...input, authorizedThrough: '2030-12-31' });
    expect(extended).toMatchObject({ status: 'credited', total: 2400 });
    const early = { ...input, startedOn: '2025-11-03', authorizedThrough: '2025-10-31' };
    expect(creditFor(early)).toMatchObject({ status: 'program_not_authorized', total: 0 });
    expect(creditFor({ ...early, authorizedThrough: undefined }).total).toBe(2400);
  });

  test('a start before the rule table is refused, not guessed', () => {
    expect(() => creditFor({ targetGroup: 'A', startedOn: '2015-06-01', periods: [] })).toThrow(
      /no WOTC rule set/,
    );
  });
});

describe('assigning periods to years', () => {
  test('a period belongs to the year of its end: one ending before the start is excluded', () => {
    const result = creditFor({
      targetGroup: 'A',
      startedOn: '2025-03-05',
      periods: [
        period('2025-02-24', '2025-03-02', 40, 600), // before the first day
        period('2025-03-03', '2025-03-09', 24, 360), // straddles the start: counted whole
        period('2026-02-23', '2026-03-04', 40, 600), // ends on the last day of the first year
        period('2026-03-02', '2026-03-08', 40, 600), // ends in the second year
      ],
    });
    expect(result.firstYear).toMatchObject({ from: '2025-03-05', through: '2026-03-04' });
    expect(result.firstYear).toMatchObject({ hours: 64, wages: 960 });
    expect(result.excludedPeriods).toBe(2);
  });

  test('a 29 February start: the first year keeps 28 February, the second starts 1 March', () => {
    const { first, second } = creditWindows('I', '2024-02-29', CURRENT_RULE_SET);
    expect(first).toEqual({ from: '2024-02-29', through: '2025-02-28' });
    expect(second).toEqual({ from: '2025-03-01', through: '2026-02-28' });
  });

  test.each([
    ['2025-12-31', 1, 2025],
    ['2026-01-01', 1, 2026],
    ['2026-06-30', 7, 2025],
    ['2026-07-01', 7, 2026],
    ['2025-09-30', 10, 2024],
  ] as const)('%s with tax years from month %i is tax year %i', (date, month, year) => {
    expect(taxYearOf(date, month)).toBe(year);
  });

  test('tax year windows', () => {
    expect(taxYearWindow(2025)).toEqual({ from: '2025-01-01', through: '2025-12-31' });
    expect(taxYearWindow(2025, 7)).toEqual({ from: '2025-07-01', through: '2026-06-30' });
  });
});

describe('rounding: integer cents and hundredths of an hour', () => {
  test.each([
    [1234.57, 600, 493.83], // 493.828
    [1234.57, 200, 308.64], // 308.6425
    [0.01, 200, 0], // 0.0025
    [0.02, 200, 0.01], // 0.005 rounds half up
  ] as const)('$%s at %i hours → $%s', (wages, hours, credit) => {
    const result = creditFor({
      targetGroup: 'A',
      startedOn: '2025-03-03',
      periods: [period('2025-03-03', '2025-03-30', hours, wages)],
    });
    expect(result.total).toBe(credit);
  });

  test('1,200 periods of 0.1 hours and $0.10 make 120 hours and $120 exactly', () => {
    const periods = Array.from({ length: 1200 }, () =>
      period('2025-03-03', '2025-03-09', 0.1, 0.1),
    );
    const result = creditFor({ targetGroup: 'A', startedOn: '2025-03-03', periods });
    expect(result.firstYear).toMatchObject({ hours: 120, wages: 120, rate: 0.25, credit: 30 });
  });

  test('amounts that are not exact in binary ($0.29, 0.57 h) still add up to the cent', () => {
    const periods = Array.from({ length: 300 }, () =>
      period('2025-03-03', '2025-03-09', 0.57, 0.29),
    );
    const result = creditFor({ targetGroup: 'A', startedOn: '2025-03-03', periods });
    expect(result.firstYear).toMatchObject({ hours: 171, wages: 87, rate: 0.25, credit: 21.75 });
  });
});

describe('bad input is refused with the field named', () => {
  const base: CreditInput = { targetGroup: 'A', startedOn: '2025-03-03', periods: [] };
  test.each([
    [{ periods: [period('2025-03-03', '2025-03-09', -1, 100)] }, /periods\[0\]\.hours/],
    [{ periods: [period('2025-03-03', '2025-03-09', 10, -5)] }, /periods\[0\]\.wages/],
    [{ periods: [period('2025-03-03', '2025-03-09', 10, Number.NaN)] }, /periods\[0\]\.wages/],
    [{ periods: [period('2025-03-09', '2025-03-03', 10, 100)] }, /periodEnd is before/],
    [{ periods: [period('2025-02-30', '2025-03-03', 10, 100)] }, /periodStart must be/],
    [{ startedOn: '03/03/2025' }, /startedOn must be/],
    [{ terminatedOn: '2025-03-02' }, /terminatedOn is before/],
    [{ targetGroup: 'K' }, /targetGroup must be/],
    [{ taxYearStartMonth: 13 }, /taxYearStartMonth/],
    [{ authorizedThrough: '2030' }, /authorizedThrough must be/],
  ])('%o', (change, message) => {
    expect(() => creditFor({ ...base, ...change } as CreditInput)).toThrow(message);
  });
});
