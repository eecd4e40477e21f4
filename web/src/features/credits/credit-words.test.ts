import { describe, expect, test } from 'vitest';
import {
  chartSummary,
  formatAxisMoney,
  formatDay,
  formatMonth,
  formatMoney,
  formatRate,
  lineStatus,
  payrollOutcome,
  taxYearTitle,
} from './credit-words.ts';

describe('credit words', () => {
  test('amounts in dollars and cents, rates as percentages', () => {
    expect(formatMoney(1440)).toBe('$1,440.00');
    expect(formatMoney(0.5)).toBe('$0.50');
    expect(formatRate(0.4)).toBe('40 %');
    expect(formatRate(0.25)).toBe('25 %');
    expect(formatRate(0)).toBe('—');
  });

  test('a termination under 120 hours is said to be final', () => {
    expect(lineStatus({ status: 'below_minimum_hours', terminatedOn: null })).toBe(
      'Under 120 hours: no credit',
    );
    expect(lineStatus({ status: 'below_minimum_hours', terminatedOn: '2025-04-13' })).toBe(
      'Left on 2025-04-13 under 120 hours: no credit',
    );
    expect(lineStatus({ status: 'program_not_authorized', terminatedOn: null })).toMatch(
      /program end/,
    );
  });

  test('what a payroll file did, or would do, with the people not certified', () => {
    const result = {
      dryRun: true,
      rows: 3,
      created: 2,
      updated: 1,
      unchanged: 0,
      notCertified: 1,
      notCertifiedEmployees: [
        { line: 4, employee: 'ana@example.com', applicantId: 'a'.repeat(24) },
      ],
    };
    expect(payrollOutcome(result)).toEqual([
      '3 rows in the file.',
      '2 pay periods would be added, 1 pay period would be replaced, 0 rows already as in the file.',
      '1 person is not certified yet: their pay periods are kept and count once the state certifies them.',
    ]);
    expect(payrollOutcome({ ...result, dryRun: false, notCertified: 0 })[1]).toBe(
      '2 pay periods were added, 1 pay period was replaced, 0 rows already as in the file.',
    );
  });
});

describe('tax years, months and charts in words', () => {
  test('a tax year with its first and last day; months short', () => {
    expect(taxYearTitle({ taxYear: 2026, from: '2026-07-01', through: '2027-06-30' })).toBe(
      'Tax year 2026: Jul 1, 2026 – Jun 30, 2027',
    );
    expect(formatDay('2025-12-31')).toBe('Dec 31, 2025');
    expect(formatMonth('2026-01')).toBe('Jan 2026');
    expect(formatAxisMoney(1440.5)).toBe('$1,441');
  });

  test("a chart's summary names the bars with credit and the total, to the cent", () => {
    expect(chartSummary('Credit by month', [{ label: 'Jan 2026', value: 0 }])).toBe(
      'Credit by month: no credit yet.',
    );
    expect(
      chartSummary('Credit by month', [
        { label: 'Jan 2026', value: 0.1 },
        { label: 'Feb 2026', value: 0 },
        { label: 'Mar 2026', value: 0.2 },
      ]),
    ).toBe('Credit by month: Jan 2026 $0.10, Mar 2026 $0.20; $0.30 in all.');
  });
});
