import { describe, expect, test } from 'vitest';
import type { DolCode } from '../wotc/groups.ts';
import { creditFor } from './credit-for.ts';
import { monthly, period } from './credit-fixtures.ts';

// Worked cases of docs/credits.md §6 (IRC §51 as it stands for hires through 2025-12-31).

describe('rate tier from the first-year hours (IRC §51(i)(3))', () => {
  test.each([
    [119, 0, 0, 'below_minimum_hours'],
    [119.99, 0, 0, 'below_minimum_hours'],
    [120, 0.25, 1250, 'credited'],
    [399, 0.25, 1250, 'credited'],
    [399.99, 0.25, 1250, 'credited'],
    [400, 0.4, 2000, 'credited'],
    [1800, 0.4, 2000, 'credited'],
  ] as const)('%s hours on $5,000 → rate %s, credit $%s', (hours, rate, credit, status) => {
    const result = creditFor({
      targetGroup: 'A',
      startedOn: '2025-03-03',
      periods: [period('2025-03-03', '2025-06-27', hours, 5000)],
    });
    expect(result.status).toBe(status);
    expect(result.firstYear).toMatchObject({ hours, wages: 5000, rate, credit });
    expect(result.firstYear.qualifiedWages).toBe(rate === 0 ? 0 : 5000);
    expect(result.total).toBe(credit);
  });
});

describe('wage cap per target group (IRC §51(b)(3), (d)(7)(B), (e)(1)(B))', () => {
  test.each([
    ['A', '2025-03-03', 6000, 2400, 1500],
    ['B-a', '2025-03-03', 6000, 2400, 1500],
    ['B-b', '2025-03-03', 12000, 4800, 3000],
    ['B-c', '2025-03-03', 24000, 9600, 6000],
    ['B-d', '2025-03-03', 6000, 2400, 1500],
    ['B-e', '2025-03-03', 14000, 5600, 3500],
    ['C', '2025-03-03', 6000, 2400, 1500],
    ['D', '2025-03-03', 6000, 2400, 1500],
    ['E', '2025-03-03', 6000, 2400, 1500],
    ['F', '2025-06-02', 3000, 1200, 750],
    ['G', '2025-03-03', 6000, 2400, 1500],
    ['H', '2025-03-03', 6000, 2400, 1500],
    ['I', '2025-03-03', 10000, 4000, 2500],
    ['J', '2025-03-03', 6000, 2400, 1500],
  ] as const)('%s: cap $%i → $%i at 40 %, $%i at 25 %', (group, startedOn, cap, at40, at25) => {
    const credit = (hours: number) =>
      creditFor({
        targetGroup: group as DolCode,
        startedOn,
        periods: [period(startedOn, '2025-08-29', hours, 30000)],
      }).firstYear;
    expect(credit(600)).toMatchObject({ cap, qualifiedWages: cap, rate: 0.4, credit: at40 });
    expect(credit(250)).toMatchObject({ cap, qualifiedWages: cap, rate: 0.25, credit: at25 });
  });

  test('summer youth: only the 90 days from the start date count, cut at September 15', () => {
    const june = creditFor({
      targetGroup: 'F',
      startedOn: '2025-06-02',
      periods: [
        period('2025-06-02', '2025-08-30', 300, 2500),
        period('2025-08-31', '2025-09-06', 40, 600),
      ],
    });
    expect(june.firstYear).toMatchObject({ from: '2025-06-02', through: '2025-08-30' });
    expect(june.firstYear).toMatchObject({ hours: 300, wages: 2500, rate: 0.25, credit: 625 });
    expect(june.excludedPeriods).toBe(1);
    const july = creditFor({ targetGroup: 'F', startedOn: '2025-07-21', periods: [] });
    expect(july.firstYear.through).toBe('2025-09-15');
    expect(() => creditFor({ targetGroup: 'F', startedOn: '2025-09-22', periods: [] })).toThrow(
      /summer youth/,
    );
  });
});

