import { PAYROLL_CSV_HEADER } from '@eligo/shared/schemas/credits';
import {
  csvDate,
  csvHours,
  csvMoney,
  defineCsvImport,
  noOverlappingPeriods,
  type CsvRow,
} from '../../lib/csv-import/index.ts';
import { employeeCell } from '../applicants/index.ts';

/**
 * The payroll CSV (docs/credits.md §8, docs/csv-imports.md): one pay period of one person a line.
 * `employee` is the Lever opportunity id or the email (normalized, so `Ana@x.com` and `ana@x.com`
 * are the same person's periods); hours and wages are 0 or more, at most 2 decimals, no currency.
 */
const columns = {
  employee: employeeCell,
  period_start: csvDate(),
  period_end: csvDate(),
  // No pay period has more hours than it has: 24 × 366.
  hours: csvHours({ max: 8_784 }),
  wages: csvMoney({ max: 10_000_000 }),
};
export type PayrollCsvRow = CsvRow<typeof columns>;

export const payrollImport = defineCsvImport({
  name: 'payroll',
  columns,
  key: ['employee', 'period_start', 'period_end'],
  checkRow: (row) =>
    row.period_end < row.period_start
      ? [
          {
            column: 'period_end',
            message: `Ends (${row.period_end}) before the period starts (${row.period_start})`,
          },
        ]
      : undefined,
  crossRowChecks: () => [
    noOverlappingPeriods<PayrollCsvRow>({
      group: 'employee',
      start: 'period_start',
      end: 'period_end',
      groupLabel: 'the same employee',
    }),
  ],
});

if (Object.keys(columns).join(',') !== PAYROLL_CSV_HEADER.join(',')) {
  throw new Error('payroll CSV: the columns are not PAYROLL_CSV_HEADER');
}
