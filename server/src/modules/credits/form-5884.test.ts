import { describe, expect, test } from 'vitest';
import { taxYearRange } from './credit-ledger.ts';
import { form5884Csv } from './form-5884.ts';

const rows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('Form 5884 totals as CSV', () => {
  test('each line is its wages × its rate, rounded half up to the cent; line 2 adds them', () => {
    const csv = form5884Csv({
      taxYear: 2026,
      from: '2026-07-01',
      through: '2027-06-30',
      totals: {
        wagesAt25: 1000.02, // × 0.25 = 250.005 → 250.01
        wagesAt40: 6000,
        secondYearWagesAt50: 0.01, // × 0.5 = 0.005 → 0.01
        credit: 2650.01,
        projectedCredit: 9000,
      },
    });
    expect(rows(csv)).toEqual([
      '"tax_year","tax_year_beginning","tax_year_ending","line","description","qualified_wages","rate","credit"',
      '"2026","2026-07-01","2027-06-30","1a","Qualified first-year wages, employees who worked at least 120 but fewer than 400 hours","1000.02","0.25","250.01"',
      '"2026","2026-07-01","2027-06-30","1b","Qualified first-year wages, employees who worked 400 or more hours","6000.00","0.40","2400.00"',
      '"2026","2026-07-01","2027-06-30","1c","Qualified second-year wages, long-term family assistance recipients","0.01","0.50","0.01"',
      '"2026","2026-07-01","2027-06-30","2","Add lines 1a, 1b and 1c","","","2650.02"',
    ]);
  });

  test('the tax years with data follow the authorization end', () => {
    expect(taxYearRange('2025-12-31', 1)).toEqual({ first: 2016, last: 2027 });
    expect(taxYearRange('2030-12-31', 1)).toEqual({ first: 2016, last: 2032 });
    expect(taxYearRange('2024-06-30', 1)).toEqual({ first: 2016, last: 2026 });
  });

  test('a fiscal year is in range when it holds a day of the calendar range', () => {
    // July–June: 2015 runs to June 2016 (hires from 2016-01-01); group I's second year of a hire
    // on 2025-12-31 ends 2027-12-30, in the tax year that began in July 2027.
    expect(taxYearRange('2025-12-31', 7)).toEqual({ first: 2015, last: 2027 });
    // A hire on 2024-06-30: second year through 2026-06-29, in the year that began July 2025.
    expect(taxYearRange('2024-06-30', 7)).toEqual({ first: 2015, last: 2025 });
  });
});
