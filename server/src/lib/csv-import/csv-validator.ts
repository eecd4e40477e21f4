import type { Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import type { CellParser, CsvValue } from './cell-parsers.ts';
import {
  DEFAULT_MAX_ROWS,
  rowKey,
  type CsvColumns,
  type CsvImportDefinition,
  type CsvRecord,
  type CsvRow,
} from './csv-definition.ts';
import { noRepeatedKeys } from './cross-row-checks.ts';
import { IssueList } from './issue-list.ts';

/** Longest line read (a double quote never closed would otherwise swallow the rest of the file). */
export const MAX_LINE_BYTES = 64 * 1024;
/** Rows handed to `onBatch` at a time. */
export const BATCH_ROWS = 1_000;

/** Why a file was refused as a whole, before or instead of its rows' errors. */
export type CsvFileProblem = 'empty' | 'header' | 'no-rows' | 'too-many-rows';

export interface CsvValidation {
  /** Data rows read (blank lines not counted). */
  rows: number;
  issues: IssueList;
  problem?: CsvFileProblem;
}

export interface ValidateOptions<R> {
  /**
   * Receives the valid rows, a batch at a time and in file order, while the file has no error:
   * after the first one nothing more is handed over (the file will be refused anyway).
   */
  onBatch?(records: Array<CsvRecord<R>>): Promise<void>;
}

/** csv-parse's complaints about quotes, in words for the person who made the file. */
function unreadableLine(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A double quote opened on this line is never closed';
    case 'INVALID_OPENING_QUOTE':
      return 'A double quote appears inside a cell: put the whole cell in double quotes and double the quote inside ("say ""hi""")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quoted cell goes on after its closing quote: double a quote that is part of the text ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return `This line is longer than ${MAX_LINE_BYTES / 1024} KB (a double quote never closed?); the lines after it were not read`;
    default:
      return 'This line cannot be read as CSV';
  }
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Reads a CSV file as it streams and checks all of it: the header (exactly the declared columns,
 * in order), the number of cells on each line, each cell with its column's parser, each row with
 * `checkRow`, then rows against each other (repeated keys, the definition's cross-row checks).
 * Accepts a UTF-8 BOM, CRLF, LF or CR line ends (mixed too), quoted cells with commas, quotes and
 * line breaks; skips blank lines and lines of empty cells (spreadsheets leave them at the end).
 * Memory stays flat whatever the file's size: one batch of rows and the cross-row summaries.
 */
export async function validateCsv<C extends CsvColumns>(
  source: Readable,
  definition: CsvImportDefinition<C>,
  options: ValidateOptions<CsvRow<C>> = {},
): Promise<CsvValidation> {
  const columns = Object.entries(definition.columns);
  const expected = columns.map(([name]) => name);
  const maxRows = definition.maxRows ?? DEFAULT_MAX_ROWS;
  const issues = new IssueList();
  const checks = [
    noRepeatedKeys<CsvRow<C>>(definition.key),
    ...(definition.crossRowChecks?.() ?? []),
  ];
  let batch: Array<CsvRecord<CsvRow<C>>> = [];
  let rows = 0;
  let header: string[] | undefined;

  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_LINE_BYTES,
  });
  parser.on('skip', (error: CsvError) => {
    const line = typeof error.lines === 'number' ? error.lines : 1;
    issues.add({ line, message: unreadableLine(error) });
    issues.rowsWithOwnErrors += 1;
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  const done = (problem?: CsvFileProblem): CsvValidation => ({ rows, issues, problem });
  try {
    for await (const { record: cells, info } of parser as AsyncIterable<{
      record: string[];
      info: Info;
    }>) {
      const line = info.lines;
      if (!header) {
        if (isBlank(cells)) continue;
        header = cells.map((cell) => cell.trim());
        if (header.join(',') !== expected.join(',')) {
          headerIssues(header, expected).forEach((issue) => issues.add(issue));
          return done('header');
        }
        continue;
      }
      if (isBlank(cells)) continue;
      rows += 1;
      if (rows > maxRows) {
        issues.add({
          line,
          message: `The file has more than ${maxRows.toLocaleString('en-US')} rows`,
        });
        return done('too-many-rows');
      }
      const record = readRow(definition, columns, cells, line, issues);
      if (!record) continue;
      for (const check of checks) check.see(record);
      if (issues.total > 0 || !options.onBatch) continue;
      batch.push(record);
      if (batch.length >= BATCH_ROWS) {
        await options.onBatch(batch);
        batch = [];
      }
    }
  } finally {
    // Stopped early (a wrong header) or failed: let the rest of the upload drain instead of
    // destroying it, so the answer can still be sent on the same connection.
    source.unpipe(parser);
    if (!source.readableEnded && !source.destroyed) source.resume();
  }
  if (!header) {
    issues.add({
      line: 1,
      message: `The file is empty; its first line must be the header ${expected.join(',')}`,
    });
    return done('empty');
  }
  if (rows === 0 && issues.total === 0) {
    issues.add({ line: 2, message: 'The file has a header but no rows' });
    return done('no-rows');
  }
  for (const check of checks) for (const issue of check.issues()) issues.addCrossRow(issue);
  if (issues.total === 0 && batch.length > 0 && options.onBatch) await options.onBatch(batch);
  return done();
}

function headerIssues(found: string[], expected: string[]) {
  const issues = [];
  for (let i = 0; i < Math.max(found.length, expected.length); i++) {
    const want = expected[i];
    const got = found[i];
    if (want === got) continue;
    issues.push(
      want === undefined
        ? { line: 1, column: got, message: `Unexpected column "${got}" (column ${i + 1})` }
        : {
            line: 1,
            column: want,
            message:
              got === undefined
                ? `Column ${i + 1} should be ${want}; the header stops before it`
                : `Column ${i + 1} should be ${want}, not "${got}"`,
          },
    );
  }
  return issues;
}

/** One data line: its cells parsed and the row checked, or its errors added to `issues`. */
function readRow<C extends CsvColumns>(
  definition: CsvImportDefinition<C>,
  columns: Array<[string, CellParser]>,
  cells: string[],
  line: number,
  issues: IssueList,
): CsvRecord<CsvRow<C>> | undefined {
  const before = issues.total;
  if (cells.length !== columns.length) {
    const hint =
      cells.length > columns.length
        ? '. A value with a comma in it, like 1,234.50, must be in double quotes'
        : '';
    issues.add({
      line,
      message: `This line has ${cells.length} cells; the header has ${columns.length}${hint}`,
    });
  } else {
    const row: Record<string, CsvValue> = {};
    columns.forEach(([column, parseCell], index) => {
      const result = parseCell(cells[index] ?? '');
      if (result.ok) row[column] = result.value;
      else issues.add({ line, column, message: result.message });
    });
    if (issues.total === before) {
      for (const { column, message } of definition.checkRow?.(row as CsvRow<C>) ?? [])
        issues.add({ line, column, message });
    }
    if (issues.total === before) {
      const parsed = row as CsvRow<C>;
      return { line, key: rowKey(definition, parsed), row: parsed };
    }
  }
  issues.rowsWithOwnErrors += 1;
  return undefined;
}
