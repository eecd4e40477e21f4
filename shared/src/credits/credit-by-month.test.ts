import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inputArb } from './credit-arbitraries.ts';
import {
  creditByMonth,
  creditByTargetGroup,
  monthsOfTaxYear,
  taxYearByMonth,
} from './credit-by-month.ts';
import { creditFor } from './credit-for.ts';
import { monthly } from './credit-fixtures.ts';
import { taxYearOf } from './credit-periods.ts';

const cents = (dollars: number) => Math.round(dollars * 100);
const total = (months: Array<{ credit: number }>) =>
  months.reduce((sum, m) => sum + cents(m.credit), 0);
const asRecord = (months: Array<{ month: string; credit: number }>) =>
  Object.fromEntries(months.map((m) => [m.month, m.credit]));

describe('creditByMonth: the credit by the month its wages were paid in', () => {
  test('the months add up to each tax year and to the total, to the cent (any input)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        let result;
        try {
          result = creditFor(input);
        } catch {
          return; // inputs creditFor refuses are not credited at all
        }
        const months = creditByMonth(input);
        expect(total(months)).toBe(cents(result.total));
        const startMonth = input.taxYearStartMonth ?? 1;
        for (const [year, share] of Object.entries(result.byTaxYear)) {
          const inYear = months.filter(
            (m) => taxYearOf(`${m.month}-01`, startMonth) === Number(year),
          );
          expect(total(inYear)).toBe(cents(share.credit));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a first year over two tax years: each month at the rate the year reached', () => {
    // docs/credits.md §6: from 2025-10-01, $1,200 and 80 hours a month; 400 hours in February.
    const input = {
      targetGroup: 'A' as const,
      startedOn: '2025-10-01',
      periods: monthly('2025-10', 12, 80, 1200),
    };
    const months = creditByMonth(input);
    // 40 % of $1,200 until the $6,000 cap is used up in February 2026.
    expect(asRecord(months)).toMatchObject({
      '2025-10': 480,
      '2025-11': 480,
      '2025-12': 480,
      '2026-01': 480,
      '2026-02': 480,
      '2026-03': 0,
      '2026-09': 0,
    });
    expect(total(taxYearByMonth(2025, 1, [months]))).toBe(cents(1440));
    expect(total(taxYearByMonth(2026, 1, [months]))).toBe(cents(960));
    // A July–June tax year holds the whole first year's credit in 2025 (July 2025 – June 2026).
    const fiscal = taxYearByMonth(2025, 7, [creditByMonth({ ...input, taxYearStartMonth: 7 })]);
    expect(fiscal.map((m) => m.month)).toEqual(monthsOfTaxYear(2025, 7));
    expect(fiscal[0]).toEqual({ month: '2025-07', credit: 0 });
    expect(total(fiscal)).toBe(cents(2400));
  });

  test('the 120 and 400 hour tiers crossed mid-year: every month at the tier reached so far', () => {
    const started = { targetGroup: 'A' as const, startedOn: '2025-01-01' };
    // 50 hours and $1,000 a month: 100 hours by February (no credit), 250 by May (25 %), 600 by
    // December (40 %, the $6,000 cap used up by June).
    expect(creditByMonth({ ...started, periods: monthly('2025-01', 2, 50, 1000) })).toEqual([
      { month: '2025-01', credit: 0 },
      { month: '2025-02', credit: 0 },
    ]);
    const byMay = creditByMonth({ ...started, periods: monthly('2025-01', 5, 50, 1000) });
    expect(byMay.map((m) => m.credit)).toEqual([250, 250, 250, 250, 250]);
    const byDecember = creditByMonth({ ...started, periods: monthly('2025-01', 12, 50, 1000) });
    expect(byDecember.map((m) => m.credit)).toEqual([
      400, 400, 400, 400, 400, 400, 0, 0, 0, 0, 0, 0,
    ]);
  });

  test('rounding: each month is the growth of the rounded running credit', () => {
    const months = creditByMonth({
      targetGroup: 'A',
      startedOn: '2025-01-01',
      periods: monthly('2025-01', 3, 50, 333.33),
    });
    // 25 % of $333.33, $666.66, $999.99 → $83.33, $166.67, $250.00 (half up).
    expect(months.map((m) => m.credit)).toEqual([83.33, 83.34, 83.33]);
  });
});

describe('a tax year by month, of every hire', () => {
  test('all twelve months, zero where nothing was paid, hires summed in cents', () => {
    const year = taxYearByMonth(2025, 7, [
      [
        { month: '2025-06', credit: 100 }, // the year before
        { month: '2025-08', credit: 0.1 },
      ],
      [
        { month: '2025-08', credit: 0.2 },
        { month: '2026-06', credit: 5 },
      ],
    ]);
    expect(year).toHaveLength(12);
    expect(year[0]).toEqual({ month: '2025-07', credit: 0 });
    expect(year[1]).toEqual({ month: '2025-08', credit: 0.3 });
    expect(year[11]).toEqual({ month: '2026-06', credit: 5 });
  });

  test('months of a tax year named by the year it begins in', () => {
    expect(monthsOfTaxYear(2026)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(monthsOfTaxYear(2026, 12)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
  });
});

describe('creditByTargetGroup', () => {
  test('hires and credit per group, largest credit first, in cents', () => {
    expect(
      creditByTargetGroup([
        { targetGroup: 'A', creditToDate: 0.1 },
        { targetGroup: 'B-e', creditToDate: 5600 },
        { targetGroup: 'A', creditToDate: 0.2 },
        { targetGroup: 'I', creditToDate: 0 },
      ]),
    ).toEqual([
      { targetGroup: 'B-e', name: expect.stringMatching(/veteran/i), hires: 1, credit: 5600 },
      { targetGroup: 'A', name: expect.any(String), hires: 2, credit: 0.3 },
      { targetGroup: 'I', name: expect.any(String), hires: 1, credit: 0 },
    ]);
  });
});
