import { Readable } from 'node:stream';
import { csvDate, csvHours, csvMoney, csvText, optional } from './cell-parsers.ts';
import { defineCsvImport, type CsvRecord, type CsvRow } from './csv-definition.ts';
import { noOverlappingPeriods } from './cross-row-checks.ts';
import { validateCsv } from './csv-validator.ts';

const columns = {
  employee: csvText({ maxLength: 254 }),
  period_start: csvDate(),
  period_end: csvDate(),
  hours: csvHours(),
  wages: csvMoney(),
  note: optional(csvText({ maxLength: 300 })),
};
export type TestPayrollRow = CsvRow<typeof columns>;

/** A payroll-like import for the unit tests (the real ones live in their modules). */
export const testPayroll = defineCsvImport({
  name: 'test-payroll',
  columns,
  key: ['employee', 'period_start', 'period_end'],
  checkRow: (row) =>
    row.period_end < row.period_start
      ? [{ column: 'period_end', message: 'Ends before the period starts' }]
      : undefined,
  crossRowChecks: () => [
    noOverlappingPeriods<TestPayrollRow>({
      group: 'employee',
      start: 'period_start',
      end: 'period_end',
      groupLabel: 'the same employee',
    }),
  ],
  maxRows: 100_000,
});

export const HEADER = 'employee,period_start,period_end,hours,wages,note';

/** Validates `chunks` (the file, in the pieces it arrives in) and keeps what `onBatch` got. */
export async function validateChunks(chunks: Array<string | Buffer>) {
  const batches: Array<Array<CsvRecord<TestPayrollRow>>> = [];
  const validation = await validateCsv(
    Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))),
    testPayroll,
    {
      onBatch: async (records) => {
        batches.push(records);
      },
    },
  );
  return { ...validation, listed: validation.issues.listed(), batches, records: batches.flat() };
}

export const validateText = (text: string) => validateChunks([text]);
