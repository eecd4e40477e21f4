import type { CreditLedger } from '@eligo/shared/schemas/credits';
import { toCsv } from '../../lib/csv.ts';

/** Wages × a rate in basis points, rounded half up to the cent, on whole cents (no float drift). */
function creditOn(wages: number, basisPoints: number): number {
  const cents = Math.round(wages * 100);
  return Math.floor((cents * basisPoints + 5_000) / 10_000) / 100;
}

const money = (dollars: number) => dollars.toFixed(2);

/**
 * The Form 5884 lines of a tax year as CSV (docs/credits.md §8): 1a (25 %), 1b (40 %), 1c (second
 * year, 50 %) and 2, their sum, as the form computes them: each line's wages × its rate. Line 2 may
 * differ by a few cents from the ledger's `credit`, which adds up each hire's own rounded credit.
 * Each row names the tax year and its first and last day, as the return's heading does ("tax year
 * beginning …, and ending …"): a fiscal year's name alone is ambiguous.
 */
export function form5884Csv({
  taxYear,
  from,
  through,
  totals,
}: Pick<CreditLedger, 'taxYear' | 'from' | 'through' | 'totals'>): string {
  const lines = [
    {
      line: '1a',
      text: 'Qualified first-year wages, employees who worked at least 120 but fewer than 400 hours',
      wages: totals.wagesAt25,
      basisPoints: 2_500,
    },
    {
      line: '1b',
      text: 'Qualified first-year wages, employees who worked 400 or more hours',
      wages: totals.wagesAt40,
      basisPoints: 4_000,
    },
    {
      line: '1c',
      text: 'Qualified second-year wages, long-term family assistance recipients',
      wages: totals.secondYearWagesAt50,
      basisPoints: 5_000,
    },
  ];
  const credits = lines.map((l) => creditOn(l.wages, l.basisPoints));
  const total = credits.reduce((sum, c) => sum + Math.round(c * 100), 0) / 100;
  return toCsv(
    [
      'tax_year',
      'tax_year_beginning',
      'tax_year_ending',
      'line',
      'description',
      'qualified_wages',
      'rate',
      'credit',
    ],
    [
      ...lines.map((l, i) => [
        String(taxYear),
        from,
        through,
        l.line,
        l.text,
        money(l.wages),
        (l.basisPoints / 10_000).toFixed(2),
        money(credits[i]!),
      ]),
      [String(taxYear), from, through, '2', 'Add lines 1a, 1b and 1c', '', '', money(total)],
    ],
  );
}