describe('long-term family assistance: a second year at 50 % (IRC §51(e))', () => {
  test('full time: $10,000 capped in each year → $4,000 + $5,000 = $9,000', () => {
    const result = creditFor({
      targetGroup: 'I',
      startedOn: '2024-07-01',
      periods: monthly('2024-07', 24, 160, 2000),
    });
    expect(result.firstYear).toMatchObject({ through: '2025-06-30', hours: 1920, wages: 24000 });
    expect(result.firstYear).toMatchObject({ rate: 0.4, qualifiedWages: 10000, credit: 4000 });
    expect(result.secondYear).toEqual({
      from: '2025-07-01',
      through: '2026-06-30',
      wages: 24000,
      cap: 10000,
      qualifiedWages: 10000,
      credit: 5000,
    });
    expect(result.total).toBe(9000);
    expect(result.byTaxYear['2024']).toMatchObject({ firstYearCredit: 4000, credit: 4000 });
    expect(result.byTaxYear['2025']).toMatchObject({
      firstYearWages: 12000,
      firstYearQualifiedWages: 0,
      secondYearWages: 12000,
      secondYearQualifiedWages: 10000,
      secondYearCredit: 5000,
      credit: 5000,
    });
    expect(result.byTaxYear['2026']).toMatchObject({ secondYearWages: 12000, credit: 0 });
  });

  test('part time under the caps: each tax year gets its own wages × rate', () => {
    const result = creditFor({
      targetGroup: 'I',
      startedOn: '2024-07-01',
      periods: monthly('2024-07', 24, 80, 700),
    });
    expect(result.firstYear).toMatchObject({ qualifiedWages: 8400, credit: 3360 });
    expect(result.secondYear).toMatchObject({ qualifiedWages: 8400, credit: 4200 });
    expect(
      Object.fromEntries(Object.entries(result.byTaxYear).map(([y, t]) => [y, t.credit])),
    ).toEqual({ 2024: 1680, 2025: 3780, 2026: 2100 });
    expect(result.total).toBe(7560);
  });

  test('the 50 % does not depend on the 25/40 % tier, but needs the 120-hour minimum', () => {
    const credit = (firstYearHours: number) =>
      creditFor({
        targetGroup: 'I',
        startedOn: '2024-07-01',
        periods: [
          period('2024-07-01', '2025-06-30', firstYearHours, 9000),
          period('2025-07-01', '2026-06-30', 2000, 30000),
        ],
      });
    expect(credit(300).firstYear.credit).toBe(2250);
    expect(credit(300).secondYear?.credit).toBe(5000);
    expect(credit(100).secondYear?.credit).toBe(0);
    expect(credit(100).status).toBe('below_minimum_hours');
  });

  test('other groups have no second year: its wages are excluded', () => {
    const result = creditFor({
      targetGroup: 'A',
      startedOn: '2024-07-01',
      periods: monthly('2024-07', 24, 160, 2000),
    });
    expect(result.secondYear).toBeNull();
    expect(result.excludedPeriods).toBe(12);
    expect(result.total).toBe(2400);
  });
});

describe('one first year over two tax years', () => {
  const twoYears = [
    ...monthly('2025-10', 3, 80, 1200), // 2025: 240 h, $3,600
    ...monthly('2026-01', 3, 80, 1200), // 2026: 240 h, $3,600 (the cap is reached in February)
  ];

  test('each tax year claims its own capped wages at the rate the whole first year reached', () => {
    const result = creditFor({ targetGroup: 'A', startedOn: '2025-10-01', periods: twoYears });
    expect(result.firstYear).toMatchObject({ hours: 480, wages: 7200, rate: 0.4, credit: 2400 });
    expect(result.byTaxYear).toEqual({
      2025: expect.objectContaining({
        firstYearWages: 3600,
        firstYearQualifiedWages: 3600,
        firstYearCredit: 1440,
        rateAtYearEnd: 0.25, // at the end of 2025 only 240 hours: 2025 grew when 2026 crossed 400
      }),
      2026: expect.objectContaining({
        firstYearWages: 3600,
        firstYearQualifiedWages: 2400,
        firstYearCredit: 960,
        rateAtYearEnd: 0.4,
      }),
    });
  });

  test('crossing 120 hours only in January makes December’s wages count', () => {
    const result = creditFor({
      targetGroup: 'A',
      startedOn: '2025-12-01',
      periods: [period('2025-12-01', '2025-12-31', 100, 1500), ...monthly('2026-01', 2, 150, 2250)],
    });
    expect(result.byTaxYear['2025']).toMatchObject({ firstYearCredit: 600, rateAtYearEnd: 0 });
    expect(result.byTaxYear['2026']).toMatchObject({ firstYearCredit: 1800, rateAtYearEnd: 0.4 });
    expect(result.total).toBe(2400);
  });

  test('a July–June fiscal year holds the whole first year', () => {
    const result = creditFor({
      targetGroup: 'A',
      startedOn: '2025-10-01',
      periods: twoYears,
      taxYearStartMonth: 7,
    });
    expect(Object.keys(result.byTaxYear)).toEqual(['2025']);
    expect(result.byTaxYear['2025']).toMatchObject({ firstYearCredit: 2400, rateAtYearEnd: 0.4 });
  });
});
