import { describe, expect, test } from 'vitest';
import { creditFor } from './credit-for.ts';
import { monthly, period } from './credit-fixtures.ts';
import { projectedCredit } from './projected-credit.ts';

// docs/credits.md §5: the pace of the pay periods so far, carried to the end of the windows.

const fourWeeks = (hoursPerWeek: number, wagesPerWeek: number) =>
  ['03', '10', '17', '24'].map((day) =>
    period(
      `2025-03-${day}`,
      `2025-03-${String(Number(day) + 6).padStart(2, '0')}`,
      hoursPerWeek,
      wagesPerWeek,
    ),
  );

describe('projectedCredit', () => {
  test('a full-timer four weeks in is on course for the cap at 40 %', () => {
    const input = {
      targetGroup: 'A' as const,
      startedOn: '2025-03-03',
      periods: fourWeeks(40, 600),
    };
    expect(creditFor(input).total).toBe(600); // 160 h: 25 % of $2,400 so far
    expect(projectedCredit(input)).toBe(2400);
  });

  test('a part-timer is projected at the tier and wages their pace reaches', () => {
    // 5 h and $75 a week: 260.71 h and $3,910.71 over the year → 25 %.
    const input = { targetGroup: 'A' as const, startedOn: '2025-03-03', periods: fourWeeks(5, 75) };
    expect(creditFor(input).total).toBe(0); // 20 hours: under the minimum so far
    expect(projectedCredit(input)).toBe(977.68);
  });

  test('long-term family assistance projects both years', () => {
    const input = {
      targetGroup: 'I' as const,
      startedOn: '2025-03-03',
      periods: fourWeeks(20, 300),
    };
    // $300 a week: about $15,600 a year, over both $10,000 caps; 1,040 hours → 40 %.
    expect(projectedCredit(input)).toBe(9000);
  });

  test('no payroll yet: the group maximum, as the survey showed', () => {
    expect(projectedCredit({ targetGroup: 'B-c', startedOn: '2025-03-03', periods: [] })).toBe(
      9600,
    );
    expect(projectedCredit({ targetGroup: 'I', startedOn: '2025-03-03', periods: [] })).toBe(9000);
  });

  test('a termination date ends the projection at the credit earned', () => {
    const periods = fourWeeks(40, 600);
    const input = { targetGroup: 'A' as const, startedOn: '2025-03-03', periods };
    expect(projectedCredit({ ...input, terminatedOn: '2025-03-30' })).toBe(600);
    const under120 = { ...input, periods: fourWeeks(25, 375), terminatedOn: '2025-03-30' };
    expect(projectedCredit(under120)).toBe(0);
  });

  test('payroll that covers the whole window projects what it earned', () => {
    const input = {
      targetGroup: 'A' as const,
      startedOn: '2025-01-01',
      periods: monthly('2025-01', 12, 20, 300),
    };
    expect(creditFor(input).total).toBe(900); // 240 h, $3,600 at 25 %
    expect(projectedCredit(input)).toBe(900);
  });

  test('rehires and hires after the authorization end project nothing', () => {
    const periods = fourWeeks(40, 600);
    expect(
      projectedCredit({ targetGroup: 'A', startedOn: '2025-03-03', periods, rehire: true }),
    ).toBe(0);
    expect(projectedCredit({ targetGroup: 'A', startedOn: '2026-03-02', periods: [] })).toBe(0);
    expect(
      projectedCredit({
        targetGroup: 'A',
        startedOn: '2026-03-02',
        periods: [],
        authorizedThrough: '2030-12-31',
      }),
    ).toBe(2400);
  });
});
