import { describe, expect, test } from 'vitest';
import type { HomeCredit } from '@eligo/shared/schemas/home';
import { creditFigures, isEmptyCredit, monthName } from './credit-figures.ts';

const none = { applicants: 0, amount: 0 };
const credit = (overrides: Partial<HomeCredit> = {}): HomeCredit => ({
  month: '2026-03',
  year: 2026,
  thisMonth: none,
  thisYear: none,
  byPosting: [],
  awaitingCertification: none,
  credits: { taxYear: 2026, earned: 0, projected: 0 },
  ...overrides,
});

describe('the home credit card', () => {
  test('months are named from the employer’s month, not the browser’s clock', () => {
    expect(monthName('2026-03')).toBe('March 2026');
    expect(monthName('2025-12')).toBe('December 2025');
    expect(monthName('2027-01')).toBe('January 2027');
  });

  test('four figures in reading order, in dollars and words', () => {
    const figures = creditFigures(
      credit({
        thisMonth: { applicants: 1, amount: 2400 },
        thisYear: { applicants: 3, amount: 14_400 },
        awaitingCertification: { applicants: 2, amount: 12_000 },
        credits: { taxYear: 2026, earned: 1040.5, projected: 2400 },
      }),
    );
    expect(figures.map((f) => [f.label, f.amount, f.detail])).toEqual([
      ['Potential credit, March 2026', '$2,400', '1 Pre Qualified applicant'],
      ['Potential credit, 2026', '$14,400', '3 Pre Qualified applicants'],
      ['Waiting for certification', '$12,000', '2 hires filed with the state'],
      ['Credit earned, tax year 2026', '$1,041', '$2,400 projected from the payroll so far'],
    ]);
  });

  test('no earned figure when the program’s rules do not reach the tax year', () => {
    expect(creditFigures(credit({ credits: null })).map((f) => f.id)).toEqual([
      'month',
      'year',
      'awaiting',
    ]);
  });

  test('empty only when nothing is screened, waiting or earned', () => {
    expect(isEmptyCredit(credit())).toBe(true);
    expect(isEmptyCredit(credit({ credits: null }))).toBe(true);
    expect(isEmptyCredit(credit({ thisYear: { applicants: 1, amount: 0 } }))).toBe(false);
    expect(isEmptyCredit(credit({ awaitingCertification: { applicants: 1, amount: 2400 } }))).toBe(
      false,
    );
    expect(isEmptyCredit(credit({ credits: { taxYear: 2026, earned: 0, projected: 10 } }))).toBe(
      false,
    );
  });
});
