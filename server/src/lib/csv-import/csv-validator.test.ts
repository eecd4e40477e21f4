import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { defineCsvImport } from './csv-definition.ts';
import { csvText } from './cell-parsers.ts';
import { csvInvalid } from './csv-invalid.ts';
import { validateCsv } from './csv-validator.ts';
import { MAX_LISTED_ISSUES } from './issue-list.ts';
import { HEADER, testPayroll, validateChunks, validateText } from './test-payroll.fixture.ts';

const row = (employee: string, start = '2026-01-01', end = '2026-01-14', rest = '40,1000.00,') =>
  `${employee},${start},${end},${rest}`;

describe('reading the file', () => {
  test('BOM, CRLF, quoted commas and doubled quotes', async () => {
    const file = `\uFEFF${HEADER}\r\n"Doe, ""JD"" Jane",2026-01-01,2026-01-14,40,"1,234.50","a, b"\r\n`;
    const result = await validateText(file);
    expect(result.listed).toEqual([]);
    expect(result.records).toEqual([
      {
        line: 2,
        key: 'Doe, "JD" Jane\u001f2026-01-01\u001f2026-01-14',
        row: {
          employee: 'Doe, "JD" Jane',
          period_start: '2026-01-01',
          period_end: '2026-01-14',
          hours: 40,
          wages: 1234.5,
          note: 'a, b',
        },
      },
    ]);
  });

  test('the same file in 1-byte pieces (a BOM, a CRLF and accented letters split across chunks) reads the same', async () => {
    const file = `\uFEFF${HEADER}\r\n${row('a@x.com')}\r\n"Compañía, Müller",2026-01-01,2026-01-14,1,2,\r\n`;
    const whole = await validateText(file);
    const bytes = Buffer.from(file);
    const pieces = await validateChunks([...bytes].map((b) => Buffer.from([b])));
    expect(pieces.records).toEqual(whole.records);
    expect(pieces.records.map((r) => r.row.employee)).toEqual(['a@x.com', 'Compañía, Müller']);
  });

  test('LF, CR and mixed line ends; blank lines, lines of empty cells and a trailing empty line are skipped, line numbers stay true', async () => {
    const file = `${HEADER}\n${row('a@x.com')}\r\n\n,,,,,\r${row('b@x.com', '2026-02-01', '2026-02-14')}\n\n`;
    const result = await validateText(file);
    expect(result.listed).toEqual([]);
    expect(result.rows).toBe(2);
    expect(result.records.map((r) => [r.line, r.row.employee])).toEqual([
      [2, 'a@x.com'],
      [5, 'b@x.com'],
    ]);
  });

  test('rows go to onBatch in file order, 1,000 at a time', async () => {
    const lines = Array.from({ length: 2_500 }, (_, i) => row(`e${i}@x.com`));
    const result = await validateText(`${HEADER}\n${lines.join('\n')}\n`);
    expect(result.batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(result.records.map((r) => r.line)).toEqual(lines.map((_, i) => i + 2));
  });
});

describe('the file as a whole', () => {
  test.each([
    ['an empty file', ''],
    ['a BOM alone', '\uFEFF'],
    ['blank lines', '\r\n  \n'],
  ])('%s is empty, and the answer names the header', async (_, file) => {
    const result = await validateText(file);
    expect(result.problem).toBe('empty');
    expect(csvInvalid(result, testPayroll).message).toBe(
      `The file is empty (its first line must be the header ${HEADER}); nothing was imported`,
    );
  });

  test('a header without rows', async () => {
    const result = await validateText(`${HEADER}\r\n`);
    expect(result.problem).toBe('no-rows');
  });

  test.each([
    [
      'a renamed column',
      'employee,start,period_end,hours,wages,note',
      [['period_start', 'Column 2 should be period_start, not "start"']],
    ],
    [
      'a missing column',
      'employee,period_start,period_end,hours,wages',
      [['note', 'Column 6 should be note; the header stops before it']],
    ],
    ['an extra column', `${HEADER},bonus`, [['bonus', 'Unexpected column "bonus" (column 7)']]],
  ])(
    'a wrong header (%s) stops the reading; the answer names the expected header',
    async (_, header, details) => {
      const result = await validateText(`${header}\n${row('a@x.com')}\n`);
      expect(result.problem).toBe('header');
      expect(result.records).toEqual([]);
      const error = csvInvalid(result, testPayroll);
      expect(error.message).toBe(
        `The first line must be the header ${HEADER}; nothing was imported`,
      );
      expect(error.details?.map((d) => [d.column, d.message])).toEqual(details);
      expect(error.details?.every((d) => d.line === 1)).toBe(true);
    },
  );

  test('a file without its header (the first line is data) is refused the same way', async () => {
    const result = await validateText(`${row('a@x.com')}\n${row('b@x.com')}\n`);
    expect(result.problem).toBe('header');
    expect(result.records).toEqual([]);
  });

  test('more rows than the import takes', async () => {
    const small = defineCsvImport({
      name: 't',
      columns: { name: csvText({ maxLength: 5 }) },
      key: ['name'],
      maxRows: 2,
    });
    const result = await validateCsv(Readable.from([Buffer.from('name\na\nb\nc\nd\n')]), small);
    expect(result.problem).toBe('too-many-rows');
    expect(csvInvalid(result, small).message).toBe(
      'The file has more than 2 rows (split it into smaller files); nothing was imported',
    );
  });
});

describe('errors by line and column', () => {
  test('every bad row is reported, none is handed over, and the answer is one sentence', async () => {
    const file = [
      HEADER,
      row('a@x.com', '2026-02-30'),
      row('b@x.com'),
      `c@x.com,2026-01-01,2026-01-14,40,1,234.50,`,
      `d@x.com,2026-01-01`,
      row('e@x.com', '2026-01-01', '2026-01-14', '-3,$12,'),
      row('f@x.com', '2026-03-10', '2026-03-01'),
    ].join('\r\n');
    const result = await validateText(file);
    expect(result.records).toEqual([]);
    expect(result.listed).toEqual([
      { line: 2, column: 'period_start', message: '2026-02-30 is not a real date' },
      {
        line: 4,
        message:
          'This line has 7 cells; the header has 6. A value with a comma in it, like 1,234.50, must be in double quotes',
      },
      { line: 5, message: 'This line has 2 cells; the header has 6' },
      { line: 6, column: 'hours', message: '"-3" is negative; it must be 0 or more' },
      {
        line: 6,
        column: 'wages',
        message: '"$12": write the amount without a currency symbol (e.g. 1234.50)',
      },
      { line: 7, column: 'period_end', message: 'Ends before the period starts' },
    ]);
    const error = csvInvalid(result, testPayroll);
    expect(error.message).toBe('5 rows have errors; nothing was imported');
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('CSV_INVALID');
    expect(error.details?.[0]).toEqual({
      path: '/body/2/period_start',
      line: 2,
      column: 'period_start',
      message: '2026-02-30 is not a real date',
    });
  });

  test('a file saved as Windows-1252 instead of UTF-8: the cell says how to save it', async () => {
    const file = Buffer.from(`${HEADER}\n${row('José')}\n`, 'latin1');
    const result = await validateChunks([file]);
    expect(result.listed).toEqual([
      {
        line: 2,
        column: 'employee',
        message:
          'Has characters that are not UTF-8: save the file as "CSV UTF-8" and upload it again',
      },
    ]);
  });

  test('an unclosed quote is reported on its line', async () => {
    const result = await validateText(
      `${HEADER}\n${row('a@x.com')}\n"b@x.com,2026-01-01,2026-01-14,1,2,\n`,
    );
    expect(result.listed).toEqual([
      { line: 3, message: 'A double quote opened on this line is never closed' },
    ]);
    expect(csvInvalid(result, testPayroll).message).toBe('1 row has errors; nothing was imported');
  });

  test('repeated rows and overlapping periods of one employee, found across the whole file', async () => {
    const file = [
      HEADER,
      row('a@x.com', '2026-01-01', '2026-01-14'),
      row('b@x.com', '2026-01-01', '2026-01-14'),
      row('a@x.com', '2026-01-15', '2026-01-28'),
      row('a@x.com', '2026-01-10', '2026-01-20'),
      row('a@x.com', '2026-01-01', '2026-01-14'),
    ].join('\n');
    const result = await validateText(file);
    expect(result.listed).toEqual([
      {
        line: 5,
        column: 'period_start',
        message: 'Overlaps the period on line 2 (2026-01-01 to 2026-01-14) of the same employee',
      },
      {
        line: 6,
        column: 'employee',
        message: 'Repeats line 2 (same employee, period_start and period_end)',
      },
    ]);
    expect(result.issues.rowsWithErrors).toBe(2);
  });

  test(`a file with an error on every line lists the first ${MAX_LISTED_ISSUES} and counts them all`, async () => {
    const lines = Array.from({ length: 1_200 }, (_, i) => row(`e${i}@x.com`, '2026-02-30'));
    const result = await validateText(`${HEADER}\n${lines.join('\n')}`);
    const error = csvInvalid(result, testPayroll);
    expect(error.details).toHaveLength(MAX_LISTED_ISSUES);
    expect(error.details?.[MAX_LISTED_ISSUES - 1]?.line).toBe(MAX_LISTED_ISSUES + 1);
    expect(error.totalDetails).toBe(1_200);
    expect(error.message).toBe('1,200 rows have errors; nothing was imported');
  });
});
